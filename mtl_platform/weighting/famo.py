"""FAMO (Liu et al., 2023), with TorchJD's `FAMO`.

f = T c sum_t z_t log L_t, z = softmax(w), c = 1 / sum_t (z_t / L_t); w takes
an Adam step towards equal rates of loss decrease. The official code measures
that rate by re-evaluating the same batch after the update (an extra forward
pass); here the next step's losses stand in for it, so FAMO costs no more than
a loss weighting. The factor T gives `equal`'s step size.
"""

from __future__ import annotations

from typing import Any

from torch import Tensor
from torch.optim import Adam

from mtl_platform.config.weighting import FAMOOptions
from mtl_platform.weighting.base import LossWeighting


class FAMOWeighting(LossWeighting):
    options: FAMOOptions

    def __init__(self, task_names: list[str], options: FAMOOptions):
        from torchjd.scalarization import FAMO

        super().__init__(task_names, options)
        self.scalarizer = FAMO(len(task_names), lr=options.lr, weight_decay=options.weight_decay)

    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        if self.scalarizer._prev_losses is not None:
            self.scalarizer.update(values)
        return len(tasks) * self.scalarizer(values)

    # TorchJD keeps the last losses and its Adam in private attributes.
    def state_dict(self) -> dict[str, Any]:
        optimizer = self.scalarizer._optimizer
        return {
            "module": self.scalarizer.state_dict(),
            "prev_losses": self.scalarizer._prev_losses,
            "optimizer": None if optimizer is None else optimizer.state_dict(),
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.scalarizer.load_state_dict(state["module"])
        self.scalarizer._prev_losses = state["prev_losses"]
        if state["optimizer"] is not None:
            optimizer = Adam([self.scalarizer._w], lr=self.options.lr, weight_decay=self.options.weight_decay)
            optimizer.load_state_dict(state["optimizer"])
            self.scalarizer._optimizer = optimizer
