"""The driver side of a training job: MLflow run, Ray Train set-up, final artifacts."""

from __future__ import annotations

import json
import logging
import tempfile
import uuid
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from mlflow.tracking import MlflowClient
from ray.train import Checkpoint, CheckpointConfig, FailureConfig, Result, RunConfig, ScalingConfig
from ray.train.torch import TorchTrainer

from mtl_platform.config import ConfigError, JobConfig, validate_job
from mtl_platform.data.splits import VALIDATION
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.serving.model import log_model, save_adapters
from mtl_platform.tasks import build_tasks, main_metrics
from mtl_platform.tracking import describe
from mtl_platform.tracking.delta_m import BASELINE_TAG, baseline_scores
from mtl_platform.tracking.journal import MetricJournal, upload_missing
from mtl_platform.tracking.mlflow_store import (
    UNREACHABLE,
    check_reachable,
    create_run,
    flatten,
    log_metrics,
    log_params,
    tracking_uri,
)
from mtl_platform.tracking.plots import log_affinity, log_evaluation_plots, log_run_plots
from mtl_platform.tracking.progress import JournalProgress
from mtl_platform.tracking.redact import job_to_yaml, redact_text
from mtl_platform.tracking.run_directory import (
    ADAPTERS_DIR,
    AFFINITY_FILE,
    DETAILS_FILE,
    JOB_FILE,
    JOURNAL_DIR,
    LOGS_DIR,
    RUN_INFO,
    STOPPED_FILE,
    WARNINGS_ARTIFACT,
)
from mtl_platform.tracking.run_logs import console_is_quiet, run_logs, warnings_of
from mtl_platform.tracking.storage import Location
from mtl_platform.train import checkpoint as checkpoint_files
from mtl_platform.train.callbacks import RestartNotice
from mtl_platform.train.initial import prepare_initial_weights
from mtl_platform.train.loop import train_worker
from mtl_platform.train.plan import WorkerPlan
from mtl_platform.train.resources import check_capacity, check_storage, ensure_ray, use_gpu

log = logging.getLogger(__name__)


class TrainingStopped(RuntimeError):
    """Training ended early on purpose (a non-finite loss), with its checkpoints intact."""


@dataclass
class JobResult:
    run_id: str
    run_name: str
    tracking_uri: str
    metrics: dict[str, Any]
    checkpoint: Checkpoint | None  # the latest: where a resumed run or a PBT segment continues
    model_checkpoint: Checkpoint | None = None  # the one kept as the run's model (see `selected`)


def selection_metric(job: JobConfig) -> str:
    """What picks the checkpoint a run keeps: the validation mean, or the target task's main
    validation metric in auxiliary-task mode (higher is better for every main metric)."""
    if job.target is not None:
        return f"{VALIDATION}/{job.target}/{main_metrics(job)[job.target]}"
    return f"{VALIDATION}/mean"


def selected(result: Result, job: JobConfig) -> tuple[Checkpoint | None, dict[str, float]]:
    """The checkpoint a run keeps as its model (the best by `selection_metric` with
    trainer.validation_fraction, else the last) and its scores, as selected/step, selected/dev/...
    and selected/validation/...: what reports and comparisons of runs read."""
    if job.trainer.validation_fraction and result.best_checkpoints:
        key = selection_metric(job)
        checkpoint, metrics = max(result.best_checkpoints, key=lambda pair: pair[1][key])
    else:
        checkpoint, metrics = result.checkpoint, dict(result.metrics or {})
    scores = {k: v for k, v in metrics.items() if k == "step" or k.startswith(("dev/", f"{VALIDATION}/"))}
    return checkpoint, {f"selected/{k}": float(v) for k, v in scores.items()} if checkpoint else {}


def latest_run_name(storage: Location, job_name: str, info_file: str = RUN_INFO) -> str:
    """The most recent run of this job (or sweep) under the storage path, for --resume."""
    runs = [
        (modified, name)
        for name, _ in storage.children()
        if name.startswith(f"{job_name}-")
        for info, modified in (storage / name).children()
        if info == info_file
    ]
    if not runs:
        raise ConfigError(f"nothing to resume: no run of {job_name!r} under {storage}")
    return max(runs)[1]


def new_run_name(job_name: str) -> str:
    """Unique, so a new job never silently resumes another one's checkpoints."""
    return f"{job_name}-{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"


