"""What goes wrong on a cluster, really made to happen: an MLflow server that goes away, a NaN
loss, storage that cannot be written, more workers than nodes; and secrets kept out of MLflow."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import subprocess
import threading
import time
from pathlib import Path

import psutil
import pytest
import torch
from mlflow.entities import Metric
from mlflow.tracking import MlflowClient
from ray._private import ray_constants
from ray.train import Result
from ray.train.v2._internal.constants import CHECKPOINT_MANAGER_SNAPSHOT_FILENAME
from typer.testing import CliRunner

from mtl_platform.cli import app
from mtl_platform.config import ConfigError
from mtl_platform.serving.model import logged_model_id
from mtl_platform.tracking.journal import MetricJournal, upload_missing
from mtl_platform.tracking.mlflow_store import MetricWriter
from mtl_platform.tracking.redact import redact
from mtl_platform.tracking.run_directory import (
    JOURNAL_DIR,
    LOGS_DIR,
    MODEL_FILE,
    RUN_INFO,
    STATE_FILE,
    WARNINGS_ARTIFACT,
)
from mtl_platform.tracking.storage import Location
from mtl_platform.train.trainer import TrainingStopped
from tests.conftest import REPO
from tests.processes import MTL, free_port, kill_tree, start_mlflow_server
from tests.test_training import run

runner = CliRunner()


def steps(client: MlflowClient, run_id: str, key: str) -> list[int]:
    return sorted(m.step for m in client.get_metric_history(run_id, key))


@pytest.fixture
def fail_fast_mlflow(monkeypatch):
    """MLflow's client retries a refused request for minutes; here a down server should show at once."""
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "5")


def test_upload_sends_each_missing_step_once(tmp_path):
    client = MlflowClient(f"sqlite:///{tmp_path / 'mlflow.db'}")
    run_id = client.create_run(client.create_experiment("journal")).info.run_id
    journal = MetricJournal(Location.of(tmp_path / JOURNAL_DIR))
    metrics = [Metric(key, float(step), 0, step) for step in (1, 2, 3) for key in ("a", "b")]
    journal.append(metrics[:4])
    journal.append(metrics[4:], durable=True)
    (tmp_path / JOURNAL_DIR / ".a-part-being-written").write_text('["a", 4.0, 0')  # not read until renamed
    client.log_batch(run_id, metrics=metrics[:2])  # step 1 reached MLflow before the outage
    assert journal.last_step() == 3
    assert upload_missing(client, run_id, journal.read()) == 4
    assert upload_missing(client, run_id, journal.read()) == 0
    assert steps(client, run_id, "a") == steps(client, run_id, "b") == [1, 2, 3]


def test_writer_keeps_metrics_through_a_server_outage(tmp_path, fail_fast_mlflow, caplog):
    port = free_port()
    server = start_mlflow_server(tmp_path / "store", port)
    uri = f"http://127.0.0.1:{port}"
    client = MlflowClient(uri)
    run_id = client.create_run(client.create_experiment("outage")).info.run_id
    writer = MetricWriter(uri, run_id, MetricJournal(Location.of(tmp_path / JOURNAL_DIR)))
    writer.RETRY_SECONDS = 0.2
    writer.add({"loss": 1.0}, step=1)
    writer.flush()
    deadline = time.monotonic() + 30
    while steps(client, run_id, "loss") != [1]:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    kill_tree(server)
    with caplog.at_level(logging.WARNING):
        for step in (2, 3, 4):
            writer.add({"loss": float(step)}, step)
            writer.flush()
        time.sleep(1)  # the sender has failed and keeps the batches
        server = start_mlflow_server(tmp_path / "store", port)
        try:
            writer.close(timeout=60)
            assert steps(client, run_id, "loss") == [1, 2, 3, 4]
        finally:
            kill_tree(server)
    assert "MLflow unreachable" in caplog.text

    restarted = MetricWriter(uri, run_id, MetricJournal(Location.of(tmp_path / JOURNAL_DIR)))
    restarted.outbox.put(None)  # no server now: only the replay rule is looked at
    restarted.add({"loss": 9.0}, step=3)  # replayed from a checkpoint: already recorded
    restarted.add({"loss": 9.0, "dev/mean": 0.5}, step=4)  # the dead worker journaled step 4's loss only
    restarted.add({"loss": 5.0}, step=5)
    assert [(m.key, m.step) for m in restarted.buffer] == [("dev/mean", 4), ("loss", 5)]


