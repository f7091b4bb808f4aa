"""The per-worker training loop (ARCHITECTURE.md: "A job, from the command line to MLflow").

sampler -> a batch of one task (or of every task) -> model -> task losses
(normalized by the global count) -> weighting (train/step.py) -> optimizer
step -> every `eval_every` steps:
dev metrics, checkpoint, `ray.train.report`. Rank 0 streams metrics to MLflow.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import resource
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import datasets
import ray.train
import ray.train.torch
import torch
import torch.distributed as dist
from mlflow.system_metrics.system_metrics_monitor import SystemMetricsMonitor
from torch import Tensor, nn
from transformers import PreTrainedTokenizerBase

from mtl_platform.config import JobConfig
from mtl_platform.data.mixed import mix
from mtl_platform.data.sampler import MultiTaskSampler
from mtl_platform.data.splits import VALIDATION
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.models.evaluation import EvalData, autocast, evaluate, select_rows
from mtl_platform.models.multitask import MultiTaskModel, build_model, parameter_counts
from mtl_platform.tasks import Task, build_tasks, main_metrics
from mtl_platform.tasks.tokenizers import load_tokenizer
from mtl_platform.tracking.delta_m import compare_with_baselines
from mtl_platform.tracking.journal import MetricJournal
from mtl_platform.tracking.mlflow_store import MetricWriter
from mtl_platform.tracking.run_directory import AFFINITY_FILE, DETAILS_FILE, JOURNAL_DIR, STOPPED_FILE
from mtl_platform.tracking.run_logs import run_logs
from mtl_platform.train import checkpoint, memory, sharding
from mtl_platform.train.affinity import AffinityMeter
from mtl_platform.train.plan import WorkerPlan
from mtl_platform.train.step import (
    NonFiniteLoss,
    Step,
    StepResult,
    distributed,
    gradient_weighted_backward,
    loss_weighted_backward,
)
from mtl_platform.weighting import GradientWeighting, LossWeighting, Weighting, build_weighting

log = logging.getLogger(__name__)
SYSTEM_METRICS_CLOSE_SECONDS = 5.0


def peak_memory_mb(device: torch.device) -> float:
    """Peak memory of this process: allocated GPU memory, or the CPU resident set."""
    if device.type == "cuda":
        return torch.cuda.max_memory_allocated(device) / 2**20
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def resolve_precision(job: JobConfig, cuda: bool) -> str:
    """`auto`: bf16 on GPUs that have it; fp16 (with a grad scaler) on older GPUs for loss
    weightings, whose single backward pass the scaler covers; fp32 otherwise."""
    wanted = job.trainer.precision
    if wanted != "auto":
        return wanted
    if not cuda:
        return "fp32"
    if torch.cuda.is_bf16_supported():
        return "bf16"
    return "fp16" if job.weighting.requires == "losses" else "fp32"


def _scheduler(optimizer: torch.optim.Optimizer, job: JobConfig) -> torch.optim.lr_scheduler.LambdaLR:
    warmup, total = job.trainer.warmup_steps, job.trainer.max_steps

    def factor(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        if job.trainer.scheduler == "constant":
            return 1.0
        return max(0.0, (total - step) / max(1, total - warmup))

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)


def _parameter_groups(model: MultiTaskModel, head_lr: float | None) -> list[dict[str, Any]]:
    """One group, or what starts untrained (the heads, a new decoder) in a second one at
    `head_lr` (the scheduler scales both alike). The pretrained part's group stays first: its
    learning rate is the one logged and used by affinity."""
    if head_lr is None:
        return [{"params": list(model.parameters())}]
    new = model.new_parameters()
    ids = {id(p) for p in new}
    return [{"params": [p for p in model.parameters() if id(p) not in ids]}, {"params": new, "lr": head_lr}]


@dataclass
class Training:
    """What one worker trains with. Built the same way for Ray workers and the
    bare benchmark loop, so both run the same model, optimizer and batches."""

    job: JobConfig
    tasks: dict[str, Task]
    data: dict[str, dict[str, datasets.Dataset]]
    tokenizer: PreTrainedTokenizerBase
    collators: dict[str, Any]
    model: MultiTaskModel
    optimizer: torch.optim.Optimizer
    scheduler: torch.optim.lr_scheduler.LambdaLR
    sampler: MultiTaskSampler
    weighting: Weighting
    precision: str  # fp32 | bf16 | fp16, of the forward passes (see resolve_precision)
    scaler: torch.amp.GradScaler  # loss scaling for fp16; a pass-through otherwise
    pad_token_id: int  # for mixed batches, whose tasks' rows are padded to one length
    affinity: AffinityMeter | None  # job.affinity: measured at its steps, on the step's batches

    @classmethod
    def build(
        cls,
        job: JobConfig,
        rank: int = 0,
        world_size: int = 1,
        initial: dict[str, Tensor] | None = None,
        device: torch.device | None = None,
    ) -> Training:
        """`initial`: tensors that replace the model's own at the start (model.init_from).
        `device`: where an fsdp model's shards go (the others are moved by `wrap_model`)."""
        torch.set_num_threads(max(1, int(job.scaling.cpus_per_worker)))
        torch.manual_seed(job.trainer.seed)  # identical initial weights on every worker
        tasks = build_tasks(job)
        data = tokenize_job(job, tasks)
        tokenizer = load_tokenizer(job.model)
        model = build_model(job, tasks)
        for name, task in tasks.items():
            task.prepare(data[name]["train"], model.heads[name])
        if initial is not None:
            model.load_state_dict(initial, strict=False)  # the driver chose tensors this model has (train/initial.py)
        cuda = torch.cuda.is_available()  # Ray hides the GPUs from workers that were given none
        precision = resolve_precision(job, cuda)
        if job.scaling.strategy == "fsdp":  # before the optimizer: its parameters become the shards
            sharding.shard(model, job.scaling.fsdp, precision, device or torch.device("cpu"))
        weighting = build_weighting(job.weighting, job.task_names())
        groups = _parameter_groups(model, job.trainer.head_lr)
        if weighting.parameters():
            groups.append({"params": weighting.parameters(), "weight_decay": 0.0})
        # The fused kernel is ~4x faster than the default on CPU (measured: 0.18 s -> 0.05 s a step on MiniLM).
        optimizer = torch.optim.AdamW(groups, lr=job.trainer.lr, weight_decay=job.trainer.weight_decay, fused=True)
        sizes = {name: len(splits["train"]) for name, splits in data.items()}
        return cls(
            job=job,
            tasks=tasks,
            data=data,
            tokenizer=tokenizer,
            collators={name: task.collator(tokenizer) for name, task in tasks.items()},
            model=model,
            optimizer=optimizer,
            scheduler=_scheduler(optimizer, job),
            sampler=MultiTaskSampler(
                sizes,
                job.trainer.sampling,
                job.trainer.batch_size,
                job.trainer.seed,
                rank,
                world_size,
                total_steps=job.trainer.max_steps,
            ),
            weighting=weighting,
            precision=precision,
            scaler=torch.amp.GradScaler("cuda" if cuda else "cpu", enabled=precision == "fp16"),
            pad_token_id=tokenizer.pad_token_id or 0,
            affinity=AffinityMeter(job.task_names(), job.affinity) if job.affinity and len(tasks) > 1 else None,
        )

    def eval_data(self) -> EvalData:
        return EvalData(
            self.tasks, self.data, self.collators, self.job.trainer.eval_batch_size, self.tokenizer, self.precision
        )

    def next_batches(self, device: torch.device) -> dict[str, dict[str, Tensor]]:
        """This worker's part of the step's global batch of each sampled task, on the device
        (with `mixed`, views of one batch: see data/mixed.py)."""
        parts = {
            task: self.collators[task](select_rows(self.data[task]["train"], indices)) if indices else None
            for task, indices in self.sampler.next().items()
        }
        if self.job.trainer.sampling.mixed:
            return mix(parts, self.tasks, self.pad_token_id, device)
        return {task: {k: v.to(device) for k, v in batch.items()} for task, batch in parts.items() if batch}

    def train_step(self, model: nn.Module, device: torch.device, step: int, world: int = 1) -> StepResult:
        """One optimizer step. `model` is the DDP-wrapped model for loss weightings, the bare one otherwise."""
        batches = self.next_batches(device)
        if self.affinity and self.affinity.due(step):
            self.affinity.measure(self.model, self.tasks, batches, float(self.scheduler.get_last_lr()[0]), world)
        context = Step(step, self.job.trainer.seed, world, autocast(self.precision, device), self.scaler)
        try:
            if isinstance(self.weighting, GradientWeighting):
                result = gradient_weighted_backward(self.model, self.tasks, self.weighting, batches, context)
            else:
                assert isinstance(self.weighting, LossWeighting)  # a method is one of the two kinds
                result = loss_weighted_backward(model, self.tasks, self.weighting, batches, context)
        except NonFiniteLoss:
            self.optimizer.zero_grad(set_to_none=True)
            self.scheduler.step()  # a skipped step still counts, as it does for the sampler
            raise
        if self.job.trainer.grad_clip:
            self.scaler.unscale_(self.optimizer)
            nn.utils.clip_grad_norm_(self.model.parameters(), self.job.trainer.grad_clip)
        self.scaler.step(self.optimizer)  # skipped by the scaler when fp16 gradients overflowed
        self.scaler.update()
        self.scheduler.step()
        self.optimizer.zero_grad(set_to_none=True)
        return result

    @property
    def sharded(self) -> bool:
        return sharding.is_sharded(self.model)

    def state_dict(self, step: int) -> dict[str, Any]:
        """Everything but, under fsdp, the model and optimizer (each worker saves its shards)."""
        whole = {} if self.sharded else {"model": self.model.state_dict(), "optimizer": self.optimizer.state_dict()}
        return whole | {
            "scheduler": self.scheduler.state_dict(),
            "sampler": self.sampler.state_dict(),
            "weighting": self.weighting.state_dict(),
            "scaler": self.scaler.state_dict(),
            "affinity": self.affinity.state_dict() if self.affinity else None,
            "step": step,
        }

    def load_state_dict(self, state: dict[str, Any]) -> int:
        """Restore everything a checkpoint holds; returns the step it was taken at."""
        if not self.sharded:
            self.model.load_state_dict(state["model"])
            self.optimizer.load_state_dict(state["optimizer"])
        self.scheduler.load_state_dict(state["scheduler"])
        self.sampler.load_state_dict(state["sampler"])
        self.weighting.load_state_dict(state["weighting"])
        if state.get("scaler"):
            self.scaler.load_state_dict(state["scaler"])
        if self.affinity and state.get("affinity"):
            self.affinity.load_state_dict(state["affinity"])
        if "rng" in state:
            checkpoint.set_rng_state(state["rng"])
        return int(state["step"])

    def save(self, directory: Path, rank: int, step: int) -> None:
        """This worker's part of a checkpoint (a collective under fsdp)."""
        if self.sharded:
            sharding.save(directory, self.model, self.optimizer)
        checkpoint.save(directory, rank, self.state_dict(step) if rank == 0 else None)

    def restore(self, directory: Path, rank: int) -> int:
        """Continue from a checkpoint; the step it was taken at."""
        if self.sharded:
            sharding.load(directory, self.model, self.optimizer)
        return self.load_state_dict(checkpoint.load(directory, rank))


