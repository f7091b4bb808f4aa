"""A running job's progress on the driver's console, read from the run's metric journal.

Rank 0 writes every metric to the journal (tracking/journal.py) at each `log_every` steps and
evaluation, on storage the driver sees too; so the driver follows its parts, and the workers do
nothing more for it. On an interactive console: a rich bar with step / max_steps, steps/s, ETA
and each task's latest training loss, and a line per evaluation (each task's main metric and
their mean). Elsewhere (CI, `mtl logs`): one plain line per logged step. The run's warnings
(tracking/run_logs.py) are followed the same way, each new warning shown as one line.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from mtl_platform.tracking.storage import NewLines, PartLog

POLL_SECONDS = 1.0


class JournalProgress:
    """`with JournalProgress(journal, max_steps, main_metrics):` around a run's fit."""

    def __init__(
        self,
        journal: PartLog,
        max_steps: int,
        main_metrics: Mapping[str, str],
        console: Console | None = None,
        warnings: PartLog | None = None,
    ):
        self.max_steps, self.main = max_steps, dict(main_metrics)
        self.console = console or Console()
        self.journal = NewLines(journal)
        self.warnings = NewLines(warnings) if warnings else None
        self.step = 0
        self.first: tuple[int, float] | None = None  # (step, timestamp in ms) of the first line read
        self.rate = 0.0  # steps per second, from the journal's own timestamps
        self.losses: dict[str, float] = {}
        self.stopped = threading.Event()
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.bar = self.progress.add_task("training", total=max_steps, rate="")
        self.thread = threading.Thread(target=self._follow, name="journal-progress", daemon=True)

    def __enter__(self) -> JournalProgress:
        if self.console.is_terminal:
            self.progress.start()
        self.thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stopped.set()
        self.thread.join()
        self.poll()
        self.progress.stop()

    def _follow(self) -> None:
        while not self.stopped.wait(POLL_SECONDS):
            self.poll()

    def poll(self) -> None:
        """Read the parts written since the last poll and show what they say."""
        for warning in self.warnings.read() if self.warnings else []:
            self.console.print(f"[yellow]warning[/] {escape(warning)}", highlight=False)
        by_step: dict[int, dict[str, float]] = {}
        written: dict[int, float] = {}  # each step's timestamp (ms)
        for line in self.journal.read():
            key, value, timestamp, step = json.loads(line)
            by_step.setdefault(step, {})[key] = value
            written[step] = timestamp
        for step, metrics in sorted(by_step.items()):
            self._advance(step, written[step])
            self.show(step, metrics)

    def _advance(self, step: int, timestamp: float) -> None:
        if self.first is None:
            self.first = (step, timestamp)
        elif timestamp > self.first[1] and step > self.first[0]:
            self.rate = (step - self.first[0]) / ((timestamp - self.first[1]) / 1000)
        self.step = max(self.step, step)

    def show(self, step: int, metrics: Mapping[str, float]) -> None:
        """One logged step: the bar (or a plain line), and the evaluation if the step had one."""
        self.losses.update({t: metrics[f"train/{t}/loss"] for t in self.main if f"train/{t}/loss" in metrics})
        losses = " ".join(f"{t} {v:.3g}" for t, v in self.losses.items())
        rate = f"{self.rate:.2f} steps/s" if self.rate else ""
        if self.console.is_terminal:
            self.progress.update(self.bar, completed=self.step, description=f"loss {losses}", rate=rate)
        elif any(k.startswith("train/") for k in metrics):
            left = f", ETA {(self.max_steps - self.step) / self.rate:.0f} s" if self.rate else ""
            self.console.print(f"step {step}/{self.max_steps} ({rate or 'starting'}{left}) loss {losses}")
        scores = [f"{t} {metrics[f'dev/{t}/{m}']:.4f}" for t, m in self.main.items() if f"dev/{t}/{m}" in metrics]
        if scores:
            mean = f", mean {metrics['dev/mean']:.4f}" if "dev/mean" in metrics else ""
            self.console.print(f"step {step}: dev {' '.join(scores)}{mean}")
