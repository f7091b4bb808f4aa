"""Static weights from the config (hand-set or drawn by a sweep).

Weights are rescaled to sum to the number of tasks, so that equal weights
match `equal` exactly and a sweep over the simplex keeps the step size.
"""

from __future__ import annotations

from typing import Literal

import torch
from pydantic import Field, field_validator
from torch import Tensor

from mtl_platform.weighting.base import LossWeighting, WeightingOptions


class StaticOptions(WeightingOptions):
    method: Literal["static"] = "static"
    weights: dict[str, float] = Field(min_length=1, description="weight per task name")

    @field_validator("weights")
    @classmethod
    def _nonnegative(cls, weights: dict[str, float]) -> dict[str, float]:
        if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
            raise ValueError("weights must be >= 0 with a positive sum")
        return weights


class StaticWeighting(LossWeighting):
    needs_all_tasks = False
    options: StaticOptions

    def __init__(self, task_names: list[str], options: StaticOptions):
        super().__init__(task_names, options)
        scale = len(task_names) / sum(options.weights.values())
        self.lambdas = {task: options.weights[task] * scale for task in task_names}

    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        return (torch.tensor([self.lambdas[t] for t in tasks], dtype=values.dtype) * values).sum()
