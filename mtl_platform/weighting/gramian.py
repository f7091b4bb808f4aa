"""Gradient methods that are TorchJD Gramian weightings: w = weighting(G).

TorchJD's weightings see only the Gramian G = J J^T of the task gradients, so
they cost O(T^2) once G is known, and the trainer can give them G from either
all shared parameters or the shared representation.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from typing import Generic, TypeVar

from torch import Tensor

from mtl_platform.config.weighting import GradientOptions
from mtl_platform.weighting.base import GradientWeighting

Options = TypeVar("Options", bound=GradientOptions)


class GramianWeighting(GradientWeighting, Generic[Options]):
    def __init__(self, task_names: list[str], options: Options):
        super().__init__(task_names, options)
        self.weighting = self.build(options)

    @abstractmethod
    def build(self, options: Options) -> Callable[[Tensor], Tensor]:
        """The TorchJD weighting (Gramian -> weights) for these options. Methods import torchjd
        here, when one is built: importing it pulls in cvxpy, ~1.4 s in every process."""

    def weights(self, gramian: Tensor, values: Tensor) -> Tensor:
        return self.weighting(gramian)
