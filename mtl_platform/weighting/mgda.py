"""MGDA (Sener & Koltun, 2018): the min-norm point of the convex hull of the task gradients.

With `gradients: representation` this is MGDA-UB, the paper's cheaper upper
bound on the shared features. TorchJD's Frank-Wolfe solver.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import Field
from torch import Tensor

from mtl_platform.weighting.base import GradientOptions
from mtl_platform.weighting.gramian import GramianWeighting


class MGDAOptions(GradientOptions):
    method: Literal["mgda"] = "mgda"
    epsilon: float = Field(1e-3, gt=0, description="Frank-Wolfe stopping tolerance")
    max_iters: int = Field(100, gt=0, description="Frank-Wolfe iterations at most")


class MGDAWeighting(GramianWeighting):
    def build(self, options: MGDAOptions) -> Callable[[Tensor], Tensor]:
        from torchjd.aggregation import MGDAWeighting as TorchJDMGDA

        return TorchJDMGDA(epsilon=options.epsilon, max_iters=options.max_iters)
