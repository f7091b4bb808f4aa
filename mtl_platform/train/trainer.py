"""The driver side of a training job: MLflow run, Ray Train set-up, final artifacts."""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import ray
from mlflow.tracking import MlflowClient
from ray.train import Checkpoint, CheckpointConfig, FailureConfig, RunConfig, ScalingConfig
from ray.train.torch import TorchTrainer

from mtl_platform.config import ConfigError, JobConfig, job_to_yaml
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.tasks import build_tasks
from mtl_platform.tracking.mlflow_store import create_run, flatten, log_params, tracking_uri
from mtl_platform.tracking.plots import log_history_plot
from mtl_platform.train.checkpoint import MODEL_FILE
from mtl_platform.train.loop import train_worker

log = logging.getLogger(__name__)
RUN_INFO = "mtl_run.json"


@dataclass
class JobResult:
    run_id: str
    run_name: str
    tracking_uri: str
    metrics: dict[str, Any]
    checkpoint: Checkpoint | None


def ensure_ray() -> None:
    """Join the cluster in RAY_ADDRESS, or start an embedded local one."""
    if not ray.is_initialized():
        ray.init(address=os.environ.get("RAY_ADDRESS"), log_to_driver=True, configure_logging=False)


def _use_gpu(job: JobConfig) -> bool:
    if job.scaling.use_gpu == "auto":
        return ray.cluster_resources().get("GPU", 0) > 0
    return bool(job.scaling.use_gpu)


def latest_run_name(storage: Path, job_name: str, info_file: str = RUN_INFO) -> str:
    """The most recent run of this job (or sweep) under the storage path, for --resume."""
    runs = sorted(storage.glob(f"{job_name}-*/{info_file}"), key=lambda p: p.stat().st_mtime)
    if not runs:
        raise ConfigError(f"nothing to resume: no run of {job_name!r} under {storage}")
    return runs[-1].parent.name


def new_run_name(job_name: str) -> str:
    """Unique, so a new job never silently resumes another one's checkpoints."""
    return f"{job_name}-{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"


def _open_mlflow_run(
    client: MlflowClient,
    job: JobConfig,
    run_dir: Path,
    resume: bool,
    parent_run_id: str | None,
    tags: dict[str, str],
    mlflow_run_id: str | None = None,
) -> str:
    info_file = run_dir / RUN_INFO
    if resume and info_file.exists():
        run_id = json.loads(info_file.read_text())["mlflow_run_id"]
        client.update_run(run_id, status="RUNNING")
        return run_id
    if mlflow_run_id is not None:  # a later part of a run (a PBT segment): same MLflow run, new Ray Train run
        client.update_run(mlflow_run_id, status="RUNNING")
        run_dir.mkdir(parents=True, exist_ok=True)
        info_file.write_text(json.dumps({"mlflow_run_id": mlflow_run_id, "tracking_uri": client.tracking_uri}))
        return mlflow_run_id
    run_id = create_run(
        client,
        job.tracking.experiment,
        job.tracking.run_name or run_dir.name,
        tags={
            "mtl.job": job.name,
            "mtl.tasks": ",".join(job.task_names()),
            "mlflow.note.content": job.description,
            **tags,
        },
        parent_run_id=parent_run_id,
    )
    log_params(client, run_id, flatten(job.model_dump(mode="json")))
    client.log_text(run_id, job_to_yaml(job), "job.yaml")
    run_dir.mkdir(parents=True, exist_ok=True)
    info_file.write_text(json.dumps({"mlflow_run_id": run_id, "tracking_uri": client.tracking_uri}))
    return run_id


def _log_model(client: MlflowClient, run_id: str, job: JobConfig, result_checkpoint: Checkpoint) -> None:
    with result_checkpoint.as_directory() as directory:
        client.log_artifact(run_id, str(Path(directory) / MODEL_FILE), artifact_path="model")
        if (Path(directory) / "adapters").is_dir():  # LoRA: one peft adapter folder per task
            client.log_artifacts(run_id, str(Path(directory) / "adapters"), artifact_path="model/adapters")
    client.log_text(run_id, job_to_yaml(job), "model/job.yaml")


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
) -> JobResult:
    """Run one multi-task training job on Ray Train and track it in MLflow.

    `stop_at` ends training at that step with the schedule still set by
    max_steps; `from_checkpoint` starts from another run's checkpoint; and
    `mlflow_run_id` continues that MLflow run. Together they run one segment
    of a PBT trial.
    """
    storage = job.trainer.storage_path
    name = run_name or (latest_run_name(storage, job.name) if resume else new_run_name(job.name))
    tasks = build_tasks(job)
    tokenize_job(job, tasks)  # warm the cache once here, so workers only memory-map it

    uri = tracking_uri(job.tracking.uri)
    client = MlflowClient(uri)
    run_id = _open_mlflow_run(client, job, storage / name, resume, parent_run_id, tags or {}, mlflow_run_id)
    log.info("MLflow run %s (%s), checkpoints in %s", run_id, uri, storage / name)

    ensure_ray()
    gpu = _use_gpu(job)
    trainer = TorchTrainer(
        train_worker,
        train_loop_config={
            "job": job.model_dump(mode="json"),
            "run_id": run_id,
            "tracking_uri": uri,
            "stop_at": stop_at or job.trainer.max_steps,
            # Ray Train 2 dropped resume_from_checkpoint: the workers load it themselves.
            "from_checkpoint": from_checkpoint.path if from_checkpoint else None,
        },
        scaling_config=ScalingConfig(
            num_workers=job.scaling.num_workers,
            use_gpu=gpu,
            resources_per_worker={"CPU": job.scaling.cpus_per_worker}
            | ({"GPU": job.scaling.gpus_per_worker} if gpu else {}),
        ),
        run_config=RunConfig(
            name=name,
            storage_path=str(storage),
            failure_config=FailureConfig(max_failures=job.trainer.max_failures),
            checkpoint_config=CheckpointConfig(num_to_keep=job.trainer.keep_checkpoints),
            callbacks=list(callbacks),
        ),
    )
    try:
        result = trainer.fit()
    except BaseException:
        client.set_terminated(run_id, status="FAILED")
        raise
    if result.checkpoint is not None:
        _log_model(client, run_id, job, result.checkpoint)
    log_history_plot(client, run_id, "task_weights", "task weight", "weights/")
    log_history_plot(client, run_id, "gradient_norms", "norm of the task's gradient", "grad/", "/norm")
    log_history_plot(client, run_id, "gradient_conflict", "mean pairwise cosine of task gradients", "grad/conflict")
    client.set_terminated(run_id, status="FINISHED")
    return JobResult(run_id, name, uri, dict(result.metrics or {}), result.checkpoint)
