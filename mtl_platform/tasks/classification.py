"""Single-text or text-pair classification: cross-entropy, optionally weighted per label;
accuracy, macro-F1, Matthews correlation, and for a binary task the F1 of its second label."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, matthews_corrcoef
from sklearn.utils.class_weight import compute_class_weight
from torch import Tensor, nn

from mtl_platform.config import TaskConfig
from mtl_platform.tasks.base import SequenceHead, Task, count, labelled


class ClassificationTask(Task):
    metric_names = ("accuracy", "macro_f1", "mcc", "f1_positive")
    stratified = True
    class_weight: Tensor | None = None  # set by `prepare` from `class_weights`

    @classmethod
    def reported(cls, config: TaskConfig) -> tuple[str, ...]:
        binary = len(config.labels or []) == 2
        return tuple(m for m in cls.metric_names if binary or m != "f1_positive")

    def build_head(self, hidden_size: int) -> nn.Module:
        return SequenceHead(
            hidden_size, len(self.config.labels or []), self.model_config.head_dropout, self.model_config.pooling
        )

    def prepare(self, train: Any, head: nn.Module) -> None:
        weights = self.config.class_weights
        if weights == "balanced":
            labels = np.asarray(train["labels"])
            present = np.unique(labels)  # a label the train split lacks is never a target: weight 1
            balanced = dict(zip(present, compute_class_weight("balanced", classes=present, y=labels)))
            weights = [float(balanced.get(i, 1.0)) for i in range(len(self.config.labels or []))]
        if weights is not None:
            self.class_weight = torch.tensor(weights, dtype=torch.float32)

    def logged_params(self) -> dict[str, str]:
        if self.class_weight is None:
            return {}
        return {f"tasks.{self.name}.class_weight": str([round(w, 4) for w in self.class_weight.tolist()])}

    def loss_sum(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        output, labels = labelled(output, batch)
        labels = labels.long()
        if self.class_weight is None:
            return F.cross_entropy(output.float(), labels, reduction="sum"), count(labels)
        # Normalized by the labels' weights, as cross_entropy's weighted mean is, but summed over
        # workers first: the weighted mean of the global batch.
        weight = self.class_weight.to(output.device)
        return F.cross_entropy(output.float(), labels, weight=weight, reduction="sum"), weight[labels].sum()

    def predict(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[list[Any], list[Any]]:
        output, labels = labelled(output, batch)
        return output.argmax(-1).tolist(), labels.long().tolist()

    def metrics(self, predictions: list[Any], targets: list[Any]) -> dict[str, float]:
        labels = list(range(len(self.config.labels or [])))
        scores = {
            "accuracy": float(accuracy_score(targets, predictions)),
            "macro_f1": float(f1_score(targets, predictions, labels=labels, average="macro", zero_division=0)),
            "mcc": float(matthews_corrcoef(targets, predictions)),
        }
        if len(labels) == 2:
            scores["f1_positive"] = float(f1_score(targets, predictions, pos_label=1, zero_division=0))
        return scores

    def details(self, predictions: list[Any], targets: list[Any]) -> dict[str, Any]:
        labels = self.config.labels or []
        matrix = confusion_matrix(targets, predictions, labels=list(range(len(labels))))
        return {"confusion": matrix.tolist(), "labels": labels}

    def readable(self, prediction: Any) -> Any:
        return (self.config.labels or [])[prediction]
