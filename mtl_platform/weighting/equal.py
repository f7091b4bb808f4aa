"""Equal weighting: every task's loss counts once (lambda_i = 1)."""

from __future__ import annotations

from torch import Tensor

from mtl_platform.weighting.base import Weighting


class EqualWeighting(Weighting):
    def weights(self, losses: dict[str, Tensor]) -> dict[str, float]:
        return {task: 1.0 for task in losses}