def wrap_model(training: Training) -> nn.Module:
    """The model on this worker's device; in DDP for loss weightings (an fsdp model is sharded
    already, and reduces its own gradients).

    A step may train one task, so the other heads get no gradient: DDP must
    look for unused parameters instead of waiting for their gradients forever.
    Gradients as bucket views save a copy of every gradient per step. Gradient
    weightings reduce their own gradients (train/step.py), so their model is
    not wrapped.
    """
    if training.sharded:
        return training.model
    return ray.train.torch.prepare_model(
        training.model,
        parallel_strategy="ddp" if training.weighting.requires == "losses" else None,
        parallel_strategy_kwargs={"find_unused_parameters": True, "gradient_as_bucket_view": True},
    )


def _record(window: dict[str, list[float]], result: StepResult) -> None:
    for task, value in result.values.items():
        window[f"train/{task}/loss"].append(value)
        window[f"weights/{task}"].append(result.weights[task])
    for task, norm in result.gradient_norms.items():
        window[f"grad/{task}/norm"].append(norm)
    if result.conflict is not None:
        window["grad/conflict"].append(result.conflict)


@contextlib.contextmanager
def system_metrics(plan: WorkerPlan) -> Iterator[None]:
    """MLflow's monitor of CPU, memory, disk, network (and GPU with nvidia-ml-py), one per node,
    logged as system/node<N>/...; a restarted worker continues its steps.

    The monitor's MLflow calls (one when it starts on a restarted worker, one when it
    finishes) retry for minutes while the server is down, so it starts in the background and
    gets a few seconds to finish: training never waits for it."""
    job, context = plan.job, ray.train.get_context()
    if not job.tracking.system_metrics or context.get_local_rank() != 0:
        yield
        return
    started: list[SystemMetricsMonitor] = []

    def start() -> None:
        monitor = SystemMetricsMonitor(
            plan.run_id,
            sampling_interval=job.tracking.system_metrics_interval,
            resume_logging=resumed,
            node_id=f"node{context.get_node_rank()}",
            tracking_uri=plan.tracking_uri,
        )
        monitor.start()
        started.append(monitor)

    resumed = ray.train.get_checkpoint() is not None or plan.from_checkpoint is not None
    threading.Thread(target=start, name="system-metrics-start", daemon=True).start()
    try:
        yield
    finally:
        for monitor in started:
            closer = threading.Thread(target=monitor.finish, name="system-metrics-finish", daemon=True)
            closer.start()
            closer.join(timeout=SYSTEM_METRICS_CLOSE_SECONDS)


