"""Static weights from the config (hand-set or drawn by a sweep).

Weights are rescaled to sum to the number of tasks, so that equal weights
match `equal` exactly and a sweep over the simplex keeps the step size.
"""

from __future__ import annotations

import torch
from torch import Tensor

from mtl_platform.config.weighting import StaticOptions
from mtl_platform.weighting.base import LossWeighting


class StaticWeighting(LossWeighting):
    options: StaticOptions

    def __init__(self, task_names: list[str], options: StaticOptions):
        super().__init__(task_names, options)
        scale = len(task_names) / sum(options.weights.values())
        self.lambdas = {task: options.weights[task] * scale for task in task_names}

    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        return (torch.tensor([self.lambdas[t] for t in tasks], dtype=values.dtype) * values).sum()
