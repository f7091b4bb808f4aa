"""The `mtl` command as a user runs it: help, train, ui, submit to a real Ray head on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from mlflow.tracking import MlflowClient
from typer.testing import CliRunner

from mtl_platform.cli import app
from tests.conftest import other_cluster_env
from tests.processes import MTL, free_port, kill_tree, wait_for_health

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()
# These commands address Ray job servers by --address, which the session cluster's API server
# variable would override.
pytestmark = pytest.mark.usefixtures("no_session_api_server")


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


@pytest.mark.parametrize("command", ["train", "tune", "validate", "ui", "submit"])
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
        "tasks.conll.type: Input should be 'classification', 'multilabel', 'regression', "
        "'token_classification' or 'generation'; got 'ner'" in result.stderr
    )
    assert "Ray" not in result.stdout + result.stderr  # nothing started
    assert time.monotonic() - began < 60


def test_validate_says_what_a_job_and_a_sweep_would_do_without_ray(tmp_path):
    flags = ["-o", f"tracking.uri=sqlite:///{tmp_path / 'mlflow.db'}", "-o", f"trainer.cache_dir={tmp_path}"]
    result = runner.invoke(app, ["validate", str(REPO / "jobs/quickstart.yaml"), *flags])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "the checks pass" in output and "Parameters: 22,569,996" in output
    # The quickstart's samples: 3,000 CoNLL sentences, two of whose 9 tags are under 1% of the tags.
    assert "3,000" in output and "conll: tags under 1% of train: I-LOC 0.5" in output
    assert "Ray" not in result.output  # nothing started
    sweep = runner.invoke(app, ["validate", str(REPO / "jobs/sweeps/methods.yaml"), "-o", "job.trainer.max_steps=9"])
    assert sweep.exit_code == 0, sweep.output
    assert "trial(s) of 9 steps each" in " ".join(sweep.output.split())


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("trainer.max_stepz=3", "trainer.max_stepz: unknown field"),  # the schema
        ("tasks.sst2.labels=[a,b]", "label '0' is not in the label list; allowed: ['a', 'b']"),  # the data
    ],
)
def test_validate_fails_like_train_does(override, message):
    for command in ("validate", "train"):
        result = runner.invoke(app, [command, str(REPO / "jobs/quickstart.yaml"), "-o", override])
        assert result.exit_code == 2
        assert message in " ".join(result.output.split())


def test_ui_serves_the_store_on_localhost(tmp_path):
    port = free_port()
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    process = subprocess.Popen(
        [*MTL, "ui", "--uri", uri, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        wait_for_health(port, process)
    finally:
        kill_tree(process)


def _wait_for_job_agent(address: str, headers: dict | None) -> None:
    """The head accepts jobs only once its job agent is up, a few seconds after `ray start`."""
    from ray.job_submission import JobSubmissionClient

    deadline = time.monotonic() + 120
    while True:
        try:
            JobSubmissionClient(address, headers=headers).submit_job(entrypoint="true")
            return
        except (RuntimeError, ConnectionError):
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
        with contextlib.suppress(psutil.NoSuchProcess):
            found.update({c.pid: c for c in root.children(recursive=True)})
    return list(found.values())


@contextlib.contextmanager
def _ray_head(auth: dict[str, str], headers: dict | None = None) -> Iterator[str]:
    """A separate Ray head started with `ray start` on 127.0.0.1; only its own processes are stopped.

    Its ports are all free ones, so that it does not collide with the session's local Ray.
    """
    temp_dir = Path(f"/tmp/rh-{os.getpid()}")
    gcs_port, dashboard_port = free_port(), free_port()
    # As from an activated venv: the job's `python` is the one with this package's dependencies.
    env = {**other_cluster_env(), **auth, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
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
        _wait_for_job_agent(address, headers)
        yield address
    finally:
        for process in _processes_of(temp_dir, gcs_port):
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()


@pytest.fixture
def ray_head() -> Iterator[str]:
    with _ray_head({"RAY_AUTH_MODE": "disabled"}) as address:
        yield address


def test_token_authentication_of_the_job_server(tmp_path):
    token = uuid.uuid4().hex
    with _ray_head({"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": token}, {"Authorization": f"Bearer {token}"}) as head:
        (tmp_path / "wrong").write_text("not-the-token")
        (tmp_path / "right").write_text(token + "\n")
        for token_flags in ([], ["--token-file", str(tmp_path / "wrong")]):
            refused = runner.invoke(app, ["status", "raysubmit_nope", "--address", head, *token_flags])
            assert refused.exit_code == 2
            assert f"Ray job server at {head} refused the request" in refused.stderr, refused.stderr
            assert "pass --token-file, or set RAY_AUTH_MODE=token" in refused.stderr
        accepted = runner.invoke(
            app, ["status", "raysubmit_nope", "--address", head, "--token-file", str(tmp_path / "right")]
        )
        assert accepted.exit_code == 2 and "does not exist" in accepted.stderr, accepted.stderr  # past the auth


def _submit(address: str, tmp_path: Path, *flags: str) -> str:
    result = runner.invoke(
        app,
        ["submit", "jobs/bilstm_small.yaml", "--address", address, "--working-dir", str(REPO), *flags],
    )
    assert result.exit_code == 0, result.output
    return re.search(r"Submitted (\S+):", result.output).group(1)


def _status(address: str, job_id: str) -> str:
    result = runner.invoke(app, ["status", job_id, "--address", address])
    assert result.exit_code == 0, result.output
    return re.search(rf"{job_id}: (\w+)", result.output).group(1)


def test_submit_then_follow_with_status_and_logs(ray_head, tmp_path):
    job_id = _submit(ray_head, tmp_path, *small_job_flags(tmp_path))
    followed = runner.invoke(app, ["logs", job_id, "--address", ray_head, "--follow"])
    assert followed.exit_code == 0, followed.output[-3000:]  # the job succeeded
    for text in ("sst2", "stsb", "conll", "mean of main metrics", f"mtl ui --uri 'sqlite:///{tmp_path / 'mlflow.db'}'"):
        assert text in followed.output.replace("\n", ""), text  # the metrics table and how to browse the run
    assert _status(ray_head, job_id) == "SUCCEEDED"
    logs = runner.invoke(app, ["logs", job_id, "--address", ray_head])
    assert "mean of main metrics" in logs.output
    mlflow = MlflowClient(f"sqlite:///{tmp_path / 'mlflow.db'}")
    runs = mlflow.search_runs([mlflow.get_experiment_by_name("bilstm-small").experiment_id])
    assert len(runs) == 1 and runs[0].info.status == "FINISHED"
    tags = runs[0].data.tags  # the Ray job, and the commit `mtl submit` sent along (.git is not shipped)
    assert tags["mtl.ray_job_id"] == job_id
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True)
    assert tags["mlflow.source.git.commit"] == head.stdout.strip()

    long_job = _submit(ray_head, tmp_path, *small_job_flags(tmp_path), "-o", "trainer.max_steps=100000")
    stopped = runner.invoke(app, ["stop", long_job, "--address", ray_head])
    assert stopped.exit_code == 0 and "stop requested" in stopped.output, stopped.output
    deadline = time.monotonic() + 120
    while (status := _status(ray_head, long_job)) != "STOPPED":
        assert status in {"PENDING", "RUNNING"} and time.monotonic() < deadline, status
        time.sleep(1)


def test_cluster_commands_fail_in_one_line(tmp_path):
    unknown = runner.invoke(app, ["status", "raysubmit_nope", "--address", f"http://127.0.0.1:{free_port()}"])
    assert unknown.exit_code == 2
    assert "no Ray job server answers at http://127.0.0.1:" in unknown.stderr
    missing_token = runner.invoke(app, ["logs", "x", "--address", "http://127.0.0.1:1", "--token-file", "nope"])
    assert missing_token.exit_code == 2 and "--token-file: no such file: nope" in missing_token.stderr


@pytest.mark.parametrize("command", ["ui", "server"])
def test_servers_bind_loopback_unless_exposed_by_name(command, tmp_path):
    result = runner.invoke(app, [command, "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--host 0.0.0.0: that would let anyone who can reach this machine read and change" in result.stderr
    assert "pass --expose" in result.stderr


def test_submit_rejects_a_job_outside_the_working_dir(tmp_path):
    job = tmp_path / "job.yaml"
    job.write_text((REPO / "jobs/bilstm_small.yaml").read_text().replace("../data", str(REPO / "data")))
    result = runner.invoke(app, ["submit", str(job), "--address", "http://127.0.0.1:1", "--working-dir", str(REPO)])
    assert result.exit_code == 2
    assert "is not inside the working dir" in result.stderr
