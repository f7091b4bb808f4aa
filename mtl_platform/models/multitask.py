"""MultiTaskModel = shared backbone + one head per task (hard parameter sharing)."""

from __future__ import annotations

from torch import Tensor, nn

from mtl_platform.config import JobConfig
from mtl_platform.models.backbones import build_backbone
from mtl_platform.tasks import Task

Batch = dict[str, Tensor]


class MultiTaskModel(nn.Module):
    def __init__(self, backbone: nn.Module, heads: dict[str, nn.Module]):
        super().__init__()
        self.backbone = backbone
        self.heads = nn.ModuleDict(heads)

    def forward(self, batches: dict[str, Batch]) -> dict[str, Tensor]:
        """Each task's output on its own batch: one call per step, as DDP expects."""
        return {task: self.head(task, self.encode(batch), batch) for task, batch in batches.items()}

    def encode(self, batch: Batch) -> Tensor:
        """The shared representation of a batch."""
        return self.backbone(batch["input_ids"], batch["attention_mask"])

    def head(self, task: str, features: Tensor, batch: Batch) -> Tensor:
        return self.heads[task](features, batch["attention_mask"])

    def shared_parameters(self) -> list[nn.Parameter]:
        return [p for p in self.backbone.parameters() if p.requires_grad]


def build_model(job: JobConfig, tasks: dict[str, Task]) -> MultiTaskModel:
    backbone = build_backbone(job.model)
    backbone.requires_grad_(not job.model.freeze_backbone)
    return MultiTaskModel(backbone, {name: task.build_head(backbone.hidden_size) for name, task in tasks.items()})