def _open_mlflow_run(
    client: MlflowClient,
    job: JobConfig,
    run_dir: Location,
    resume: bool,
    parent_run_id: str | None,
    tags: dict[str, str],
    mlflow_run_id: str | None = None,
) -> str:
    info_file = run_dir / RUN_INFO
    if resume and info_file.exists():
        mlflow_run_id = json.loads(info_file.read_text())["mlflow_run_id"]
    if mlflow_run_id is not None:  # a resumed run, or a later part of one (a PBT segment): same MLflow run
        client.update_run(mlflow_run_id, status="RUNNING")
        run_id = mlflow_run_id
    else:
        run_id = create_run(
            client,
            job.tracking.experiment,
            describe.run_name(job, unique=run_dir.name.rsplit("-", 1)[-1]),
            tags={**describe.job_tags(job), "mtl.run_dir": str(run_dir), **tags},
            parent_run_id=parent_run_id,
        )
        log_params(client, run_id, flatten(job.model_dump(mode="json")))
        client.log_text(run_id, job_to_yaml(job), JOB_FILE)
    (run_dir / JOB_FILE).write_text(job_to_yaml(job))
    info_file.write_text(json.dumps({"mlflow_run_id": run_id, "tracking_uri": client.tracking_uri}))
    return run_id


def _record_outcome(
    run_dir: Location, outcome: str, failure: str | None, checkpoint: Checkpoint | None, selection: dict[str, float]
) -> None:
    """How training ended and which checkpoint it keeps, beside the run's id, so that `mtl sync`
    can tell MLflow later."""
    info_file = run_dir / RUN_INFO
    info = {
        **json.loads(info_file.read_text()),
        "outcome": outcome,
        "failure": failure,
        "checkpoint": str(run_dir / Path(checkpoint.path).name) if checkpoint else None,  # a path or URI
        "selection": selection,
    }
    info_file.write_text(json.dumps(info))


def _log_model_or_explain(client: MlflowClient, run_id: str, job: JobConfig, job_file: Path, weights: Path) -> None:
    """A model that cannot be packaged must not leave a trained run unfinished: its weights are in
    the checkpoint either way. An unreachable store is raised, for `mtl sync` to redo."""
    try:
        log_model(client, run_id, job, job_file, weights)
    except UNREACHABLE:
        raise
    except Exception as exc:  # anything else: report it on the run, and finish the rest
        log.exception("the model of run %s could not be logged; its weights are in %s", run_id, weights)
        client.set_tag(run_id, "mtl.model_error", f"{type(exc).__name__}: {exc}"[:5000])


def finish_run(client: MlflowClient, run_id: str, run_dir: Location, checkpoint: Checkpoint | None) -> None:
    """What the driver adds to MLflow when training ends. Idempotent, so `mtl sync` can redo it."""
    info = json.loads((run_dir / RUN_INFO).read_text())
    upload_missing(client, run_id, MetricJournal(run_dir / JOURNAL_DIR).read())
    if selection := info.get("selection"):
        log_metrics(client, run_id, selection, int(selection["selected/step"]))
    job_file = run_dir / JOB_FILE
    job_yaml = job_file.read_text()
    job = validate_job(yaml.safe_load(job_yaml), run_dir.local or Path.cwd(), str(job_file), check_files=False)
    if checkpoint is not None:
        with checkpoint.as_directory() as directory, tempfile.TemporaryDirectory() as scratch:
            Path(scratch, JOB_FILE).write_text(job_yaml)  # log_model packs a local copy
            weights = checkpoint_files.model_file(Path(directory), Path(scratch))  # consolidated, under fsdp
            _log_model_or_explain(client, run_id, job, Path(scratch, JOB_FILE), weights)
            adapters = Path(directory) / ADAPTERS_DIR  # LoRA: one peft adapter folder per task
            if job.model.sharing.scheme == "lora" and not adapters.is_dir():  # fsdp: not in the checkpoint
                save_adapters(job, Path(scratch, JOB_FILE), weights, Path(scratch))
                adapters = Path(scratch) / ADAPTERS_DIR
            if adapters.is_dir():
                client.log_artifacts(run_id, str(adapters), artifact_path=ADAPTERS_DIR)
            if (Path(directory) / DETAILS_FILE).exists():
                details = json.loads((Path(directory) / DETAILS_FILE).read_text())
                log_evaluation_plots(client, run_id, details, "dev")
    with (run_dir / LOGS_DIR).as_local() as logs:
        if logs.is_dir() and any(logs.iterdir()):
            client.log_artifacts(run_id, str(logs), artifact_path=LOGS_DIR)
    if warnings := warnings_of(run_dir).read():
        client.log_text(run_id, "".join(f"{line}\n" for line in warnings), f"{LOGS_DIR}/{WARNINGS_ARTIFACT}")
    log_run_plots(client, run_id, job.name, main_metrics(job))
    if (run_dir / AFFINITY_FILE).exists():
        summary = json.loads((run_dir / AFFINITY_FILE).read_text())
        log_affinity(client, run_id, summary)
        client.log_dict(run_id, summary, AFFINITY_FILE)
    if info.get("failure"):
        client.set_tag(run_id, "mtl.failure", info["failure"])
    client.set_terminated(run_id, status=info["outcome"])


