"""MLflow: where runs go, how they are created, and how metrics reach them.

The driver creates runs (so a run exists before any worker starts and keeps
everything already logged if the job fails); rank 0 streams metrics into it.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import requests
from mlflow.entities import Metric, Param, RunTag
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

from mtl_platform.config import ConfigError
from mtl_platform.tracking.journal import MetricJournal, upload_missing
from mtl_platform.tracking.redact import redact, redact_text

DEFAULT_DIR = Path("mlruns")
MAX_PARAM_LENGTH = 6000  # MLflow's limit on a param value
log = logging.getLogger(__name__)
# What a store that is down or unreachable raises (after MLflow's own HTTP retries).
UNREACHABLE = (MlflowException, requests.RequestException, OSError)


def tracking_uri(configured: str | None = None) -> str:
    """The job's URI, else MLFLOW_TRACKING_URI, else SQLite in ./mlruns (absolute)."""
    uri = configured or os.environ.get("MLFLOW_TRACKING_URI")
    if uri:
        return uri
    DEFAULT_DIR.mkdir(exist_ok=True)
    return f"sqlite:///{(DEFAULT_DIR / 'mlflow.db').resolve()}"


def check_reachable(uri: str) -> None:
    """Fail before any training when the store cannot be reached, not at the first metric.

    One request without MLflow's retries: a server that is down answers at once.
    """
    if not uri.startswith(("http://", "https://")):
        return
    try:
        requests.get(f"{uri.rstrip('/')}/health", timeout=10).raise_for_status()
    except requests.RequestException as exc:
        reason = type(exc).__name__ if not isinstance(exc, requests.HTTPError) else str(exc)
        raise ConfigError(
            f"tracking.uri: no MLflow server answers at {redact_text(uri)} ({reason}); "
            "start one (mtl server) or point tracking.uri / MLFLOW_TRACKING_URI at a running one"
        ) from exc


def artifact_root(uri: str) -> str | None:
    """Artifacts beside a local SQLite store, by absolute path; servers manage their own."""
    if uri.startswith("sqlite:///"):
        return (Path(uri.removeprefix("sqlite:///")).parent / "artifacts").resolve().as_uri()
    return None


# MLflow's UI opens an experiment of this kind on its training runs (not its GenAI trace views).
EXPERIMENT_KIND = {"mlflow.experimentKind": "custom_model_development"}


def experiment_id(client: MlflowClient, name: str) -> str:
    experiment = client.get_experiment_by_name(name)
    if experiment is not None:
        return experiment.experiment_id
    root = artifact_root(client.tracking_uri)
    return client.create_experiment(name, artifact_location=f"{root}/{name}" if root else None, tags=EXPERIMENT_KIND)


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
    items = [Param(k, str(redact(v, k))[:MAX_PARAM_LENGTH]) for k, v in params.items()]
    for start in range(0, len(items), 100):  # MLflow accepts at most 100 params a batch
        client.log_batch(run_id, params=items[start : start + 100])


def log_metrics(client: MlflowClient, run_id: str, metrics: Mapping[str, float], step: int) -> None:
    """One synchronous batch, for the driver's few metrics."""
    now = int(time.time() * 1000)
    client.log_batch(run_id, metrics=[Metric(k, float(v), now, step) for k, v in metrics.items()])


class MetricWriter:
    """Rank 0's metrics: journaled, then sent to MLflow by a background thread.

    The training loop never waits for MLflow. While the server is unreachable
    the sender keeps its batches and retries them, and they are in the
    journal, which the driver uploads at the end: an outage loses nothing.
    (MLflow's own asynchronous logging gives a batch up after its retries and
    drains its queue at interpreter exit, which can hang a finishing worker.)
    """

    RETRY_SECONDS = 5.0

    def __init__(self, uri: str, run_id: str, journal: MetricJournal):
        self.client = MlflowClient(uri)
        self.run_id = run_id
        self.journal = journal
        recorded = journal.read()  # read once: it gives both what a replay repeats and what to resend
        # By (key, step): a worker may die between a step's training metrics and its evaluation.
        self.recorded = {(m.key, m.step) for m in recorded}
        self.buffer: list[Metric] = []
        self.outbox: queue.Queue[tuple[str, Any] | None] = queue.Queue()
        if recorded:  # a restart: send what the previous worker journaled but had not sent
            self.outbox.put(("missing", recorded))
        self.sender = threading.Thread(target=self._send, name="mlflow-sender", daemon=True)
        self.sender.start()

    def log_params(self, params: Mapping[str, Any]) -> None:
        self.outbox.put(("params", params))

    def add(self, metrics: Mapping[str, float], step: int) -> None:
        """Metrics already journaled are dropped: a restarted worker replays them from its checkpoint."""
        now = int(time.time() * 1000)
        self.buffer.extend(Metric(k, float(v), now, step) for k, v in metrics.items() if (k, step) not in self.recorded)

    def flush(self, durable: bool = False) -> None:
        """Journal the buffer (forced to disk when `durable`, before a checkpoint) and queue it for MLflow."""
        self.journal.append(self.buffer, durable=durable)
        if self.buffer:
            self.outbox.put(("metrics", self.buffer))
        self.buffer = []

    def close(self, timeout: float) -> None:
        """Give the sender `timeout` seconds to finish; the driver uploads whatever it leaves."""
        self.flush(durable=True)
        self.outbox.put(None)
        self.sender.join(timeout)
        if self.sender.is_alive():
            log.warning("MLflow did not take every metric in %.0f s; the driver uploads the rest", timeout)

    def _deliver(self, kind: str, payload: Any, retry: bool) -> None:
        if kind == "params":
            log_params(self.client, self.run_id, payload)
        elif kind == "missing" or retry:  # a failed attempt may have landed in part
            upload_missing(self.client, self.run_id, payload)
        else:
            self.client.log_batch(self.run_id, metrics=payload)

    def _send(self) -> None:
        while (item := self.outbox.get()) is not None:
            kind, payload = item
            failures = 0
            while True:
                try:
                    self._deliver(kind, payload, retry=failures > 0)
                    break
                except UNREACHABLE as exc:  # keep the batch, try again
                    if failures == 0:
                        log.warning("MLflow unreachable (%s); metrics are journaled and retried", redact_text(str(exc)))
                    failures += 1
                    time.sleep(self.RETRY_SECONDS)
            if failures:
                log.info("MLflow reachable again after %d failed attempts", failures)


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
    all_tags = {k: redact_text(str(v)) for k, v in all_tags.items()}
    run = client.create_run(experiment_id(client, experiment), run_name=run_name, tags=all_tags)
    return run.info.run_id


def set_tags(client: MlflowClient, run_id: str, tags: Mapping[str, str]) -> None:
    client.log_batch(run_id, tags=[RunTag(k, redact_text(str(v))) for k, v in tags.items()])
