"""Task attention over shared layers (MTAN, Liu et al., 2019), for token sequences.

The backbone is shared. After each layer l, task t gates the shared features
with its own attention module: f_t^l = a_t^l * h^l, where
a_t^l = sigmoid(MLP_t^l([h^l ; f_t^(l-1)])) (just h^1 at the first layer), so
each task selects its own features at every depth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import torch
from torch import Tensor, nn

from mtl_platform.config.sharing import AttentionOptions
from mtl_platform.models.sharing.base import Encoder

if TYPE_CHECKING:
    from mtl_platform.models.backbones import Backbone


def attention_module(inputs: int, hidden: int, bottleneck: int) -> nn.Module:
    return nn.Sequential(nn.Linear(inputs, bottleneck), nn.ReLU(), nn.Linear(bottleneck, hidden), nn.Sigmoid())


class TaskAttention(Encoder):
    def __init__(self, tasks: list[str], backbone: Backbone, options: AttentionOptions):
        super().__init__(tasks, backbone.hidden_size)
        self.backbone = backbone
        hidden, bottleneck = backbone.hidden_size, max(1, backbone.hidden_size // options.reduction)
        depth = len(backbone.layers)
        self.attention = nn.ModuleDict(
            {
                t: nn.ModuleList(
                    attention_module(hidden * (1 if layer == 0 else 2), hidden, bottleneck) for layer in range(depth)
                )
                for t in tasks
            }
        )

    def forward(self, task: str, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        h, mask = self.backbone.embed(input_ids, attention_mask)
        features: Tensor | None = None
        for layer, attend in zip(self.backbone.layers, cast(nn.ModuleList, self.attention[task])):
            h = layer(h, mask)
            gate = attend(h if features is None else torch.cat([h, features], dim=-1))
            features = gate * h
        assert features is not None  # a backbone has at least one layer
        return features

    def task_modules(self, task: str) -> list[nn.Module]:
        return [self.attention[task]]
