"""Per-step time, peak memory and parameter count of every sharing scheme, against hard sharing.

Same backbone, same batches (a batch of each task per step, equal weighting),
one process, each scheme in a fresh subprocess so that its peak memory is its
own. Default: the 2-layer BiLSTM job; pass jobs/quickstart.yaml for MiniLM
(LoRA then adapts query and value; on the BiLSTM, the embedding).

    .venv/bin/python bench/sharing.py [JOB.yaml] [--steps N] [--schemes a,b]
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import torch
from timing import in_own_process, median_step_seconds

from mtl_platform.config import load_job
from mtl_platform.models.multitask import parameter_counts
from mtl_platform.models.sharing import SCHEMES
from mtl_platform.train.loop import Training, peak_memory_mb

REPO = Path(__file__).resolve().parents[1]


def sharing(scheme: str, bilstm: bool) -> str:
    """`model.sharing` for a row: `hard-branch` shares the lower half of the layers."""
    if scheme == "hard-branch":
        return f"{{scheme: hard, branch_layer: {1 if bilstm else 3}}}"
    if scheme == "lora" and bilstm:
        return "{scheme: lora, target_modules: [embedding]}"
    return scheme


def measure(job_path: str, scheme: str, steps: int) -> dict[str, float]:
    bilstm = load_job(job_path).model.backbone == "bilstm"
    overrides = [
        "trainer.sampling.strategy=all_tasks",
        "scaling.num_workers=1",
        f"model.sharing={sharing(scheme, bilstm)}",
    ]
    if bilstm:
        overrides.append("model.lstm.num_layers=2")
    job = load_job(job_path, overrides)
    training = Training.build(job)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    training.model.to(device).train()
    seconds = median_step_seconds(lambda step: training.train_step(training.model, device, step), steps, device)
    counts = parameter_counts(training.model)
    return {
        "seconds": seconds,
        "peak_mb": peak_memory_mb(device),
        "params": counts["params/total"],
        "trainable": counts["params/trainable"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", nargs="?", default=str(REPO / "jobs/bilstm_small.yaml"))
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--schemes", default=",".join(["hard", "hard-branch", *(s for s in SCHEMES if s != "hard")]))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.one:
        print(json.dumps(measure(args.job, args.one, args.steps)))
        return
    results = {}
    for scheme in ["hard", *(s for s in args.schemes.split(",") if s != "hard")]:
        results[scheme] = row = in_own_process(__file__, [args.job, "--steps", str(args.steps), "--one", scheme])
        base = results["hard"]
        print(
            f"{scheme:12s} {row['seconds'] * 1000:8.1f} ms/step {row['seconds'] / base['seconds']:5.2f}x  "
            f"peak {row['peak_mb']:6.0f} MB {row['peak_mb'] / base['peak_mb']:5.2f}x  "
            f"params {row['params'] / 1e6:6.2f} M {row['params'] / base['params']:5.2f}x  "
            f"(trainable {row['trainable'] / 1e6:.2f} M)",
            flush=True,
        )


if __name__ == "__main__":
    main()
