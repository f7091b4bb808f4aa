"""A merge of a LoRA run's per-task adapters (`mtl merge`): how to merge, and optionally the
space Ray Tune searches. Pure data like the job's schema; the checks that need the run (its
tasks, its sharing scheme, its validation split) are in tune/merge.py."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from pydantic import Field, ValidationError, model_validator

from mtl_platform.config.errors import ConfigError, validation_message
from mtl_platform.config.loading import read_yaml
from mtl_platform.config.overrides import apply_overrides
from mtl_platform.config.strict import Strict

# peft's `add_weighted_adapter` combination types, listed here where no torch is imported
# (a test checks them against peft's signature); the pruning ones use `density`.
MergeMethod = Literal[
    "linear",
    "cat",
    "svd",
    "magnitude_prune_svd",
    "ties",
    "ties_svd",
    "dare_linear",
    "dare_ties",
    "dare_linear_svd",
    "dare_ties_svd",
    "magnitude_prune",
]
MERGE_METHODS: tuple[str, ...] = get_args(MergeMethod)
MajoritySign = Literal["total", "frequency"]
PRUNING_MERGES = ("ties", "ties_svd", "dare_linear", "dare_ties", "dare_linear_svd", "dare_ties_svd", "magnitude_prune")


class Range(Strict):
    low: float = Field(ge=0)
    high: float = Field(gt=0)
    log: bool = Field(False, description="sample log-uniformly")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low >= self.high or (self.log and self.low <= 0):
            raise ValueError(f"needs 0 <= low < high (low > 0 with log: true); got low {self.low}, high {self.high}")
        return self


class MergeSearch(Strict):
    """What Ray Tune samples; each trial only merges and scores (no training), on the
    validation split the run carved from train and never trained on."""

    methods: list[MergeMethod] | None = Field(None, min_length=1, description="a choice among these methods")
    weights: Range | None = Field(None, description="each task's weight drawn from this range")
    density: Range | None = Field(None, description="for pruning methods; high at most 1")
    num_samples: int = Field(16, gt=0)
    search_alg: Literal["random", "optuna"] = "optuna"
    seed: int = 0

    @model_validator(mode="after")
    def _searches(self) -> MergeSearch:
        if self.methods is None and self.weights is None and self.density is None:
            raise ValueError("search nothing: give methods, weights or density")
        if self.density and self.density.high > 1:
            raise ValueError(f"density.high {self.density.high} > 1: density is the share of entries kept")
        return self


class MergeConfig(Strict):
    name: str = Field("merge", pattern=r"^[A-Za-z0-9_\-.]+$")
    method: MergeMethod = Field("ties", description="peft's add_weighted_adapter combination_type")
    weights: dict[str, float] = Field(default_factory=dict, description="per task; a task not named weighs 1.0")
    density: float = Field(
        0.5, gt=0, le=1, description=f"the share of each adapter's entries kept, by {', '.join(PRUNING_MERGES)}"
    )
    majority_sign: MajoritySign = Field("total", description="ties/dare_ties: how signs are elected")
    search: MergeSearch | None = None


def load_merge(path: Path | None, overrides: list[str]) -> MergeConfig:
    """The merge in `path` (or the defaults) with `-o key=value` overrides; errors name the field."""
    source = str(path) if path else "merge options"
    data = apply_overrides(read_yaml(path) if path else {}, overrides)
    try:
        return MergeConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(validation_message(exc, data, source)) from None
