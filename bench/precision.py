"""Steps/s and peak memory of mixed precision (bf16, fp16 + grad scaler) against fp32.

jobs/gpu_two_tasks.yaml (SST-2 + STS-B on MiniLM), one process, each precision in a fresh
subprocess so that its peak memory is its own. On a GPU this is the AMP path
of the training workers (peak = CUDA allocator peak); on a CPU it runs CPU
autocast (peak = resident set), which shows overhead, not the GPU speed-up.

    .venv/bin/python bench/precision.py [JOB.yaml] [--steps N] [--batch-size B]

The batch size is per step (a batch of each task); the default is the job's.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import torch
from timing import in_own_process, median_step_seconds

from mtl_platform.config import load_job
from mtl_platform.train.loop import Training, peak_memory_mb

REPO = Path(__file__).resolve().parents[1]
PRECISIONS = ["fp32", "bf16", "fp16"]


def measure(job_path: str, precision: str, steps: int, batch_size: int | None) -> dict[str, float]:
    overrides = [f"trainer.precision={precision}", "scaling.num_workers=1"]
    job = load_job(job_path, overrides + ([f"trainer.batch_size={batch_size}"] if batch_size else []))
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    training = Training.build(job)
    training.model.to(device).train()
    seconds = median_step_seconds(lambda number: training.train_step(training.model, device, number), steps, device)
    return {"seconds": seconds, "peak_mb": peak_memory_mb(device), "device": str(device)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", nargs="?", default=str(REPO / "jobs/gpu_two_tasks.yaml"))
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.one:
        print(json.dumps(measure(args.job, args.one, args.steps, args.batch_size)))
        return
    results = {}
    for precision in PRECISIONS:
        arguments = [args.job, "--steps", str(args.steps), "--one", precision]
        arguments += ["--batch-size", str(args.batch_size)] if args.batch_size else []
        results[precision] = row = in_own_process(__file__, arguments)
        base = results["fp32"]
        print(
            f"{precision:5s} on {row['device']:5s} {1 / row['seconds']:7.2f} steps/s  "
            f"{base['seconds'] / row['seconds']:5.2f}x fp32's speed   "
            f"peak {row['peak_mb']:7.0f} MB  {row['peak_mb'] / base['peak_mb']:5.2f}x",
            flush=True,
        )


if __name__ == "__main__":
    main()
