"""Does a multi-task backbone give a better start for a task it never saw?

Trains jobs/transfer/source.yaml (SST-2 + STS-B + CoNLL-2003 together), then AG News
(jobs/transfer/agnews.yaml) twice with the same budget: from that run's model
(`model.init_from`) and from the pretrained MiniLM. All runs land in MLflow experiment
`transfer`; select the two AG News runs there and compare them to see both curves. The
script also logs one figure with both (a run tagged mtl.report, which `mtl report` skips) and
prints the dev accuracy at every evaluation and the ratio of the curves' means.

    .venv/bin/python bench/transfer.py [--reduced] [--source RUN_ID]

Paths assume ../shared/data beside the clone.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from mlflow.tracking import MlflowClient
from rich.console import Console
from rich.table import Table

from mtl_platform.analysis.report import REPORT_TAG
from mtl_platform.config import load_job
from mtl_platform.tracking.mlflow_store import create_run, tracking_uri
from mtl_platform.train.trainer import run_job

REPO = Path(__file__).resolve().parents[1]
SOURCE, TARGET = REPO / "jobs/transfer/source.yaml", REPO / "jobs/transfer/agnews.yaml"
METRIC = "dev/agnews/accuracy"
# 2 CPU cores: MiniLM, 3,000 training examples a task, short sequences.
SMALL = [
    "trainer.batch_size=16",
    "trainer.lr=1.0e-4",
    "model.max_length=48",
    "scaling.num_workers=2",
    "scaling.use_gpu=false",
]
REDUCED_SOURCE = [
    *SMALL,
    "trainer.max_steps=150",
    "trainer.eval_every=75",
    "trainer.warmup_steps=10",
    *(f"tasks.{t}.max_train_examples=3000" for t in ("sst2", "stsb", "conll")),
    *(f"tasks.{t}.max_eval_examples=300" for t in ("sst2", "stsb", "conll")),
]
REDUCED_TARGET = [
    *SMALL,
    "trainer.max_steps=60",
    "trainer.eval_every=10",
    "trainer.warmup_steps=6",
    "tasks.agnews.max_train_examples=3000",
    "tasks.agnews.max_eval_examples=300",
]


def curve(client: MlflowClient, run_id: str) -> dict[int, float]:
    return {m.step: m.value for m in client.get_metric_history(run_id, METRIC)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reduced", action="store_true", help="a budget for 2 CPU cores (~15 min)")
    parser.add_argument("--source", help="start from this multi-task run instead of training source.yaml")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    console = Console()
    started = time.perf_counter()
    source = args.source
    if source is None:
        source = run_job(load_job(SOURCE, REDUCED_SOURCE if args.reduced else [])).run_id
        console.print(f"[{time.perf_counter() - started:5.0f} s] multi-task source run {source}")

    target = REDUCED_TARGET if args.reduced else []
    starts = {
        "from multi-task": [f"model.init_from={source}", "tracking.run_name=agnews-from-multitask"],
        "from pretrained": ["tracking.run_name=agnews-from-pretrained"],
    }
    curves, uri = {}, ""
    for label, overrides in starts.items():
        result = run_job(load_job(TARGET, [*target, *overrides]))
        uri = result.tracking_uri
        curves[label] = curve(MlflowClient(uri), result.run_id)
        console.print(f"[{time.perf_counter() - started:5.0f} s] AG News {label}: run {result.run_id}")

    steps = sorted(set.intersection(*(set(c) for c in curves.values())))
    table = Table(title=f"AG News {METRIC} at each evaluation, same budget")
    table.add_column("step")
    for label in curves:
        table.add_column(label, justify="right")
    for step in steps:
        table.add_row(str(step), *(f"{c[step]:.4f}" for c in curves.values()))
    console.print(table)
    means = {label: statistics.fmean(c[s] for s in steps) for label, c in curves.items()}
    console.print(
        f"mean over the curve: {means['from multi-task']:.4f} vs {means['from pretrained']:.4f} "
        f"(ratio {means['from multi-task'] / means['from pretrained']:.3f}); total {time.perf_counter() - started:.0f} s"
    )

    client = MlflowClient(tracking_uri(uri))
    run_id = create_run(client, "transfer", "transfer-comparison", tags={REPORT_TAG: "transfer", "mtl.source": source})
    figure, axes = plt.subplots(figsize=(6, 4))
    for label, points in curves.items():
        axes.plot(sorted(points), [points[s] for s in sorted(points)], marker=".", label=label)
    axes.set_xlabel("step")
    axes.set_ylabel(METRIC)
    axes.legend()
    axes.grid(alpha=0.3)
    with tempfile.TemporaryDirectory() as directory:
        figure.savefig(Path(directory) / "transfer_agnews.png", dpi=120)
        client.log_artifacts(run_id, directory, "plots")
    client.set_terminated(run_id)
    console.print(f"comparison logged as run {run_id} in experiment 'transfer'")


if __name__ == "__main__":
    main()
