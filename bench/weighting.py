"""Per-step time and peak memory of every weighting method, against equal weighting.

Same model, same batches (a batch of each of the job's tasks per step), one
process, each method in a fresh subprocess so that its peak memory is its own.
Gradient methods run in both modes: `parameters` (all shared parameters) and
`representation` (the shared features). The last row is TorchJD's own
`mtl_backward` + `jac_to_grad` with UPGrad on the same model, the anchor the
issue names. Targets: loss methods <= 1.10x, representation mode <= 1.3x.

    .venv/bin/python bench/weighting.py [JOB.yaml] [--steps N] [--methods a,b]
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
from mtl_platform.weighting import METHODS

REPO = Path(__file__).resolve().parents[1]


def torchjd_step(training: Training, device: torch.device) -> None:
    """TorchJD's documented MTL step: per-task Jacobians of the shared parameters, then UPGrad."""
    from torchjd.aggregation import UPGrad
    from torchjd.autojac import jac_to_grad, mtl_backward

    model, batches = training.model, training.next_batches(device)
    features = [model.encode(task, batch) for task, batch in batches.items()]
    losses = []
    for (task, batch), feature in zip(batches.items(), features):
        loss_sum, count = training.tasks[task].loss_sum(model.head(task, feature, batch), batch)
        losses.append(loss_sum / count)
    shared = model.shared_parameters()
    mtl_backward(losses, features=features, shared_params=shared)
    jac_to_grad(shared, UPGrad())
    training.optimizer.step()
    training.optimizer.zero_grad(set_to_none=True)


def measure(job_path: str, method: str, mode: str | None, steps: int) -> dict[str, float]:
    """Median seconds per step and peak memory of one method (run in its own process)."""
    overrides = ["trainer.sampling.strategy=all_tasks", "scaling.num_workers=1", "trainer.grad_clip=null"]
    if method != "torchjd":
        overrides.append(f"weighting.method={method}")
    if mode is not None:
        overrides.append(f"weighting.gradients={mode}")
    job = load_job(job_path, overrides)
    training = Training.build(job)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    training.model.to(device).train()

    def step(number: int) -> None:
        if method == "torchjd":
            torchjd_step(training, device)
        else:
            training.train_step(training.model, device, number)

    seconds = median_step_seconds(step, steps, device)
    return {"seconds": seconds, "peak_mb": peak_memory_mb(device)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", nargs="?", default=str(REPO / "jobs/quickstart.yaml"))
    parser.add_argument("--steps", type=int, default=15)
    parser.add_argument("--methods", default=",".join(m for m in METHODS if m != "static"))
    parser.add_argument("--one", nargs=2, metavar=("METHOD", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.one:
        method, mode = args.one
        print(json.dumps(measure(args.job, method, None if mode == "-" else mode, args.steps)))
        return

    cases = []
    for name in ["equal", *(m for m in args.methods.split(",") if m != "equal")]:
        if METHODS[name].requires == "gradients":
            cases += [(name, "parameters"), (name, "representation")]
        else:
            cases.append((name, "-"))
    cases.append(("torchjd", "-"))
    results = {}
    for method, mode in cases:
        arguments = [args.job, "--steps", str(args.steps), "--one", method, mode]
        results[(method, mode)] = in_own_process(__file__, arguments)
        base = results[("equal", "-")]
        row = results[(method, mode)]
        label = "torchjd upgrad (autojac)" if method == "torchjd" else f"{method} {'' if mode == '-' else mode}"
        print(
            f"{label:32s} {row['seconds'] * 1000:8.1f} ms/step  {row['seconds'] / base['seconds']:5.2f}x   "
            f"peak {row['peak_mb']:7.0f} MB  {row['peak_mb'] / base['peak_mb']:5.2f}x",
            flush=True,
        )


if __name__ == "__main__":
    main()
