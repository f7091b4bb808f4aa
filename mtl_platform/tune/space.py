"""Search spaces from the sweep YAML, and how a sampled point becomes a job.

Task weights on the simplex: each task gets u_i ~ U[0, 1) and its weight is
w_i = -log(1 - u_i) / sum_j -log(1 - u_j). The -log(1 - u) are Exponential(1)
draws, so w is Dirichlet(1, ..., 1): uniform over the simplex, every point
reachable, always summing to 1. Searchers see plain uniforms, which Optuna's
TPE models well.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from ray import tune

from mtl_platform.config import UNION_TAGS, switch_member
from mtl_platform.tune.config import SearchParam, SweepConfig

SIMPLEX_KEY = "weighting.weights"
SIMPLEX_PREFIX = "simplex."


def domain(param: SearchParam) -> Any:
    if param.type == "choice":
        return tune.choice(param.choices())
    if param.type == "grid":
        return tune.grid_search(param.choices())
    low, high = param.bounds()
    if param.type == "uniform":
        return tune.uniform(low, high)
    if param.type == "loguniform":
        return tune.loguniform(low, high)
    return tune.randint(int(low), int(high))


def param_space(sweep: SweepConfig) -> dict[str, Any]:
    """Tune's flat space: one key per searched field (dots kept), simplex as uniforms."""
    space: dict[str, Any] = {}
    for key, param in sweep.search.items():
        if param.type == "simplex":
            space.update({f"{SIMPLEX_PREFIX}{t}": tune.uniform(0.0, 1.0) for t in sweep.job.task_names()})
        else:
            space[key] = domain(param)
    return space


def simplex_weights(uniforms: dict[str, float]) -> dict[str, float]:
    draws = {t: -math.log1p(-u) for t, u in uniforms.items()}
    total = sum(draws.values())
    if total <= 0:  # every u was exactly 0: the centre of the simplex
        return {t: 1.0 / len(draws) for t in draws}
    return {t: d / total for t, d in draws.items()}


def sampled_values(point: dict[str, Any], search: dict[str, SearchParam]) -> dict[str, Any]:
    """A Tune config as job fields: simplex uniforms become `weighting.weights.<task>`, and
    a field whose `when` does not hold for this point is left out (a conditional space)."""
    values = {k: v for k, v in point.items() if not k.startswith(SIMPLEX_PREFIX)}
    values = {k: v for k, v in values.items() if all(values.get(f) == c for f, c in (search[k].when or {}).items())}
    uniforms = {k.removeprefix(SIMPLEX_PREFIX): v for k, v in point.items() if k.startswith(SIMPLEX_PREFIX)}
    if uniforms:
        values.update({f"{SIMPLEX_KEY}.{t}": w for t, w in simplex_weights(uniforms).items()})
    return values


def job_for_point(base_job: dict[str, Any], point: dict[str, Any], search: dict[str, SearchParam]) -> dict[str, Any]:
    """The trial's job: the sweep's job with the sampled values set (static weights if searched).
    Schemes and methods are set first, so that their options land in their fresh blocks."""
    values = sampled_values(point, search)
    job = copy.deepcopy(base_job)
    if any(k.startswith(f"{SIMPLEX_KEY}.") for k in values):
        switch_member(job, "weighting.method", "static")
        job["weighting"].setdefault("weights", {})
    for key, value in sorted(values.items(), key=lambda item: item[0] not in UNION_TAGS):
        switch_member(job, key, value)
    return job