def test_unreachable_server_fails_before_anything_starts(job_dict, tmp_path):
    job_dict["tracking"]["uri"] = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(ConfigError, match=r"^tracking.uri: no MLflow server answers at http://127.0.0.1:\d+ \("):
        run(job_dict)
    assert not (tmp_path / "ray_results").exists()


def test_unwritable_storage_fails_before_anything_starts(job_dict, tmp_path):
    (tmp_path / "a-file").write_text("")
    job_dict["trainer"]["storage_path"] = str(tmp_path / "a-file" / "results")
    with pytest.raises(ConfigError, match=r"^trainer.storage_path: cannot write checkpoints to .*a-file/results"):
        run(job_dict)


def test_more_workers_than_the_cluster_holds_fail_at_once(ray_session, job_dict):
    job_dict["scaling"]["num_workers"] = 8
    job_dict["trainer"]["batch_size"] = 16
    began = time.monotonic()
    with pytest.raises(
        ConfigError, match=r"scaling.num_workers: 8 workers of 1 CPU each, but the cluster's nodes hold 2"
    ):
        run(job_dict)
    assert time.monotonic() - began < 30


TEXT_FILES = {".json", ".yaml", ".log", ".txt"}


def _kill_when(storage: Location, step: int, server, done: threading.Event) -> None:
    """Stop the server once the run has journaled `step` (the run's directory is named at start)."""
    while not done.is_set():
        for name, _ in storage.children():
            if MetricJournal(storage / name / JOURNAL_DIR).last_step() >= step:
                kill_tree(server)
                return
        time.sleep(0.05)


def test_job_outlives_an_mlflow_outage_and_sync_completes_it(
    ray_session, job_dict, tmp_path, s3_storage, fail_fast_mlflow
):
    """On object storage (S3 on loopback): the journal, the run's files and its checkpoints are
    there, so `mtl sync` from the run's URI completes the MLflow run after the outage."""
    port = free_port()
    server = start_mlflow_server(tmp_path / "store", port)
    job_dict["tracking"]["uri"] = f"http://alice:s3cret@127.0.0.1:{port}"  # credentials must not be logged
    job_dict["trainer"].update(max_steps=60, eval_every=20, log_every=1, storage_path=s3_storage)
    job_dict["scaling"]["num_workers"] = 1
    storage = Location.of(s3_storage)
    done = threading.Event()
    killer = threading.Thread(target=_kill_when, args=(storage, 5, server, done))
    killer.start()
    try:
        result = run(job_dict)  # finishes training; warns that MLflow is unreachable
    finally:
        done.set()
        killer.join()
    assert server.poll() is not None, "the server was stopped mid-run"
    run_dir = storage / result.run_name
    info = json.loads((run_dir / RUN_INFO).read_text())
    assert info["outcome"] == "FINISHED"
    assert info["checkpoint"].startswith(f"{s3_storage}/{result.run_name}/checkpoint_")
    assert not (tmp_path / "ray_results").exists()

    server = start_mlflow_server(tmp_path / "store", port)
    try:
        client = MlflowClient(f"http://127.0.0.1:{port}")
        assert client.get_run(result.run_id).info.status == "RUNNING"
        assert len(steps(client, result.run_id, "train/lr")) < 60  # the outage cost MLflow metrics...
        synced = runner.invoke(app, ["sync", str(run_dir)])
        assert synced.exit_code == 0, synced.output
        assert steps(client, result.run_id, "train/lr") == list(range(1, 61))  # ...which sync restored, once
        assert steps(client, result.run_id, "dev/mean") == [20, 40, 60]
        mlrun = client.get_run(result.run_id)
        assert mlrun.info.status == "FINISHED"
        assert len(mlrun.outputs.model_outputs) == 1, "sync logged the model"
        assert runner.invoke(app, ["sync", str(run_dir)]).exit_code == 0  # again: nothing doubles
        assert steps(client, result.run_id, "train/lr") == list(range(1, 61))
        assert len(client.get_run(result.run_id).outputs.model_outputs) == 1

        assert mlrun.data.params["tracking.uri"] == f"http://alice:***@127.0.0.1:{port}"
        logged_yaml = Path(client.download_artifacts(result.run_id, "job.yaml", str(tmp_path))).read_text()
        assert "s3cret" not in logged_yaml + json.dumps(mlrun.data.params) + json.dumps(mlrun.data.tags)
        # Nor the store's credentials, which stay in the environment: not in the run's files, its
        # logs or MLflow (mtl_run.json keeps the tracking URI that `mtl sync` reconnects with).
        with run_dir.as_local() as files:
            written = {p.name: p.read_text(errors="replace") for p in files.rglob("*") if p.suffix in TEXT_FILES}
        secret = os.environ["AWS_SECRET_ACCESS_KEY"]
        assert {"job.yaml", "driver.log", "worker-0.log"} <= set(written)
        assert not any(secret in text for text in written.values())
        assert "s3cret" not in written["job.yaml"] + written["driver.log"] + written["worker-0.log"]
        assert secret not in json.dumps(mlrun.data.params) + json.dumps(mlrun.data.tags)
    finally:
        kill_tree(server)


