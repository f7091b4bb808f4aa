"""How much compute ASHA + Optuna needs to find the best static task weights, against a full grid.

A cheap 3-task problem (the BiLSTM job, shrunk). The grid trains every point
of the simplex at step 0.1 (66 points) for the full budget in a bare loop
(the same `Training.train_step` and evaluation as a 1-worker Ray run); the
search is a real `mtl tune` sweep: Optuna TPE over simplex weights with ASHA
stopping trials at rungs. Compute is counted in trial-steps. Target: within
0.5 points of the grid's best dev/mean at <= 30% of its compute.

    .venv/bin/python bench/search_efficiency.py [--steps 90] [--trials 40]
"""

from __future__ import annotations

import argparse
import itertools
import logging
import tempfile
from pathlib import Path

import torch

from mtl_platform.config import JobConfig, load_job
from mtl_platform.models.evaluation import evaluate
from mtl_platform.train.loop import Training
from mtl_platform.tune.config import SweepConfig
from mtl_platform.tune.sweep import run_sweep

REPO = Path(__file__).resolve().parents[1]


def simplex_grid(tasks: list[str], divisions: int) -> list[dict[str, float]]:
    points = [c for c in itertools.product(range(divisions + 1), repeat=len(tasks)) if sum(c) == divisions]
    return [{t: c / divisions for t, c in zip(tasks, point)} for point in points]


def final_dev_mean(job_data: dict, weights: dict[str, float]) -> float:
    job = JobConfig.model_validate({**job_data, "weighting": {"method": "static", "weights": weights}})
    training = Training.build(job)
    training.model.train()
    for step in range(1, job.trainer.max_steps + 1):
        training.train_step(training.model, torch.device("cpu"), step)
    return evaluate(training.model, training.eval_data(), "dev", torch.device("cpu")).metrics["dev/mean"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=90, help="full budget of a trial")
    parser.add_argument("--trials", type=int, default=40, help="trials of the ASHA + Optuna search")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        job = load_job(
            REPO / "jobs/bilstm_small.yaml",
            [
                f"trainer.max_steps={args.steps}",
                f"trainer.eval_every={args.steps // 9}",
                "trainer.warmup_steps=0",
                "model.lstm={embedding_dim: 32, hidden_size: 32}",
                "scaling.num_workers=1",
                f"tracking.uri=sqlite:///{tmp}/mlflow.db",
                f"trainer.storage_path={tmp}/ray_results",
            ]
            + [f"tasks.{t}.max_eval_examples=200" for t in ("sst2", "stsb", "conll")],
        )
        data = job.model_dump(mode="json")
        grid = {tuple(w.values()): final_dev_mean(data, w) for w in simplex_grid(job.task_names(), 10)}
        grid_best = max(grid.values())
        grid_compute = len(grid) * args.steps
        points = f"{len(grid)} points x {args.steps} steps"
        print(f"grid   : {points} = {grid_compute} trial-steps, best dev/mean {grid_best:.4f}")

        sweep = SweepConfig.model_validate(
            {
                "name": "efficiency",
                "job": data,
                "search": {"weighting.weights": {"type": "simplex"}},
                "tune": {
                    "num_samples": args.trials,
                    "search_alg": "optuna",
                    "scheduler": {"type": "asha", "grace_period": args.steps // 9, "reduction_factor": 3},
                },
            }
        )
        summary = run_sweep(sweep)
        found = summary.best.metrics["dev/mean"]
        compute = sum(t.step for t in summary.trials)
        print(
            f"search : {len(summary.trials)} trials, {compute} trial-steps "
            f"({compute / grid_compute:.0%} of the grid), best dev/mean {found:.4f} "
            f"({100 * (found - grid_best):+.2f} points against the grid)"
        )
        met = grid_best - found <= 0.005 and compute <= 0.3 * grid_compute
        print(f"target (within 0.5 points at <= 30% of the grid's compute): {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
