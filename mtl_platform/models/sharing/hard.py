"""Hard parameter sharing: one backbone for every task; optionally only its first
`branch_layer` layers, with a task-specific copy of the rest for each task."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, cast

from torch import Tensor, nn

from mtl_platform.config.sharing import HardOptions
from mtl_platform.models.backbones import LanguageModelBackbone
from mtl_platform.models.sharing.base import Encoder

if TYPE_CHECKING:
    from mtl_platform.models.backbones import Backbone


class HardSharing(Encoder):
    def __init__(self, tasks: list[str], backbone: Backbone, options: HardOptions):
        super().__init__(tasks, backbone.hidden_size)
        self.backbone = backbone
        depth = options.branch_layer
        self.branches = nn.ModuleDict()
        if depth is not None and depth < len(backbone.layers):
            self.branches.update({t: copy.deepcopy(backbone.layers[depth:]) for t in tasks})
            del backbone.layers[depth:]

    def forward(self, task: str, input_ids: Tensor, attention_mask: Tensor, **decoder: Tensor) -> Tensor:
        if not self.branches:
            return self.backbone(input_ids, attention_mask, **decoder)
        h, mask = self.backbone.embed(input_ids, attention_mask)
        for layer in [*self.backbone.layers, *cast(nn.ModuleList, self.branches[task])]:
            h = layer(h, mask)
        return h

    def generate(self, task: str, input_ids: Tensor, attention_mask: Tensor, **options: Any) -> Tensor:
        if self.branches or not isinstance(self.backbone, LanguageModelBackbone):  # preflight refuses such a job
            return super().generate(task, input_ids, attention_mask, **options)
        return self.backbone.generate(input_ids, attention_mask, **options)

    def features_key(self, task: str) -> str:
        return task if self.branches else "shared"

    def task_modules(self, task: str) -> list[nn.Module]:
        return [self.branches[task]] if self.branches else []
