"""PCGrad (Yu et al., 2020): each task gradient loses its component along conflicting ones.

The projection order is random; the trainer seeds it from (seed, step), so
every worker projects in the same order. TorchJD's weighting.
"""

from __future__ import annotations

from collections.abc import Callable

from torch import Tensor

from mtl_platform.config.weighting import PCGradOptions
from mtl_platform.weighting.gramian import GramianWeighting


class PCGradWeighting(GramianWeighting[PCGradOptions]):
    def build(self, options: PCGradOptions) -> Callable[[Tensor], Tensor]:
        from torchjd.aggregation import PCGradWeighting as TorchJDPCGrad

        return TorchJDPCGrad()
