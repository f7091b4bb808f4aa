"""What every task type owns: how to tokenize, its head, its loss and its metrics."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar

import torch
from torch import Tensor, nn
from transformers import DataCollatorWithPadding, PreTrainedTokenizerBase

from mtl_platform.config import ConfigError, ModelConfig, TaskConfig

# A raw label (one cell, tag or hub value) and where it was read -> what a batch holds.
LabelEncoder = Callable[[Any, str], Any]


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


def labelled(output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
    """The output and labels of the rows that carry this task's label (in a mixed batch, the
    task's own rows). Selected, not multiplied by the mask: whatever a head outputs on another
    task's row (even NaN) then adds neither loss nor gradient."""
    mask = batch.get("label_mask")
    if mask is None:
        return output, batch["labels"]
    return output[mask.bool()], batch["labels"][mask.bool()]


class Task(ABC):
    """A task type. Losses come back as (sum, count) so that workers can normalize
    by the global count: the mean over the global batch, whatever the split.
    Batches hold `labels` and, in mixed batches, a `label_mask` of the rows that are this task's."""

    metric_names: ClassVar[tuple[str, ...]]  # every key `metrics` can return
    token_labels: ClassVar[bool] = False  # rows of words with a tag each (tokens, tags), not of texts
    padded_labels: ClassVar[bool] = False  # labels per token, padded with IGNORE (tags; a generation target)
    stratified: ClassVar[bool] = False  # a validation split carved from train keeps each label's share

    def __init__(self, config: TaskConfig, model: ModelConfig):
        self.config = config
        self.model_config = model
        self.name = config.name
        self.main_metric = config.main()  # its type's default, or the job's `main_metric`

    @classmethod
    def label_encoder(cls, config: TaskConfig) -> LabelEncoder:
        """A label name (after label_map) -> its index in `labels`; an unknown one is named."""
        index = {name: i for i, name in enumerate(config.labels or [])}

        def encode(raw: Any, where: str) -> int:
            value = str(raw).strip()
            if config.label_map is not None:
                value = config.label_map.get(value, value)
            if value not in index:
                raise ConfigError(
                    f"tasks.{config.name}.labels: {where}: label {value!r} is not in the label list; "
                    f"allowed: {list(index)}" + (" (after label_map)" if config.label_map else "")
                )
            return index[value]

        return encode

    def encode(self, rows: dict[str, list[Any]], tokenizer: PreTrainedTokenizerBase) -> dict[str, Any]:
        """Tokenize a batch of rows (a `datasets.map` batch) of text or text pairs."""
        pairs = rows["text_pair"] if any(p is not None for p in rows["text_pair"]) else None
        encoded = truncated(tokenizer, rows["text"], pairs, self.model_config.max_length, self.config.truncation)
        encoded["labels"] = rows["label"]
        return encoded

    @classmethod
    def reported(cls, config: TaskConfig) -> tuple[str, ...]:
        """The metrics a task of this config reports (some only for some configs)."""
        return cls.metric_names

    def prepare(self, train: Any, head: nn.Module) -> None:
        """Fit what the task takes from its train split (a tokenized `datasets.Dataset`) before the
        first step; nothing for most types."""

    def logged_params(self) -> dict[str, str]:
        """What `prepare` fit, as MLflow params of the run."""
        return {}

    def placeholder_label(self) -> Any:
        """A label for rows that have none (inference), which `predict` ignores."""
        return 0

    def collator(self, tokenizer: PreTrainedTokenizerBase) -> Any:
        return DataCollatorWithPadding(tokenizer, return_tensors="pt")

    @abstractmethod
    def build_head(self, hidden_size: int) -> nn.Module: ...

    @abstractmethod
    def loss_sum(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        """Summed loss over the labelled items of the batch, and how many there were."""

    def score(
        self, model: nn.Module, batch: dict[str, Tensor], rows: list[dict[str, Any]], tokenizer: Any
    ) -> tuple[list[Any], list[Any]]:
        """Predictions and targets of an evaluation batch (`rows`, collated into `batch`): one
        forward pass for most types; a generation task decodes."""
        return self.predict(model({self.name: batch})[self.name], batch)

    @abstractmethod
    def predict(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[list[Any], list[Any]]:
        """Predictions and targets of the labelled rows as plain Python values, ready to gather."""

    @abstractmethod
    def metrics(self, predictions: list[Any], targets: list[Any]) -> dict[str, float]: ...

    @abstractmethod
    def details(self, predictions: list[Any], targets: list[Any]) -> dict[str, Any]:
        """What to plot of an evaluation: {"confusion": matrix, "labels": names} or
        {"predicted": [...], "true": [...]}, as plain JSON values."""

    def inference_rows(self, texts: list[str], pairs: list[str | None]) -> dict[str, list[Any]]:
        """Rows for `encode` from raw texts; labels are placeholders that `predict` ignores."""
        return {"text": texts, "text_pair": pairs, "label": [self.placeholder_label()] * len(texts)}

    def readable(self, prediction: Any) -> Any:
        """A prediction as a user reads it (a label name rather than its index)."""
        return prediction


def truncated(
    tokenizer: PreTrainedTokenizerBase, texts: list[str], pairs: list[Any] | None, max_length: int, cut: str
) -> dict[str, Any]:
    """Token ids of at most `max_length`, the excess cut at the `end` (the default), the `start`
    (the tokenizer's left truncation) or the `middle`: the first quarter of the room and the rest
    from the end, as Sun et al. (2019) found best for long reviews. Tokenizers cut only at one
    end, so the middle is cut here, from the full encoding (single texts: the schema checks)."""
    if cut != "middle":
        side = tokenizer.truncation_side
        tokenizer.truncation_side = "left" if cut == "start" else "right"
        try:
            return dict(tokenizer(texts, pairs, truncation=True, max_length=max_length))
        finally:
            tokenizer.truncation_side = side
    encoded = dict(tokenizer(texts, return_special_tokens_mask=True))
    special = encoded.pop("special_tokens_mask")
    for row, mask in enumerate(special):
        if len(mask) <= max_length:
            continue
        lead = mask.index(0)  # special tokens before the text ([CLS]) and after it ([SEP])
        trail = mask[::-1].index(0)
        room = max_length - lead - trail
        head = room // 4
        keep = [*range(lead + head), *range(len(mask) - trail - (room - head), len(mask))]
        for key, values in encoded.items():
            encoded[key][row] = [values[row][i] for i in keep]
    return encoded


def count(tensor: Tensor) -> Tensor:
    """How many labels a tensor holds (rows, or rows x labels for multilabel)."""
    return torch.tensor(float(tensor.numel()), device=tensor.device)
