"""The `mtl` command: train and tune jobs, serve and sync MLflow, submit to and follow a Ray cluster."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.table import Table

from mtl_platform.config import ConfigError, JobConfig, read_yaml
from mtl_platform.tune.config import load_sweep

app = typer.Typer(help="Multi-task learning of language models on Ray, tracked in MLflow.", no_args_is_help=True)
console = Console()
errors = Console(stderr=True, soft_wrap=True)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
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


@app.callback()
def _setup(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="debug logging")] = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(message)s",
        handlers=[RichHandler(console=errors, show_path=False)],
    )


def _fail(exc: Exception, code: int = 2) -> None:
    """One clear line (2: bad input, nothing ran; 1: the run itself stopped)."""
    errors.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
    raise typer.Exit(code)


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


def _ui_hint(uri: str, run_id: str) -> str:
    """How to see the run: its page on a server, else the command that serves the store."""
    if uri.startswith("sqlite:"):
        return f"mtl ui --uri '{uri}'"
    from mlflow.tracking import MlflowClient

    experiment = MlflowClient(uri).get_run(run_id).info.experiment_id
    return f"open {uri.rstrip('/')}/#/experiments/{experiment}/runs/{run_id}"


@app.command()
def train(
    job_file: Annotated[Path, typer.Argument(help="job YAML")],
    override: Overrides = None,
    resume: Annotated[bool, typer.Option(help="continue the latest run of this job from its last checkpoint")] = False,
    run_name: Annotated[str | None, typer.Option(help="resume this run instead of the latest")] = None,
) -> None:
    """Run one multi-task training job on Ray Train (local, or the cluster in RAY_ADDRESS)."""
    from mtl_platform.preflight import load_checked_job
    from mtl_platform.train.trainer import TrainingStopped, run_job

    try:
        job = load_checked_job(job_file, override or [])
        runs = job.per_seed()
        if len(runs) > 1 and (resume or run_name):
            raise ConfigError("--resume continues one run; drop trainer.seeds (or pick one with -o trainer.seeds=null)")
        for seeded in runs:  # one run per seed of trainer.seeds
            result = run_job(seeded, resume=resume or run_name is not None, run_name=run_name)
            _print_result(seeded, result)
    except ConfigError as exc:
        _fail(exc)
    except TrainingStopped as exc:
        _fail(exc, code=1)


def _print_result(job: JobConfig, result: Any) -> None:
    """The scores of the checkpoint the run kept (the last, or the best on validation)."""
    kept = {k.removeprefix("selected/"): v for k, v in result.metrics.items() if k.startswith("selected/")}
    title = f"{job.name} (seed {job.trainer.seed}): dev metrics of the model kept, step {kept.get('step', 0):.0f}"
    console.print(metrics_table(title, kept))
    console.print(f"MLflow run {result.run_id} in experiment '{job.tracking.experiment}'.")
    console.print(f"Browse it: {_ui_hint(result.tracking_uri, result.run_id)}")


@app.command()
def baseline(job_file: Annotated[Path, typer.Argument(help="multi-task job YAML")], override: Overrides = None) -> None:
    """Train each task of a job alone (same backbone, steps, selection and seeds), as its baselines:
    later runs of the job log dev/delta_m against them, and `mtl report` compares with them."""
    from mlflow.tracking import MlflowClient

    from mtl_platform.analysis.baselines import convergence, run_baselines
    from mtl_platform.preflight import load_checked_job
    from mtl_platform.train.trainer import TrainingStopped

    try:
        job = load_checked_job(job_file, override or [])
        trained = run_baselines(job)
    except ConfigError as exc:
        _fail(exc)
    except TrainingStopped as exc:
        _fail(exc, code=1)
    table = Table(title=f"single-task baselines of '{job.name}': converged? (best of the last 20% of steps vs before)")
    for column in ("run", "seed", "steps", "curve", "gain", "plateau"):
        table.add_column(column)
    for baseline, result in trained:
        row = [result.run_name, str(baseline.trainer.seed), str(baseline.trainer.max_steps)]
        try:
            check = convergence(MlflowClient(result.tracking_uri), result.run_id, baseline)
        except ValueError as exc:  # too few evaluations to tell
            table.add_row(*row, "–", "–", f"unknown: {exc}")
            continue
        verdict = "yes" if check.plateau.plateaued else "[bold red]no: raise trainer.max_steps[/]"
        table.add_row(*row, check.metric, f"{check.plateau.gain:+.4f}", verdict)
    console.print(table)
    batches = sum(baseline.trainer.max_steps for baseline, _ in trained)
    console.print(
        f"{len(trained)} single-task baselines of '{job.name}' in experiment '{job.tracking.experiment}': "
        f"{batches} batches of {job.trainer.batch_size} in all (each task as many as the multi-task job gives it)."
    )


@app.command()
def tune(
    sweep_file: Annotated[Path, typer.Argument(help="sweep YAML")],
    override: Overrides = None,
    resume: Annotated[
        bool, typer.Option(help="continue the latest run of this sweep: finished trials are kept, the rest resumed")
    ] = False,
) -> None:
    """Run a Ray Tune sweep whose trials are Ray Train jobs, tracked as nested MLflow runs."""
    from mtl_platform.preflight import load_checked_sweep
    from mtl_platform.tune.sweep import run_sweep

    try:
        sweep = load_checked_sweep(sweep_file, override or [])
        summary = run_sweep(sweep, resume=resume)
    except ConfigError as exc:
        _fail(exc)
    best = summary.best
    console.print(f"Best trial {best.trial_id}: {sweep.tune.metric} = {best.metrics.get(sweep.tune.metric):.4f}")
    console.print(
        "Best sampled values: "
        + ", ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in best.params.items())
    )
    console.print(metrics_table("best trial: dev metrics", best.metrics))
    front = [t for t in summary.trials if t.pareto]
    if front:
        table = Table(title=f"Pareto front ({len(front)} of {len(summary.trials)} trials)")
        table.add_column("trial")
        objectives = [o.metric for o in sweep.tune.objectives or []]
        for metric in objectives:
            table.add_column(metric, justify="right")
        for trial in front:
            table.add_row(trial.trial_id, *(f"{trial.metrics[m]:.4f}" for m in objectives))
        console.print(table)
    console.print(
        f"Parent MLflow run {summary.parent_run_id}; browse it: {_ui_hint(summary.tracking_uri, summary.parent_run_id)}"
    )


def _matrix_table(title: str, tasks: list[str], matrix: list[list[float | None]]) -> Table:
    table = Table(title=title)
    table.add_column("task i \\ task j")
    for task in tasks:
        table.add_column(task, justify="right")
    for task, row in zip(tasks, matrix):
        table.add_row(task, *("-" if v is None else f"{v:.3g}" for v in row))
    return table


@app.command()
def affinity(
    job_file: Annotated[Path, typer.Argument(help="multi-task job YAML (every task in each step's batch)")],
    override: Overrides = None,
    groups: Annotated[int | None, typer.Option(help="models to group the tasks into; default: the best number")] = None,
    measure: Annotated[str | None, typer.Option(help="lookahead (TAG) or cosine (of task gradients)")] = None,
    every: Annotated[int | None, typer.Option(help="measure at every this many steps")] = None,
    sweep_file: Annotated[
        Path | None, typer.Option(help="where to write the sweep that trains the groupings; default JOB_groupings.yaml")
    ] = None,
    alternatives: Annotated[int, typer.Option(help="runner-up groupings the sweep trains too")] = 1,
    check: Annotated[bool, typer.Option(help="run that sweep now and compare the groupings' dev scores")] = False,
) -> None:
    """Train the job once measuring inter-task affinity, propose groupings of its tasks into models,
    and write a sweep that trains the proposal beside other groupings."""
    from mtl_platform.analysis.grouping import MAX_TASKS, groupings_to_check, ranked_groupings, suggest, sweep_for
    from mtl_platform.config import validate_job
    from mtl_platform.preflight import load_checked_job
    from mtl_platform.train.affinity import AFFINITY_FILE
    from mtl_platform.train.trainer import TrainingStopped, run_job

    try:
        data = load_checked_job(job_file, override or []).per_seed()[0].model_dump(mode="json")
        given = {"measure": measure, "every": every}
        data["affinity"] = {**(data["affinity"] or {}), **{k: v for k, v in given.items() if v is not None}}
        job = validate_job(data, job_file.parent, str(job_file))
        if groups is not None and not 1 <= groups <= len(job.tasks):
            raise ConfigError(f"--groups {groups}: choose between 1 and the job's {len(job.tasks)} tasks")
        if len(job.tasks) > MAX_TASKS:
            raise ConfigError(
                f"{len(job.tasks)} tasks: groupings are searched exactly, for up to {MAX_TASKS}; "
                "measure with `affinity:` in the job (mtl train) and group a subset"
            )
        result = run_job(job)
    except ConfigError as exc:
        _fail(exc)
    except TrainingStopped as exc:
        _fail(exc, code=1)
    summary = json.loads((job.trainer.storage_path / result.run_name / AFFINITY_FILE).read_text())
    tasks = summary["tasks"]
    for name in ("lookahead", "cosine"):
        if name in summary:
            console.print(
                _matrix_table(f"{name} affinity over {summary['measured_steps']} steps", tasks, summary[name])
            )
    cost = summary["cost_fraction"]
    console.print(
        f"Measuring took {summary['seconds']:.1f} s" + (f", {cost:.1%} of the training loop." if cost else ".")
    )

    matrix = summary.get("lookahead") or summary["cosine"]
    if any(v is None for i, row in enumerate(matrix) for j, v in enumerate(row) if i != j):
        _fail(ValueError("some pairs of tasks were never measured together: no grouping to suggest"), code=1)
    suggested = suggest(matrix, tasks, groups)
    table = Table(title="best grouping into k models (score: total affinity within models)")
    table.add_column("k")
    table.add_column("grouping")
    table.add_column("score", justify="right")
    for k in range(1, len(tasks) + 1):
        best = ranked_groupings(matrix, tasks, k)[0]
        table.add_row(str(k), best.label(), f"{best.score:.3g}")
    console.print(table)
    console.print(f"[bold]Suggested:[/] {suggested.label()}")

    checked = groupings_to_check(matrix, tasks, suggested, alternatives)
    target = sweep_file or Path(f"{job_file.stem}_groupings.yaml")
    target.write_text(yaml.safe_dump(sweep_for(job_file, target, override or [], checked), sort_keys=False))
    from mlflow.tracking import MlflowClient

    MlflowClient(result.tracking_uri).log_artifact(result.run_id, str(target), "affinity")
    console.print(f"Sweep training {', '.join(g.label() for g in checked)}: {target} (mtl tune {target})")
    if check:
        _check_groupings(target, job, checked)


def _check_groupings(sweep_file: Path, job: JobConfig, groupings: list[Any]) -> None:
    """Train each group (one sweep trial a group) and score every grouping from its groups' trials."""
    from mlflow.tracking import MlflowClient

    from mtl_platform.analysis.grouping import grouping_results
    from mtl_platform.tasks import main_metrics
    from mtl_platform.tune.sweep import run_sweep

    try:
        summary = run_sweep(load_sweep(sweep_file))
    except ConfigError as exc:
        _fail(exc)
    trials = [(t.params["only_tasks"], t.metrics) for t in summary.trials]
    rows = grouping_results(groupings, trials, main_metrics(job))
    table = Table(title="dev score of each task, from the model of its group")
    for column in rows[0]:
        table.add_column(column)
    for row in rows:
        table.add_row(*(f"{v:.4g}" if isinstance(v, float) else "-" if v is None else str(v) for v in row.values()))
    console.print(table)
    MlflowClient(summary.tracking_uri).log_table(
        summary.parent_run_id, {k: [r[k] for r in rows] for k in rows[0]}, "groupings.json"
    )
    console.print(f"Logged to the sweep's parent run {summary.parent_run_id} as groupings.json")


