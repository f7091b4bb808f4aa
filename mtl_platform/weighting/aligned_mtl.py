"""Aligned-MTL (Senushkin et al., 2023): align the task gradients by making their matrix
well conditioned (all singular values equal), then sum. TorchJD's weighting.
"""

from __future__ import annotations

from collections.abc import Callable

from torch import Tensor

from mtl_platform.config.weighting import AlignedMTLOptions
from mtl_platform.weighting.gramian import GramianWeighting


class AlignedMTLWeighting(GramianWeighting[AlignedMTLOptions]):
    def build(self, options: AlignedMTLOptions) -> Callable[[Tensor], Tensor]:
        from torchjd.aggregation import AlignedMTLWeighting as TorchJDAlignedMTL

        return TorchJDAlignedMTL(scale_mode=options.scale_mode)