def _finish_or_explain(
    client: MlflowClient,
    run_id: str,
    run_dir: Location,
    checkpoint: Checkpoint | None,
    outcome: str,
    failure: str | None = None,
    selection: dict[str, float] | None = None,
) -> None:
    _record_outcome(run_dir, outcome, failure, checkpoint, selection or {})
    try:
        finish_run(client, run_id, run_dir, checkpoint)
    except UNREACHABLE as exc:
        log.warning(
            "MLflow is unreachable (%s): run %s is incomplete there. Everything is kept in %s; "
            "when the server is back, run: mtl sync %s",
            redact_text(str(exc)),
            run_id,
            run_dir,
            run_dir,
        )


def sync_run(run_dir: Location) -> str:
    """Upload what MLflow lacks of a run whose driver could not reach it; returns the MLflow run id."""
    info_file = run_dir / RUN_INFO
    if not info_file.exists():
        raise ConfigError(f"{run_dir}: not a run directory (no {RUN_INFO})")
    info = json.loads(info_file.read_text())
    client = MlflowClient(info["tracking_uri"])
    outcome = info.get("outcome")
    if outcome is None:  # training never ended (its driver died): metrics only, status left as it is
        upload_missing(client, info["mlflow_run_id"], MetricJournal(run_dir / JOURNAL_DIR).read())
    else:
        checkpoint = Checkpoint(info["checkpoint"]) if info.get("checkpoint") else None
        finish_run(client, info["mlflow_run_id"], run_dir, checkpoint)
    return info["mlflow_run_id"]


def _baselines(client: MlflowClient, run_id: str, job: JobConfig, tags: dict[str, str]) -> dict[str, float] | None:
    """The single-task baselines the experiment holds of the job's tasks (`mtl baseline`): with
    every task's, each evaluation logs dev/delta_m; with the target's, dev/target_gain. None for
    a baseline run itself, or when neither is there."""
    if BASELINE_TAG in tags or len(job.tasks) < 2:
        return None
    main = main_metrics(job)
    found = baseline_scores(client, client.get_run(run_id).info.experiment_id, job.name, main)
    if set(found) != set(main) and job.target not in found:
        return None
    if zero := sorted(t for t, score in found.items() if score == 0):
        log.warning("no dev/delta_m: the baselines of %s score 0, a relative change is undefined", zero)
        return None
    log.info("single-task baselines of %s: %s; logging dev/delta_m", job.name, found)
    return found


def torch_trainer(plan: WorkerPlan, name: str, gpu: bool, callbacks: Sequence[Any]) -> TorchTrainer:
    """Ray Train's trainer of the plan: its workers, their resources, retries and kept checkpoints."""
    job = plan.job
    return TorchTrainer(
        train_worker,
        train_loop_config={"plan": plan},
        scaling_config=ScalingConfig(
            num_workers=job.scaling.num_workers,
            use_gpu=gpu,
            resources_per_worker={"CPU": job.scaling.cpus_per_worker}
            | ({"GPU": job.scaling.gpus_per_worker} if gpu else {}),
        ),
        run_config=RunConfig(
            name=name,
            storage_path=str(job.trainer.storage_path),
            failure_config=FailureConfig(max_failures=job.trainer.max_failures),
            # With a validation split, the best checkpoints by its mean are kept (and the latest, to resume).
            checkpoint_config=CheckpointConfig(
                num_to_keep=job.trainer.keep_checkpoints,
                checkpoint_score_attribute=selection_metric(job) if job.trainer.validation_fraction else None,
                checkpoint_score_order="max",
            ),
            callbacks=list(callbacks),
        ),
    )


