"""IMTL-G (Liu et al., 2021): the combination whose projection on every task's unit
gradient is equal, so no task is favoured. TorchJD's weighting.
"""

from __future__ import annotations

from collections.abc import Callable

from torch import Tensor

from mtl_platform.config.weighting import IMTLOptions
from mtl_platform.weighting.gramian import GramianWeighting


class IMTLWeighting(GramianWeighting[IMTLOptions]):
    def build(self, options: IMTLOptions) -> Callable[[Tensor], Tensor]:
        from torchjd.aggregation import IMTLGWeighting as TorchJDIMTLG

        return TorchJDIMTLG()
