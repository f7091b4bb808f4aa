"""What measuring task affinity costs: step time and peak memory against the same training without it.

Same model, same batches (a batch of each of the job's tasks per step), one process per case so
that its peak memory is its own. A measured step is timed (`every: 1`); the cost of a run that
measures every N steps is about (ratio - 1) / N of its training time. `lookahead` takes T backward
and T^2 + T forward passes more than the step itself; `cosine` only the T backward passes.

    .venv/bin/python bench/affinity.py [JOB.yaml] [--steps N] [-o key=value ...]
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
CASES = ["none", "cosine", "lookahead"]


def measure(job_path: str, case: str, steps: int, extra: list[str]) -> dict[str, float]:
    """Median seconds per step and peak memory, measuring affinity at every step (or not)."""
    overrides = [*extra, "trainer.sampling.strategy=all_tasks", "scaling.num_workers=1"]
    if case != "none":
        overrides.append(f"affinity={{measure: {case}, every: 1}}")
    training = Training.build(load_job(job_path, overrides))
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    training.model.to(device).train()
    seconds = median_step_seconds(lambda number: training.train_step(training.model, device, number), steps, device)
    return {"seconds": seconds, "peak_mb": peak_memory_mb(device)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", nargs="?", default=str(REPO / "jobs/quickstart.yaml"))
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("-o", "--override", action="append", default=[], help="key=value, as for mtl train")
    parser.add_argument("--one", choices=CASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.one:
        print(json.dumps(measure(args.job, args.one, args.steps, args.override)))
        return
    results = {}
    for case in CASES:
        flags = [flag for override in args.override for flag in ("-o", override)]
        results[case] = row = in_own_process(__file__, [args.job, "--steps", str(args.steps), "--one", case, *flags])
        ratio = row["seconds"] / results["none"]["seconds"]
        print(
            f"{case:10s} {row['seconds'] * 1000:8.1f} ms/step  {ratio:5.2f}x  "
            f"(every 10 steps: +{(ratio - 1) / 10:.1%} of the run)   "
            f"peak {row['peak_mb']:7.0f} MB  {row['peak_mb'] / results['none']['peak_mb']:5.2f}x",
            flush=True,
        )


if __name__ == "__main__":
    main()