def run_job(
    job: JobConfig,
    *,
    resume: bool = False,
    run_name: str | None = None,
    parent_run_id: str | None = None,
    tags: dict[str, str] | None = None,
    callbacks: Sequence[Any] = (),
    stop_at: int | None = None,
    from_checkpoint: Checkpoint | None = None,
    mlflow_run_id: str | None = None,
    progress: bool = False,
) -> JobResult:
    """Run one multi-task training job on Ray Train and track it in MLflow.

    `stop_at` ends training at that step with the schedule still set by
    max_steps; `from_checkpoint` starts from another run's checkpoint; and
    `mlflow_run_id` continues that MLflow run. Together they run one segment
    of a PBT trial. `progress` shows the run's progress on this console (tracking/progress.py).
    """
    storage = Location.of(job.trainer.storage_path)
    uri = tracking_uri(job.tracking.uri)
    check_reachable(uri)
    check_storage(storage)
    tasks = build_tasks(job)
    # Warm the cache once here, so workers only memory-map it; before Ray starts, so that tokenizing
    # processes are never forked from a process that holds Ray's connections.
    tokenize_job(job, tasks)
    ensure_ray()
    gpu = use_gpu(job)
    check_capacity(job, gpu)
    name = run_name or (latest_run_name(storage, job.name) if resume else new_run_name(job.name))
    run_dir = storage / name
    initial_weights = prepare_initial_weights(job, tasks, uri, run_dir, resume)

    client = MlflowClient(uri)
    run_id = _open_mlflow_run(client, job, run_dir, resume, parent_run_id, tags or {}, mlflow_run_id)
    log.info("MLflow run %s (%s), checkpoints in %s", run_id, redact_text(uri), run_dir)
    baselines = _baselines(client, run_id, job, tags or {})

    plan = WorkerPlan(
        job=job,
        run_id=run_id,
        tracking_uri=uri,
        run_dir=run_dir,
        stop_at=stop_at or job.trainer.max_steps,
        baselines=baselines,
        initial_weights=initial_weights,
        # Ray Train 2 dropped resume_from_checkpoint: the workers load it themselves.
        from_checkpoint=from_checkpoint,
    )
    trainer = torch_trainer(plan, name, gpu, [*callbacks, RestartNotice(run_dir, job.trainer.max_failures)])
    return _fit_and_finish(trainer, plan, client, name, progress)


def _fit_and_finish(
    trainer: TorchTrainer, plan: WorkerPlan, client: MlflowClient, name: str, progress: bool
) -> JobResult:
    """Train, then finish the MLflow run as it ended (also when it failed), with the driver's log
    file and, when asked, the progress (and on a quiet console the workers' warnings) around it."""
    job, run_dir, run_id = plan.job, plan.run_dir, plan.run_id
    stopped = run_dir / STOPPED_FILE
    stopped.delete()  # from an earlier attempt of a resumed run
    warnings = warnings_of(run_dir) if console_is_quiet() else None  # else Ray streams them
    shown = (
        JournalProgress(MetricJournal(run_dir / JOURNAL_DIR).log, plan.stop_at, main_metrics(job), warnings=warnings)
        if progress
        else nullcontext()
    )
    with run_logs(run_dir, "driver", share_warnings=False) as store_log:
        try:
            with shown:
                result = trainer.fit()
        except BaseException:
            store_log()  # on an object store, the driver's log reaches MLflow's logs/ with the workers'
            _finish_or_explain(client, run_id, run_dir, None, "FAILED")
            raise
        store_log()
        metrics = dict(result.metrics or {})
        if stopped.exists():
            reason = stopped.read_text()
            _finish_or_explain(client, run_id, run_dir, None, "FAILED", failure=reason)
            kept = f"the last good checkpoint is {result.checkpoint.path}" if result.checkpoint else "no checkpoint yet"
            raise TrainingStopped(f"{reason}; training stopped (trainer.nonfinite: stop), {kept}")
        checkpoint, chosen = selected(result, job)
        _finish_or_explain(client, run_id, run_dir, checkpoint, "FINISHED", selection=chosen)
    return JobResult(run_id, name, plan.tracking_uri, {**metrics, **chosen}, result.checkpoint, checkpoint)
