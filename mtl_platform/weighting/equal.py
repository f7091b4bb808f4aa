"""Equal weighting: every task's loss counts once, f(L) = sum_t L_t."""

from __future__ import annotations

from typing import Literal

from torch import Tensor

from mtl_platform.weighting.base import LossWeighting, WeightingOptions


class EqualOptions(WeightingOptions):
    method: Literal["equal"] = "equal"


class EqualWeighting(LossWeighting):
    needs_all_tasks = False

    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        return values.sum()
