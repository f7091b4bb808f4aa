"""Sharded training (`scaling.strategy: fsdp`): FSDP2 over the workers Ray Train started.

Each transformer block (the classes a Hugging Face model names in `_no_split_modules`, the
units it is never split inside) becomes one FSDP2 unit, and the whole multi-task model the
root unit (embeddings, heads, adapters): every worker keeps 1/N of each parameter, its
gradient and its AdamW state, and gathers a block's parameters only while it runs. Ray's
`prepare_model(parallel_strategy="fsdp")` wraps with FSDP1, so `fully_shard` is applied here,
on the process group Ray Train set up, as Ray's FSDP2 guide does.

Checkpoints are sharded with torch.distributed.checkpoint (DCP): every worker writes its own
shards, and Ray Train uploads all workers' files into one checkpoint. The driver consolidates
a checkpoint's model into the usual `model.pt` with DCP's own converter, without a process
group, when it logs the model.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
import torch.distributed.checkpoint as dcp
from torch import nn
from torch.distributed.checkpoint.format_utils import dcp_to_torch_save
from torch.distributed.checkpoint.state_dict import (
    get_model_state_dict,
    get_optimizer_state_dict,
    set_model_state_dict,
    set_optimizer_state_dict,
)
from torch.distributed.device_mesh import init_device_mesh
from torch.distributed.fsdp import CPUOffloadPolicy, FSDPModule, MixedPrecisionPolicy, OffloadPolicy, fully_shard
from torch.distributed.tensor import DTensor
from transformers import PreTrainedModel

from mtl_platform.config import FsdpConfig
from mtl_platform.tracking.run_directory import SHARDED_MODEL_DIR, SHARDED_OPTIMIZER_DIR


def transformer_blocks(model: nn.Module) -> list[nn.Module]:
    """The modules a Hugging Face model says must not be split (its layers), in order. A block
    holding a weight tied to one outside it (a new decoder's embeddings, tied to its output layer)
    stays in the root unit: FSDP2 shards a parameter in one unit only."""
    names = {n for m in model.modules() if isinstance(m, PreTrainedModel) for n in (m._no_split_modules or [])}
    places: dict[int, list[str]] = defaultdict(list)  # every name a parameter is reached by
    for name, parameter in model.named_parameters(remove_duplicate=False):
        places[id(parameter)].append(name)

    def self_contained(prefix: str, block: nn.Module) -> bool:
        return all(n.startswith(f"{prefix}.") for p in block.parameters() for n in places[id(p)])

    return [m for prefix, m in model.named_modules() if type(m).__name__ in names and self_contained(prefix, m)]


def shard(model: nn.Module, options: FsdpConfig, precision: str, device: torch.device) -> None:
    """In place: the model's parameters become DTensors sharded over every worker (build the
    optimizer after this). bf16 precision gathers parameters in bf16 and reduces gradients in
    fp32; the sharded parameters and the optimizer stay fp32."""
    model.to(device)
    if options.activation_checkpointing:
        for module in model.modules():
            if isinstance(module, PreTrainedModel) and module.supports_gradient_checkpointing:
                module.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    mesh = init_device_mesh(device.type, (dist.get_world_size(),))
    bf16 = precision == "bf16"
    settings: dict[str, Any] = {
        "mesh": mesh,
        "reshard_after_forward": options.reshard_after_forward,
        "mp_policy": MixedPrecisionPolicy(param_dtype=torch.bfloat16, reduce_dtype=torch.float32)
        if bf16
        else MixedPrecisionPolicy(),
        "offload_policy": CPUOffloadPolicy() if options.cpu_offload else OffloadPolicy(),
    }
    for block in transformer_blocks(model):
        if options.compile:  # block by block, as torchtitan does: every layer reuses one graph
            block.compile()
        fully_shard(block, **settings)
    fully_shard(model, **settings)


def is_sharded(model: nn.Module) -> bool:
    return isinstance(model, FSDPModule)


def local_parameter_count(model: nn.Module) -> int:
    """Parameter elements this worker holds (its shards): about 1/N of the model under FSDP."""
    return sum(p.to_local().numel() if isinstance(p, DTensor) else p.numel() for p in model.parameters())


@contextlib.contextmanager
def gathered(model: nn.Module, options: FsdpConfig) -> Iterator[None]:
    """Every worker holds the full parameters for a while, so that forward passes need no
    collective: workers then evaluate their own shards of a split (of different sizes, with
    generations of different lengths) and rank 0 alone can export adapters. It costs the
    parameters' memory once (not the gradients' or the optimizer's)."""
    if not is_sharded(model):
        yield
        return
    units = [m for m in model.modules() if isinstance(m, FSDPModule)]
    for unit in units:
        unit.unshard()
        unit.set_reshard_after_forward(False, recurse=False)
    try:
        yield
    finally:
        for unit in units:
            unit.set_reshard_after_forward(options.reshard_after_forward, recurse=False)
            unit.reshard()


def save(directory: Path, model: nn.Module, optimizer: torch.optim.Optimizer) -> None:
    """Every worker writes its shards of the model and of the optimizer (a collective)."""
    dcp.save({"model": get_model_state_dict(model)}, checkpoint_id=directory / SHARDED_MODEL_DIR)
    dcp.save({"optimizer": get_optimizer_state_dict(model, optimizer)}, checkpoint_id=directory / SHARDED_OPTIMIZER_DIR)


def load(directory: Path, model: nn.Module, optimizer: torch.optim.Optimizer) -> None:
    """Every worker reads its shards; a checkpoint saved by another number of workers reshards."""
    model_state = {"model": get_model_state_dict(model)}
    dcp.load(model_state, checkpoint_id=directory / SHARDED_MODEL_DIR)
    set_model_state_dict(model, model_state["model"])
    optimizer_state = {"optimizer": get_optimizer_state_dict(model, optimizer)}
    dcp.load(optimizer_state, checkpoint_id=directory / SHARDED_OPTIMIZER_DIR)
    set_optimizer_state_dict(model, optimizer, optimizer_state["optimizer"])


def consolidate(directory: Path, into: Path) -> None:
    """The full model of a sharded checkpoint as one torch file (`model.pt`), in this process
    alone: DCP's converter reads every worker's shards."""
    with tempfile.TemporaryDirectory() as scratch:
        whole = Path(scratch, "whole.pt")
        dcp_to_torch_save(directory / SHARDED_MODEL_DIR, whole)
        torch.save(torch.load(whole, map_location="cpu", weights_only=False)["model"], into)
