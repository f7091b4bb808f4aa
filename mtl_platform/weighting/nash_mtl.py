"""Nash-MTL (Navon et al., 2022): the bargaining solution G alpha = 1 / alpha.

TorchJD's Nash-MTL weighting takes the Jacobian itself; it only uses J J^T, so
it is given the T x T factor M = V sqrt(Lambda) of G = V Lambda V^T, which has
the same Gramian and keeps the cost O(T^2) whatever the model size.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import Tensor

from mtl_platform.config.weighting import NashMTLOptions
from mtl_platform.weighting.base import GradientWeighting


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
