"""The quality benchmark: does training SST-2, STS-B, CoNLL-2003 and AG News together help?

Runs, into one MLflow experiment: the single-task baselines (`mtl baseline`), multi-task
training with equal weights and with each weighting method asked for (every seed of the job),
the static-weight sweep (its best trial is a row), then `mtl report`: per-task dev scores of
the checkpoints chosen on validation, mean, Δm against the baselines, mean ± std over seeds.

    .venv/bin/python bench/quality.py             # jobs/bench/glue_ner.yaml as it is (GPU cluster)
    .venv/bin/python bench/quality.py --reduced   # a budget that finishes in < 60 min on 2 CPU cores

The data paths assume ../shared/data beside the clone (override with MTL_SHARED_DATA).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from pathlib import Path

from mlflow.tracking import MlflowClient
from rich.console import Console

from mtl_platform.analysis.baselines import run_baselines
from mtl_platform.analysis.report import build_report, log_report, rich_table
from mtl_platform.config import load_job, load_sweep, read_yaml
from mtl_platform.tracking.mlflow_store import tracking_uri
from mtl_platform.train.trainer import run_job
from mtl_platform.tune.sweep import run_sweep

REPO = Path(__file__).resolve().parents[1]
JOB, SWEEP = REPO / "jobs/bench/glue_ner.yaml", REPO / "jobs/bench/glue_ner_weights.yaml"
METHODS = ["equal", "uncertainty", "dwa", "famo", "upgrad"]
# 2 CPU cores: MiniLM on 3,000 examples a task, 60 steps of a batch of every task, one seed.
REDUCED = [
    "trainer.max_steps=60",
    "trainer.eval_every=30",
    "trainer.batch_size=16",
    "trainer.warmup_steps=6",
    "trainer.lr=1.0e-4",
    "trainer.validation_fraction=0.1",
    "trainer.seeds=[0]",
    "model.max_length=48",
    "scaling.num_workers=2",
    "scaling.use_gpu=false",
    "tracking.experiment=glue-ner-reduced",
    *(f"tasks.{t}.max_train_examples=3000" for t in ("sst2", "stsb", "conll", "agnews")),
    *(f"tasks.{t}.max_eval_examples=300" for t in ("sst2", "stsb", "conll", "agnews")),
]
REDUCED_SWEEP = ["tune.num_samples=3", "tune.max_concurrent_trials=1", "tune.scheduler.grace_period=30"]


def data_paths() -> list[str]:
    """Point the job at MTL_SHARED_DATA when it is set (CI, or data kept elsewhere)."""
    shared = os.environ.get("MTL_SHARED_DATA")
    if not shared:
        return []
    return [
        f"tasks.sst2.data.train={shared}/SST-2/train.tsv",
        f"tasks.sst2.data.dev={shared}/SST-2/dev.tsv",
        f"tasks.stsb.data.train={shared}/STS-B/train.tsv",
        f"tasks.stsb.data.dev={shared}/STS-B/dev.tsv",
        f"tasks.conll.data.train={shared}/conll2003/train.txt",
        f"tasks.conll.data.dev={shared}/conll2003/valid.txt",
        f"tasks.agnews.data.train={shared}/ag_news/alps_agnews/dev.tsv",
        f"tasks.agnews.data.dev.train={shared}/ag_news/test.csv",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reduced", action="store_true", help="the < 60 min budget for 2 CPU cores")
    parser.add_argument("--methods", default=",".join(METHODS), help="weighting methods, comma-separated")
    parser.add_argument("--output", type=Path, default=Path("bench_results"), help="where the report files go")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    console = Console()
    overrides = data_paths() + (REDUCED if args.reduced else [])
    job = load_job(JOB, overrides)
    started = time.perf_counter()

    run_baselines(job)
    console.print(f"[{time.perf_counter() - started:6.0f} s] single-task baselines done")
    for method in args.methods.split(","):
        for seeded in load_job(JOB, [*overrides, f"weighting={{method: {method}}}"]).per_seed():
            run_job(seeded)
        console.print(f"[{time.perf_counter() - started:6.0f} s] MTL {method} done")
    # The sweep's own job overrides first, then this run's (which win).
    job_overrides = (read_yaml(SWEEP).get("overrides") or []) + overrides
    sweep_overrides = [f"overrides={json.dumps(job_overrides)}"] + (REDUCED_SWEEP if args.reduced else [])
    run_sweep(load_sweep(SWEEP, sweep_overrides))
    console.print(f"[{time.perf_counter() - started:6.0f} s] static-weight sweep done")

    client = MlflowClient(tracking_uri(job.tracking.uri))
    experiment = client.get_experiment_by_name(job.tracking.experiment)
    report = build_report(client, experiment.experiment_id, job.name)
    console.print(rich_table(report))
    run_id = log_report(client, job.tracking.experiment, report, args.output / experiment.name)
    console.print(f"report run {run_id}; total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
