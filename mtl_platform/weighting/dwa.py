"""Dynamic Weight Average (Liu et al., 2019), with TorchJD's `DWA`.

lambda_t = T softmax(r_t / temperature), r_t = L_t(k-1) / L_t(k-2): the ratio
of a task's mean loss over the last two periods. The paper's period is an
epoch; here it is `window` steps, since multi-task epochs differ per task.
Equal weights until two periods have passed.
"""

from __future__ import annotations

from typing import Any

from torch import Tensor

from mtl_platform.config.weighting import DWAOptions
from mtl_platform.weighting.base import LossWeighting


class DWAWeighting(LossWeighting):
    options: DWAOptions

    def __init__(self, task_names: list[str], options: DWAOptions):
        from torchjd.scalarization import DWA

        super().__init__(task_names, options)
        self.scalarizer = DWA(options.temperature)

    def objective(self, tasks: list[str], values: Tensor) -> Tensor:
        total = self.scalarizer(values)
        if self.scalarizer._n_batches == self.options.window:
            self.scalarizer.step()
        return total

    # TorchJD keeps the loss history in private attributes; they are the method's whole state.
    _STATE = ("_loss_sum", "_n_batches", "_previous_averages")

    def state_dict(self) -> dict[str, Any]:
        return {name: getattr(self.scalarizer, name) for name in self._STATE}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        for name in self._STATE:
            setattr(self.scalarizer, name, state[name])
