"""The metric journal: every metric a run logs, in its storage before it goes to MLflow.

MLflow may be down for a while; the run's storage is not (Ray Train needs it
for checkpoints). So rank 0 writes each batch of metrics there first, as one
part of a `PartLog` (JSON lines; on a local disk forced to it before each
checkpoint, on an object store durable once written), and MLflow is filled
from it: live by the sender thread, and at the end (or by `mtl sync`) by
`upload_missing`, which sends only the (key, step) pairs MLflow lacks. That
makes uploading idempotent and gives each step of a run exactly one value,
however often workers restart: a restarted rank 0 reads the journal and drops
the steps it replays that are already there.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from mlflow.entities import Metric
from mlflow.tracking import MlflowClient

from mtl_platform.tracking.storage import Location, PartLog

MAX_BATCH = 1000  # MLflow's limit on metrics in one log_batch


class MetricJournal:
    def __init__(self, folder: Location):
        self.log = PartLog(folder)

    def read(self) -> list[Metric]:
        return [Metric(*json.loads(line)) for line in self.log.read()]

    def last_step(self) -> int:
        """The last step recorded, 0 for a new run: a restarted worker replays the steps after
        its checkpoint, and those up to here are already recorded."""
        return max((m.step for m in self.read()), default=0)

    def append(self, metrics: Iterable[Metric], durable: bool = False) -> None:
        """Add one part; `durable` also forces it to a local disk (before a checkpoint is reported)."""
        self.log.append([json.dumps([m.key, m.value, m.timestamp, m.step]) for m in metrics], durable)


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
