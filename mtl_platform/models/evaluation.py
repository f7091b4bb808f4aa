"""Scoring a multi-task model on one split: during training (every worker a shard), and by `mtl eval`."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

import datasets
import torch
import torch.distributed as dist
from torch import nn

from mtl_platform.tasks import Task


def select_rows(dataset: datasets.Dataset, indices: list[int]) -> list[dict[str, Any]]:
    columns = dataset[indices]
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def autocast(precision: str, device: torch.device) -> contextlib.AbstractContextManager:
    if precision == "fp32":
        return contextlib.nullcontext()
    return torch.autocast(device.type, dtype=torch.bfloat16 if precision == "bf16" else torch.float16)


@dataclass
class EvalData:
    """Tokenized splits of each task and how to batch them."""

    tasks: dict[str, Task]
    data: dict[str, dict[str, datasets.Dataset]]
    collators: dict[str, Any]
    batch_size: int
    tokenizer: Any  # what a generation task decodes with
    precision: str = "fp32"


@dataclass
class Evaluation:
    metrics: dict[str, float]
    # Per task: a confusion matrix, or predicted against true values (Task.details).
    details: dict[str, dict[str, Any]] = field(default_factory=dict)


@torch.no_grad()
def evaluate(model: nn.Module, source: EvalData, split: str, device: torch.device) -> Evaluation:
    """Each worker scores its shard; predictions are gathered so metrics cover the whole split."""
    rank, world = (dist.get_rank(), dist.get_world_size()) if dist.is_available() and dist.is_initialized() else (0, 1)
    was_training = model.training
    model.eval()
    result = Evaluation({})
    main = []
    for name, task in source.tasks.items():
        dataset = source.data[name].get(split)
        if dataset is None:
            continue
        shard = list(range(rank, len(dataset), world))
        predictions: list[Any] = []
        targets: list[Any] = []
        for start in range(0, len(shard), source.batch_size):
            rows = select_rows(dataset, shard[start : start + source.batch_size])
            batch = {k: v.to(device) for k, v in source.collators[name](rows).items()}
            with autocast(source.precision, device):
                p, t = task.score(model, batch, rows, source.tokenizer)
            predictions += p
            targets += t
        if world > 1:
            gathered: list[Any] = [None] * world
            dist.all_gather_object(gathered, (predictions, targets))
            predictions = [p for part in gathered for p in part[0]]
            targets = [t for part in gathered for t in part[1]]
        scores = task.metrics(predictions, targets)
        result.metrics.update({f"{split}/{name}/{k}": v for k, v in scores.items()})
        result.details[name] = task.details(predictions, targets)
        main.append(scores[task.main_metric])
    if main:
        result.metrics[f"{split}/mean"] = sum(main) / len(main)
    model.train(was_training)
    return result
