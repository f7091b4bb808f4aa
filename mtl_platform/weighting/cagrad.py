"""CAGrad (Liu et al., 2021): the mean gradient, moved within a ball of radius c ||g_0||
to raise the worst task's improvement. c = 0 is the mean gradient. TorchJD's weighting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import Field
from torch import Tensor

from mtl_platform.weighting.base import GradientOptions
from mtl_platform.weighting.gramian import GramianWeighting


class CAGradOptions(GradientOptions):
    method: Literal["cagrad"] = "cagrad"
    c: float = Field(0.4, ge=0, description="radius of the conflict-averse ball; the paper uses 0.4")


class CAGradWeighting(GramianWeighting):
    def build(self, options: CAGradOptions) -> Callable[[Tensor], Tensor]:
        from torchjd.aggregation import CAGradWeighting as TorchJDCAGrad

        return TorchJDCAGrad(c=options.c)
