"""Single-text or text-pair regression: mean squared error; Pearson and Spearman."""

from __future__ import annotations

from typing import Any

import torch.nn.functional as F
from scipy.stats import pearsonr, spearmanr
from torch import Tensor, nn

from mtl_platform.tasks.base import SequenceHead, Task, count, labelled

MAX_POINTS = 2000  # a scatter plot of more shows nothing more


class RegressionTask(Task):
    main_metric = "pearson"
    metric_names = ("pearson", "spearman", "mse")

    def build_head(self, hidden_size: int) -> nn.Module:
        return SequenceHead(hidden_size, 1, self.model_config.head_dropout, self.model_config.pooling)

    def loss_sum(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        output, labels = labelled(output, batch)
        return F.mse_loss(output.float().squeeze(-1), labels.float(), reduction="sum"), count(labels)

    def predict(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[list[Any], list[Any]]:
        output, labels = labelled(output, batch)
        return output.float().squeeze(-1).tolist(), labels.float().tolist()

    def metrics(self, predictions: list[Any], targets: list[Any]) -> dict[str, float]:
        mse = sum((p - t) ** 2 for p, t in zip(predictions, targets)) / len(targets)
        constant = len(set(predictions)) < 2 or len(set(targets)) < 2
        return {
            "pearson": 0.0 if constant else float(pearsonr(predictions, targets).statistic),
            "spearman": 0.0 if constant else float(spearmanr(predictions, targets).statistic),
            "mse": float(mse),
        }

    def details(self, predictions: list[Any], targets: list[Any]) -> dict[str, Any]:
        return {"predicted": predictions[:MAX_POINTS], "true": targets[:MAX_POINTS]}
