"""FSDP2 against DDP: memory per worker and step time, and on a GPU the MFU of a 1 B decoder.

CPU (default): the Multi30k translation job on a GPT-2 built from a config large enough that its
parameters, gradients and AdamW state dominate a worker's memory; 2 gloo workers per strategy,
each strategy in fresh processes. Per worker: the peak resident memory added from just before
the model is built to the end (the process's baseline of imported libraries left out), the bytes
of parameters + gradients + optimizer state it holds, and the median step time.

GPU (--gpu): one process, a Llama-style decoder of about 1.1 B parameters built from a config
(TinyLlama's shape), bf16, on random tokens: unsharded with autocast (the baseline) and under
the platform's FSDP2 (`train/sharding.py`, bf16 parameters, fp32 reduction): as it is, with
activation checkpointing, and with each block compiled (torch.compile). One GPU is one worker:
nothing is sharded, so this measures FSDP2's own overhead and the speed a worker reaches, not
the memory sharding saves. Tokens/s and model FLOPs utilization, MFU = 6 * N * tokens/s over the
GPU's dense bf16 peak.

    .venv/bin/python bench/fsdp.py [--steps N]
    python3 bench/fsdp.py --gpu [--steps N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
import torch.multiprocessing as mp

REPO = Path(__file__).resolve().parents[1]
WORLD = 2
# GPT-2 at 8 layers of width 768 over the 4,000-token Multi30k vocabulary: 60 M parameters,
# 0.96 GB of fp32 parameters + gradients + AdamW state unsharded.
ARCHITECTURE = "{model_type: gpt2, n_layer: 8, n_head: 12, n_embd: 768, n_positions: 128}"
H200_BF16_PEAK = 989e12  # dense bf16 FLOP/s, NVIDIA's datasheet (H100/H200 SXM)


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def state_mb(model: torch.nn.Module, optimizer: torch.optim.Optimizer) -> float:
    """Parameters, gradients and optimizer state this process holds (its shards under FSDP)."""
    from torch.distributed.tensor import DTensor

    def local(t: torch.Tensor) -> torch.Tensor:
        return t.to_local() if isinstance(t, DTensor) else t

    tensors = [local(p) for p in model.parameters()]
    tensors += [local(p.grad) for p in model.parameters() if p.grad is not None]
    tensors += [local(v) for s in optimizer.state.values() for v in s.values() if torch.is_tensor(v)]
    return sum(t.numel() * t.element_size() for t in tensors) / 2**20


def _cpu_worker(rank: int, port: int, strategy: str, steps: int, cache: str, out: str) -> None:
    from mtl_platform.config import load_job
    from mtl_platform.train.loop import Training

    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    dist.init_process_group("gloo", rank=rank, world_size=WORLD)
    overrides = [
        f"model.architecture={ARCHITECTURE}",
        f"scaling.strategy={strategy}",
        f"scaling.num_workers={WORLD}",
        "scaling.cpus_per_worker=1",
        f"trainer.cache_dir={cache}",
        "trainer.batch_size=16",
        "trainer.sampling={strategy: uniform, mixed: true}",
    ]
    job = load_job(REPO / "jobs/translate_multi30k.yaml", overrides)
    before = rss_mb()
    training = Training.build(job, rank, WORLD)
    model: torch.nn.Module = training.model
    if strategy == "ddp":
        model = torch.nn.parallel.DistributedDataParallel(model, find_unused_parameters=True)
    device, seconds = torch.device("cpu"), []
    for step in range(1, steps + 1):
        began = time.perf_counter()
        training.train_step(model, device, step, WORLD)
        seconds.append(time.perf_counter() - began)
    held = state_mb(training.model, training.optimizer)  # gradients are gone after the step: add them back
    held += sum(p.numel() for p in training.model.parameters()) * 4 / 2**20 / (WORLD if strategy == "fsdp" else 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"added_peak_mb": peak - before, "state_mb": held, "step_s": statistics.median(seconds[2:])}
    Path(out, f"{strategy}-{rank}.json").write_text(json.dumps(result))
    dist.destroy_process_group()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu(steps: int) -> None:
    from mtl_platform.config import load_job
    from mtl_platform.data.tokenize import tokenize_job
    from mtl_platform.tasks import build_tasks

    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as out:
        job = load_job(REPO / "jobs/translate_multi30k.yaml", [f"trainer.cache_dir={cache}"])
        tokenize_job(job, build_tasks(job))
        rows = {}
        for strategy in ("ddp", "fsdp"):
            mp.spawn(_cpu_worker, args=(free_port(), strategy, steps, cache, out), nprocs=WORLD, join=True)
            workers = [json.loads(Path(out, f"{strategy}-{r}.json").read_text()) for r in range(WORLD)]
            rows[strategy] = {k: max(w[k] for w in workers) for k in workers[0]}
    print(f"{'strategy':8} {'added peak MB':>14} {'state MB':>9} {'step s':>7}   (2 workers, the larger of the two)")
    for strategy, row in rows.items():
        print(f"{strategy:8} {row['added_peak_mb']:14.0f} {row['state_mb']:9.0f} {row['step_s']:7.3f}")
    ratios = {k: rows["fsdp"][k] / rows["ddp"][k] for k in rows["ddp"]}
    print("fsdp / ddp: " + ", ".join(f"{k} {v:.2f}x" for k, v in ratios.items()))
    print(json.dumps({"rows": rows, "ratios": ratios}))


def _llama() -> torch.nn.Module:
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(
        vocab_size=32000,
        hidden_size=2048,
        intermediate_size=5632,
        num_hidden_layers=22,
        num_attention_heads=32,
        num_key_value_heads=4,
        max_position_embeddings=2048,
        use_cache=False,  # training: no key/value cache (a compiled block would recompile per layer for it)
    )
    return LlamaForCausalLM(config)


def _gpu_case(
    sharded: bool, steps: int, batch: int, length: int, checkpointing: bool = False, compiled: bool = False
) -> dict[str, Any]:
    from mtl_platform.config import FsdpConfig
    from mtl_platform.train import sharding

    device = torch.device("cuda")
    torch.manual_seed(0)
    model = _llama()
    parameters = sum(p.numel() for p in model.parameters())
    if sharded:
        options = FsdpConfig(activation_checkpointing=checkpointing, compile=compiled)
        sharding.shard(model, options, "bf16", device)
    else:
        model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, fused=True)
    tokens = torch.randint(0, 32000, (batch, length), device=device)
    torch.cuda.reset_peak_memory_stats()
    seconds = []
    for _ in range(5 + steps):
        torch.cuda.synchronize()
        began = time.perf_counter()
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = model(input_ids=tokens, labels=tokens).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        torch.cuda.synchronize()
        seconds.append(time.perf_counter() - began)
    step = statistics.median(seconds[5:])
    per_second = batch * length / step
    result = {
        "parameters": parameters,
        "tokens_per_s": per_second,
        "mfu": 6 * parameters * per_second / H200_BF16_PEAK,
        "peak_gb": torch.cuda.max_memory_allocated() / 2**30,
        "step_s": step,
    }
    del model, optimizer
    torch.cuda.empty_cache()
    return result


def gpu(steps: int) -> None:
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(free_port()))
    dist.init_process_group("nccl", rank=0, world_size=1)
    torch.backends.cuda.matmul.allow_tf32 = True
    rows = {
        "unsharded": _gpu_case(False, steps, 8, 2048),
        "fsdp": _gpu_case(True, steps, 8, 2048),
        "fsdp+ckpt": _gpu_case(True, steps, 8, 2048, checkpointing=True),
        "fsdp+compile": _gpu_case(True, steps, 8, 2048, compiled=True),
    }
    print(f"{torch.cuda.get_device_name()}: Llama-style decoder, {rows['fsdp']['parameters'] / 1e9:.2f} B parameters")
    print(f"{'case':10} {'tokens/s':>9} {'MFU':>6} {'peak GB':>8} {'step s':>7}   (batch 8 x 2048 tokens, bf16)")
    for case, row in rows.items():
        print(f"{case:10} {row['tokens_per_s']:9.0f} {row['mfu']:6.1%} {row['peak_gb']:8.1f} {row['step_s']:7.3f}")
    print(f"fsdp / unsharded tokens/s: {rows['fsdp']['tokens_per_s'] / rows['unsharded']['tokens_per_s']:.2f}x")
    print(json.dumps(rows))
    dist.destroy_process_group()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpu", action="store_true")
    parser.add_argument("--steps", type=int, default=10)
    arguments = parser.parse_args()
    gpu(arguments.steps) if arguments.gpu else cpu(arguments.steps)
