"""`mtl train`, `mtl baseline`, `mtl tune`, `mtl affinity` and `mtl merge`: the commands that train
(or, for merge, make a model from a trained one).

Every one checks its job before Ray starts (preflight.py) and prints the scores of the
checkpoints the runs kept, with where to browse them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.table import Table

from mtl_platform.cli.app import CommandFailed, Overrides, StoreUri, command, console, metrics_table, ui_hint
from mtl_platform.config import ConfigError, JobConfig
from mtl_platform.tracking.run_directory import AFFINITY_FILE
from mtl_platform.tracking.storage import Location


@command()
def train(
    job_file: Annotated[Path, typer.Argument(help="job YAML")],
    override: Overrides = None,
    resume: Annotated[bool, typer.Option(help="continue the latest run of this job from its last checkpoint")] = False,
    run_name: Annotated[str | None, typer.Option(help="resume this run instead of the latest")] = None,
) -> None:
    """Run one multi-task training job on Ray Train (local, or the cluster in RAY_ADDRESS)."""
    from mtl_platform.preflight import load_checked_job

    job = load_checked_job(job_file, override or [])
    from mtl_platform.train.trainer import run_job

    runs = job.per_seed()
    if len(runs) > 1 and (resume or run_name):
        raise ConfigError("--resume continues one run; drop trainer.seeds (or pick one with -o trainer.seeds=null)")
    for seeded in runs:  # one run per seed of trainer.seeds
        result = run_job(seeded, resume=resume or run_name is not None, run_name=run_name, progress=True)
        _print_result(seeded, result)


def _print_result(job: JobConfig, result: Any) -> None:
    """The scores of the checkpoint the run kept (the last, or the best on validation)."""
    kept = {k.removeprefix("selected/"): v for k, v in result.metrics.items() if k.startswith("selected/")}
    title = f"{job.name} (seed {job.trainer.seed}): dev metrics of the model kept, step {kept.get('step', 0):.0f}"
    console.print(metrics_table(title, kept))
    console.print(f"MLflow run {result.run_id} in experiment '{job.tracking.experiment}'.")
    console.print(f"Browse it: {ui_hint(result.tracking_uri, result.run_id)}")


@command()
def baseline(job_file: Annotated[Path, typer.Argument(help="multi-task job YAML")], override: Overrides = None) -> None:
    """Train each task of a job alone (same backbone, steps, selection and seeds), as its baselines:
    later runs of the job log dev/delta_m against them, and `mtl report` compares with them."""
    from mtl_platform.preflight import load_checked_job

    job = load_checked_job(job_file, override or [])
    from mlflow.tracking import MlflowClient

    from mtl_platform.analysis.baselines import convergence, run_baselines

    trained = run_baselines(job, progress=True)
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


@command()
def tune(
    sweep_file: Annotated[Path, typer.Argument(help="sweep YAML")],
    override: Overrides = None,
    resume: Annotated[
        bool, typer.Option(help="continue the latest run of this sweep: finished trials are kept, the rest resumed")
    ] = False,
) -> None:
    """Run a Ray Tune sweep whose trials are Ray Train jobs, tracked as nested MLflow runs."""
    from mtl_platform.preflight import load_checked_sweep

    sweep = load_checked_sweep(sweep_file, override or [])
    from mtl_platform.tune.sweep import run_sweep

    summary = run_sweep(sweep, resume=resume)
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
        f"Parent MLflow run {summary.parent_run_id}; browse it: {ui_hint(summary.tracking_uri, summary.parent_run_id)}"
    )


@command()
def merge(
    model: Annotated[str, typer.Argument(help="a LoRA run's id, or models:/NAME/VERSION")],
    merge_file: Annotated[Path | None, typer.Argument(help="merge YAML (method, weights, density, search)")] = None,
    override: Overrides = None,
    uri: StoreUri = None,
) -> None:
    """Merge a LoRA run's per-task adapters into one (peft: linear, cat, svd, ties, dare_ties, ...),
    score the merged model on every task, and log it as a run that `mtl report` compares; with
    `search`, Ray Tune samples merges on the run's validation split (no training per trial)."""
    from mlflow.tracking import MlflowClient

    from mtl_platform.config.merge import load_merge
    from mtl_platform.tracking.mlflow_store import tracking_uri

    config = load_merge(merge_file, override or [])
    from mtl_platform.tune.merge import OBJECTIVE, run_merge

    results = run_merge(client := MlflowClient(tracking_uri(uri)), model, config)
    table = Table(title=f"{len(results)} merge(s) of {model}, best first" if config.search else f"merge of {model}")
    for column in ("method", "density", "weights", OBJECTIVE, "dev/mean", "MLflow run"):
        table.add_column(column)
    for result in results[:10]:
        point, metrics = result.point, result.metrics
        table.add_row(
            point.method,
            "–" if point.density is None else f"{point.density:.3g}",
            " ".join(f"{t}={w:.3g}" for t, w in point.weights.items()),
            f"{metrics[OBJECTIVE]:.4f}" if OBJECTIVE in metrics else "–",
            f"{metrics.get('dev/mean', float('nan')):.4f}",
            result.run_id,
        )
    console.print(table)
    console.print(metrics_table("the merged model: dev metrics", results[0].metrics))
    console.print(
        f"Compare with the jointly trained and single-task runs: mtl report EXPERIMENT --uri '{client.tracking_uri}'"
    )


