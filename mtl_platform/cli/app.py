"""The `mtl` command's shell: the Typer app, its consoles and shared options, the tables several
commands print, and the one place that turns known errors into one line and an exit code."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.table import Table

from mtl_platform.config import ConfigError
from mtl_platform.tracking.run_logs import quiet_console

app = typer.Typer(help="Multi-task learning of language models on Ray, tracked in MLflow.", no_args_is_help=True)
console = Console()
errors = Console(stderr=True, soft_wrap=True)

Address = Annotated[
    str | None,
    typer.Option(help="Ray dashboard address, e.g. http://HEAD:8265; default RAY_API_SERVER_ADDRESS or RAY_ADDRESS"),
]
TokenFile = Annotated[
    Path | None, typer.Option(help="file holding the cluster's auth token, when it uses RAY_AUTH_MODE=token")
]
Expose = Annotated[bool, typer.Option("--expose", help="allow a --host other than loopback (see README: Security)")]
Overrides = Annotated[
    list[str] | None,
    typer.Option("--override", "-o", help="key=value, e.g. trainer.max_steps=20 or tasks.sst2.labels=[a,b]"),
]
StoreUri = Annotated[str | None, typer.Option("--uri", help="tracking store; default as for jobs")]

BAD_INPUT = 2  # nothing ran: the job, a flag or the cluster address was wrong
STOPPED = 1  # it ran, and stopped before it finished (a failed run, a measurement with a gap)


class CommandFailed(RuntimeError):
    """A command that ran but could not finish what it was asked."""


def exit_code(exc: Exception) -> int | None:
    """The exit code of a known error; None for a bug, which keeps its traceback."""
    if isinstance(exc, ConfigError):
        return BAD_INPUT
    if isinstance(exc, CommandFailed):
        return STOPPED
    from mtl_platform.train.trainer import TrainingStopped  # torch: imported only once something failed

    return STOPPED if isinstance(exc, TrainingStopped) else None


F = TypeVar("F", bound=Callable[..., Any])


def command(name: str | None = None) -> Callable[[F], F]:
    """Register a subcommand whose known errors end in one red line and `exit_code`."""

    def register(function: F) -> F:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except (typer.Exit, typer.Abort):
                raise
            except Exception as exc:
                code = exit_code(exc)
                if code is None:
                    raise
                errors.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
                raise typer.Exit(code) from None

        app.command(name=name)(run)
        return function

    return register


@app.callback()
def _setup(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="debug logging, and Ray's own output")] = False,
) -> None:
    if not verbose:  # Ray's and the workers' output stays in each run's logs/ (tracking/run_logs.py)
        quiet_console()
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(message)s",
        handlers=[RichHandler(console=errors, show_path=False)],
    )


def metrics_table(title: str, metrics: dict[str, Any], split: str = "dev") -> Table:
    """Rows = tasks, columns = that split's metrics."""
    rows: dict[str, dict[str, float]] = {}
    for key, value in metrics.items():
        parts = key.split("/")
        if len(parts) == 3 and parts[0] == split:
            rows.setdefault(parts[1], {})[parts[2]] = value
    table = Table(title=title)
    table.add_column("task")
    table.add_column("metrics")
    for task, values in rows.items():
        table.add_row(task, "  ".join(f"{k} {v:.4f}" for k, v in values.items()))
    if f"{split}/mean" in metrics:
        table.add_row("[bold]mean of main metrics[/]", f"{metrics[f'{split}/mean']:.4f}")
    return table


def ui_hint(uri: str, run_id: str) -> str:
    """How to see the run: its page on a server, else the command that serves the store."""
    if uri.startswith("sqlite:"):
        return f"mtl ui --uri '{uri}'"
    from mlflow.tracking import MlflowClient

    experiment = MlflowClient(uri).get_run(run_id).info.experiment_id
    return f"open {uri.rstrip('/')}/#/experiments/{experiment}/runs/{run_id}"
