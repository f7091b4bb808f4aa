"""What a finished sweep leaves in its parent MLflow run: the best trial (tagged, and as a
ready-to-run job YAML), a results table, plots of the metric against each searched value,
and for multi-objective sweeps the Pareto front."""

from __future__ import annotations

import csv
import itertools
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only
import matplotlib.pyplot as plt
from mlflow.tracking import MlflowClient

from mtl_platform.config import JobConfig
from mtl_platform.tracking.mlflow_store import log_metrics, log_params, set_tags
from mtl_platform.tracking.redact import job_to_yaml
from mtl_platform.tune.config import Objective, SweepConfig
from mtl_platform.tune.space import job_for_point


@dataclass
class TrialSummary:
    trial_id: str
    point: dict[str, Any]  # the Tune config
    params: dict[str, Any]  # the job fields it set
    metrics: dict[str, float]
    run_id: str | None
    step: int  # the last step it reported (below max_steps if a scheduler stopped it)
    pareto: bool = False


def pareto_front(trials: list[TrialSummary], objectives: list[Objective]) -> list[TrialSummary]:
    """The trials no other trial dominates (at least as good on every objective, better on one)."""

    def scores(trial: TrialSummary) -> list[float]:
        return [trial.metrics[o.metric] * (1 if o.mode == "max" else -1) for o in objectives]

    def dominates(a: list[float], b: list[float]) -> bool:
        return all(x >= y for x, y in zip(a, b)) and any(x > y for x, y in zip(a, b))

    scored = [(t, scores(t)) for t in trials if all(o.metric in t.metrics for o in objectives)]
    return [t for t, s in scored if not any(dominates(other, s) for _, other in scored)]


def _table(path: Path, trials: list[TrialSummary], best: TrialSummary, metric: str) -> None:
    keys = sorted({k for t in trials for k in t.params}) + sorted({k for t in trials for k in t.metrics})
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["trial_id", "run_id", "best", "pareto", *keys])
        for t in sorted(trials, key=lambda t: t.metrics.get(metric, float("-inf")), reverse=True):
            values = {**t.params, **t.metrics}
            writer.writerow([t.trial_id, t.run_id, t is best, t.pareto, *(values.get(k, "") for k in keys)])


def _metric_vs_values(path: Path, trials: list[TrialSummary], metric: str) -> bool:
    """One panel per searched numeric field (each task weight included): metric against its value."""
    fields = sorted({k for t in trials for k, v in t.params.items() if isinstance(v, (int, float))})
    points = [t for t in trials if metric in t.metrics]
    if not fields or not points:
        return False
    figure, axes = plt.subplots(1, len(fields), figsize=(4 * len(fields), 3.5), squeeze=False)
    for axis, field in zip(axes[0], fields):
        shown = [t for t in points if field in t.params]
        axis.scatter([t.params[field] for t in shown], [t.metrics[metric] for t in shown])
        axis.set_xlabel(field)
        axis.set_ylabel(metric)
        axis.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return True


def _pareto_plot(path: Path, trials: list[TrialSummary], objectives: list[Objective]) -> None:
    """Every pair of objectives: all trials, with the Pareto front highlighted."""
    pairs = list(itertools.combinations(objectives, 2))
    figure, axes = plt.subplots(1, len(pairs), figsize=(4.5 * len(pairs), 4), squeeze=False)
    for axis, (x, y) in zip(axes[0], pairs):
        for front, style in ((False, {"color": "0.6", "label": "trial"}), (True, {"color": "C3", "label": "Pareto"})):
            chosen = [t for t in trials if t.pareto == front and x.metric in t.metrics and y.metric in t.metrics]
            axis.scatter([t.metrics[x.metric] for t in chosen], [t.metrics[y.metric] for t in chosen], **style)
        axis.set_xlabel(f"{x.metric} ({x.mode})")
        axis.set_ylabel(f"{y.metric} ({y.mode})")
        axis.legend()
        axis.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def log_sweep_results(
    client: MlflowClient, parent: str, sweep: SweepConfig, trials: list[TrialSummary], best: TrialSummary
) -> None:
    objectives = sweep.tune.objectives or []
    if best.run_id:
        set_tags(client, best.run_id, {"mtl.best": "true"})
    for trial in trials:
        if trial.pareto and trial.run_id:
            set_tags(client, trial.run_id, {"mtl.pareto": "true"})
    log_params(client, parent, {f"best.{k}": v for k, v in best.params.items()})
    summary = {"sweep/trials": len(trials), "sweep/pareto_size": sum(t.pareto for t in trials)}
    log_metrics(client, parent, {f"best/{k}": v for k, v in best.metrics.items() if k.startswith("dev/")} | summary, 0)
    best_job = JobConfig.model_validate(job_for_point(sweep.job.model_dump(mode="json"), best.point, sweep.search))
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        _table(directory / "trials.csv", trials, best, sweep.tune.metric)
        (directory / "best_job.yaml").write_text(job_to_yaml(best_job))
        _metric_vs_values(directory / "metric_vs_values.png", trials, sweep.tune.metric)
        if objectives:
            _pareto_plot(directory / "pareto_front.png", trials, objectives)
        client.log_artifacts(parent, tmp)
