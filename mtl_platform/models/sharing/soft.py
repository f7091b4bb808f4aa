"""Soft parameter sharing: a backbone copy per task, pulled together by
beta * sum_{i<j} d(theta_i, theta_j), with d the squared L2 distance or the
cosine distance 1 - cos(theta_i, theta_j) of the flattened parameters."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

import torch
from torch import Tensor, nn

from mtl_platform.config.sharing import SoftOptions
from mtl_platform.models.sharing.base import Encoder, pairs

if TYPE_CHECKING:
    from mtl_platform.models.backbones import Backbone


def distance(a: Sequence[Tensor], b: Sequence[Tensor], kind: str) -> Tensor:
    if kind == "l2":
        return cast(Tensor, sum(((x - y) ** 2).sum() for x, y in zip(a, b)))
    flat_a, flat_b = torch.cat([x.reshape(-1) for x in a]), torch.cat([y.reshape(-1) for y in b])
    return 1 - torch.nn.functional.cosine_similarity(flat_a, flat_b, dim=0)


class SoftSharing(Encoder):
    def __init__(self, tasks: list[str], backbone: Backbone, options: SoftOptions):
        super().__init__(tasks, backbone.hidden_size)
        self.options = options
        self.copies = nn.ModuleDict({t: copy.deepcopy(backbone) for t in tasks})

    def forward(self, task: str, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        return self.copies[task](input_ids, attention_mask)

    def task_modules(self, task: str) -> list[nn.Module]:
        return [self.copies[task]]

    def penalty(self) -> Tensor | None:
        if self.options.beta == 0 or len(self.tasks) < 2:
            return None
        params = {t: [p for p in self.copies[t].parameters() if p.requires_grad] for t in self.tasks}
        total = cast(Tensor, sum(distance(params[i], params[j], self.options.distance) for i, j in pairs(self.tasks)))
        return self.options.beta * total
