"""Which tasks each step trains on, and which examples each worker reads.

Every worker draws the same task sequence (same seed), and the same global
batch of each task: a slice of a seeded per-epoch permutation. With
`all_tasks`, every step holds a global batch of every task; with `mixed`, one
global batch whose examples' tasks are drawn with the task probabilities.
Worker r reads only its contiguous part of that global batch, so N workers
together see exactly what one worker would see with the whole batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mtl_platform.config import SamplingConfig


def task_probabilities(sizes: dict[str, int], sampling: SamplingConfig, progress: float = 0.0) -> dict[str, float]:
    """p_i ~ min(n_i, cap_i)^alpha (jiant's samplers, T5's caps); `progress` (0 at the first step,
    1 at the last) moves the annealed exponent. all_tasks takes every task: uniform here."""
    caps = sampling.caps if isinstance(sampling.caps, dict) else dict.fromkeys(sizes, sampling.caps)
    alpha = {
        "proportional": 1.0,
        "temperature": 1.0 / sampling.temperature,
        "annealed": 1.0 - (1.0 - sampling.final_exponent) * progress,
    }.get(sampling.strategy, 0.0)
    scores = {t: min(n, caps.get(t) or n) ** alpha for t, n in sizes.items()}
    total = sum(scores.values())
    return {t: s / total for t, s in scores.items()}


def expected_batches(sizes: dict[str, int], sampling: SamplingConfig, steps: int) -> dict[str, float]:
    """How many batches' worth of examples of each task `steps` steps train on, in expectation:
    `steps` each with all_tasks, else the sum of the steps' probabilities (a mixed batch gives
    task i a share p_i of its rows, a one-task step gives it the whole batch with chance p_i)."""
    if sampling.strategy == "all_tasks":
        return dict.fromkeys(sizes, float(steps))
    totals = dict.fromkeys(sizes, 0.0)
    for step in range(steps):
        for task, p in task_probabilities(sizes, sampling, step / max(1, steps - 1)).items():
            totals[task] += p
    return totals


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
        total_steps: int = 1,
    ):
        self.tasks = list(sizes)
        self.sizes, self.sampling, self.total_steps = sizes, sampling, total_steps
        self.every_task = sampling.strategy == "all_tasks"
        self.global_batch, self.rank, self.world_size = global_batch, rank, world_size
        self.local_batch = global_batch // world_size
        self.rng = np.random.default_rng(seed)
        self.steps = 0  # draws so far: where an annealed schedule is
        self.streams = {t: _Stream(n, seed=seed * 1000 + i) for i, (t, n) in enumerate(sizes.items())}

    def probabilities(self) -> dict[str, float]:
        """This step's task probabilities."""
        progress = min(1.0, self.steps / max(1, self.total_steps - 1))
        return task_probabilities(self.sizes, self.sampling, progress)

    def next(self) -> dict[str, list[int]]:
        """This worker's example indices of each task in the step; with `mixed`, every task
        drawn globally is there, with an empty list where none of its examples are this worker's."""
        probabilities = self.probabilities()
        p = [probabilities[t] for t in self.tasks]
        self.steps += 1
        start, end = self.rank * self.local_batch, (self.rank + 1) * self.local_batch
        if self.sampling.mixed:
            counts = np.bincount(self.rng.choice(len(self.tasks), size=self.global_batch, p=p), minlength=len(p))
            drawn = [(t, i) for t, n in zip(self.tasks, counts) if n for i in self.streams[t].take(int(n))]
            mine = drawn[start:end]
            return {t: [i for task, i in mine if task == t] for t, n in zip(self.tasks, counts) if n}
        tasks = self.tasks if self.every_task else [self.tasks[int(self.rng.choice(len(self.tasks), p=p))]]
        return {task: self.streams[task].take(self.global_batch)[start:end] for task in tasks}

    def state_dict(self) -> dict[str, Any]:
        return {
            "rng": self.rng.bit_generator.state,
            "steps": self.steps,
            "streams": {t: (s.epoch, s.cursor) for t, s in self.streams.items()},
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.rng.bit_generator.state = state["rng"]
        self.steps = state["steps"]
        for task, (epoch, cursor) in state["streams"].items():
            stream = self.streams[task]
            stream.epoch, stream.cursor, stream._order = epoch, cursor, None
