"""Single-text or text-pair classification: cross-entropy; accuracy and macro-F1."""

from __future__ import annotations

from typing import Any

import torch.nn.functional as F
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, matthews_corrcoef
from torch import Tensor, nn

from mtl_platform.tasks.base import SequenceHead, Task, count, labelled


class ClassificationTask(Task):
    metric_names = ("accuracy", "macro_f1", "mcc")
    stratified = True

    def build_head(self, hidden_size: int) -> nn.Module:
        return SequenceHead(
            hidden_size, len(self.config.labels or []), self.model_config.head_dropout, self.model_config.pooling
        )

    def loss_sum(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        output, labels = labelled(output, batch)
        return F.cross_entropy(output.float(), labels.long(), reduction="sum"), count(labels)

    def predict(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[list[Any], list[Any]]:
        output, labels = labelled(output, batch)
        return output.argmax(-1).tolist(), labels.long().tolist()

    def metrics(self, predictions: list[Any], targets: list[Any]) -> dict[str, float]:
        labels = list(range(len(self.config.labels or [])))
        return {
            "accuracy": float(accuracy_score(targets, predictions)),
            "macro_f1": float(f1_score(targets, predictions, labels=labels, average="macro", zero_division=0)),
            "mcc": float(matthews_corrcoef(targets, predictions)),
        }

    def details(self, predictions: list[Any], targets: list[Any]) -> dict[str, Any]:
        labels = self.config.labels or []
        matrix = confusion_matrix(targets, predictions, labels=list(range(len(labels))))
        return {"confusion": matrix.tolist(), "labels": labels}

    def readable(self, prediction: Any) -> Any:
        return (self.config.labels or [])[prediction]
