"""Token classification with BIO tags: labels on the first sub-token of each word,
token cross-entropy, entity-level F1 by seqeval."""

from __future__ import annotations

from typing import Any

import torch.nn.functional as F
from seqeval.metrics import accuracy_score, f1_score, precision_score, recall_score
from sklearn.metrics import confusion_matrix
from torch import Tensor, nn
from transformers import DataCollatorForTokenClassification, PreTrainedTokenizerBase

from mtl_platform.tasks.base import Task, labelled

IGNORE = -100  # the label index that cross-entropy and the collator skip


class TokenHead(nn.Module):
    def __init__(self, hidden_size: int, num_tags: int, dropout: float):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.linear = nn.Linear(hidden_size, num_tags)

    def forward(self, features: Tensor, attention_mask: Tensor) -> Tensor:
        return self.linear(self.dropout(features))


class TokenClassificationTask(Task):
    metric_names = ("f1", "precision", "recall", "token_accuracy")
    token_labels = True
    padded_labels = True

    def encode(self, rows: dict[str, list[Any]], tokenizer: PreTrainedTokenizerBase) -> dict[str, Any]:
        encoded = tokenizer(
            rows["tokens"], is_split_into_words=True, truncation=True, max_length=self.model_config.max_length
        )
        labels = []
        for i, tags in enumerate(rows["tags"]):
            aligned, previous = [], None
            for word in encoded.word_ids(i):
                aligned.append(IGNORE if word is None or word == previous else tags[word])
                previous = word
            labels.append(aligned)
        encoded["labels"] = labels
        return dict(encoded)

    def collator(self, tokenizer: PreTrainedTokenizerBase) -> Any:
        return DataCollatorForTokenClassification(tokenizer, label_pad_token_id=IGNORE, return_tensors="pt")

    def build_head(self, hidden_size: int) -> nn.Module:
        return TokenHead(hidden_size, len(self.config.labels or []), self.model_config.head_dropout)

    def loss_sum(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        output, labels = labelled(output, batch)
        labels = labels.long()
        loss = F.cross_entropy(output.float().flatten(0, 1), labels.flatten(), ignore_index=IGNORE, reduction="sum")
        return loss, (labels != IGNORE).sum().float()

    def predict(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[list[Any], list[Any]]:
        """Tag sequences per labelled sentence, over the words that survived truncation."""
        names = self.config.labels or []
        output, labels = labelled(output, batch)
        predictions, targets = [], []
        for pred_row, label_row in zip(output.argmax(-1).tolist(), labels.long().tolist()):
            keep = [(p, t) for p, t in zip(pred_row, label_row) if t != IGNORE]
            predictions.append([names[p] for p, _ in keep])
            targets.append([names[t] for _, t in keep])
        return predictions, targets

    def metrics(self, predictions: list[Any], targets: list[Any]) -> dict[str, float]:
        return {
            "f1": float(f1_score(targets, predictions, zero_division=0)),
            "precision": float(precision_score(targets, predictions, zero_division=0)),
            "recall": float(recall_score(targets, predictions, zero_division=0)),
            "token_accuracy": float(accuracy_score(targets, predictions)),
        }

    def details(self, predictions: list[Any], targets: list[Any]) -> dict[str, Any]:
        """Tag against tag, over every word."""
        labels = self.config.labels or []
        matrix = confusion_matrix(
            [t for row in targets for t in row], [p for row in predictions for p in row], labels=labels
        )
        return {"confusion": matrix.tolist(), "labels": labels}

    def inference_rows(self, texts: list[str], pairs: list[str | None]) -> dict[str, list[Any]]:
        """Words split on whitespace; each gets one tag."""
        words = [text.split() for text in texts]
        return {"tokens": words, "tags": [[0] * len(w) for w in words]}
