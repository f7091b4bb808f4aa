"""A real Ray Tune sweep over simplex task weights: trials are 2-worker Ray Train runs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mlflow.tracking import MlflowClient

from mtl_platform.config import load_sweep
from mtl_platform.tune.sweep import TRIAL_TAG, run_sweep


@pytest.mark.parametrize("search_alg", ["random", "optuna"])
def test_two_trial_sweep_makes_a_parent_with_nested_runs(ray_session, job_dict, tmp_path, search_alg):
    job_dict["trainer"].update(max_steps=2, eval_every=2)
    sweep_file = tmp_path / "sweep.yaml"
    sweep_file.write_text(
        yaml.safe_dump(
            {
                "name": "test-sweep",
                "job": job_dict,
                "search": {
                    "weighting.weights": {"type": "simplex"},
                    "trainer.lr": {"type": "loguniform", "low": 1e-4, "high": 1e-2},
                },
                "tune": {
                    "num_samples": 2,
                    "metric": "dev/mean",
                    "mode": "max",
                    "max_concurrent_trials": 1,
                    "search_alg": search_alg,
                },
            }
        )
    )
    summary = run_sweep(load_sweep(sweep_file))

    assert len(summary.trials) == 2
    for trial in summary.trials:
        weights = [v for k, v in trial.params.items() if k.startswith("weighting.weights.")]
        assert len(weights) == 3 and sum(weights) == pytest.approx(1.0)
        assert 1e-4 <= trial.params["trainer.lr"] <= 1e-2
    assert summary.best.metrics["dev/mean"] == max(t.metrics["dev/mean"] for t in summary.trials)

    client = MlflowClient(summary.tracking_uri)
    parent = client.get_run(summary.parent_run_id)
    assert parent.info.status == "FINISHED"
    children = client.search_runs([parent.info.experiment_id], f"tags.mlflow.parentRunId = '{summary.parent_run_id}'")
    assert len(children) == 2
    assert {c.data.tags[TRIAL_TAG] for c in children} == {t.trial_id for t in summary.trials}
    for child in children:
        assert child.info.status == "FINISHED"
        assert child.data.params["weighting.method"] == "static"
        assert {f"weighting.weights.{t}" for t in ("sst2", "stsb", "conll")} <= set(child.data.params)
        assert "dev/mean" in child.data.metrics
    best = [c for c in children if c.data.tags.get("mtl.best") == "true"]
    assert [b.info.run_id for b in best] == [summary.best.run_id]
    assert parent.data.metrics["best/dev/mean"] == pytest.approx(summary.best.metrics["dev/mean"])
    table = Path(client.download_artifacts(summary.parent_run_id, "trials.csv")).read_text().splitlines()
    assert len(table) == 3 and table[0].startswith("trial_id,run_id,best,")
