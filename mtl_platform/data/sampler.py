"""Which tasks each step trains on, and which examples each worker reads.

Every worker draws the same task sequence (same seed), and the same global
batch of each task: a slice of a seeded per-epoch permutation. With
`all_tasks`, every step holds a global batch of every task. Worker r reads
only its contiguous part of that global batch, so N workers together see
exactly what one worker would see with the whole batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mtl_platform.config import SamplingConfig


def task_probabilities(sizes: dict[str, int], sampling: SamplingConfig) -> dict[str, float]:
    """p_i ~ n_i^(1/T): T=1 is proportional, T->inf uniform (jiant's samplers); all_tasks takes all."""
    temperature = {"proportional": 1.0, "temperature": sampling.temperature}.get(sampling.strategy)
    scores = {t: 1.0 if temperature is None else n ** (1.0 / temperature) for t, n in sizes.items()}
    total = sum(scores.values())
    return {t: s / total for t, s in scores.items()}


@dataclass
class _Stream:
    """An endless, seeded stream of example indices for one task."""

    size: int
    seed: int
    epoch: int = 0
    cursor: int = 0
    _order: np.ndarray | None = field(default=None, repr=False)

    def order(self) -> np.ndarray:
        if self._order is None:
            self._order = np.random.default_rng([self.seed, self.epoch]).permutation(self.size)
        return self._order

    def take(self, n: int) -> list[int]:
        out: list[int] = []
        while len(out) < n:
            chunk = self.order()[self.cursor : self.cursor + n - len(out)]
            out.extend(chunk.tolist())
            self.cursor += len(chunk)
            if self.cursor >= self.size:
                self.epoch, self.cursor, self._order = self.epoch + 1, 0, None
        return out


class MultiTaskSampler:
    """Yields {task: this worker's example indices} per step; its state is checkpointed."""

    def __init__(
        self,
        sizes: dict[str, int],
        sampling: SamplingConfig,
        global_batch: int,
        seed: int,
        rank: int = 0,
        world_size: int = 1,
    ):
        self.tasks = list(sizes)
        self.every_task = sampling.strategy == "all_tasks"
        probabilities = task_probabilities(sizes, sampling)
        self.probabilities = np.array([probabilities[t] for t in self.tasks])
        self.global_batch, self.rank, self.world_size = global_batch, rank, world_size
        self.local_batch = global_batch // world_size
        self.rng = np.random.default_rng(seed)
        self.streams = {t: _Stream(n, seed=seed * 1000 + i) for i, (t, n) in enumerate(sizes.items())}

    def next(self) -> dict[str, list[int]]:
        if self.every_task:
            tasks = self.tasks
        else:
            tasks = [self.tasks[int(self.rng.choice(len(self.tasks), p=self.probabilities))]]
        start = self.rank * self.local_batch
        return {task: self.streams[task].take(self.global_batch)[start : start + self.local_batch] for task in tasks}

    def state_dict(self) -> dict[str, Any]:
        return {
            "rng": self.rng.bit_generator.state,
            "streams": {t: (s.epoch, s.cursor) for t, s in self.streams.items()},
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.rng.bit_generator.state = state["rng"]
        for task, (epoch, cursor) in state["streams"].items():
            stream = self.streams[task]
            stream.epoch, stream.cursor, stream._order = epoch, cursor, None
