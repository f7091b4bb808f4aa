"""Where runs go when nothing is configured, and how configs become MLflow params."""

from __future__ import annotations

import io
import json
import logging
import os

import mlflow
from mlflow.tracking import MlflowClient
from rich.console import Console

from mtl_platform.serving.model import tracking
from mtl_platform.tracking.mlflow_store import experiment_id, flatten, tracking_uri
from mtl_platform.tracking.progress import JournalProgress
from mtl_platform.tracking.run_directory import LOGS_DIR
from mtl_platform.tracking.run_logs import note_warning, run_logs, warnings_of
from mtl_platform.tracking.storage import Location, PartLog


def test_default_store_is_sqlite_in_mlruns_with_absolute_artifact_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    uri = tracking_uri()
    assert uri == f"sqlite:///{tmp_path / 'mlruns' / 'mlflow.db'}"
    client = MlflowClient(uri)
    experiment = client.get_experiment(experiment_id(client, "demo"))
    assert experiment.artifact_location == (tmp_path / "mlruns" / "artifacts" / "demo").as_uri()
    assert experiment_id(client, "demo") == experiment.experiment_id  # found, not created twice


def test_configured_uri_and_environment_win(monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000")
    assert tracking_uri() == "http://127.0.0.1:5000"
    assert tracking_uri("sqlite:////data/m.db") == "sqlite:////data/m.db"


def test_flatten_keys_task_lists_by_name():
    config = {"tasks": [{"name": "sst2", "data": {"format": "tsv"}}], "trainer": {"lr": 0.1}, "labels": ["a", "b"]}
    assert flatten(config) == {
        "tasks.sst2.name": "sst2",
        "tasks.sst2.data.format": "tsv",
        "trainer.lr": 0.1,
        "labels": ["a", "b"],
    }


def test_logging_a_model_leaves_no_tracking_uri_behind(tmp_path, monkeypatch):
    """The next run of the process (another seed, another baseline) must still log to its
    default store, not to the one MLflow would export while logging the model."""
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    monkeypatch.setattr(mlflow.tracking._tracking_service.utils, "_tracking_uri", None)
    with tracking(f"sqlite:///{tmp_path / 'other.db'}"):
        assert os.environ["MLFLOW_TRACKING_URI"].endswith("other.db")
    assert "MLFLOW_TRACKING_URI" not in os.environ and not mlflow.tracking.is_tracking_uri_set()
    monkeypatch.chdir(tmp_path)
    assert tracking_uri() == f"sqlite:///{tmp_path / 'mlruns' / 'mlflow.db'}"


def test_progress_follows_the_journal_part_by_part(tmp_path):
    """Plain lines (not a terminal): one per logged step with the losses, steps/s from the journal's
    own timestamps and the ETA; one per evaluation; parts there before it started are not shown."""
    journal = PartLog(Location.of(tmp_path / "metrics"))
    journal.append([json.dumps(["train/a/loss", 9.0, 0, 1])])  # an earlier driver's
    out = io.StringIO()
    shown = JournalProgress(journal, 100, {"a": "accuracy", "b": "pearson"}, Console(file=out, width=200))
    lines = [["train/a/loss", 0.5, 1_000, 10], ["train/b/loss", 2.0, 1_000, 10], ["train/a/loss", 0.25, 6_000, 20]]
    journal.append([json.dumps(line) for line in lines])
    shown.poll()
    assert out.getvalue().splitlines() == [
        "step 10/100 (starting) loss a 0.5 b 2",
        "step 20/100 (2.00 steps/s, ETA 40 s) loss a 0.25 b 2",
    ]
    lines = [["dev/a/accuracy", 0.8, 6000, 20], ["dev/b/pearson", 0.5, 6000, 20], ["dev/mean", 0.65, 6000, 20]]
    journal.append([json.dumps(line) for line in lines])
    shown.poll()
    assert out.getvalue().splitlines()[2:] == ["step 20: dev a 0.8000 b 0.5000, mean 0.6500"]


def test_run_logs_keep_each_process_log_and_share_its_warnings(tmp_path):
    """What a worker logs goes to its own file; its warnings also to the run's shared warnings,
    which the driver's progress shows one line each; the driver keeps its own."""
    log = logging.getLogger("mtl_platform.some_worker_module")
    run_dir = Location.of(tmp_path)
    with run_logs(run_dir, "worker-1"):
        log.info("rank 1 resumed from step 5")
        log.warning("step 7 skipped")
    log.warning("after the run: in no file")
    with run_logs(run_dir, "driver", share_warnings=False):
        log.warning("the driver shows its own")
    worker = (tmp_path / LOGS_DIR / "worker-1.log").read_text()
    assert "INFO mtl_platform.some_worker_module: rank 1 resumed from step 5" in worker
    assert "after the run" not in worker
    warnings = warnings_of(run_dir)
    assert warnings.read() == ["worker-1: WARNING mtl_platform.some_worker_module: step 7 skipped"]
    assert "the driver shows its own" in (tmp_path / LOGS_DIR / "driver.log").read_text()

    out = io.StringIO()
    journal = PartLog(run_dir / "metrics")
    shown = JournalProgress(journal, 10, {"a": "accuracy"}, Console(file=out), warnings=warnings)
    note_warning(run_dir, "ray-train", "worker failed (rank 0: ActorDiedError)")
    shown.poll()
    assert out.getvalue().splitlines() == ["warning ray-train: WARNING worker failed (rank 0: ActorDiedError)"]
