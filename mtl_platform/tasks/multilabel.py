"""Multi-label classification: any number of labels per text (or pair); binary cross-entropy
per label; micro- and macro-F1 over the labels."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import torch.nn.functional as F
from sklearn.metrics import f1_score
from torch import Tensor, nn

from mtl_platform.config import ConfigError, TaskConfig
from mtl_platform.tasks.base import LabelEncoder, SequenceHead, Task, count, labelled

THRESHOLD = 0.5  # on each label's probability


class MultiLabelTask(Task):
    metric_names = ("micro_f1", "macro_f1", "exact_match")

    def build_head(self, hidden_size: int) -> nn.Module:
        return SequenceHead(
            hidden_size, len(self.config.labels or []), self.model_config.head_dropout, self.model_config.pooling
        )

    @classmethod
    def label_encoder(cls, config: TaskConfig) -> LabelEncoder:
        """A multi-hot list, from a JSON list or a cell of labels joined by data.label_separator ("[]": none)."""
        one = Task.label_encoder(config)

        def encode(raw: Any, where: str) -> list[float]:
            if isinstance(raw, str):
                text = raw.strip()
                raw = json.loads(text) if text.startswith("[") else text.split(config.data.label_separator)
            if not isinstance(raw, list):
                raise ConfigError(f"tasks.{config.name}.data.label_column: {where}: {raw!r} is not a list of labels")
            hot = [0.0] * len(config.labels or [])
            for value in raw:
                hot[one(value, where)] = 1.0
            return hot

        return encode

    def placeholder_label(self) -> Any:
        return [0.0] * len(self.config.labels or [])

    def loss_sum(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        """The mean over labelled rows and labels, as torch's BCEWithLogitsLoss takes it."""
        output, labels = labelled(output, batch)
        return F.binary_cross_entropy_with_logits(output.float(), labels.float(), reduction="sum"), count(labels)

    def predict(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[list[Any], list[Any]]:
        """Each row's set of label indices."""
        output, labels = labelled(output, batch)
        chosen = (output.float().sigmoid() > THRESHOLD).tolist()
        truth = (labels > 0.5).tolist()
        return [_indices(row) for row in chosen], [_indices(row) for row in truth]

    def _multi_hot(self, rows: list[list[int]]) -> np.ndarray:
        matrix = np.zeros((len(rows), len(self.config.labels or [])), dtype=int)
        for i, row in enumerate(rows):
            matrix[i, row] = 1
        return matrix

    def metrics(self, predictions: list[Any], targets: list[Any]) -> dict[str, float]:
        predicted, true = self._multi_hot(predictions), self._multi_hot(targets)
        return {
            "micro_f1": float(f1_score(true, predicted, average="micro", zero_division=0)),
            "macro_f1": float(f1_score(true, predicted, average="macro", zero_division=0)),
            "exact_match": float((predicted == true).all(axis=1).mean()),
        }

    def details(self, predictions: list[Any], targets: list[Any]) -> dict[str, Any]:
        """True label against predicted label: cell (i, j) counts rows labelled i that were given j,
        so the diagonal holds each label's hits and a row's sum its co-predictions too."""
        matrix = self._multi_hot(targets).T @ self._multi_hot(predictions)
        return {"confusion": matrix.tolist(), "labels": self.config.labels or []}

    def readable(self, prediction: Any) -> Any:
        return [(self.config.labels or [])[i] for i in prediction]


def _indices(row: list[bool]) -> list[int]:
    return [i for i, on in enumerate(row) if on]
