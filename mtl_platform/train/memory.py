"""The memory a worker needs, told before anything starts: by `mtl validate`, and by each worker
before it builds its model, which stops with what would fit instead of running out mid-run.

Per worker, in bytes:
- weights, gradients and AdamW's two moments: 4 + 4 + 8 bytes per trainable parameter, 4 per
  frozen one; divided by the workers under fsdp;
- fsdp: the parameters a worker gathers at once: the root unit's (embeddings, heads, adapters
  outside the blocks) and two blocks' (one computing, the next prefetched), with the largest
  block's gradient before it is reduce-scattered;
- activations kept for backward: for a transformer, b*s*h*(34 + 5*a*s/h) bytes per layer at 16
  bits (Korthikanti et al., 2022, "Reducing Activation Recomputation in Large Transformer
  Models", eq. 2; doubled in fp32), only each block's input under activation checkpointing,
  and a language model's logits (five copies); for the BiLSTM, its gate activations (20 values
  per hidden unit and layer). The constants were set against the resident memory measured on
  CPU for the three shipped backbones (MiniLM: estimate 1.19x the measure; a 4-layer GPT-2
  translation job: 0.80x; BiLSTM: 0.85x), not against a GPU allocator.
  b is a worker's batch (every task's, when a step trains all), s the padded length, h the
  width, a the heads. An upper bound: batches are padded to their longest row, not max_length.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import psutil
import torch
from torch import nn
from transformers import PretrainedConfig, PreTrainedModel

from mtl_platform.config import LANGUAGE_MODELS, ConfigError, JobConfig
from mtl_platform.models.multitask import MultiTaskModel, build_model, parameter_counts
from mtl_platform.tasks import build_tasks
from mtl_platform.train.sharding import transformer_blocks

GIB = 2**30


@dataclass(frozen=True)
class MemoryEstimate:
    weights: float
    gradients: float
    optimizer: float
    gathered: float
    activations: float

    @property
    def total(self) -> float:
        return self.weights + self.gradients + self.optimizer + self.gathered + self.activations

    def describe(self) -> str:
        parts = ("weights", "gradients", "optimizer", "gathered", "activations")
        shown = ", ".join(f"{p} {size(getattr(self, p))}" for p in parts if getattr(self, p))
        return f"{size(self.total)} ({shown})"


def size(count: float) -> str:
    return f"{count / GIB:.2f} GiB" if count >= GIB / 10 else f"{count / 2**20:.1f} MiB"


def _bytes(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters()) * 4


def _activations(job: JobConfig, model: MultiTaskModel, batch: float, dtype_bytes: int) -> float:
    s = job.model.max_length
    config = next((m.config for m in model.modules() if isinstance(m, PreTrainedModel)), None)
    if job.model.backbone == "bilstm" or config is None:
        lstm = job.model.lstm
        return batch * s * (lstm.embedding_dim + 20 * lstm.hidden_size * lstm.num_layers) * 4
    # An encoder paired with a new decoder has a config for each; the other models, one.
    parts = [c for name in ("encoder", "decoder") if isinstance(c := getattr(config, name, None), PretrainedConfig)]
    parts = parts or [config]
    blocks = 0.0
    for part in parts:
        h, layers, heads = part.hidden_size, part.num_hidden_layers, part.num_attention_heads
        per_layer = batch * s * h * (34 + 5 * heads * s / h) * dtype_bytes / 2
        kept = (layers * batch * s * h * dtype_bytes + per_layer) if job.scaling.fsdp.activation_checkpointing else 0
        blocks += kept or layers * per_layer
    # The logits, their shifted copy and log-softmax in fp32, and two of their gradients.
    vocabulary = parts[-1].vocab_size  # the decoder's
    logits = batch * s * vocabulary * 4 * 5 if job.model.backbone in LANGUAGE_MODELS else 0
    return float(blocks + logits)


def estimate(
    job: JobConfig, model: MultiTaskModel, world: int | None = None, precision: str = "fp32"
) -> MemoryEstimate:
    """Per worker, for the job's strategy on `world` workers (default scaling.num_workers);
    `model` may be built on the meta device."""
    world = world or job.scaling.num_workers
    counts = parameter_counts(model)
    trainable, frozen = counts["params/trainable"], counts["params/total"] - counts["params/trainable"]
    share = world if job.scaling.strategy == "fsdp" else 1
    gathered = 0.0
    if job.scaling.strategy == "fsdp":
        blocks = transformer_blocks(model)
        in_blocks = {id(p) for b in blocks for p in b.parameters()}
        root = sum(p.numel() for p in model.parameters() if id(p) not in in_blocks) * 4
        largest = max((_bytes(b) for b in blocks), default=0)
        gather = 2 if precision == "bf16" else 4
        gathered = root + 2 * largest * gather / 4 + largest
    sampling = job.trainer.sampling
    per_step = len(job.tasks) if sampling.strategy == "all_tasks" and not sampling.mixed else 1
    batch = job.trainer.batch_size / world * per_step
    return MemoryEstimate(
        weights=(trainable + frozen) * 4 / share,
        gradients=trainable * 4 / share,
        optimizer=trainable * 8 / share,
        gathered=gathered,
        activations=_activations(job, model, batch, 2 if precision == "bf16" else 4),
    )


def variant(job: JobConfig, section: str, **changes: object) -> JobConfig:
    """The job with some fields of one section changed (e.g. another scaling.strategy)."""
    part = getattr(job, section)
    return job.model_copy(update={section: part.model_copy(update=changes)})


def check_fits(job: JobConfig, model: MultiTaskModel, available: float, where: str, precision: str) -> None:
    """Stop, naming what would fit, when a worker's estimate exceeds the memory it has."""
    needed = estimate(job, model, precision=precision)
    if needed.total <= available:
        return
    workers = job.scaling.num_workers
    variants = {
        "scaling.strategy: fsdp": variant(job, "scaling", strategy="fsdp"),
        f"scaling.strategy: fsdp on {2 * workers} workers": variant(
            job, "scaling", strategy="fsdp", num_workers=2 * workers
        ),
        f"trainer.batch_size: {job.trainer.batch_size // 2}": variant(
            job, "trainer", batch_size=max(1, job.trainer.batch_size // 2)
        ),
    }
    sizes = {name: estimate(other, model, precision=precision).total for name, other in variants.items()}
    if job.model.sharing.scheme != "lora":  # a frozen backbone: adapters' own states are small
        sizes["model.sharing: lora"] = replace(needed, gradients=0.0, optimizer=0.0).total
    fitting = [f"{name} (~{size(needs)})" for name, needs in sizes.items() if needs <= available]
    advice = (
        "would fit: " + "; ".join(fitting)
        if fitting
        else (
            "none of fsdp, twice the workers, half the batch or LoRA fits: add scaling.fsdp.activation_checkpointing, "
            "or shorten model.max_length"
        )
    )
    raise ConfigError(
        f"a worker would need about {needed.describe()}, and {where} has {size(available)} free; {advice}"
    )


def shapes_only(job: JobConfig) -> MultiTaskModel:
    """The job's model on the meta device: its shapes, nothing allocated or loaded."""
    with torch.device("meta"):
        return build_model(job, build_tasks(job), pretrained=False)


def check_worker(job: JobConfig, device: torch.device, local_workers: int, precision: str) -> None:
    """Before a worker builds anything: its estimate against the memory free on its device (a
    GPU's, or its share of the node's)."""
    if device.type == "cuda":
        free, where = float(torch.cuda.mem_get_info(device)[0]), f"GPU {device}"
    else:
        free, where = psutil.virtual_memory().available / local_workers, "this worker's share of its node's memory"
    check_fits(job, shapes_only(job), free, where, precision)
