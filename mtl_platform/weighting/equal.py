"""Equal weighting: every task's loss counts once, f(L) = sum_t L_t."""

from __future__ import annotations

from torch import Tensor

from mtl_platform.weighting.base import LossWeighting


class EqualWeighting(LossWeighting):
    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        return values.sum()
