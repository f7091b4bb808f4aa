"""The `mtl` command as a user runs it: help, train, ui, submit to a real Ray head on 127.0.0.1."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
from mlflow.tracking import MlflowClient
from typer.testing import CliRunner

from mtl_platform.cli import app

REPO = Path(__file__).resolve().parents[1]
MTL = [sys.executable, "-m", "mtl_platform.cli"]
runner = CliRunner()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def small_job_flags(tmp_path: Path) -> list[str]:
    """`-o` flags that cut jobs/bilstm_small.yaml down to seconds of training, writing under tmp_path."""
    pairs = {
        "trainer.max_steps": 2,
        "trainer.eval_every": 2,
        "tasks.sst2.max_train_examples": 100,
        "tasks.stsb.max_train_examples": 100,
        "tasks.conll.max_train_examples": 100,
        "tasks.sst2.max_eval_examples": 20,
        "tasks.stsb.max_eval_examples": 20,
        "tasks.conll.max_eval_examples": 20,
        "tracking.uri": f"sqlite:///{tmp_path / 'mlflow.db'}",
        "trainer.storage_path": str(tmp_path / "ray_results"),
        "trainer.cache_dir": str(tmp_path.parent / "tokenized"),
    }
    return [flag for k, v in pairs.items() for flag in ("-o", f"{k}={v}")]


@pytest.mark.parametrize("command", ["train", "tune", "ui", "submit"])
def test_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_bad_config_fails_before_ray_starts(tmp_path):
    began = time.monotonic()
    result = subprocess.run(
        [*MTL, "train", str(REPO / "jobs/quickstart.yaml"), "-o", "tasks.conll.type=ner"],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2
    assert (
        "tasks.conll.type: Input should be 'classification', 'regression' or 'token_classification'; got 'ner'"
        in result.stderr
    )
    assert "Ray" not in result.stdout + result.stderr  # nothing started
    assert time.monotonic() - began < 60


def test_train_prints_metrics_and_how_to_open_the_ui(ray_session, tmp_path):
    result = runner.invoke(app, ["train", str(REPO / "jobs/bilstm_small.yaml"), *small_job_flags(tmp_path)])
    assert result.exit_code == 0, result.output
    for task in ("sst2", "stsb", "conll"):
        assert task in result.output
    assert "mean of main metrics" in result.output
    assert f"mtl ui --uri 'sqlite:///{tmp_path / 'mlflow.db'}'" in result.output.replace("\n", "")
    runs = MlflowClient(f"sqlite:///{tmp_path / 'mlflow.db'}").search_runs(
        [MlflowClient(f"sqlite:///{tmp_path / 'mlflow.db'}").get_experiment_by_name("bilstm-small").experiment_id]
    )
    assert len(runs) == 1 and "dev/mean" in runs[0].data.metrics


def test_ui_serves_the_store_on_localhost(tmp_path):
    port = free_port()
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    process = subprocess.Popen(
        [*MTL, "ui", "--uri", uri, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert process.poll() is None, process.stdout.read().decode()
                assert time.monotonic() < deadline, "mlflow ui did not come up"
                time.sleep(1)
    finally:
        for child in psutil.Process(process.pid).children(recursive=True):
            child.terminate()
        process.terminate()
        process.wait(30)


def _wait_for_job_agent(address: str) -> None:
    """The head accepts jobs only once its job agent is up, a few seconds after `ray start`."""
    from ray.job_submission import JobSubmissionClient

    deadline = time.monotonic() + 120
    while True:
        try:
            JobSubmissionClient(address).submit_job(entrypoint="true")
            return
        except RuntimeError:
            assert time.monotonic() < deadline, "the Ray head never accepted a job"
            time.sleep(2)


def _processes_of(temp_dir: Path, gcs_port: int) -> list[psutil.Process]:
    """Every process of the cluster started with this temp dir and GCS port, with descendants."""
    roots = [
        p
        for p in psutil.process_iter(["cmdline"])
        if any(str(temp_dir) in arg or arg.endswith(f":{gcs_port}") for arg in p.info["cmdline"] or [])
    ]
    found = {p.pid: p for p in roots}
    for root in roots:
        try:
            found.update({c.pid: c for c in root.children(recursive=True)})
        except psutil.NoSuchProcess:
            pass
    return list(found.values())


@pytest.fixture
def ray_head():
    """A separate Ray head started with `ray start` on 127.0.0.1; only its own processes are stopped.

    Its ports are all free ones, so that it does not collide with the session's local Ray.
    """
    temp_dir = Path(f"/tmp/rh-{os.getpid()}")
    gcs_port, dashboard_port = free_port(), free_port()
    # As from an activated venv: the job's `python` is the one with this package's dependencies.
    env = {**os.environ, "RAY_AUTH_MODE": "disabled", "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    env.pop("RAY_ADDRESS", None)
    ports = {
        "--port": gcs_port,
        "--dashboard-port": dashboard_port,
        "--dashboard-agent-listen-port": free_port(),
        "--dashboard-agent-grpc-port": free_port(),
        "--metrics-export-port": free_port(),
        "--runtime-env-agent-port": free_port(),
        "--ray-client-server-port": free_port(),
    }
    subprocess.run(
        [
            str(Path(sys.executable).parent / "ray"),
            "start",
            "--head",
            "--node-ip-address=127.0.0.1",
            "--dashboard-host=127.0.0.1",
            "--num-cpus=2",
            f"--temp-dir={temp_dir}",
            "--disable-usage-stats",
            *(f"{flag}={port}" for flag, port in ports.items()),
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=180,
    )
    address = f"http://127.0.0.1:{dashboard_port}"
    try:
        _wait_for_job_agent(address)
        yield address
    finally:
        for process in _processes_of(temp_dir, gcs_port):
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass


def test_submit_runs_the_job_on_a_ray_head(ray_head, tmp_path):
    from ray.job_submission import JobStatus, JobSubmissionClient

    result = runner.invoke(
        app,
        [
            "submit",
            "jobs/bilstm_small.yaml",
            "--address",
            ray_head,
            "--working-dir",
            str(REPO),
            *small_job_flags(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    job_id = re.search(r"Submitted (\S+):", result.output).group(1)
    client = JobSubmissionClient(ray_head)
    deadline = time.monotonic() + 300
    while (status := client.get_job_status(job_id)) not in {JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.STOPPED}:
        assert time.monotonic() < deadline, client.get_job_logs(job_id)[-3000:]
        time.sleep(2)
    assert status == JobStatus.SUCCEEDED, client.get_job_logs(job_id)[-3000:]
    assert "mean of main metrics" in client.get_job_logs(job_id)
    mlflow = MlflowClient(f"sqlite:///{tmp_path / 'mlflow.db'}")
    runs = mlflow.search_runs([mlflow.get_experiment_by_name("bilstm-small").experiment_id])
    assert len(runs) == 1 and runs[0].info.status == "FINISHED"


def test_submit_rejects_a_job_outside_the_working_dir(tmp_path):
    job = tmp_path / "job.yaml"
    job.write_text((REPO / "jobs/bilstm_small.yaml").read_text().replace("../data", str(REPO / "data")))
    result = runner.invoke(app, ["submit", str(job), "--address", "http://127.0.0.1:1", "--working-dir", str(REPO)])
    assert result.exit_code == 2
    assert "is not inside the working dir" in result.stderr
