"""Random loss weighting (Lin et al., 2022), with TorchJD's `Random`.

lambda = T softmax(z), z ~ N(0, I) each step: the paper's weights, scaled by
T to the step size of `equal`. The trainer seeds the draw from (seed, step),
so every worker draws the same weights and a resumed run draws the same ones.
"""

from __future__ import annotations

from torch import Tensor

from mtl_platform.weighting.base import LossWeighting


class RLWWeighting(LossWeighting):
    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        from torchjd.scalarization import Random

        return len(tasks) * Random()(values)