def _matrix_table(title: str, tasks: list[str], matrix: list[list[float | None]]) -> Table:
    table = Table(title=title)
    table.add_column("task i \\ task j")
    for task in tasks:
        table.add_column(task, justify="right")
    for task, row in zip(tasks, matrix):
        table.add_row(task, *("-" if v is None else f"{v:.3g}" for v in row))
    return table


@command()
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
    job = _affinity_job(job_file, override or [], groups, measure, every)
    from mlflow.tracking import MlflowClient

    from mtl_platform.analysis.grouping import groupings_to_check, suggest, sweep_for
    from mtl_platform.train.trainer import run_job

    result = run_job(job, progress=True)
    summary = json.loads((Location.of(job.trainer.storage_path) / result.run_name / AFFINITY_FILE).read_text())
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
        raise CommandFailed("some pairs of tasks were never measured together: no grouping to suggest")
    suggested = suggest(matrix, tasks, groups)
    _print_groupings(matrix, tasks)
    console.print(f"[bold]Suggested:[/] {suggested.label()}")

    checked = groupings_to_check(matrix, tasks, suggested, alternatives)
    target = sweep_file or Path(f"{job_file.stem}_groupings.yaml")
    target.write_text(yaml.safe_dump(sweep_for(job_file, target, override or [], checked), sort_keys=False))
    MlflowClient(result.tracking_uri).log_artifact(result.run_id, str(target), "affinity")
    console.print(f"Sweep training {', '.join(g.label() for g in checked)}: {target} (mtl tune {target})")
    if check:
        _check_groupings(target, job, checked)


def _affinity_job(
    job_file: Path, overrides: list[str], groups: int | None, measure: str | None, every: int | None
) -> JobConfig:
    """The job (its first seed) with the command line's affinity options, checked for grouping."""
    from mtl_platform.analysis.grouping import MAX_TASKS
    from mtl_platform.config import validate_job
    from mtl_platform.preflight import load_checked_job

    data = load_checked_job(job_file, overrides).per_seed()[0].model_dump(mode="json")
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
    return job


def _print_groupings(matrix: list[list[float]], tasks: list[str]) -> None:
    from mtl_platform.analysis.grouping import ranked_groupings

    table = Table(title="best grouping into k models (score: total affinity within models)")
    table.add_column("k")
    table.add_column("grouping")
    table.add_column("score", justify="right")
    for k in range(1, len(tasks) + 1):
        best = ranked_groupings(matrix, tasks, k)[0]
        table.add_row(str(k), best.label(), f"{best.score:.3g}")
    console.print(table)


def _check_groupings(sweep_file: Path, job: JobConfig, groupings: list[Any]) -> None:
    """Train each group (one sweep trial a group) and score every grouping from its groups' trials."""
    from mlflow.tracking import MlflowClient

    from mtl_platform.analysis.grouping import grouping_results
    from mtl_platform.tasks import main_metrics
    from mtl_platform.tune.config import load_sweep
    from mtl_platform.tune.sweep import run_sweep

    summary = run_sweep(load_sweep(sweep_file))
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


