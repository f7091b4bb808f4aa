"""A finished run's plots as artifacts under plots/: a PNG to look at and the CSV behind it."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib
import pandas as pd

matplotlib.use("Agg")  # files only; workers and CI have no display
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from mlflow.tracking import MlflowClient

from mtl_platform.tracking.delta_m import baseline_scores, main_score


def _log(client: MlflowClient, run_id: str, name: str, figure: Figure, rows: Sequence[Sequence[Any]]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        figure.tight_layout()
        figure.savefig(Path(directory) / f"{name}.png", dpi=120)
        with open(Path(directory) / f"{name}.csv", "w", newline="") as handle:
            csv.writer(handle).writerows(rows)
        client.log_artifacts(run_id, directory, "plots")
    plt.close(figure)


def log_history_plot(
    client: MlflowClient,
    run_id: str,
    name: str,
    ylabel: str,
    prefix: str,
    suffix: str = "",
    keys: list[str] | None = None,
) -> bool:
    """Plot the run's metrics `keys` (default: those named `prefix...suffix`) against the step;
    each line is labelled by the key without prefix and suffix. False when the run has none."""
    metrics = client.get_run(run_id).data.metrics
    keys = [k for k in keys if k in metrics] if keys is not None else None
    keys = keys if keys is not None else sorted(k for k in metrics if k.startswith(prefix) and k.endswith(suffix))
    if not keys:
        return False
    histories = {k: {m.step: m.value for m in client.get_metric_history(run_id, k)} for k in keys}
    steps = sorted({step for history in histories.values() for step in history})
    figure, axes = plt.subplots(figsize=(7, 4))
    for key, history in histories.items():
        points = sorted(history.items())
        label = key.removeprefix(prefix).removesuffix(suffix) or key
        axes.plot([s for s, _ in points], [v for _, v in points], label=label, marker="." if len(points) < 30 else None)
    axes.set_xlabel("step")
    axes.set_ylabel(ylabel)
    axes.legend()
    axes.grid(alpha=0.3)
    rows = [["step", *keys]] + [[step, *(histories[k].get(step, "") for k in keys)] for step in steps]
    _log(client, run_id, name, figure, rows)
    return True


def log_evaluation_plots(client: MlflowClient, run_id: str, details: dict[str, dict[str, Any]], split: str) -> None:
    """Per task: a confusion matrix (classification, tags), predicted against true values
    (regression), or a table of predicted texts beside their references (generation)."""
    for task, detail in details.items():
        if "samples" in detail:
            client.log_table(run_id, pd.DataFrame(detail["samples"]), f"predictions/{split}_{task}.json")
        elif "confusion" in detail:
            labels, matrix = detail["labels"], detail["confusion"]
            size = max(4.0, 0.5 * len(labels) + 2)
            figure, axes = plt.subplots(figsize=(size, size * 0.85))
            image = axes.imshow(matrix, cmap="Blues")
            figure.colorbar(image, ax=axes)
            axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
            axes.set_yticks(range(len(labels)), labels)
            for i, row in enumerate(matrix):
                for j, value in enumerate(row):
                    axes.text(j, i, str(value), ha="center", va="center", fontsize=8)
            axes.set_xlabel("predicted")
            axes.set_ylabel("true")
            axes.set_title(f"{task}: confusion on {split}")
            rows = [["true \\ predicted", *labels]] + [[label, *row] for label, row in zip(labels, matrix)]
            _log(client, run_id, f"confusion_{split}_{task}", figure, rows)
        else:
            predicted, true = detail["predicted"], detail["true"]
            figure, axes = plt.subplots(figsize=(5, 5))
            axes.scatter(true, predicted, s=6, alpha=0.5)
            low, high = min(true + predicted), max(true + predicted)
            axes.plot([low, high], [low, high], color="grey", linewidth=1)
            axes.set_xlabel("true")
            axes.set_ylabel("predicted")
            axes.set_title(f"{task}: predicted against true on {split}")
            _log(
                client,
                run_id,
                f"predicted_vs_true_{split}_{task}",
                figure,
                [["true", "predicted"], *zip(true, predicted)],
            )


def log_affinity(client: MlflowClient, run_id: str, summary: dict[str, Any]) -> None:
    """A heatmap and CSV of each affinity matrix (row i, column j: the effect of task i on task j)."""
    tasks = summary["tasks"]
    titles = {
        "lookahead": "lookahead affinity: 1 - L_j(after a step on task i) / L_j",
        "cosine": "cosine of task gradients",
    }
    for measure, title in titles.items():
        if measure not in summary:
            continue
        matrix = [[float("nan") if v is None else v for v in row] for row in summary[measure]]
        # Colours span the pairs between tasks: a task's effect on itself is often 10-100 times larger
        # and would wash them out (its cell saturates; its number is printed).
        between = [v for i, row in enumerate(summary[measure]) for j, v in enumerate(row) if i != j and v is not None]
        limit = max(map(abs, between), default=1.0) or 1.0
        size = max(4.0, 0.9 * len(tasks) + 2)
        figure, axes = plt.subplots(figsize=(size, size * 0.85))
        image = axes.imshow(matrix, cmap="RdBu", vmin=-limit, vmax=limit)
        figure.colorbar(image, ax=axes)
        axes.set_xticks(range(len(tasks)), tasks, rotation=45, ha="right")
        axes.set_yticks(range(len(tasks)), tasks)
        for i, row in enumerate(matrix):
            for j, value in enumerate(row):
                colour = "white" if abs(value) > 0.6 * limit else "black"  # readable on the dark cells
                axes.text(j, i, f"{value:.2g}", ha="center", va="center", fontsize=8, color=colour)
        axes.set_xlabel("task j (affected)")
        axes.set_ylabel("task i (stepped on)")
        axes.set_title(f"{title}\n{summary['measured_steps']} steps", fontsize=9)
        rows = [["task i \\ task j", *tasks]] + [[t, *row] for t, row in zip(tasks, summary[measure])]
        _log(client, run_id, f"affinity_{measure}", figure, rows)


def log_baseline_comparison(client: MlflowClient, run_id: str, job_name: str, main_metrics: dict[str, str]) -> bool:
    """Bars of each task's main dev metric: this run beside its single-task baselines (runs in the
    experiment tagged mtl.baseline_for=<job>, one task each). False when there are none."""
    run = client.get_run(run_id)
    baselines = baseline_scores(client, run.info.experiment_id, job_name, main_metrics)
    found = {t: main_score(run.data.metrics, t, m) for t, m in main_metrics.items()}
    scores = {t: score for t, score in found.items() if score is not None}
    tasks = [t for t in main_metrics if t in baselines and t in scores]
    if not tasks:
        return False
    ours = [scores[t] for t in tasks]
    single = [baselines[t] for t in tasks]
    figure, axes = plt.subplots(figsize=(max(5, 1.5 * len(tasks) + 2), 4))
    positions = range(len(tasks))
    axes.bar([p - 0.2 for p in positions], single, width=0.4, label="single-task baseline")
    axes.bar([p + 0.2 for p in positions], ours, width=0.4, label="this run")
    axes.set_xticks(list(positions), [f"{t}\n{main_metrics[t]}" for t in tasks])
    axes.set_ylabel("dev metric")
    axes.legend()
    axes.grid(axis="y", alpha=0.3)
    rows = [["task", "metric", "baseline", "this_run"]] + [
        [t, main_metrics[t], b, o] for t, b, o in zip(tasks, single, ours)
    ]
    _log(client, run_id, "vs_baselines", figure, rows)
    return True


def log_run_plots(client: MlflowClient, run_id: str, job_name: str, main_metrics: dict[str, str]) -> None:
    """Every history plot a run has the metrics for, and the comparison with its baselines."""
    log_history_plot(client, run_id, "train_loss", "train loss", "train/", "/loss")
    dev_keys = [f"dev/{task}/{metric}" for task, metric in main_metrics.items()] + ["dev/mean"]
    log_history_plot(client, run_id, "dev_metrics", "dev main metric", "dev/", keys=dev_keys)
    log_history_plot(client, run_id, "task_weights", "task weight", "weights/")
    log_history_plot(client, run_id, "gradient_norms", "norm of the task's gradient", "grad/", "/norm")
    log_history_plot(client, run_id, "gradient_conflict", "mean pairwise cosine of task gradients", "grad/conflict")
    log_baseline_comparison(client, run_id, job_name, main_metrics)
