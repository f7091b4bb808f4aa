"""Geometric loss strategy (Chennupati et al., 2019), with TorchJD's `GeometricMean`.

f = T (prod_t L_t)^(1/T): the factor T makes the weights df/dL_t = G / L_t
all 1 when the losses are equal, as with `equal`.
"""

from __future__ import annotations

from torch import Tensor

from mtl_platform.weighting.base import LossWeighting


class GLSWeighting(LossWeighting):
    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        from torchjd.scalarization import GeometricMean

        return len(tasks) * GeometricMean()(values)
