"""Cross-stitch networks (Misra et al., 2016): a column of layers per task, whose
outputs are mixed after every layer by learned units h_t <- sum_s alpha[l, t, s] h_s.

The embedding is shared (it is most of a transformer's parameters and carries
no task-specific computation); every column runs on every batch, since each
task's features depend on all columns.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, cast

import torch
from torch import Tensor, nn

from mtl_platform.config.sharing import CrossStitchOptions
from mtl_platform.models.sharing.base import Encoder

if TYPE_CHECKING:
    from mtl_platform.models.backbones import Backbone


class CrossStitch(Encoder):
    def __init__(self, tasks: list[str], backbone: Backbone, options: CrossStitchOptions):
        super().__init__(tasks, backbone.hidden_size)
        self.backbone = backbone
        self.columns = nn.ModuleDict({t: copy.deepcopy(backbone.layers) for t in tasks})
        del backbone.layers[:]  # the backbone keeps only its embedding
        depth, count = len(self._column(tasks[0])), len(tasks)
        other = (1 - options.self_weight) / max(1, count - 1)
        units = torch.full((depth, count, count), other)
        units[:, range(count), range(count)] = options.self_weight if count > 1 else 1.0
        self.units = nn.Parameter(units)

    def forward(self, task: str, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        h, mask = self.backbone.embed(input_ids, attention_mask)
        states = [h] * len(self.tasks)
        for depth in range(self.units.shape[0]):
            outputs = torch.stack([self._column(t)[depth](s, mask) for t, s in zip(self.tasks, states)])
            states = list(torch.einsum("ts,s...->t...", self.units[depth], outputs))
        return states[self.tasks.index(task)]

    def _column(self, task: str) -> nn.ModuleList:
        return cast(nn.ModuleList, self.columns[task])

    def task_modules(self, task: str) -> list[nn.Module]:
        return []  # every column feeds every task through the units
