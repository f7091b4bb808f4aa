"""What every sharing scheme provides: per-task features, and which parameters are shared.

A scheme turns one backbone into an encoder that maps (task, batch) to that
task's token features. The trainer needs to know which parameters more than
one task's loss depends on (`shared_parameters`: gradient methods combine
their per-task gradients) and which belong to one task (`task_parameters`).
"""

from __future__ import annotations

import itertools
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from torch import Tensor, nn


class Encoder(nn.Module, ABC):
    def __init__(self, tasks: list[str], hidden_size: int):
        super().__init__()
        self.tasks = tasks
        self.hidden_size = hidden_size

    @abstractmethod
    def forward(self, task: str, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        """Token features [batch, length, hidden_size] of `task`'s batch. The schemes that take a
        language model (hard, lora) also take the decoder's inputs of an encoder-decoder one."""

    def features_key(self, task: str) -> str:
        """Tasks with the same key get the same features of the same input."""
        return task

    @property
    def routes_rows(self) -> bool:
        """Whether a mixed batch is encoded once, each row with its task's parameters
        (`forward_rows`), rather than once per task (or once, where tasks share features)."""
        return False

    def forward_rows(
        self, row_tasks: list[str], input_ids: Tensor, attention_mask: Tensor, **decoder: Tensor
    ) -> Tensor:
        raise NotImplementedError(f"{type(self).__name__} encodes a mixed batch per task")

    @abstractmethod
    def task_modules(self, task: str) -> list[nn.Module]:
        """The modules only `task` uses."""

    def task_parameters(self, task: str) -> list[nn.Parameter]:
        return [p for m in self.task_modules(task) for p in m.parameters() if p.requires_grad]

    def shared_parameters(self) -> list[nn.Parameter]:
        """Every trainable parameter that is not one task's own."""
        own = {id(p) for task in self.tasks for p in self.task_parameters(task)}
        return [p for p in self.parameters() if p.requires_grad and id(p) not in own]

    def generate(self, task: str, input_ids: Tensor, attention_mask: Tensor, **options: Any) -> Tensor:
        """The tokens `task` generates after each left-padded prompt (a language-model backbone)."""
        raise NotImplementedError(f"{type(self).__name__} does not generate text; generation needs sharing: hard")

    def penalty(self) -> Tensor | None:
        """A term the scheme adds to the objective (soft sharing's distance), if any."""
        return None

    def export(self, directory: Path) -> None:
        """Write files a user can load without this package (LoRA adapters); most schemes have none."""

    def metrics(self) -> dict[str, float]:
        """Scheme statistics since the last call (e.g. expert load), for logging."""
        return {}


def pairs(items: list[str]) -> list[tuple[str, str]]:
    return list(itertools.combinations(items, 2))
