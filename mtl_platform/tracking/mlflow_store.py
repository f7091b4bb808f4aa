"""MLflow: where runs go, how they are created, and how metrics reach them.

The driver creates runs (so a run exists before any worker starts and keeps
everything already logged if the job fails); rank 0 streams metrics into it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mlflow.entities import Metric, Param, RunTag
from mlflow.tracking import MlflowClient

DEFAULT_DIR = Path("mlruns")
MAX_PARAM_LENGTH = 6000  # MLflow's limit on a param value


def tracking_uri(configured: str | None = None) -> str:
    """The job's URI, else MLFLOW_TRACKING_URI, else SQLite in ./mlruns (absolute)."""
    uri = configured or os.environ.get("MLFLOW_TRACKING_URI")
    if uri:
        return uri
    DEFAULT_DIR.mkdir(exist_ok=True)
    return f"sqlite:///{(DEFAULT_DIR / 'mlflow.db').resolve()}"


def artifact_root(uri: str) -> str | None:
    """Artifacts beside a local SQLite store, by absolute path; servers manage their own."""
    if uri.startswith("sqlite:///"):
        return (Path(uri.removeprefix("sqlite:///")).parent / "artifacts").resolve().as_uri()
    return None


def experiment_id(client: MlflowClient, name: str) -> str:
    experiment = client.get_experiment_by_name(name)
    if experiment is not None:
        return experiment.experiment_id
    root = artifact_root(client.tracking_uri)
    return client.create_experiment(name, artifact_location=f"{root}/{name}" if root else None)


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested config -> {'a.b.c': value}; task lists are keyed by task name."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{path}."))
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) and "name" in v for v in value):
            for item in value:
                flat.update(flatten(item, f"{path}.{item['name']}."))
        else:
            flat[path] = value
    return flat


def log_params(client: MlflowClient, run_id: str, params: Mapping[str, Any]) -> None:
    items = [Param(k, str(v)[:MAX_PARAM_LENGTH]) for k, v in params.items()]
    for start in range(0, len(items), 100):  # MLflow accepts at most 100 params a batch
        client.log_batch(run_id, params=items[start : start + 100])


class MetricWriter:
    """Buffers metrics and writes them in batches, off the training thread.

    MLflow's asynchronous logging queues each batch for a background thread,
    so a slow store does not slow the steps; `wait` blocks until all landed.
    """

    def __init__(self, uri: str, run_id: str):
        self.client = MlflowClient(uri)
        self.run_id = run_id
        self.buffer: list[Metric] = []
        self.pending: list[Any] = []

    def add(self, metrics: Mapping[str, float], step: int) -> None:
        now = int(time.time() * 1000)
        self.buffer.extend(Metric(k, float(v), now, step) for k, v in metrics.items())

    def flush(self) -> None:
        while self.buffer:
            batch, self.buffer = self.buffer[:1000], self.buffer[1000:]
            self.pending.append(self.client.log_batch(self.run_id, metrics=batch, synchronous=False))

    def wait(self) -> None:
        self.flush()
        for operation in self.pending:
            operation.wait()
        self.pending.clear()


def create_run(
    client: MlflowClient,
    experiment: str,
    run_name: str,
    tags: Mapping[str, str] | None = None,
    parent_run_id: str | None = None,
) -> str:
    all_tags = dict(tags or {})
    if parent_run_id:
        all_tags["mlflow.parentRunId"] = parent_run_id
    run = client.create_run(experiment_id(client, experiment), run_name=run_name, tags=all_tags)
    return run.info.run_id


def set_tags(client: MlflowClient, run_id: str, tags: Mapping[str, str]) -> None:
    client.log_batch(run_id, tags=[RunTag(k, str(v)) for k, v in tags.items()])
