"""Run storage on a local folder and on a real S3-compatible server (SeaweedFS on loopback)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mlflow.entities import Metric
from mlflow.tracking import MlflowClient

from mtl_platform.config import ConfigError, validate_job
from mtl_platform.tracking import storage as storage_module
from mtl_platform.tracking.journal import MetricJournal, upload_missing
from mtl_platform.tracking.run_logs import run_logs, warnings_of
from mtl_platform.tracking.storage import Location, NewLines, PartLog
from mtl_platform.train.resources import check_storage
from tests.conftest import base_job
from tests.processes import free_port, kill_tree, start_mlflow_server


@pytest.fixture(params=["local", "s3", "fsspec"])
def root(request, tmp_path) -> Location:
    """A folder on this disk, a prefix in S3, and one on a filesystem only fsspec knows (memory://)."""
    if request.param == "local":
        return Location.of(tmp_path / "runs")
    if request.param == "fsspec":
        return Location.of(f"memory://runs/{tmp_path.name}")
    request.getfixturevalue("s3_server")
    return Location.of(request.getfixturevalue("s3_storage"))


def test_files_and_folders_behave_alike_on_every_store(root, tmp_path):
    run = root / "run-1"
    assert not run.exists() and run.children() == []
    (run / "job.yaml").write_text("name: a\n")
    (run / "metrics" / "b.txt").write_bytes(b"2", durable=True)
    (run / "metrics" / "a.txt").write_bytes(b"1")
    assert (run / "job.yaml").read_text() == "name: a\n"
    assert run.is_dir() and not (run / "job.yaml").is_dir()
    assert [name for name, _ in run.children()] == ["job.yaml", "metrics"]
    assert [name for name, _ in (run / "metrics").children()] == ["a.txt", "b.txt"]
    assert str(run / "metrics") == f"{root}/run-1/metrics" and (run / "metrics").name == "metrics"

    (run / "job.yaml").delete()
    (run / "job.yaml").delete()  # already gone: nothing to do
    assert not (run / "job.yaml").exists()

    local = tmp_path / "upload"
    (local / "deep").mkdir(parents=True)
    (local / "deep" / "file.txt").write_text("x")
    (run / "copied").upload(local)
    with (run / "copied").as_local() as copy:
        assert (copy / "deep" / "file.txt").read_text() == "x"
    with (run / "nothing-here").as_local() as copy:
        assert not copy.exists() or not any(copy.iterdir())


def test_a_part_log_reads_in_write_order_and_follows_new_parts(root):
    log = PartLog(root / "run" / "metrics")
    log.append(["1", "2"])
    log.append([])  # nothing: no part
    follower = NewLines(log)
    log.append(["3"], durable=True)
    log.append(["4"])
    assert log.read() == ["1", "2", "3", "4"]
    assert len(log.parts()) == 3
    assert follower.read() == ["3", "4"]
    assert follower.read() == []


def test_the_journal_on_an_object_store_sends_each_step_once(s3_storage, tmp_path):
    client = MlflowClient(f"sqlite:///{tmp_path / 'mlflow.db'}")
    run_id = client.create_run(client.create_experiment("journal")).info.run_id
    journal = MetricJournal(Location.of(s3_storage) / "run" / "metrics")
    metrics = [Metric(key, float(step), 0, step) for step in (1, 2, 3) for key in ("a", "b")]
    journal.append(metrics[:2])
    journal.append(metrics[2:], durable=True)
    client.log_batch(run_id, metrics=metrics[:2])  # step 1 reached MLflow before an outage
    assert journal.last_step() == 3
    assert upload_missing(client, run_id, journal.read()) == 4
    assert upload_missing(client, run_id, journal.read()) == 0


def test_logs_and_warnings_reach_the_object_store(s3_storage):
    run_dir = Location.of(s3_storage) / "run"
    log = logging.getLogger("mtl_platform.some_worker_module")
    for attempt in (1, 2):  # a restarted worker adds to its log, as on a local disk
        with run_logs(run_dir, "worker-0"):
            log.info("attempt %d", attempt)
            log.warning("step 7 skipped")
    text = (run_dir / "logs" / "worker-0.log").read_text()
    assert "INFO mtl_platform.some_worker_module: attempt 1" in text and "attempt 2" in text
    assert warnings_of(run_dir).read() == ["worker-0: WARNING mtl_platform.some_worker_module: step 7 skipped"] * 2


def test_storage_path_takes_a_uri_and_refuses_a_bare_scheme(tmp_path):
    job = base_job(tmp_path)
    job["trainer"]["storage_path"] = "s3://bucket/prefix/"
    assert validate_job(job, tmp_path).trainer.storage_path == "s3://bucket/prefix"
    job["trainer"]["storage_path"] = "relative/runs"
    assert validate_job(job, tmp_path).trainer.storage_path == str(Path("relative/runs").resolve())
    job["trainer"]["storage_path"] = "s3://"
    with pytest.raises(ConfigError, match=r"trainer.storage_path.*'s3://' is not a URI of a bucket or folder"):
        validate_job(job, tmp_path, "job.yaml")


def test_a_store_that_refuses_the_credentials_fails_before_anything_starts(s3_server, monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
    storage_module._filesystem.cache_clear()  # a new process would read the credentials afresh
    try:
        with pytest.raises(
            ConfigError, match=r"^trainer.storage_path: cannot write checkpoints to s3://runs/refused \(.*SIGNATURE"
        ) as error:
            check_storage(Location.of("s3://runs/refused"))
        assert "not-the-secret" not in str(error.value)
    finally:
        storage_module._filesystem.cache_clear()  # the next test's filesystem is made with the real key


def test_a_part_is_whole_or_absent(tmp_path):
    """A local part is written beside its name and renamed: a reader never sees half of one."""
    log = PartLog(Location.of(tmp_path / "metrics"))
    (tmp_path / "metrics").mkdir()
    (tmp_path / "metrics" / ".0001-1.txt.1").write_text('["a", 4.0, 0')  # a writer killed mid-part
    log.append([json.dumps(["a", 1.0, 0, 1])])
    assert log.read() == ['["a", 1.0, 0, 1]']


def test_mlflow_keeps_artifacts_in_the_same_store(s3_storage, tmp_path):
    """`mtl server --artifacts-destination s3://...`: what a run logs lands in the bucket."""
    port = free_port()
    server = start_mlflow_server(tmp_path / "store", port, "--artifacts-destination", f"{s3_storage}/mlflow")
    try:
        client = MlflowClient(f"http://127.0.0.1:{port}")
        run_id = client.create_run(client.create_experiment("artifacts")).info.run_id
        client.log_text(run_id, "kept in S3", "notes/hello.txt")
        stored = Location.of(s3_storage) / "mlflow"
        [experiment] = [name for name, _ in stored.children()]
        assert (stored / experiment / run_id / "artifacts" / "notes" / "hello.txt").read_text() == "kept in S3"
        assert [a.path for a in client.list_artifacts(run_id, "notes")] == ["notes/hello.txt"]
    finally:
        kill_tree(server)
