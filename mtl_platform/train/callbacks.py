"""Callbacks of Ray Train's controller.

The controller imports the module of each callback it is given, so they live apart from the
training code: importing that (torch, transformers, MLflow) took ~8 s of every run's start.
"""

from __future__ import annotations

from typing import Any

from ray.train import UserCallback

from mtl_platform.tracking.run_logs import note_warning
from mtl_platform.tracking.storage import Location


class RestartNotice(UserCallback):
    """A failed worker is reported by Ray Train's controller, whose output a quiet console does not
    show: note it in the run's warnings, which the driver shows (tracking/run_logs.py)."""

    def __init__(self, run_dir: Location, max_failures: int):
        self.run_dir, self.max_failures = run_dir, max_failures

    def after_exception(self, run_context: Any, worker_exceptions: dict[int, Exception]) -> None:
        failed = "; ".join(f"rank {rank}: {type(exc).__name__}: {exc}" for rank, exc in worker_exceptions.items())
        retry = f"restarts from the last checkpoint (trainer.max_failures: {self.max_failures})"
        note_warning(self.run_dir, "ray-train", f"worker failed ({failed[:300]}); Ray Train {retry} or stops")
