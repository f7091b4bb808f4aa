"""CAGrad (Liu et al., 2021): the mean gradient, moved within a ball of radius c ||g_0||
to raise the worst task's improvement. c = 0 is the mean gradient. TorchJD's weighting.
"""

from __future__ import annotations

from collections.abc import Callable

from torch import Tensor

from mtl_platform.config.weighting import CAGradOptions
from mtl_platform.weighting.gramian import GramianWeighting


class CAGradWeighting(GramianWeighting[CAGradOptions]):
    def build(self, options: CAGradOptions) -> Callable[[Tensor], Tensor]:
        from torchjd.aggregation import CAGradWeighting as TorchJDCAGrad

        return TorchJDCAGrad(c=options.c)