def _model(checkpoint) -> dict[str, torch.Tensor]:
    with checkpoint.as_directory() as directory:
        return torch.load(Path(directory) / MODEL_FILE)


def _step(checkpoint) -> int:
    with checkpoint.as_directory() as directory:
        return torch.load(Path(directory) / STATE_FILE, weights_only=False)["step"]


def test_nonfinite_loss_stops_with_the_last_good_checkpoint_or_is_skipped(ray_session, job_dict, tmp_path):
    # An absurd learning rate: step 1 moves every weight by ~1e30, so step 2's regression output squared is inf.
    job_dict["trainer"].update(lr=1e30, max_steps=4, eval_every=1, sampling={"strategy": "all_tasks"})
    with pytest.raises(TrainingStopped, match=r"task 'stsb' has a non-finite loss \(inf\) at step 2; training stop"):
        run(job_dict)
    [run_dir] = (tmp_path / "ray_results").iterdir()
    client = MlflowClient(job_dict["tracking"]["uri"])
    mlrun = client.get_run(json.loads((run_dir / RUN_INFO).read_text())["mlflow_run_id"])
    assert mlrun.info.status == "FAILED"
    assert "task 'stsb' has a non-finite loss" in mlrun.data.tags["mtl.failure"]
    good = Result.from_path(str(run_dir)).checkpoint
    assert _step(good) == 1
    assert all(torch.isfinite(t).all() for t in _model(good).values())

    job_dict["trainer"]["nonfinite"] = "skip"
    job_dict["trainer"]["storage_path"] = str(tmp_path / "skipped")
    skipped = run(job_dict)
    assert client.get_run(skipped.run_id).info.status == "FINISHED"
    assert client.get_run(skipped.run_id).data.metrics["train/skipped_steps"] == 3
    after_skips = _model(skipped.checkpoint)  # steps 2-4 changed nothing: still step 1's model
    assert all(torch.equal(after_skips[k], t) for k, t in _model(good).items())


def test_redact_masks_what_looks_like_a_secret():
    config = {
        "tracking": {"uri": "https://bob:hunter2@mlflow.example.com/path?x=1"},
        "data": {"train": "s3://bucket/train.tsv?token=abc123&part=1", "api_key": "k-123", "author": "Ann"},
        "description": "uses hf_" + "a" * 34 + " and AKIA" + "B" * 16,
        "list": [{"password": "pw"}],
        "count": 3,
    }
    assert redact(config) == {
        "tracking": {"uri": "https://bob:***@mlflow.example.com/path?x=1"},
        "data": {"train": "s3://bucket/train.tsv?token=***&part=1", "api_key": "***", "author": "Ann"},
        "description": "uses *** and ***",
        "list": [{"password": "***"}],
        "count": 3,
    }


@pytest.fixture
def three_node_cluster(no_session_api_server):
    """A head that runs no workers and three 1-CPU worker nodes, all on this machine (on its own
    address, as the session's local Ray: a driver cannot join a cluster bound to 127.0.0.1)."""
    from ray.cluster_utils import Cluster

    cluster = Cluster(
        initialize_head=True, head_node_args={"num_cpus": 0, "gcs_server_port": free_port(), "include_dashboard": False}
    )
    for _ in range(3):
        cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    yield cluster
    cluster.shutdown()


def _train_workers(node) -> list[psutil.Process]:
    raylet = psutil.Process(node.all_processes[ray_constants.PROCESS_TYPE_RAYLET][0].process.pid)
    found = []
    for child in raylet.children(recursive=True):
        try:
            if "RayTrainWorker" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:
            pass
    return found


