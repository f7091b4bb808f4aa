"""Static weights from the config (hand-set or drawn by a sweep).

Weights are rescaled to sum to the number of tasks, so that equal weights
match `equal` exactly and a sweep over the simplex keeps the step size.
"""

from __future__ import annotations

from torch import Tensor

from mtl_platform.weighting.base import Weighting


class StaticWeighting(Weighting):
    def __init__(self, task_names: list[str], weights: dict[str, float]):
        super().__init__(task_names)
        scale = len(task_names) / sum(weights.values())
        self.lambdas = {task: weights[task] * scale for task in task_names}

    def weights(self, losses: dict[str, Tensor]) -> dict[str, float]:
        return {task: self.lambdas[task] for task in losses}
