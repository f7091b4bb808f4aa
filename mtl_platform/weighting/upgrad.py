"""UPGrad (Quinton & Rey, 2024): project each task gradient onto the dual cone of all
of them and average, so no task's loss increases to first order. TorchJD's weighting.
"""

from __future__ import annotations

from collections.abc import Callable

from torch import Tensor

from mtl_platform.config.weighting import UPGradOptions
from mtl_platform.weighting.gramian import GramianWeighting


class UPGradWeighting(GramianWeighting[UPGradOptions]):
    def build(self, options: UPGradOptions) -> Callable[[Tensor], Tensor]:
        from torchjd.aggregation import UPGradWeighting as TorchJDUPGrad

        return TorchJDUPGrad()
