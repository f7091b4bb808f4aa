"""The weighting interface (each method's options are in config/weighting.py).

Two families, told apart by what the trainer must compute for them:

- `LossWeighting` (`requires = "losses"`): an objective of the per-task loss
  values, f(L_1..L_T). The trainer evaluates f on the *global* loss values
  (identical on every worker), takes w = df/dL, and backpropagates
  sum_t w_t L_t; under DDP that is exactly the gradient of f on the global batch.
- `GradientWeighting` (`requires = "gradients"`): weights from the Gramian
  G = J J^T of the per-task gradients (all reduced across workers first), as
  in TorchJD's Gramian weightings. The update is J^T w.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar, Literal

from torch import Tensor, nn

from mtl_platform.config.weighting import GradientOptions, WeightingOptions


class Weighting(ABC):
    # The same as its options' `requires` (config/weighting.py); the property suite checks it.
    requires: ClassVar[Literal["losses", "gradients"]]

    def __init__(self, task_names: list[str], options: WeightingOptions):
        self.task_names = task_names
        self.options = options

    def parameters(self) -> list[nn.Parameter]:
        """Parameters the main optimizer trains alongside the model (e.g. log-variances)."""
        return []

    def state_dict(self) -> dict[str, Any]:
        return {}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Stateless methods have nothing to restore."""


class LossWeighting(Weighting):
    requires = "losses"

    @abstractmethod
    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        """f(values): the scalar to minimize, from the global losses of `tasks` (a leaf tensor)."""


class GradientWeighting(Weighting):
    requires = "gradients"
    options: GradientOptions

    @abstractmethod
    def weights(self, gramian: Tensor, values: Tensor) -> Tensor:
        """w (one per task) from the Gramian of the task gradients and the global loss values."""
