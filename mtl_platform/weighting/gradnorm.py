"""GradNorm (Chen et al., 2018): learn weights that equalize the tasks' training rates.

Written here because TorchJD has no GradNorm. With n_t = ||grad of L_t|| (from
the Gramian's diagonal), the weighted norms w_t n_t are pulled towards
mean(w n) r_t^alpha, where r_t is task t's loss ratio L_t / L_t(0) relative to
the mean ratio. One SGD step on sum_t |w_t n_t - target_t| per training step
(target held constant, as in the paper), then w is renormalized to sum to T.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import Tensor

from mtl_platform.config.weighting import GradNormOptions
from mtl_platform.weighting.base import GradientWeighting


class GradNormWeighting(GradientWeighting):
    options: GradNormOptions

    def __init__(self, task_names: list[str], options: GradNormOptions):
        super().__init__(task_names, options)
        self.current = torch.ones(len(task_names), dtype=torch.float64)
        self.initial_losses: Tensor | None = None

    def weights(self, gramian: Tensor, values: Tensor) -> Tensor:
        values = values.detach().double()
        if self.initial_losses is None:
            self.initial_losses = values.clone()
        used = self.current.clone()
        norms = gramian.detach().double().diagonal().clamp(min=0).sqrt().cpu()
        weighted = used * norms
        ratios = values.cpu() / self.initial_losses
        target = weighted.mean() * (ratios / ratios.mean()) ** self.options.alpha
        step = self.options.lr * torch.sign(weighted - target) * norms
        updated = (used - step).clamp(min=1e-6)  # a weight never reaches 0, so it can recover
        self.current = len(self.task_names) * updated / updated.sum()
        return used.to(gramian)

    def state_dict(self) -> dict[str, Any]:
        return {"current": self.current, "initial_losses": self.initial_losses}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.current, self.initial_losses = state["current"], state["initial_losses"]