def _serve_mlflow(command: list[str], host: str, port: int, expose: bool) -> None:
    """Run an MLflow UI/server, on loopback unless exposing it is asked for by name."""
    if host not in LOOPBACK and not expose:
        _fail(
            ConfigError(
                f"--host {host}: that would let anyone who can reach this machine read and change every run "
                "and artifact (MLflow has no authentication by default); pass --expose to do it anyway, "
                "ideally behind an authenticating proxy"
            )
        )
    console.print(f"MLflow at http://{host}:{port}")
    command = [sys.executable, "-m", "mlflow", *command, "--host", host, "--port", str(port), "--workers", "1"]
    env = {**os.environ, "MLFLOW_SERVER_ENABLE_JOB_EXECUTION": "false"}
    raise typer.Exit(subprocess.call(command, env=env))


@app.command()
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


StoreUri = Annotated[str | None, typer.Option("--uri", help="tracking store; default as for jobs")]


@app.command()
def register(
    run_id: Annotated[str, typer.Argument(help="a training run's MLflow id")],
    name: Annotated[str, typer.Option(help="registered model name")],
    uri: StoreUri = None,
) -> None:
    """Add the run's model to the MLflow model registry as a new version of NAME."""
    from mlflow.tracking import MlflowClient

    from mtl_platform.serving.model import register as register_model
    from mtl_platform.tracking.mlflow_store import tracking_uri

    try:
        version = register_model(MlflowClient(tracking_uri(uri)), run_id, name)
    except ConfigError as exc:
        _fail(exc)
    console.print(f"Registered {name} version {version}: models:/{name}/{version}")