def train_worker(config: dict[str, WorkerPlan]) -> None:
    """Entry point of every Ray Train worker."""
    plan = config["plan"]
    process = f"worker-{ray.train.get_context().get_world_rank()}"
    with run_logs(plan.run_dir, process) as store_log, system_metrics(plan):
        _train(plan, store_log)


def _train(plan: WorkerPlan, store_log: Callable[[], None]) -> None:
    """Build, resume, then step; log every `log_every` steps; evaluate, checkpoint and report every
    `eval_every`. One function on purpose, like nanoGPT's loop: what happens at a step, and in what
    order, reads top to bottom on one screen."""
    job, context = plan.job, ray.train.get_context()
    rank, world = context.get_world_rank(), context.get_world_size()
    device = ray.train.torch.get_device()
    initial = None
    if plan.initial_weights:
        initial = torch.load(io.BytesIO(plan.initial_weights.read_bytes()), map_location="cpu")
    memory.check_worker(job, device, context.get_local_world_size(), resolve_precision(job, device.type == "cuda"))
    training = Training.build(job, rank, world, initial, device)
    model = wrap_model(training)

    start_step = 0
    resumed = ray.train.get_checkpoint()  # this run's own latest, when Ray Train restarts or resumes it
    if resumed is None:
        resumed = plan.from_checkpoint
    if resumed is not None:
        with resumed.as_directory() as directory:
            start_step = training.restore(Path(directory), rank)
        log.info("rank %d resumed from step %d", rank, start_step)

    writer = None
    if rank == 0:
        journal = MetricJournal(plan.run_dir / JOURNAL_DIR)
        writer = MetricWriter(plan.tracking_uri, plan.run_id, journal)
        backend = dist.get_backend() if distributed() else "none"
        where: dict[str, str | int] = {"run/device": device.type, "run/precision": training.precision}
        where |= {"run/backend": backend, "run/strategy": job.scaling.strategy}
        if training.sharded:  # what this worker holds: about 1/N of the parameters
            where["params/local"] = sharding.local_parameter_count(training.model)
        fitted = {k: v for task in training.tasks.values() for k, v in task.logged_params().items()}
        writer.log_params(parameter_counts(training.model) | where | fitted)
    window: dict[str, list[float]] = defaultdict(list)
    main = main_metrics(job)  # for dev/delta_m
    step_seconds: list[float] = []
    skipped = 0
    model.train()
    began_training = time.perf_counter()
    last = plan.stop_at
    for step in range(start_step + 1, last + 1):
        began = time.perf_counter()
        try:
            result = training.train_step(model, device, step, world)
        except NonFiniteLoss as error:
            if job.trainer.nonfinite == "stop":  # every rank stops here: the losses are global
                if rank == 0:
                    (plan.run_dir / STOPPED_FILE).write_text(str(error))
                break
            if rank == 0:
                log.warning("%s; step skipped (trainer.nonfinite: skip)", error)
            skipped += 1
        else:
            step_seconds.append(time.perf_counter() - began)
            _record(window, result)

        if writer and (step % job.trainer.log_every == 0 or step == last):
            means = {k: sum(v) / len(v) for k, v in window.items()}
            scheme = training.model.encoder.metrics()  # e.g. expert load, over rank 0's batches
            extra = {"train/skipped_steps": skipped} if skipped else {}
            writer.add({**means, **scheme, **extra, "train/lr": float(training.scheduler.get_last_lr()[0])}, step)
            writer.flush()
            window.clear()

        if step % job.trainer.eval_every == 0 or step == last:
            with tempfile.TemporaryDirectory() as directory:
                began_evaluation = time.perf_counter()
                with sharding.gathered(training.model, job.scaling.fsdp):
                    evaluation = evaluate(training.model, training.eval_data(), "dev", device)
                    metrics = evaluation.metrics
                    if job.trainer.validation_fraction:  # what selects the checkpoint (see trainer.selected)
                        metrics.update(evaluate(training.model, training.eval_data(), VALIDATION, device).metrics)
                    if rank == 0:
                        if not training.sharded:  # FSDP's state dicts are sharded: LoRA's adapters are in model.pt
                            training.model.encoder.export(Path(directory))
                        Path(directory, DETAILS_FILE).write_text(json.dumps(evaluation.details))
                evaluation_seconds = time.perf_counter() - began_evaluation
                metrics["perf/eval_seconds"] = evaluation_seconds  # decoding, for generation tasks
                # Of the time since the last evaluation: what evaluating every eval_every steps costs.
                metrics["perf/eval_share"] = evaluation_seconds / (evaluation_seconds + sum(step_seconds))
                metrics.update(compare_with_baselines(metrics, plan.baselines or {}, main, job.target))
                # The median resists one-off stalls (evaluation, other processes); the mean does not.
                if step_seconds:
                    metrics["perf/steps_per_sec"] = len(step_seconds) / sum(step_seconds)
                    metrics["perf/median_step_seconds"] = statistics.median(step_seconds)
                metrics["perf/peak_memory_mb"] = peak_memory_mb(device)
                if training.affinity and rank == 0:
                    summary = training.affinity.summary(time.perf_counter() - began_training)
                    (plan.run_dir / AFFINITY_FILE).write_text(json.dumps(summary))
                    if summary["cost_fraction"] is not None:
                        metrics["affinity/cost_fraction"] = summary["cost_fraction"]
                step_seconds.clear()
                if writer:
                    writer.add(metrics, step)
                    writer.flush(durable=True)  # every metric up to this checkpoint is stored before it is reported
                store_log()  # and each worker's log
                training.save(Path(directory), rank, step)
                ray.train.report(
                    {**metrics, "step": step},
                    checkpoint=ray.train.Checkpoint.from_directory(directory),
                )
    if writer:
        writer.close(timeout=10)
