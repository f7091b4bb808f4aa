"""A sweep: the job it varies, the searched fields, and how Ray Tune searches and schedules.

Pure data like the job's schema (config/); the checks that need the task types'
metrics, the data or the backbone are in preflight.py.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, ValidationInfo, field_validator, model_validator

from mtl_platform.config.errors import ConfigError, validation_message
from mtl_platform.config.job import JobConfig
from mtl_platform.config.loading import read_yaml, validate_job
from mtl_platform.config.overrides import apply_overrides, set_by_path, switch_member
from mtl_platform.config.strict import Strict


class SearchParam(Strict):
    """One dimension of a sweep. `simplex` draws task weights uniformly on the simplex;
    `grid` tries every value (with the random searcher)."""

    type: Literal["choice", "grid", "uniform", "loguniform", "randint", "simplex"]
    values: list[Any] | None = None
    low: float | None = None
    high: float | None = None
    when: dict[str, Any] | None = Field(
        None, description="only when these searched fields have these values, e.g. {model.sharing.scheme: soft}"
    )

    @model_validator(mode="after")
    def _args(self) -> SearchParam:
        if self.type in ("choice", "grid") and not self.values:
            raise ValueError(f"type '{self.type}' needs a non-empty `values` list")
        if self.type in ("uniform", "loguniform", "randint"):
            if self.low is None or self.high is None or self.low >= self.high:
                raise ValueError(f"type '{self.type}' needs low < high")
            if self.type == "loguniform" and self.low <= 0:
                raise ValueError("type 'loguniform' needs low > 0")
        return self

    def choices(self) -> list[Any]:
        """A choice's or grid's values (the check above makes sure there are some)."""
        return self.values or []

    def bounds(self) -> tuple[float, float]:
        """A range's low and high (the check above makes sure there are both)."""
        if self.low is None or self.high is None:
            raise ValueError(f"type '{self.type}' has no low and high")
        return self.low, self.high


class SchedulerConfig(Strict):
    """When trials stop early (ASHA) or copy and perturb better ones (PBT). Times are training steps."""

    type: Literal["fifo", "asha", "pbt"] = "fifo"
    grace_period: int = Field(100, gt=0, description="asha: steps every trial runs before it can be stopped")
    reduction_factor: float = Field(3.0, gt=1, description="asha: each rung keeps the best 1/reduction_factor")
    perturbation_interval: int = Field(100, gt=0, description="pbt: steps between exploit/explore rounds")
    quantile_fraction: float = Field(0.25, gt=0, le=0.5, description="pbt: the worst fraction copies the best")
    mutations: list[str] = Field(
        default_factory=lambda: ["weighting.weights"], description="pbt: searched fields it resamples"
    )


class Objective(Strict):
    metric: str
    mode: Literal["max", "min"] = "max"


class TuneConfig(Strict):
    num_samples: int = Field(4, gt=0)
    metric: str = "dev/mean"
    mode: Literal["max", "min"] = "max"
    max_concurrent_trials: int = Field(1, gt=0)
    search_alg: Literal["random", "optuna"] = "random"
    seed: int = 0
    scheduler: SchedulerConfig = Field(default_factory=SchedulerConfig)
    objectives: list[Objective] | None = Field(
        None, min_length=2, description="multi-objective Optuna over these metrics; the sweep returns the Pareto front"
    )


