"""MultiTaskModel = an encoder under a sharing scheme + one head per task."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from torch import Tensor, nn

from mtl_platform.models.backbones import Seq2SeqLMBackbone, build_backbone
from mtl_platform.models.sharing import Encoder, build_encoder

if TYPE_CHECKING:
    from mtl_platform.config import JobConfig
    from mtl_platform.tasks import Task

Batch = dict[str, Tensor]


def decoder_inputs(batch: Batch) -> Batch:
    """What an encoder-decoder's decoder reads besides the source: the targets."""
    return {"target_ids": batch["target_ids"]} if "target_ids" in batch else {}


class MultiTaskModel(nn.Module):
    def __init__(self, encoder: Encoder, heads: dict[str, nn.Module]):
        super().__init__()
        self.encoder = encoder
        self.heads = nn.ModuleDict(heads)

    def forward(self, batches: dict[str, Batch]) -> dict[str, Tensor]:
        """Each task's output on its own batch: one call per step, as DDP expects. The tasks of
        a mixed batch share its input tensors; tasks that share an encoder then share one pass."""
        features: dict[tuple[str, int], Tensor] = {}
        outputs = {}
        for task, batch in batches.items():
            routed = self.encoder.routes_rows and "row_task" in batch  # per-task LoRA: one pass for all rows
            key = ("rows" if routed else self.encoder.features_key(task), id(batch["input_ids"]))
            if key not in features:
                features[key] = self.encode_rows(batch) if routed else self.encode(task, batch)
            outputs[task] = self.head(task, features[key], batch)
        return outputs

    def encode_rows(self, batch: Batch) -> Tensor:
        """A mixed batch's features, each row with its own task's parameters."""
        names = [self.encoder.tasks[i] for i in batch["row_task"].tolist()]
        return self.encoder.forward_rows(names, batch["input_ids"], batch["attention_mask"], **decoder_inputs(batch))

    def encode(self, task: str, batch: Batch) -> Tensor:
        """`task`'s token features of a batch."""
        return self.encoder(task, batch["input_ids"], batch["attention_mask"], **decoder_inputs(batch))

    def head(self, task: str, features: Tensor, batch: Batch) -> Tensor:
        return self.heads[task](features, batch["attention_mask"])

    def generate(self, task: str, input_ids: Tensor, attention_mask: Tensor, **options: Any) -> Tensor:
        """The tokens `task` generates after each left-padded prompt."""
        return self.encoder.generate(task, input_ids, attention_mask, **options)

    def new_parameters(self) -> list[nn.Parameter]:
        """What starts untrained on a pretrained backbone: the heads, and a decoder built for a
        pretrained encoder (`model.decoder`)."""
        fresh = [m for module in self.modules() if isinstance(module, Seq2SeqLMBackbone) for m in module.new_modules]
        return [*self.heads.parameters(), *(p for m in fresh for p in m.parameters())]

    def shared_parameters(self) -> list[nn.Parameter]:
        return self.encoder.shared_parameters()

    def task_parameters(self, task: str) -> list[nn.Parameter]:
        """`task`'s own parameters: its head and its part of the encoder."""
        head = [p for p in self.heads[task].parameters() if p.requires_grad]
        return self.encoder.task_parameters(task) + head


def parameter_counts(model: MultiTaskModel) -> dict[str, int]:
    """Parameter counts: all, trainable, shared between tasks, and each task's own."""
    counts = {
        "params/total": sum(p.numel() for p in model.parameters()),
        "params/trainable": sum(p.numel() for p in model.parameters() if p.requires_grad),
        "params/shared": sum(p.numel() for p in model.shared_parameters()),
    }
    counts.update({f"params/task/{t}": sum(p.numel() for p in model.task_parameters(t)) for t in model.heads})
    return counts


def build_model(job: JobConfig, tasks: dict[str, Task], pretrained: bool = True) -> MultiTaskModel:
    """`pretrained=False` skips loading the backbone's weights, for a model whose state comes next."""
    backbone = build_backbone(job.model, pretrained)
    backbone.requires_grad_(not job.model.freeze_backbone)
    encoder = build_encoder(job.model.sharing, list(tasks), backbone)
    return MultiTaskModel(encoder, {name: task.build_head(encoder.hidden_size) for name, task in tasks.items()})
