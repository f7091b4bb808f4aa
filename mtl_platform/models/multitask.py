"""MultiTaskModel = shared backbone + one head per task (hard parameter sharing)."""

from __future__ import annotations

from torch import Tensor, nn

from mtl_platform.config import JobConfig
from mtl_platform.models.backbones import build_backbone
from mtl_platform.tasks import Task


class MultiTaskModel(nn.Module):
    def __init__(self, backbone: nn.Module, heads: dict[str, nn.Module]):
        super().__init__()
        self.backbone = backbone
        self.heads = nn.ModuleDict(heads)

    def forward(self, input_ids: Tensor, attention_mask: Tensor, task: str) -> Tensor:
        features = self.backbone(input_ids, attention_mask)
        return self.heads[task](features, attention_mask)

    def shared_parameters(self) -> list[nn.Parameter]:
        return [p for p in self.backbone.parameters() if p.requires_grad]


def build_model(job: JobConfig, tasks: dict[str, Task]) -> MultiTaskModel:
    backbone = build_backbone(job.model)
    return MultiTaskModel(backbone, {name: task.build_head(backbone.hidden_size) for name, task in tasks.items()})
