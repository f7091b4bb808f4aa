"""A run's log files, and a quiet console.

Every process of a run (the driver, each worker) writes what it logs while the run lasts to
`logs/<process>.log` in the run directory, and the lines at WARNING or above also to
`logs/warnings.log`; the driver logs the folder to MLflow as the run's `logs/` artifact. With a
quiet console (the default of the `mtl` command) Ray does not stream the workers' output to the
terminal, so the driver shows warnings.log instead, one line each (tracking/progress.py): a NaN,
a restarted worker group or an MLflow outage still reaches the user, the rest stays in the files.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from mtl_platform.tracking.run_directory import LOGS_DIR, WARNINGS_FILE

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


@contextlib.contextmanager
def run_logs(run_dir: Path, process: str, share_warnings: bool = True) -> Iterator[None]:
    """While the block runs, this process's log records (INFO and up) go to the run's log files;
    the driver, which shows its own warnings, does not `share_warnings`."""
    directory = run_dir / LOGS_DIR
    directory.mkdir(parents=True, exist_ok=True)
    everything = logging.FileHandler(directory / f"{process}.log")
    everything.setFormatter(logging.Formatter(FORMAT))
    handlers: list[logging.Handler] = [everything]
    if share_warnings:
        warnings = logging.FileHandler(directory / WARNINGS_FILE)
        warnings.setLevel(logging.WARNING)
        warnings.setFormatter(logging.Formatter(f"{process}: %(levelname)s %(name)s: %(message)s"))
        handlers.append(warnings)
    root = logging.getLogger()
    level = root.level
    root.setLevel(min(level or logging.INFO, logging.INFO))
    for handler in handlers:
        root.addHandler(handler)
    logging.captureWarnings(True)  # warnings.warn from libraries, e.g. a deprecation, into the files
    try:
        yield
    finally:
        logging.captureWarnings(False)
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


def note_warning(run_dir: Path, process: str, message: str) -> None:
    """A warning from a process that logs elsewhere (Ray Train's controller), for the driver to show."""
    directory = run_dir / LOGS_DIR
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / WARNINGS_FILE).open("a") as handle:
        handle.write(f"{process}: WARNING {message}\n")
