"""Metric histories as run artifacts: a PNG to look at and the CSV behind it."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; workers and CI have no display
import matplotlib.pyplot as plt
from mlflow.tracking import MlflowClient


def log_history_plot(client: MlflowClient, run_id: str, name: str, ylabel: str, prefix: str, suffix: str = "") -> bool:
    """Plot every metric of the run named `prefix...suffix` against the step,
    as `plots/<name>.png` and `plots/<name>.csv`; False when the run has none."""
    metrics = client.get_run(run_id).data.metrics
    keys = sorted(k for k in metrics if k.startswith(prefix) and k.endswith(suffix))
    if not keys:
        return False
    histories = {k: {m.step: m.value for m in client.get_metric_history(run_id, k)} for k in keys}
    steps = sorted({step for history in histories.values() for step in history})
    figure, axes = plt.subplots(figsize=(7, 4))
    for key, history in histories.items():
        points = sorted(history.items())
        axes.plot(
            [s for s, _ in points], [v for _, v in points], label=key.removeprefix(prefix).removesuffix(suffix) or key
        )
    axes.set_xlabel("step")
    axes.set_ylabel(ylabel)
    axes.legend()
    axes.grid(alpha=0.3)
    figure.tight_layout()
    with tempfile.TemporaryDirectory() as directory:
        figure.savefig(Path(directory) / f"{name}.png", dpi=120)
        with open(Path(directory) / f"{name}.csv", "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["step", *keys])
            writer.writerows([step, *(histories[k].get(step, "") for k in keys)] for step in steps)
        client.log_artifacts(run_id, directory, "plots")
    plt.close(figure)
    return True
