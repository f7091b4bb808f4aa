"""The metric journal: every metric a run logs, on disk before it goes to MLflow.

MLflow may be down for a while; the run's storage directory is not (Ray Train
needs it for checkpoints). So rank 0 appends each batch of metrics to a JSON
lines file there first, and MLflow is filled from it: live by the sender
thread, and at the end (or by `mtl sync`) by `upload_missing`, which sends
only the (key, step) pairs MLflow lacks. That makes uploading idempotent and
gives each step of a run exactly one value, however often workers restart.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from mlflow.entities import Metric
from mlflow.tracking import MlflowClient

MAX_BATCH = 1000  # MLflow's limit on metrics in one log_batch


class MetricJournal:
    def __init__(self, path: Path):
        self.path = path

    def read(self) -> list[Metric]:
        if not self.path.exists():
            return []
        metrics = []
        for line in self.path.read_text().splitlines():
            try:
                key, value, timestamp, step = json.loads(line)
            except ValueError:  # a line cut short by a crash: what it held is replayed after the restart
                continue
            metrics.append(Metric(key, value, timestamp, step))
        return metrics

    def last_step(self) -> int:
        """The last step recorded, 0 for a new run: a restarted worker replays the steps after
        its checkpoint, and those up to here are already recorded."""
        return max((m.step for m in self.read()), default=0)

    def append(self, metrics: Iterable[Metric], durable: bool = False) -> None:
        """Add lines; `durable` also forces them to disk (before a checkpoint is reported)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a") as file:
            for m in metrics:
                file.write(json.dumps([m.key, m.value, m.timestamp, m.step]) + "\n")
            if durable:
                file.flush()
                os.fsync(file.fileno())


def upload_missing(client: MlflowClient, run_id: str, metrics: Iterable[Metric]) -> int:
    """Send the metrics whose (key, step) the run does not have yet; returns how many were sent."""
    by_key: dict[str, list[Metric]] = defaultdict(list)
    for metric in metrics:
        by_key[metric.key].append(metric)
    missing: list[Metric] = []
    for key, values in by_key.items():
        logged = {m.step for m in client.get_metric_history(run_id, key)}
        for metric in values:
            if metric.step not in logged:
                logged.add(metric.step)
                missing.append(metric)
    for start in range(0, len(missing), MAX_BATCH):
        client.log_batch(run_id, metrics=missing[start : start + MAX_BATCH])
    return len(missing)
