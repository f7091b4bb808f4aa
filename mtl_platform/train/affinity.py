"""Inter-task affinity measured during training: TAG's lookahead (Fifty et al., 2021) and gradient cosines.

At a measured step, on that step's global batch of every task:
- g_i, the gradient of task i's loss with respect to the shared parameters. Each worker takes it
  on its own rows of the loss normalized by `global_mean`, and the workers' gradients are
  averaged: every worker then holds the gradient of the loss on the whole global batch.
- lookahead: the shared parameters move to theta - lr * g_i; every task's loss is taken again
  (a global mean, all-reduced) and Z[i, j] = 1 - L_j(theta - lr * g_i) / L_j(theta); theta is put
  back. Every worker computes the same numbers, so the matrix is the one a single process
  holding the whole global batch would get, for any number of workers.
- cosine: g_i . g_j / (|g_i| |g_j|), the gradient-conflict view without lookahead passes.
Dropout is off while measuring, so the losses before and after differ only by the lookahead, and
autocast is off, so the small differences survive. Z[i, j] > 0: a step on task i lowers task j's loss.
"""

from __future__ import annotations

import math
import time
from typing import Any

import torch

from mtl_platform.config import AffinityConfig
from mtl_platform.models.multitask import Batch, MultiTaskModel
from mtl_platform.tasks import Task
from mtl_platform.train.step import average_across_workers, cosines, fill_row, task_losses


class AffinityMeter:
    """Sums each measure's matrices over the measured steps; a pair counts at the steps where both
    tasks had labels in the global batch (all of them, unless batches are mixed)."""

    def __init__(self, tasks: list[str], config: AffinityConfig):
        self.tasks, self.config = tasks, config
        self.measures = ["lookahead", "cosine"] if config.measure == "lookahead" else ["cosine"]
        size = len(tasks)
        self.sums = {m: torch.zeros(size, size, dtype=torch.float64) for m in self.measures}
        self.counts = torch.zeros(size, size, dtype=torch.float64)
        self.steps = 0
        self.seconds = 0.0  # spent measuring since this process started (not restored on resume)

    def due(self, step: int) -> bool:
        return step % self.config.every == 0

    def measure(
        self, model: MultiTaskModel, tasks: dict[str, Task], batches: dict[str, Batch], lr: float, world: int
    ) -> None:
        """One step's matrices. `model` is the bare model (not DDP's wrapper): nothing here may
        reach DDP's gradient buckets."""
        began = time.perf_counter()
        was_training = model.training
        model.eval()
        try:
            self._measure(model, tasks, batches, self.config.lr or lr, world)
        finally:
            model.train(was_training)
            self.seconds += time.perf_counter() - began

    def _measure(
        self, model: MultiTaskModel, tasks: dict[str, Task], batches: dict[str, Batch], lr: float, world: int
    ) -> None:
        local, before = task_losses(tasks, model(batches), batches, world)
        # A task without labels in this batch, with nothing left to learn or with a non-finite loss
        # has no relative change.
        present = [t for t in self.tasks if 0 < before.get(t, 0.0) < math.inf]
        if len(present) < 2:
            return
        shared = [p for p in model.shared_parameters() if p.requires_grad]
        sizes = [p.numel() for p in shared]
        jacobian = torch.zeros(len(present), sum(sizes), device=shared[0].device)
        for row, task in zip(jacobian, present):
            fill_row(row.split(sizes), torch.autograd.grad(local[task], shared, retain_graph=True, allow_unused=True))
        average_across_workers([jacobian])
        if not torch.isfinite(jacobian).all():  # the same on every worker: skipped by all of them
            return
        index = torch.tensor([self.tasks.index(t) for t in present])
        pairs = (index[:, None], index[None, :])

        _, cosine = cosines(jacobian @ jacobian.T)
        measured = {"cosine": cosine.double().cpu()}
        if "lookahead" in self.measures:
            lookahead = torch.zeros(len(present), len(present), dtype=torch.float64)
            original = [p.detach().clone() for p in shared]
            with torch.no_grad():
                for i, gradient in enumerate(jacobian):
                    for p, part in zip(shared, gradient.split(sizes)):
                        p.sub_(lr * part.view_as(p))
                    after = task_losses(tasks, model(batches), batches, world)[1]
                    lookahead[i] = torch.tensor([1.0 - after[t] / before[t] for t in present], dtype=torch.float64)
                    for p, saved in zip(shared, original):
                        p.copy_(saved)
            measured["lookahead"] = lookahead
        if not all(torch.isfinite(m).all() for m in measured.values()):  # global values: every worker agrees
            return
        for measure, matrix in measured.items():
            self.sums[measure][pairs] += matrix
        self.counts[pairs] += 1
        self.steps += 1

    def matrices(self) -> dict[str, list[list[float | None]]]:
        """Each measure's mean over the measured steps; None for a pair never measured together."""
        means = {}
        for measure, total in self.sums.items():
            mean = (total / self.counts).tolist()
            means[measure] = [[None if math.isnan(v) else v for v in row] for row in mean]
        return means

    def summary(self, run_seconds: float) -> dict[str, Any]:
        """What the run directory keeps (affinity.json) and the driver turns into artifacts."""
        return {
            "tasks": self.tasks,
            "measure": self.config.measure,
            "measured_steps": self.steps,
            "seconds": self.seconds,
            "cost_fraction": self.seconds / run_seconds if run_seconds > 0 else None,
            **self.matrices(),
        }

    def state_dict(self) -> dict[str, Any]:
        return {"tasks": self.tasks, "sums": self.sums, "counts": self.counts, "steps": self.steps}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        if state["tasks"] != self.tasks or sorted(state["sums"]) != sorted(self.measures):
            raise ValueError(
                f"the checkpoint measured {sorted(state['sums'])} affinity of {state['tasks']}, this job "
                f"{sorted(self.measures)} of {self.tasks}: resume with the same tasks and affinity.measure"
            )
        self.sums, self.counts, self.steps = state["sums"], state["counts"], state["steps"]
