"""Single-text or text-pair regression: mean squared error; Pearson and Spearman.

With `normalize_targets`, the loss is the MSE divided by the train targets' variance and the
head's bias starts at their mean: a mean predictor then has loss 1 (STS-B's raw MSE starts near
8 beside cross-entropies below 2.5), while predictions, metrics and the logged model stay in the
targets' own units. For a linear head this has the optimum of z-scored targets.
"""

from __future__ import annotations

import math
from typing import Any, cast

import torch
import torch.nn.functional as F
from scipy.stats import pearsonr, spearmanr
from torch import Tensor, nn

from mtl_platform.config import ConfigError, ModelConfig, TaskConfig
from mtl_platform.tasks.base import LabelEncoder, SequenceHead, Task, count, labelled

MAX_POINTS = 2000  # a scatter plot of more shows nothing more


class RegressionTask(Task):
    metric_names = ("pearson", "spearman", "mse")

    def __init__(self, config: TaskConfig, model: ModelConfig):
        super().__init__(config, model)
        self.loss_scale = 1.0  # 1 / variance of the train targets with normalize_targets

    @classmethod
    def label_encoder(cls, config: TaskConfig) -> LabelEncoder:
        """A number; NaN and infinities are refused here, or they would surface as a NaN loss mid-run."""

        def encode(raw: Any, where: str) -> float:
            try:
                value = float(raw)
            except (TypeError, ValueError):
                value = math.nan
            if not math.isfinite(value):
                raise ConfigError(f"tasks.{config.name}.data.label_column: {where}: {raw!r} is not a finite number")
            return value

        return encode

    def build_head(self, hidden_size: int) -> nn.Module:
        return SequenceHead(hidden_size, 1, self.model_config.head_dropout, self.model_config.pooling)

    def prepare(self, train: Any, head: nn.Module) -> None:
        if not self.config.normalize_targets:
            return
        targets = torch.tensor(train["labels"], dtype=torch.float64)
        variance = float(targets.var()) if len(targets) > 1 else 0.0
        self.loss_scale = 1.0 / variance if variance > 0 else 1.0
        with torch.no_grad():
            cast(nn.Linear, head.get_submodule("linear")).bias.fill_(float(targets.mean()))

    def loss_sum(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        output, labels = labelled(output, batch)
        squared = F.mse_loss(output.float().squeeze(-1), labels.float(), reduction="sum")
        return squared * self.loss_scale, count(labels)

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