def _wait_for_checkpoint(storage: Location, step: int, driver: subprocess.Popen) -> None:
    """Until Ray Train's controller has registered a checkpoint of `step` or later: the one a
    restarted group resumes from (a checkpoint a worker reported but the controller has not yet
    polled is lost with the worker)."""
    deadline = time.monotonic() + 300
    while _latest_checkpoint_step(storage) < step:
        assert driver.poll() is None, driver.stdout.read()[-5000:]
        assert time.monotonic() < deadline, f"no checkpoint of step {step} was registered"
        time.sleep(0.2)


def _latest_checkpoint_step(storage: Location) -> int:
    for name, _ in storage.children():
        with contextlib.suppress(json.JSONDecodeError, OSError):  # not written yet, or caught mid-write
            snapshot = (storage / name / CHECKPOINT_MANAGER_SNAPSHOT_FILENAME).read_text()
            latest = json.loads(snapshot)["latest_checkpoint_result"]
            return latest["metrics"]["step"] if latest else 0
    return 0


def test_training_survives_a_killed_worker_and_a_lost_node(three_node_cluster, tmp_path, s3_storage):
    """Two workers on three nodes, sharding the model with FSDP2, their run stored in S3 (on
    loopback): one worker process is killed, later a whole node goes. Each time Ray Train restarts
    the group from the last (sharded) checkpoint, and the MLflow run ends with one value per step
    (the journal drops what a restarted worker replays) and the consolidated model."""
    storage, steps_total = Location.of(s3_storage), 20
    flags = {
        "trainer.max_steps": steps_total,
        "trainer.eval_every": 5,
        "trainer.log_every": 1,
        "trainer.max_failures": 3,
        "trainer.storage_path": s3_storage,
        "trainer.cache_dir": tmp_path / "cache",
        "scaling.num_workers": 2,
        "scaling.strategy": "fsdp",
        "tracking.uri": f"sqlite:///{tmp_path / 'mlflow.db'}",
        **{f"tasks.{t}.max_train_examples": 200 for t in ("sst2", "stsb", "conll")},
        **{f"tasks.{t}.max_eval_examples": 20 for t in ("sst2", "stsb", "conll")},
    }
    driver = subprocess.Popen(
        [*MTL, "train", str(REPO / "jobs/bilstm_small.yaml"), *(f"-o{k}={v}" for k, v in flags.items())],
        env={**os.environ, "RAY_ADDRESS": three_node_cluster.address},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for_checkpoint(storage, 5, driver)
        workers = [w for node in three_node_cluster.worker_nodes for w in _train_workers(node)]
        assert len(workers) == 2
        workers[0].kill()

        _wait_for_checkpoint(storage, 15, driver)  # saved by the restarted group
        [node] = [n for n in three_node_cluster.worker_nodes if _train_workers(n)][:1]
        three_node_cluster.remove_node(node, allow_graceful=False)

        output, _ = driver.communicate(timeout=600)
    finally:
        if driver.poll() is None:
            driver.kill()
    assert driver.returncode == 0, output[-5000:]
    # A quiet console: no line of Ray's own, but each failure as a warning; the workers' logs
    # (the run's logs/, also in MLflow) show both restarted groups resuming, rank by rank.
    assert "(TrainController pid=" not in output and "(RayTrainWorker pid=" not in output, output[-5000:]
    assert output.count("warning ray-train: WARNING worker failed") >= 2, output[-5000:]
    [run_dir] = [storage / name for name, _ in storage.children()]
    logs = "".join((run_dir / LOGS_DIR / f"worker-{rank}.log").read_text() for rank in (0, 1))
    assert len(re.findall(r"rank \d resumed from step [1-9]", logs)) == 4, logs[-5000:]
    client = MlflowClient(flags["tracking.uri"])
    [mlrun] = client.search_runs([client.get_experiment_by_name("bilstm-small").experiment_id])
    assert mlrun.info.status == "FINISHED"
    assert steps(client, mlrun.info.run_id, "train/lr") == list(range(1, steps_total + 1))
    assert steps(client, mlrun.info.run_id, "dev/mean") == list(range(5, steps_total + 1, 5))
    assert "mtl.model_error" not in mlrun.data.tags
    assert logged_model_id(client, mlrun.info.run_id), "the model consolidated from the S3 shards"
    logged = {a.path for a in client.list_artifacts(mlrun.info.run_id, LOGS_DIR)}
    assert {f"{LOGS_DIR}/{f}" for f in ("driver.log", "worker-0.log", "worker-1.log", WARNINGS_ARTIFACT)} <= logged