@app.command()
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
        _fail(ConfigError(f"no experiment {experiment!r}; experiments: {names}"))
    jobs = jobs_in(client, found.experiment_id)
    if job is None and len(jobs) != 1:
        _fail(ConfigError(f"experiment {experiment!r} holds the jobs {jobs}: choose one with --job"))
    built = build_report(client, found.experiment_id, job or jobs[0])
    if not built.rows:
        _fail(ConfigError(f"no finished runs of job {built.job!r} in experiment {experiment!r}"))
    console.print(rich_table(built))
    run_id = log_report(client, experiment, built, output)
    console.print(f"Δm: {FORMULA}")
    console.print(f"Logged as run {run_id} (artifacts under report/)" + (f"; written to {output}" if output else ""))


@app.command(name="eval")
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
        _fail(ConfigError(f"--split {split!r}: allowed: train, dev, test"))
    client = MlflowClient(tracking_uri(uri))
    try:
        metrics, run_id = evaluate_model(client, model, split, override or [])
    except ConfigError as exc:
        _fail(exc)
    console.print(metrics_table(f"{model}: {split} metrics", metrics, split))
    if log and run_id:
        log_metrics(client, run_id, {f"eval/{key}": value for key, value in metrics.items()}, step=0)
        console.print(f"Logged to run {run_id}.")


