"""What every task type owns: how to tokenize, its head, its loss and its metrics."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

import torch
from torch import Tensor, nn
from transformers import DataCollatorWithPadding, PreTrainedTokenizerBase

from mtl_platform.config import ModelConfig, TaskConfig


def pool(features: Tensor, attention_mask: Tensor, how: str) -> Tensor:
    """One vector per sequence: the mean over real tokens, or the first token."""
    if how == "cls":
        return features[:, 0]
    mask = attention_mask.unsqueeze(-1).to(features.dtype)
    return (features * mask).sum(1) / mask.sum(1).clamp(min=1.0)


class SequenceHead(nn.Module):
    """Pooled sequence representation -> dropout -> linear."""

    def __init__(self, hidden_size: int, out_features: int, dropout: float, pooling: str):
        super().__init__()
        self.pooling = pooling
        self.dropout = nn.Dropout(dropout)
        self.linear = nn.Linear(hidden_size, out_features)

    def forward(self, features: Tensor, attention_mask: Tensor) -> Tensor:
        return self.linear(self.dropout(pool(features, attention_mask, self.pooling)))


class Task(ABC):
    """A task type. Losses come back as (sum, count) so that workers can normalize
    by the global count: the mean over the global batch, whatever the split."""

    main_metric: ClassVar[str]
    metric_names: ClassVar[tuple[str, ...]]  # the keys `metrics` returns

    def __init__(self, config: TaskConfig, model: ModelConfig):
        self.config = config
        self.model_config = model
        self.name = config.name

    def encode(self, rows: dict[str, list[Any]], tokenizer: PreTrainedTokenizerBase) -> dict[str, Any]:
        """Tokenize a batch of rows (a `datasets.map` batch) of text or text pairs."""
        pairs = rows["text_pair"] if any(p is not None for p in rows["text_pair"]) else None
        encoded = tokenizer(rows["text"], pairs, truncation=True, max_length=self.model_config.max_length)
        encoded["labels"] = rows["label"]
        return dict(encoded)

    def collator(self, tokenizer: PreTrainedTokenizerBase) -> Any:
        return DataCollatorWithPadding(tokenizer, return_tensors="pt")

    @abstractmethod
    def build_head(self, hidden_size: int) -> nn.Module: ...

    @abstractmethod
    def loss_sum(self, output: Tensor, labels: Tensor) -> tuple[Tensor, Tensor]:
        """Summed loss over the labelled items of the batch, and how many there were."""

    @abstractmethod
    def predict(self, output: Tensor, labels: Tensor) -> tuple[list[Any], list[Any]]:
        """Predictions and targets as plain Python values, ready to gather across workers."""

    @abstractmethod
    def metrics(self, predictions: list[Any], targets: list[Any]) -> dict[str, float]: ...

    @abstractmethod
    def details(self, predictions: list[Any], targets: list[Any]) -> dict[str, Any]:
        """What to plot of an evaluation: {"confusion": matrix, "labels": names} or
        {"predicted": [...], "true": [...]}, as plain JSON values."""

    def inference_rows(self, texts: list[str], pairs: list[str | None]) -> dict[str, list[Any]]:
        """Rows for `encode` from raw texts; labels are placeholders that `predict` ignores."""
        return {"text": texts, "text_pair": pairs, "label": [0] * len(texts)}

    def readable(self, prediction: Any) -> Any:
        """A prediction as a user reads it (a label name rather than its index)."""
        return prediction


def count(tensor: Tensor) -> Tensor:
    return torch.tensor(float(tensor.numel()), device=tensor.device)
