"""What the sweep tests share: a sweep file written from a job and its search, and a sweep's trials (the
`sweep_job` fixture is in conftest.py)."""

from __future__ import annotations

from pathlib import Path

import yaml
from mlflow.tracking import MlflowClient


def write_sweep(tmp_path: Path, job_dict: dict, search: dict, tune: dict, name: str = "test-sweep") -> Path:
    path = tmp_path / f"{name}.yaml"
    base = {"num_samples": 2, "metric": "dev/mean", "mode": "max", "max_concurrent_trials": 1}
    path.write_text(yaml.safe_dump({"name": name, "job": job_dict, "search": search, "tune": {**base, **tune}}))
    return path


def children_of(client: MlflowClient, parent_run_id: str) -> list:
    experiment = client.get_run(parent_run_id).info.experiment_id
    return client.search_runs([experiment], f"tags.mlflow.parentRunId = '{parent_run_id}'")
