"""A run's log files, and a quiet console.

Every process of a run (the driver, each worker) writes what it logs while the run lasts to
`logs/<process>.log` in the run directory (on an object store: a local file, uploaded at each
checkpoint and when the process ends), and the lines at WARNING or above also to the run's
shared warnings, a part of a PartLog each (tracking/storage.py); the driver logs both to MLflow
as the run's `logs/` artifact. With a quiet console (the default of the `mtl` command) Ray does
not stream the workers' output to the terminal, so the driver shows the warnings instead, one
line each (tracking/progress.py): a NaN, a restarted worker group or an MLflow outage still
reaches the user, the rest stays in the files.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from mtl_platform.tracking.run_directory import LOGS_DIR, WARNINGS_DIR
from mtl_platform.tracking.storage import Location, PartLog

QUIET_ENV = "MTL_QUIET_CONSOLE"  # set by the `mtl` command unless --verbose
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def quiet_console() -> None:
    """Keep Ray's worker and controller output and libraries' progress bars off this console."""
    os.environ[QUIET_ENV] = "1"
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    os.environ.setdefault("MLFLOW_LOGGING_LEVEL", "WARNING")  # read when mlflow is imported
    os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")
    for noisy in ("ray", "filelock", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def console_is_quiet() -> bool:
    return os.environ.get(QUIET_ENV) == "1"


def warnings_of(run_dir: Location) -> PartLog:
    return PartLog(run_dir / WARNINGS_DIR)


class SharedWarnings(logging.Handler):
    """Each record a part of the run's warnings: warnings are few, and every process adds its own."""

    def __init__(self, run_dir: Location, process: str):
        super().__init__(logging.WARNING)
        self.log = warnings_of(run_dir)
        self.setFormatter(logging.Formatter(f"{process}: %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.log.append([self.format(record)])
        except Exception:  # a logging handler must not raise into the code that logged
            self.handleError(record)


@contextlib.contextmanager
def _log_file(run_dir: Location, process: str) -> Iterator[tuple[Path, Callable[[], None]]]:
    """The process's log file on this machine, appended to across restarts, and what stores it:
    the file in the run's logs/ (nothing to do), or (object store) a local copy, uploaded when
    asked (a worker does before each checkpoint, so its log up to there is kept with it) and
    when the block ends."""
    stored = run_dir / LOGS_DIR / f"{process}.log"
    if (local := stored.local) is not None:
        local.parent.mkdir(parents=True, exist_ok=True)
        yield local, lambda: None
        return
    with tempfile.TemporaryDirectory(prefix="mtl-logs-") as staging:
        copy = Path(staging, stored.name)
        copy.write_bytes(stored.read_bytes() if stored.exists() else b"")  # an earlier attempt's lines
        try:
            yield copy, lambda: stored.upload(copy)
        finally:
            stored.upload(copy)


@contextlib.contextmanager
def run_logs(run_dir: Location, process: str, share_warnings: bool = True) -> Iterator[Callable[[], None]]:
    """While the block runs, this process's log records (INFO and up) go to the run's log files;
    the driver, which shows its own warnings, does not `share_warnings`. Yields what stores the
    log file now (on an object store it is uploaded only then, and when the block ends)."""
    with _log_file(run_dir, process) as (file, store):
        everything = logging.FileHandler(file)
        everything.setFormatter(logging.Formatter(FORMAT))
        handlers: list[logging.Handler] = [everything]
        if share_warnings:
            handlers.append(SharedWarnings(run_dir, process))
        root = logging.getLogger()
        level = root.level
        root.setLevel(min(level or logging.INFO, logging.INFO))
        for handler in handlers:
            root.addHandler(handler)
        logging.captureWarnings(True)  # warnings.warn from libraries, e.g. a deprecation, into the files
        try:
            yield store
        finally:
            logging.captureWarnings(False)
            for handler in handlers:
                root.removeHandler(handler)
                handler.close()
            root.setLevel(level)


def note_warning(run_dir: Location, process: str, message: str) -> None:
    """A warning from a process that logs elsewhere (Ray Train's controller), for the driver to show."""
    warnings_of(run_dir).append([f"{process}: WARNING {message}"])
