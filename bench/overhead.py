"""Optimizer steps per second: the Ray Train loop (1 worker) against a bare PyTorch loop.

Both train the same model on the same tokenized batches, with the same
optimizer and thread count; the bare loop has no Ray, no DDP wrapper, no
MLflow. Rates come from the median step time, which a shared machine's
one-off stalls do not move. Prints both rates and their ratio (target <= 1.05).

    .venv/bin/python bench/overhead.py [JOB.yaml] [--steps N] [--rounds R]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

import torch

from mtl_platform.config import load_job
from mtl_platform.train.loop import Training
from mtl_platform.train.resources import ensure_ray
from mtl_platform.train.trainer import run_job

REPO = Path(__file__).resolve().parents[1]


def bare_loop(job, steps: int) -> float:
    """Median seconds per step of a plain single-process loop over the same batches."""
    training = Training.build(job)
    model, device = training.model, torch.device("cpu")
    model.train()
    seconds = []
    for _ in range(steps):
        began = time.perf_counter()
        batches = training.next_batches(device)
        for task, output in model(batches).items():
            loss_sum, count = training.tasks[task].loss_sum(output, batches[task])
            (loss_sum / count).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), job.trainer.grad_clip)
        training.optimizer.step()
        training.optimizer.zero_grad(set_to_none=True)
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", nargs="?", default=str(REPO / "jobs/bilstm_small.yaml"))
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=4, help="alternating bare/Ray rounds")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    ensure_ray()  # up before any timing, so both loops share the same background load
    bare_rates, ray_rates = [], []
    with tempfile.TemporaryDirectory() as tmp:
        overrides = [
            "scaling.num_workers=1",
            f"trainer.max_steps={args.steps}",
            f"trainer.eval_every={args.steps}",
            "trainer.scheduler=constant",
            "trainer.warmup_steps=0",
            f"tracking.uri=sqlite:///{tmp}/mlflow.db",
            f"trainer.storage_path={tmp}/ray_results",
        ] + [f"tasks.{name}.max_eval_examples=16" for name in load_job(args.job).task_names()]
        job = load_job(args.job, overrides)
        for _ in range(args.rounds):
            bare_rates.append(1 / bare_loop(job, args.steps))
            ray_rates.append(1 / run_job(job).metrics["perf/median_step_seconds"])
    # A shared machine's speed drifts between rounds; each round's two loops run back to back,
    # so the median of the per-round ratios is the fairest single figure.
    ratio = statistics.median(b / r for b, r in zip(bare_rates, ray_rates))
    print(f"job               : {args.job} ({args.steps} steps x {args.rounds} rounds)")
    for name, rates in (("bare PyTorch loop", bare_rates), ("Ray Train loop   ", ray_rates)):
        rounds = ", ".join(f"{r:.2f}" for r in rates)
        print(f"{name} : {statistics.median(rates):.3f} steps/s  rounds: {rounds}")
    print(f"overhead ratio    : {ratio:.3f}x  (median of per-round bare/Ray, 1 worker, same batches; target <= 1.05)")


if __name__ == "__main__":
    main()