@app.command()
def server(
    store: Annotated[Path, typer.Option(help="directory for the run database (SQLite) and the artifacts")] = Path(
        "mlruns"
    ),
    host: Annotated[str, typer.Option(help="bind address; a cluster's nodes need one they can reach")] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 5000,
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
        str(store / "artifacts"),
    ]
    _serve_mlflow(command, host, port, expose)


@app.command()
def sync(run_dir: Annotated[Path, typer.Argument(help="the run's directory under trainer.storage_path")]) -> None:
    """Upload to MLflow what a run could not log while its server was unreachable (safe to repeat)."""
    from mtl_platform.train.trainer import sync_run

    try:
        run_id = sync_run(run_dir.resolve())
    except ConfigError as exc:
        _fail(exc)
    console.print(f"MLflow run {run_id} is complete.")


@app.command()
def submit(
    job_file: Annotated[Path, typer.Argument(help="job or sweep YAML inside the working dir")],
    address: Address = None,
    token_file: TokenFile = None,
    override: Overrides = None,
    working_dir: Annotated[Path, typer.Option(help="directory shipped to the cluster")] = Path("."),
    wait: Annotated[bool, typer.Option(help="follow the job's logs until it ends")] = False,
) -> None:
    """Submit a train (or tune, for a sweep file) job to a Ray cluster with the Jobs API."""
    from mtl_platform.cluster import submit_job
    from mtl_platform.preflight import load_checked_job, load_checked_sweep

    working_dir = working_dir.resolve()
    job_file = job_file.resolve()
    try:
        is_sweep = "search" in read_yaml(job_file)
        (load_checked_sweep if is_sweep else load_checked_job)(job_file, override or [])  # here, not on the cluster
        relative = job_file.relative_to(working_dir)
    except ConfigError as exc:
        _fail(exc)
    except ValueError:
        _fail(ConfigError(f"{job_file} is not inside the working dir {working_dir}; pass --working-dir"))
    command = ["python", "-m", "mtl_platform.cli", "tune" if is_sweep else "train", str(relative)]
    for item in override or []:
        command += ["-o", item]
    with _job_server(address, token_file) as client:
        job_id = submit_job(client, command, working_dir)
        console.print(f"Submitted {job_id}: {shlex.join(command)}")
        console.print(f"Follow it: mtl logs {job_id} --follow" + (f" --address {address}" if address else ""))
        if wait:
            raise typer.Exit(_follow(client, job_id))


