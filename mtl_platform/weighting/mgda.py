"""MGDA (Sener & Koltun, 2018): the min-norm point of the convex hull of the task gradients.

With `gradients: representation` this is MGDA-UB, the paper's cheaper upper
bound on the shared features. TorchJD's Frank-Wolfe solver.
"""

from __future__ import annotations

from collections.abc import Callable

from torch import Tensor

from mtl_platform.config.weighting import MGDAOptions
from mtl_platform.weighting.gramian import GramianWeighting


class MGDAWeighting(GramianWeighting[MGDAOptions]):
    def build(self, options: MGDAOptions) -> Callable[[Tensor], Tensor]:
        from torchjd.aggregation import MGDAWeighting as TorchJDMGDA

        return TorchJDMGDA(epsilon=options.epsilon, max_iters=options.max_iters)