class SweepConfig(Strict):
    name: str = Field("sweep", pattern=r"^[A-Za-z0-9_\-.]+$")
    description: str = Field("", description="what the sweep asks; the parent run's description in MLflow")
    job: JobConfig
    overrides: list[str] = Field(default_factory=list, description="key=value changes to the job file")
    search: dict[str, SearchParam] = Field(min_length=1)
    tune: TuneConfig = Field(default_factory=TuneConfig)

    @model_validator(mode="after")
    def _consistent(self) -> SweepConfig:
        scheduler, trainer = self.tune.scheduler, self.job.trainer
        if self.tune.objectives and (self.tune.search_alg != "optuna" or scheduler.type != "fifo"):
            raise ValueError("tune.objectives needs tune.search_alg: optuna and tune.scheduler.type: fifo")
        if scheduler.type == "asha" and scheduler.grace_period >= trainer.max_steps:
            raise ValueError(
                f"tune.scheduler.grace_period ({scheduler.grace_period}) must be below trainer.max_steps "
                f"({trainer.max_steps}), or no trial can stop early"
            )
        if scheduler.type == "pbt":
            if (
                scheduler.perturbation_interval % trainer.eval_every
                or scheduler.perturbation_interval >= trainer.max_steps
            ):
                raise ValueError(
                    f"tune.scheduler.perturbation_interval ({scheduler.perturbation_interval}) must be a multiple of "
                    f"trainer.eval_every ({trainer.eval_every}) below trainer.max_steps ({trainer.max_steps}): "
                    "PBT copies the checkpoints taken at evaluations"
                )
            unknown = [m for m in scheduler.mutations if m not in self.search]
            if unknown or any(self.search[m].type in ("grid", "randint") for m in scheduler.mutations):
                raise ValueError(
                    "tune.scheduler.mutations must name searched choice or continuous fields; "
                    f"got {scheduler.mutations}"
                )
            if self.tune.search_alg != "random":
                raise ValueError("tune.scheduler.type: pbt explores by itself; use tune.search_alg: random")
        if self.tune.search_alg != "random" and any(p.type == "grid" for p in self.search.values()):
            raise ValueError(f"type 'grid' needs tune.search_alg: random (got {self.tune.search_alg!r})")
        return self

    @field_validator("search")
    @classmethod
    def _space(cls, search: dict[str, SearchParam], info: ValidationInfo) -> dict[str, SearchParam]:
        job = info.data.get("job")
        for key, param in search.items():
            if param.type == "simplex" and key != "weighting.weights":
                raise ValueError(f"{key}: type 'simplex' is only for 'weighting.weights'")
            for field, value in (param.when or {}).items():
                condition = search.get(field)
                if condition is None or condition.type not in ("choice", "grid") or value not in condition.choices():
                    raise ValueError(f"{key}: when: {field} must be a searched choice or grid with value {value!r}")
            if job is None:
                continue
            # Check against the job as it is when the param applies (its scheme or method chosen).
            base = job.model_dump(mode="json")
            for field, value in (param.when or {}).items():
                switch_member(base, field, value)
            base = JobConfig.model_validate(base).model_dump(mode="json")
            if param.type != "simplex":
                # Sampled values must land on real fields; check the path against the job now.
                set_by_path(copy.deepcopy(base), key, None, must_exist=True)
            for value in param.values or []:  # and each listed value must be valid for its field
                data = copy.deepcopy(base)
                switch_member(data, key, value)
                try:
                    JobConfig.model_validate(data)
                except ValidationError as exc:
                    # Only the field's own errors: a cross-field one may be fixed by another searched value.
                    for line in validation_message(exc, data, "job").splitlines():
                        where = line.split(": ")[1]
                        if where == key or where.startswith(f"{key}."):
                            raise ValueError(f"{key}: value {value!r}: {line.split(': ', 2)[2]}") from None
        return search


def sweep_job_source(path: Path) -> str:
    """The file that holds a sweep's job: its own `job:` file, or the sweep file for an inline job."""
    path = path.resolve()
    job = read_yaml(path).get("job")
    return str((path.parent / job).resolve()) if isinstance(job, str) else str(path)


def load_sweep(path: str | Path, overrides: list[str] | None = None) -> SweepConfig:
    """Load a sweep; `job` is a path (relative to the sweep file) or an inline job. An override
    `job.a.b=c` changes the job (after the sweep's own `overrides`), wherever it is written. Its
    data, backbone and metric names are checked by preflight.py."""
    path = Path(path).resolve()
    to_job = [o.removeprefix("job.") for o in overrides or [] if o.startswith("job.")]
    data = apply_overrides(read_yaml(path), [o for o in overrides or [] if not o.startswith("job.")])
    job_data, job_base, job_source = data.get("job"), path.parent, str(path)
    if isinstance(job_data, str):
        job_path = (path.parent / job_data).resolve()
        job_data, job_base, job_source = read_yaml(job_path), job_path.parent, str(job_path)
    if not isinstance(job_data, dict):
        raise ConfigError(f"{path}: job: expected a job file path or an inline job mapping")
    job = validate_job(apply_overrides(job_data, [*(data.get("overrides") or []), *to_job]), job_base, job_source)
    try:
        sweep = SweepConfig.model_validate({**data, "job": job.model_dump(mode="json")})
    except ValidationError as exc:
        raise ConfigError(validation_message(exc, data, str(path))) from None
    return sweep