def _follow(client: Any, job_id: str) -> int:
    """Print the job's logs until it ends; 0 if it succeeded."""
    import asyncio

    async def tail() -> None:
        async for lines in client.tail_job_logs(job_id):
            console.out(lines, end="")

    asyncio.run(tail())
    status = client.get_job_status(job_id)
    console.print(f"{job_id}: {status}")
    return 0 if str(status) == "SUCCEEDED" else 1


@app.command()
def status(job_id: str, address: Address = None, token_file: TokenFile = None) -> None:
    """Show a submitted job's status, and why it failed if it did."""
    with _job_server(address, token_file) as client:
        info = client.get_job_info(job_id)
    console.print(f"{job_id}: {info.status}" + (f" ({escape(info.message)})" if info.message else ""))
    console.print(f"entrypoint: {escape(info.entrypoint)}")


@app.command()
def logs(
    job_id: str,
    address: Address = None,
    token_file: TokenFile = None,
    follow: Annotated[bool, typer.Option("--follow", "-f", help="keep printing until the job ends")] = False,
) -> None:
    """Print a submitted job's logs."""
    with _job_server(address, token_file) as client:
        if follow:
            raise typer.Exit(_follow(client, job_id))
        console.out(client.get_job_logs(job_id), end="")


@app.command()
def stop(job_id: str, address: Address = None, token_file: TokenFile = None) -> None:
    """Stop a submitted job; its checkpoints and everything it logged are kept."""
    with _job_server(address, token_file) as client:
        stopped = client.stop_job(job_id)
    console.print(f"{job_id}: " + ("stop requested" if stopped else "had already ended"))


@contextlib.contextmanager
def _job_server(address: str | None, token_file: Path | None) -> Iterator[Any]:
    from mtl_platform.cluster import job_server

    try:
        with job_server(address, token_file) as client:
            yield client
    except ConfigError as exc:
        _fail(exc)


if __name__ == "__main__":
    app()
