"""Uncertainty weighting (Kendall et al., 2018), with TorchJD's `UW`.

f = sum_t (exp(-s_t) L_t / 2 + s_t / 2), s_t = log sigma_t^2 learned by the
main optimizer (no weight decay). s_t starts at 0.
"""

from __future__ import annotations

from typing import Any

from torch import Tensor, nn

from mtl_platform.config.weighting import UncertaintyOptions
from mtl_platform.weighting.base import LossWeighting


class UncertaintyWeighting(LossWeighting):
    def __init__(self, task_names: list[str], options: UncertaintyOptions):
        from torchjd.scalarization import UW

        super().__init__(task_names, options)
        self.scalarizer = UW(len(task_names))

    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        return self.scalarizer(values)

    def parameters(self) -> list[nn.Parameter]:
        return list(self.scalarizer.parameters())

    def state_dict(self) -> dict[str, Any]:
        return {"log_var": self.scalarizer.log_var.detach().clone()}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.scalarizer.log_var.data.copy_(state["log_var"])
