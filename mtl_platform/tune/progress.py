"""A sweep's progress in the terminal: trials running and finished, and the best so far."""

from __future__ import annotations

from typing import Any

from ray.tune import Callback
from rich.console import Console


class SweepProgress(Callback):
    """One line each time a trial reports or ends. Tune's own table stays in the log; this
    is the line a person watches. The console is made per call, so the callback pickles
    with the sweep's state and works again after a resume."""

    def __init__(self, metric: str, mode: str, total: int):
        self.metric, self.mode, self.total = metric, mode, total
        self.best: tuple[float, str] | None = None

    def _better(self, value: float) -> bool:
        if self.best is None:
            return True
        return value > self.best[0] if self.mode == "max" else value < self.best[0]

    def _line(self, trials: list[Any], note: str) -> None:
        states = [t.status for t in trials]
        best = f"best {self.metric} {self.best[0]:.4f} (trial {self.best[1]})" if self.best else "no result yet"
        Console(stderr=True).print(
            f"[bold]sweep[/bold] {states.count('TERMINATED')}/{self.total} finished, "
            f"{states.count('RUNNING')} running, {states.count('ERROR')} failed | {best} | {note}",
            highlight=False,
        )

    def on_trial_result(self, iteration: int, trials: list[Any], trial: Any, result: dict, **info: Any) -> None:
        value = result.get(self.metric)
        if isinstance(value, (int, float)) and self._better(value):
            self.best = (float(value), trial.trial_id)
        self._line(trials, f"trial {trial.trial_id} at step {result.get('step', '?')}")

    def on_trial_complete(self, iteration: int, trials: list[Any], trial: Any, **info: Any) -> None:
        self._line(trials, f"trial {trial.trial_id} done")

    def on_trial_error(self, iteration: int, trials: list[Any], trial: Any, **info: Any) -> None:
        self._line(trials, f"trial {trial.trial_id} failed")
