"""`mtl ui`, `mtl server`, `mtl report`, `mtl eval`, `mtl register` and `mtl sync`: the commands
that read, serve and complete what runs logged to MLflow."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from mtl_platform.cli.app import Expose, Overrides, StoreUri, command, console, metrics_table
from mtl_platform.config import ConfigError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _serve_mlflow(command: list[str], host: str, port: int, expose: bool) -> None:
    """Run an MLflow UI/server, on loopback unless exposing it is asked for by name."""
    if host not in LOOPBACK and not expose:
        raise ConfigError(
            f"--host {host}: that would let anyone who can reach this machine read and change every run "
            "and artifact (MLflow has no authentication by default); pass --expose to do it anyway, "
            "ideally behind an authenticating proxy"
        )
    console.print(f"MLflow at http://{host}:{port}")
    command = [sys.executable, "-m", "mlflow", *command, "--host", host, "--port", str(port), "--workers", "1"]
    env = {**os.environ, "MLFLOW_SERVER_ENABLE_JOB_EXECUTION": "false"}
    raise typer.Exit(subprocess.call(command, env=env))


@command()
def ui(
    uri: Annotated[str | None, typer.Option(help="tracking store; default as for jobs")] = None,
    host: Annotated[str, typer.Option(help="bind address")] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 5000,
    expose: Expose = False,
    experiment: Annotated[str | None, typer.Option(help="print only this experiment's URL")] = None,
) -> None:
    """Open the MLflow UI on the tracking store (bound to localhost by default); prints each experiment's URL."""
    from mlflow.tracking import MlflowClient

    from mtl_platform.tracking.mlflow_store import tracking_uri

    store = tracking_uri(uri)
    for found in MlflowClient(store).search_experiments():
        if experiment in (None, found.name):
            console.print(f"experiment '{found.name}': http://{host}:{port}/#/experiments/{found.experiment_id}/runs")
    _serve_mlflow(["ui", "--backend-store-uri", store], host, port, expose)


@command()
def server(
    store: Annotated[Path, typer.Option(help="directory for the run database (SQLite) and the artifacts")] = Path(
        "mlruns"
    ),
    host: Annotated[str, typer.Option(help="bind address; a cluster's nodes need one they can reach")] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 5000,
    artifacts_destination: Annotated[
        str | None,
        typer.Option(
            help="where artifacts go: STORE/artifacts by default, or an object-store URI (s3://bucket/prefix, "
            "gs://...; credentials from the environment, AWS_ENDPOINT_URL for an S3-compatible store)"
        ),
    ] = None,
    expose: Expose = False,
) -> None:
    """Start an MLflow tracking server that stores runs in a database and serves their artifacts.

    Jobs log to it with tracking.uri (or MLFLOW_TRACKING_URI) http://HOST:PORT.
    """
    store = store.resolve()
    store.mkdir(parents=True, exist_ok=True)
    command = [
        "server",
        "--backend-store-uri",
        f"sqlite:///{store / 'mlflow.db'}",
        "--artifacts-destination",
        artifacts_destination or str(store / "artifacts"),
    ]
    _serve_mlflow(command, host, port, expose)


@command()
def register(
    run_id: Annotated[str, typer.Argument(help="a training run's MLflow id")],
    name: Annotated[str, typer.Option(help="registered model name")],
    uri: StoreUri = None,
) -> None:
    """Add the run's model to the MLflow model registry as a new version of NAME."""
    from mlflow.tracking import MlflowClient

    from mtl_platform.serving.model import register as register_model
    from mtl_platform.tracking.mlflow_store import tracking_uri

    version = register_model(MlflowClient(tracking_uri(uri)), run_id, name)
    console.print(f"Registered {name} version {version}: models:/{name}/{version}")


@command()
def report(
    experiment: Annotated[str, typer.Argument(help="MLflow experiment name")],
    job: Annotated[str | None, typer.Option(help="the multi-task job to report (needed if it holds several)")] = None,
    uri: StoreUri = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="also write the files here")] = None,
) -> None:
    """STL baselines against each multi-task configuration: per-task metrics, mean and Δm (mean ± std
    over seeds), and learning curves; logged to the experiment as a report run."""
    from mlflow.tracking import MlflowClient

    from mtl_platform.analysis.report import FORMULA, build_report, jobs_in, log_report, rich_table
    from mtl_platform.tracking.mlflow_store import tracking_uri

    client = MlflowClient(tracking_uri(uri))
    found = client.get_experiment_by_name(experiment)
    if found is None:
        names = [e.name for e in client.search_experiments()]
        raise ConfigError(f"no experiment {experiment!r}; experiments: {names}")
    jobs = jobs_in(client, found.experiment_id)
    if job is None and len(jobs) != 1:
        raise ConfigError(f"experiment {experiment!r} holds the jobs {jobs}: choose one with --job")
    built = build_report(client, found.experiment_id, job or jobs[0])
    if not built.rows:
        raise ConfigError(f"no finished runs of job {built.job!r} in experiment {experiment!r}")
    console.print(rich_table(built))
    run_id = log_report(client, experiment, built, output)
    console.print(f"Δm: {FORMULA}")
    console.print(f"Logged as run {run_id} (artifacts under report/)" + (f"; written to {output}" if output else ""))


@command(name="eval")
def evaluate(
    model: Annotated[str, typer.Argument(help="a run id, or models:/NAME/VERSION")],
    split: Annotated[str, typer.Option(help="dev or test (or train)")] = "test",
    uri: StoreUri = None,
    override: Overrides = None,
    log: Annotated[
        bool, typer.Option(help="also log the metrics to the run that trained the model, as eval/<split>/...")
    ] = False,
) -> None:
    """Score a logged model on a split of its job's data; -o tasks.NAME.data.test=PATH points elsewhere."""
    from mlflow.tracking import MlflowClient

    from mtl_platform.serving.model import evaluate_model
    from mtl_platform.tracking.mlflow_store import log_metrics, tracking_uri

    if split not in ("train", "dev", "test"):
        raise ConfigError(f"--split {split!r}: allowed: train, dev, test")
    client = MlflowClient(tracking_uri(uri))
    metrics, run_id = evaluate_model(client, model, split, override or [])
    console.print(metrics_table(f"{model}: {split} metrics", metrics, split))
    if log and run_id:
        log_metrics(client, run_id, {f"eval/{key}": value for key, value in metrics.items()}, step=0)
        console.print(f"Logged to run {run_id}.")


@command()
def sync(
    run_dir: Annotated[str, typer.Argument(help="the run's directory or URI under trainer.storage_path")],
) -> None:
    """Upload to MLflow what a run could not log while its server was unreachable (safe to repeat)."""
    from mtl_platform.tracking.storage import Location
    from mtl_platform.train.trainer import sync_run

    run_id = sync_run(Location.of(run_dir))
    console.print(f"MLflow run {run_id} is complete.")
