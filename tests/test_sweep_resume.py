"""Sweeps that continue: PBT's segments from checkpoints, and a sweep resumed after its driver is killed.
Apart from test_sweep.py so that make test's two processes share the sweeps (--dist loadfile)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
from mlflow.tracking import MlflowClient

from mtl_platform.tune.config import load_sweep
from mtl_platform.tune.sweep import TRIAL_TAG, run_sweep
from tests.conftest import other_cluster_env
from tests.sweeps import children_of, write_sweep


def test_pbt_mutates_weights_and_continues_from_checkpoints(ray_session, sweep_job, tmp_path):
    sweep_job["trainer"].update(max_steps=4, eval_every=2, log_every=1)
    search = {"weighting.weights": {"type": "simplex"}}
    tune = {"num_samples": 2, "max_concurrent_trials": 2, "scheduler": {"type": "pbt", "perturbation_interval": 2}}
    summary = run_sweep(load_sweep(write_sweep(tmp_path, sweep_job, search, tune)))
    assert sorted(t.step for t in summary.trials) == [4, 4]
    client = MlflowClient(summary.tracking_uri)
    runs = children_of(client, summary.parent_run_id)
    assert len(runs) == 2, "each trial keeps one MLflow run across its segments"
    for run in runs:
        history = sorted(m.step for m in client.get_metric_history(run.info.run_id, "train/lr"))
        assert history == [1, 2, 3, 4], "one continuous history: no step lost or repeated"


def test_killed_sweep_resumes_without_rerunning_finished_trials(ray_session, sweep_job, tmp_path, s3_storage):
    """The driver dies (SIGKILL, with its local Ray) after the first trial; --resume finishes the rest.
    The sweep's state and its trials' runs are in S3 (on loopback), as on a cluster without a shared disk."""
    sweep_job["trainer"].update(max_steps=2, eval_every=2, storage_path=s3_storage)
    search = {"trainer.lr": {"type": "loguniform", "low": 1e-4, "high": 1e-2}}
    sweep_file = write_sweep(tmp_path, sweep_job, search, {"num_samples": 2}, name="resumable")
    env = {**other_cluster_env(), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    command = [sys.executable, "-m", "mtl_platform.cli", "tune", str(sweep_file)]
    client = MlflowClient(f"sqlite:///{tmp_path / 'mlruns' / 'mlflow.db'}")
    client.search_experiments()  # creates the store's tables now, not while the driver creates them too
    output = tmp_path / "driver.log"
    driver = psutil.Popen(command, env=env, stdout=output.open("w"), stderr=subprocess.STDOUT)
    deadline = time.time() + 300
    first = None
    while first is None and time.time() < deadline and driver.poll() is None:
        time.sleep(2)
        experiments = [e.experiment_id for e in client.search_experiments()]
        runs = client.search_runs(experiments, "attributes.status = 'FINISHED'") if experiments else []
        first = next((r for r in runs if TRIAL_TAG in r.data.tags), None)
    assert first is not None, f"no trial finished before the kill; the driver printed:\n{output.read_text()[-3000:]}"
    family = [driver, *driver.children(recursive=True)]
    for process in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()
    psutil.wait_procs(family, timeout=30)

    summary = run_sweep(load_sweep(sweep_file), resume=True)
    assert len(summary.trials) == 2
    runs = children_of(client, summary.parent_run_id)
    assert len(runs) == 2 and len({r.data.tags[TRIAL_TAG] for r in runs}) == 2, "one nested run per trial"
    again = client.get_run(first.info.run_id)
    assert again.info.end_time == first.info.end_time, "the finished trial was not run again"
