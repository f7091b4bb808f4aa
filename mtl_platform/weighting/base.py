"""The weighting interface: per-task losses in, a backward pass out.

A method owns the backward pass so that later gradient methods (MGDA, PCGrad,
...) can ask for per-task gradients of the shared parameters instead of a
weighted sum; `requires` tells the trainer what to compute for it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar, Literal

from torch import Tensor

Requirement = Literal["losses", "shared_grads", "feature_grads"]


class Weighting(ABC):
    requires: ClassVar[Requirement] = "losses"

    def __init__(self, task_names: list[str]):
        self.task_names = task_names

    @abstractmethod
    def weights(self, losses: dict[str, Tensor]) -> dict[str, float]:
        """Each present task's weight lambda_i for this step."""

    def backward(self, losses: dict[str, Tensor], regularization: Tensor | None = None) -> dict[str, float]:
        """Backpropagate sum_i lambda_i L_i + R; return the weights used."""
        weights = self.weights(losses)
        total = sum(weights[t] * loss for t, loss in losses.items())
        if regularization is not None:
            total = total + regularization
        total.backward()
        return weights

    def state_dict(self) -> dict[str, Any]:
        return {}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Stateless methods have nothing to restore."""