@command()
def vocabulary(
    files: Annotated[list[Path], typer.Argument(help="UTF-8 text files, one text a line (e.g. train.en train.de)")],
    out: Annotated[Path, typer.Option(help="the tokenizer directory to write, for model.tokenizer")],
    size: Annotated[
        int, typer.Option(min=300, help="tokens in the vocabulary, bytes and special ones included")
    ] = 8000,
) -> None:
    """Train a byte-level BPE tokenizer on text files: a vocabulary for a language model trained
    from scratch (model.architecture) on languages a packaged tokenizer does not cover."""
    from mtl_platform.data.vocabulary import save_vocabulary

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise ConfigError(f"no such file: {', '.join(missing)}")
    tokenizer = save_vocabulary(files, size, out)
    console.print(f"{len(tokenizer):,} tokens, trained on {len(files)} file(s), saved to {out}")


@command()
def validate(
    job_file: Annotated[Path, typer.Argument(help="job or sweep YAML")],
    override: Overrides = None,
) -> None:
    """Check a job or sweep as `mtl train` and `mtl tune` would, without starting Ray, and say what
    it would do: rows and labels per task, truncation, batches per task, parameters, memory, where
    it logs; for a sweep, its trials."""
    from mtl_platform.config import read_yaml
    from mtl_platform.preflight import load_checked_job_rows, load_checked_sweep_rows

    sweep = None
    if "search" in read_yaml(job_file):
        sweep, rows = load_checked_sweep_rows(job_file, override or [])
        job = sweep.job
    else:
        job, rows = load_checked_job_rows(job_file, override or [])
    from mtl_platform.data.raw import RARE_LABEL_SHARE, rare_labels
    from mtl_platform.inspection import summarize_job, sweep_trials
    from mtl_platform.tasks import TASK_TYPES

    summary = summarize_job(job, rows)
    table = Table(title=f"{job_file}: the checks pass; what '{job.name}' would train")
    for column in ("task", "type", "rows", "truncated", "batches", "epochs", "labels (smallest share)"):
        table.add_column(column)
    for task in summary.tasks:
        shares = ""
        if task.label_shares:
            smallest = min(task.label_shares, key=task.label_shares.__getitem__)
            shares = f"{len(task.label_shares)} ({smallest} {task.label_shares[smallest]:.1%})"
        table.add_row(
            task.name,
            task.type,
            " ".join(f"{split} {n:,}" for split, n in task.rows.items()),
            f"{task.truncated:.1%}",
            f"{task.batches:,.0f}",
            f"{task.epochs:.2f}",
            shares,
        )
    console.print(table)
    for task in summary.tasks:  # a row-label task's were warned of as the job was checked
        if (rare := rare_labels(task.label_shares)) and TASK_TYPES[task.type].token_labels:
            found = ", ".join(f"{label} {share:.2%}" for label, share in rare.items())
            console.print(f"[bold yellow]note:[/] {task.name}: tags under {RARE_LABEL_SHARE:.0%} of train: {found}")
    counts = summary.parameters
    console.print(
        f"Parameters: {counts['params/total']:,} ({counts['params/trainable']:,} trainable, "
        f"{counts['params/shared']:,} shared). Memory a worker needs on {job.scaling.num_workers} worker(s), "
        "an estimate (activations at full length):"
    )
    for strategy, needed in summary.memory.items():
        chosen = " (this job's)" if strategy == job.scaling.strategy else ""
        console.print(f"  {strategy}{chosen}: {needed.describe()}")
    console.print(
        f"MLflow: {summary.tracking_uri}, experiment '{job.tracking.experiment}'; checkpoints under "
        f"{summary.storage_path}; tokenized data cached in {summary.cache_dir}."
    )
    if sweep is not None:
        points, trials = sweep_trials(sweep)
        space = f"{points:,} points" if points is not None else "a continuous space"
        console.print(f"Sweep '{sweep.name}': {space}, {trials} trial(s) of {job.trainer.max_steps} steps each.")
