"""Δm: how much multi-task training changed each task's main metric against its single-task
baseline, averaged over tasks (Maninis et al., 2019; the figure LibMTL and most MTL papers report):

    Δm = 100% · (1/T) Σ_t s_t (M_t − B_t) / B_t,   s_t = +1 if higher is better, −1 if lower,

where M_t is the multi-task run's main dev metric of task t and B_t its single-task baseline's
(the mean over the baselines' seeds). Higher is better; 0 means no change on average.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping

from mlflow.tracking import MlflowClient

BASELINE_TAG = "mtl.baseline_for"  # on a single-task run: the multi-task job it is a baseline of
LOWER_IS_BETTER = frozenset({"mse"})


def main_score(metrics: Mapping[str, float], task: str, metric: str, split: str = "dev") -> float | None:
    """A run's score of a task: at the checkpoint it kept (selected/...), else its last evaluation."""
    return metrics.get(f"selected/{split}/{task}/{metric}", metrics.get(f"{split}/{task}/{metric}"))


def delta_m(scores: Mapping[str, float], baselines: Mapping[str, float], main_metrics: Mapping[str, str]) -> float:
    """Δm in percent over the tasks of `main_metrics` (every one needs a score and a baseline)."""
    missing = sorted(t for t in main_metrics if t not in scores or t not in baselines)
    if missing:
        raise ValueError(f"Δm needs a score and a single-task baseline of every task; missing: {missing}")
    changes = [relative_gain(scores[t], baselines[t], metric, t) for t, metric in main_metrics.items()]
    return sum(changes) / len(changes)


def relative_gain(score: float, baseline: float, metric: str, task: str = "task") -> float:
    """One task's change against its baseline in percent, positive when better: s (M − B) / |B|."""
    if baseline == 0:
        raise ValueError(f"Δm: the baseline of {task!r} has {metric} = 0; a relative change is undefined")
    sign = -1.0 if metric in LOWER_IS_BETTER else 1.0
    return 100.0 * sign * (score - baseline) / abs(baseline)


def baseline_scores(
    client: MlflowClient, experiment_id: str, job_name: str, main_metrics: Mapping[str, str]
) -> dict[str, float]:
    """Each task's single-task baseline score: the mean over the finished runs tagged
    mtl.baseline_for=<job> that trained that task alone (one per seed)."""
    runs = client.search_runs(
        [experiment_id], f"tags.`{BASELINE_TAG}` = '{job_name}' and attributes.status = 'FINISHED'"
    )
    found: dict[str, list[float]] = {}
    for run in runs:
        task = run.data.tags.get("mtl.tasks", "")
        score = main_score(run.data.metrics, task, main_metrics[task]) if task in main_metrics else None
        if score is not None:
            found.setdefault(task, []).append(score)
    return {task: statistics.fmean(values) for task, values in found.items()}


def compare_with_baselines(
    metrics: Mapping[str, float], baselines: Mapping[str, float], main_metrics: Mapping[str, str], target: str | None
) -> dict[str, float]:
    """An evaluation's dev/delta_m (when every task has a dev score and a baseline) and, in
    auxiliary-task mode, dev/target_gain: the target's Δm alone, in percent."""
    scores = {task: metrics[key] for task, metric in main_metrics.items() if (key := f"dev/{task}/{metric}") in metrics}
    found = {}
    if set(main_metrics) <= set(scores) and set(main_metrics) <= set(baselines):
        found["dev/delta_m"] = delta_m(scores, baselines, main_metrics)
    if target is not None and target in scores and target in baselines:
        found["dev/target_gain"] = relative_gain(scores[target], baselines[target], main_metrics[target], target)
    return found
