"""Simplex weights for sweeps, and sampled points turned into jobs."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mtl_platform.config import load_sweep
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
    assert sampled_values(point) == {"trainer.lr": 1e-5, "weighting.weights.x": 0.5, "weighting.weights.y": 0.5}
    job = job_for_point(base, point)
    assert job["weighting"] == {"method": "static", "weights": {"x": 0.5, "y": 0.5}, "regularizers": []}
    assert job["trainer"]["lr"] == 1e-5 and base["trainer"]["lr"] == 0.1


def test_grid_lists_every_value_and_simplex_keeps_only_regularizers():
    sweep = load_sweep(REPO / "jobs/sweeps/methods.yaml")
    assert param_space(sweep) == {"weighting.method": {"grid_search": sweep.search["weighting.method"].values}}
    base = {"weighting": {"method": "upgrad", "gradients": "parameters", "regularizers": []}}
    job = job_for_point(base, {"simplex.x": 0.5, "simplex.y": 0.5})
    assert job["weighting"] == {"method": "static", "weights": {"x": 0.5, "y": 0.5}, "regularizers": []}
