"""Nash-MTL (Navon et al., 2022): the bargaining solution G alpha = 1 / alpha.

TorchJD's Nash-MTL weighting takes the Jacobian itself; it only uses J J^T, so
it is given the T x T factor M = V sqrt(Lambda) of G = V Lambda V^T, which has
the same Gramian and keeps the cost O(T^2) whatever the model size.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import torch
from pydantic import Field
from torch import Tensor

from mtl_platform.weighting.base import GradientOptions, GradientWeighting


class NashMTLOptions(GradientOptions):
    method: Literal["nash_mtl"] = "nash_mtl"
    max_norm: float = Field(1.0, ge=0, description="clip ||J^T alpha|| to this; 0 disables")
    update_weights_every: int = Field(1, gt=0, description="steps between solves (reuses alpha between)")
    optim_niter: int = Field(20, gt=0, description="iterations of the concave-convex procedure")


def gramian_factor(gramian: Tensor) -> Tensor:
    """M with M M^T = G, for PSD G (negative round-off eigenvalues clipped to 0)."""
    eigenvalues, eigenvectors = torch.linalg.eigh(gramian)
    return eigenvectors * eigenvalues.clamp(min=0).sqrt()


class NashMTLWeighting(GradientWeighting):
    options: NashMTLOptions

    def __init__(self, task_names: list[str], options: NashMTLOptions):
        from torchjd.aggregation import NashMTL

        super().__init__(task_names, options)
        self.weighting = NashMTL(
            n_tasks=len(task_names),
            max_norm=options.max_norm,
            update_weights_every=options.update_weights_every,
            optim_niter=options.optim_niter,
        ).weighting

    def weights(self, gramian: Tensor, values: Tensor) -> Tensor:
        return self.weighting(gramian_factor(gramian))

    # TorchJD keeps the solver's warm start in plain attributes.
    _STATE = ("prvs_alpha", "step", "normalization_factor")

    def state_dict(self) -> dict[str, Any]:
        return {name: getattr(self.weighting, name) for name in self._STATE}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        for name in self._STATE:
            setattr(self.weighting, name, np.asarray(state[name]) if name != "step" else state[name])
        if self.weighting.step > 0:
            self.weighting._init_optim_problem()  # built on the first call, which a resumed run skips
