"""Simplex weights for sweeps, and sampled points turned into jobs."""

from __future__ import annotations

import math

import numpy as np
import pytest
import yaml

from mtl_platform.config import ConfigError, JobConfig
from mtl_platform.tune.config import SearchParam, load_sweep
from mtl_platform.tune.space import job_for_point, param_space, sampled_values, simplex_weights
from tests.conftest import REPO


def test_simplex_weights_hand_case():
    # -log(1 - u): u = 1 - e^-1 -> 1, u = 1 - e^-3 -> 3, u = 0 -> 0
    weights = simplex_weights({"a": 1 - math.exp(-1), "b": 1 - math.exp(-3), "c": 0.0})
    assert weights == pytest.approx({"a": 0.25, "b": 0.75, "c": 0.0})
    assert simplex_weights({"a": 0.0, "b": 0.0}) == {"a": 0.5, "b": 0.5}


def test_simplex_draws_are_uniform_dirichlet():
    rng = np.random.default_rng(0)
    draws = np.array(
        [list(simplex_weights({"a": u[0], "b": u[1], "c": u[2]}).values()) for u in rng.random((20000, 3))]
    )
    assert np.allclose(draws.sum(1), 1.0)
    # Dirichlet(1,1,1): each marginal is Beta(1, 2), mean 1/3, variance 1/18
    assert draws.mean(0) == pytest.approx([1 / 3] * 3, abs=0.01)
    assert draws.var(0) == pytest.approx([1 / 18] * 3, abs=0.003)


def test_point_becomes_a_static_weighted_job():
    base = {"weighting": {"method": "equal", "regularizers": []}, "trainer": {"lr": 0.1}}
    point = {"simplex.x": 1 - math.exp(-1), "simplex.y": 1 - math.exp(-1), "trainer.lr": 1e-5}
    search = {
        "weighting.weights": SearchParam(type="simplex"),
        "trainer.lr": SearchParam(type="uniform", low=0, high=1),
    }
    assert sampled_values(point, search) == {"trainer.lr": 1e-5, "weighting.weights.x": 0.5, "weighting.weights.y": 0.5}
    job = job_for_point(base, point, search)
    assert job["weighting"] == {"method": "static", "weights": {"x": 0.5, "y": 0.5}, "regularizers": []}
    assert job["trainer"]["lr"] == 1e-5 and base["trainer"]["lr"] == 0.1


def test_grid_lists_every_value_and_simplex_keeps_only_regularizers():
    sweep = load_sweep(REPO / "jobs/sweeps/methods.yaml")
    assert param_space(sweep) == {"weighting.method": {"grid_search": sweep.search["weighting.method"].values}}
    base = {"weighting": {"method": "upgrad", "gradients": "parameters", "regularizers": []}}
    job = job_for_point(base, {"simplex.x": 0.5, "simplex.y": 0.5}, {"weighting.weights": SearchParam(type="simplex")})
    assert job["weighting"] == {"method": "static", "weights": {"x": 0.5, "y": 0.5}, "regularizers": []}


def test_conditional_space_sets_a_schemes_options_only_with_that_scheme():
    sweep = load_sweep(REPO / "jobs/sweeps/sharing.yaml")
    base = sweep.job.model_dump(mode="json")
    point = {
        "model.sharing.scheme": "soft",
        "model.sharing.branch_layer": 1,
        "model.sharing.beta": 1e-3,
        "model.sharing.distance": "cosine",
        "model.sharing.num_experts": 4,
    }
    assert set(sampled_values(point, sweep.search)) == {
        "model.sharing.scheme",
        "model.sharing.beta",
        "model.sharing.distance",
    }
    soft = JobConfig.model_validate(job_for_point(base, point, sweep.search)).model.sharing
    assert (soft.scheme, soft.beta, soft.distance) == ("soft", 1e-3, "cosine")
    mmoe = JobConfig.model_validate(job_for_point(base, {**point, "model.sharing.scheme": "mmoe"}, sweep.search))
    assert (mmoe.model.sharing.scheme, mmoe.model.sharing.num_experts) == ("mmoe", 4)
    assert not hasattr(mmoe.model.sharing, "beta")


def test_conditions_must_name_a_searched_choice(tmp_path):
    data = yaml.safe_load((REPO / "jobs/sweeps/sharing.yaml").read_text())
    data["job"] = str(REPO / "jobs/bilstm_small.yaml")
    data["search"]["model.sharing.scheme"]["values"] = ["hard", "mmoe"]
    (tmp_path / "s.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(ConfigError, match=r"model.sharing.beta: when: model.sharing.scheme must be a searched choice"):
        load_sweep(tmp_path / "s.yaml")
