"""Real Ray Tune sweeps (ASHA, Optuna, multi-objective, PBT, resume) whose trials are Ray Train runs."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import yaml
from mlflow.tracking import MlflowClient

from mtl_platform.config import load_job, load_sweep
from mtl_platform.tune.sweep import TRIAL_TAG, run_sweep


def write_sweep(tmp_path: Path, job_dict: dict, search: dict, tune: dict, name: str = "test-sweep") -> Path:
    path = tmp_path / f"{name}.yaml"
    base = {"num_samples": 2, "metric": "dev/mean", "mode": "max", "max_concurrent_trials": 1}
    path.write_text(yaml.safe_dump({"name": name, "job": job_dict, "search": search, "tune": {**base, **tune}}))
    return path


def children_of(client: MlflowClient, parent_run_id: str) -> list:
    experiment = client.get_run(parent_run_id).info.experiment_id
    return client.search_runs([experiment], f"tags.mlflow.parentRunId = '{parent_run_id}'")


@pytest.fixture
def sweep_job(job_dict: dict) -> dict:
    """Trials of one worker each: what sweeps add is tested here; DDP is in test_training.py."""
    job_dict["scaling"]["num_workers"] = 1
    return job_dict


def test_asha_sweep_makes_a_parent_with_nested_runs_and_stops_trials_early(ray_session, sweep_job, tmp_path):
    sweep_job["trainer"].update(max_steps=8, eval_every=2, log_every=2)
    search = {
        "weighting.weights": {"type": "simplex"},
        "trainer.lr": {"type": "loguniform", "low": 1e-5, "high": 3e-2},
    }
    asha = {"type": "asha", "grace_period": 2, "reduction_factor": 2}
    tune = {"num_samples": 3, "seed": 3, "search_alg": "optuna", "scheduler": asha}
    summary = run_sweep(load_sweep(write_sweep(tmp_path, sweep_job, search, tune)))

    assert len(summary.trials) == 3
    for trial in summary.trials:
        weights = [v for k, v in trial.params.items() if k.startswith("weighting.weights.")]
        assert len(weights) == 3 and sum(weights) == pytest.approx(1.0)
        assert 1e-5 <= trial.params["trainer.lr"] <= 3e-2
    assert summary.best.metrics["dev/mean"] == max(t.metrics["dev/mean"] for t in summary.trials)
    steps = sorted(t.step for t in summary.trials)
    assert steps[-1] == 8, "the best trials run to the end"
    assert steps[0] < 8, "ASHA stopped at least one trial at a rung"

    client = MlflowClient(summary.tracking_uri)
    parent = client.get_run(summary.parent_run_id)
    assert parent.info.status == "FINISHED"
    children = children_of(client, summary.parent_run_id)
    assert {c.data.tags[TRIAL_TAG] for c in children} == {t.trial_id for t in summary.trials}
    stopped = {t.run_id for t in summary.trials if t.step < 8}
    for child in children:
        assert child.info.status == ("KILLED" if child.info.run_id in stopped else "FINISHED")
        assert child.data.params["weighting.method"] == "static"
        assert {f"weighting.weights.{t}" for t in ("sst2", "stsb", "conll")} <= set(child.data.params)
        assert "dev/mean" in child.data.metrics
    best = [c for c in children if c.data.tags.get("mtl.best") == "true"]
    assert [b.info.run_id for b in best] == [summary.best.run_id]
    assert parent.data.metrics["best/dev/mean"] == pytest.approx(summary.best.metrics["dev/mean"])
    table = Path(client.download_artifacts(summary.parent_run_id, "trials.csv")).read_text().splitlines()
    assert len(table) == 4 and table[0].startswith("trial_id,run_id,best,")
    best_job = load_job(client.download_artifacts(summary.parent_run_id, "best_job.yaml"))
    assert best_job.trainer.lr == pytest.approx(summary.best.params["trainer.lr"])


def dominated(a: dict, b: dict, metrics: list[str]) -> bool:
    """b dominates a (all objectives maximized)."""
    return all(b[m] >= a[m] for m in metrics) and any(b[m] > a[m] for m in metrics)


def test_multi_objective_sweep_returns_the_non_dominated_trials(ray_session, sweep_job, tmp_path):
    sweep_job["trainer"].update(max_steps=2, eval_every=2)
    objectives = [{"metric": "dev/sst2/accuracy", "mode": "max"}, {"metric": "dev/stsb/pearson", "mode": "max"}]
    search = {"weighting.weights": {"type": "simplex"}}
    tune = {"num_samples": 2, "max_concurrent_trials": 2, "search_alg": "optuna", "objectives": objectives}
    summary = run_sweep(load_sweep(write_sweep(tmp_path, sweep_job, search, tune)))
    metrics = [o["metric"] for o in objectives]
    expected = {
        t.trial_id
        for t in summary.trials
        if not any(dominated(t.metrics, o.metrics, metrics) for o in summary.trials if o is not t)
    }
    assert {t.trial_id for t in summary.trials if t.pareto} == expected and expected
    client = MlflowClient(summary.tracking_uri)
    tagged = {
        r.data.tags[TRIAL_TAG] for r in children_of(client, summary.parent_run_id) if r.data.tags.get("mtl.pareto")
    }
    assert tagged == expected
    artifacts = {a.path for a in client.list_artifacts(summary.parent_run_id)}
    assert {"pareto_front.png", "metric_vs_values.png", "best_job.yaml", "trials.csv"} <= artifacts


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


def test_killed_sweep_resumes_without_rerunning_finished_trials(sweep_job, tmp_path):
    """The driver dies (SIGKILL, with its local Ray) after the first trial; --resume finishes the rest."""
    sweep_job["trainer"].update(max_steps=4, eval_every=2)
    search = {"trainer.lr": {"type": "loguniform", "low": 1e-4, "high": 1e-2}}
    sweep_file = write_sweep(tmp_path, sweep_job, search, {"num_samples": 2}, name="resumable")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    command = [sys.executable, "-m", "mtl_platform.cli", "tune", str(sweep_file)]
    driver = psutil.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = MlflowClient(f"sqlite:///{tmp_path / 'mlruns' / 'mlflow.db'}")
    deadline = time.time() + 300
    first = None
    while first is None and time.time() < deadline and driver.poll() is None:
        time.sleep(2)
        experiments = [e.experiment_id for e in client.search_experiments()]
        runs = client.search_runs(experiments, "attributes.status = 'FINISHED'") if experiments else []
        first = next((r for r in runs if TRIAL_TAG in r.data.tags), None)
    assert first is not None, "the first trial finished before the kill"
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
