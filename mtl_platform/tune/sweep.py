"""A Ray Tune sweep whose trials are Ray Train jobs.

One parent MLflow run for the sweep, one nested run per trial. Each trial's
driver holds no CPU: it only waits on its TorchTrainer, and any CPU it held
(even 0.01) would be missing when its workers ask for all of a small
machine's CPUs, and the trial would wait forever.

Resume: the sweep's directory holds its parent run id; `Tuner.restore`
reruns only unfinished trials, and a restarted trial continues its own Ray
Train run (and so its MLflow run) from its last checkpoint.

PBT: a trial trains in segments of `perturbation_interval` steps, each a Ray
Train run started from the previous segment's checkpoint, or from the better
trial's checkpoint that PBT hands it with perturbed weights, all logged into
the trial's one MLflow run.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlflow.tracking import MlflowClient
from ray import tune
from ray.train import Checkpoint
from ray.tune.schedulers import ASHAScheduler, FIFOScheduler, PopulationBasedTraining, TrialScheduler
from ray.tune.search.basic_variant import BasicVariantGenerator
from ray.tune.search.optuna import OptunaSearch

from mtl_platform.config import JobConfig
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.tasks import build_tasks
from mtl_platform.tracking import describe
from mtl_platform.tracking.mlflow_store import check_reachable, create_run, flatten, log_params, tracking_uri
from mtl_platform.tracking.run_directory import RUN_INFO, STEP_FILE, SWEEP_INFO
from mtl_platform.tracking.run_logs import console_is_quiet
from mtl_platform.tracking.storage import Location
from mtl_platform.train.resources import check_capacity, check_storage, ensure_ray, use_gpu
from mtl_platform.train.trainer import latest_run_name, new_run_name, run_job
from mtl_platform.tune.callbacks import IntermediateReports
from mtl_platform.tune.config import SweepConfig
from mtl_platform.tune.progress import SweepProgress
from mtl_platform.tune.results import TrialSummary, log_sweep_results, pareto_front
from mtl_platform.tune.space import SIMPLEX_KEY, SIMPLEX_PREFIX, domain, job_for_point, param_space, sampled_values

log = logging.getLogger(__name__)
TRIAL_TAG = "mtl.trial_id"
# Ray refuses an empty resource request, so the driver asks for one byte of memory and no CPU.
TRIAL_DRIVER_RESOURCES: dict[str, float] = {"cpu": 0, "memory": 1}


@dataclass
class SweepSummary:
    parent_run_id: str
    tracking_uri: str
    trials: list[TrialSummary]
    best: TrialSummary


def _trial(
    point: dict[str, Any], sweep: dict[str, Any], parent_run_id: str, sweep_run: str, source_tags: dict[str, str]
) -> None:
    """One trial: the sampled job, trained on Ray Train, reporting to Tune. `source_tags` are the
    sweep driver's (git commit, Ray job): a trial runs in a Ray worker, far from the repository."""
    config = SweepConfig.model_validate(sweep)
    trial_id = tune.get_context().get_trial_id()
    job = JobConfig.model_validate(job_for_point(config.job.model_dump(mode="json"), point, config.search))
    run_name = f"{sweep_run}-{trial_id}"
    tags = {**source_tags, TRIAL_TAG: trial_id}
    if config.tune.scheduler.type == "pbt":
        _pbt_trial(job, config.tune.scheduler.perturbation_interval, run_name, parent_run_id, tags)
        return
    info = Location.of(job.trainer.storage_path) / run_name / RUN_INFO
    if info.exists():  # restarted after the driver died: finished already, or resumes from its checkpoint
        client = MlflowClient(tracking_uri(job.tracking.uri))
        run = client.get_run(json.loads(info.read_text())["mlflow_run_id"])
        if run.info.status == "FINISHED":
            history = client.get_metric_history(run.info.run_id, "dev/mean")
            tune.report({**run.data.metrics, "step": max(m.step for m in history)})
            return
    result = run_job(
        job,
        resume=info.exists(),
        run_name=run_name,
        parent_run_id=parent_run_id,
        tags=tags,
        callbacks=[IntermediateReports(job.trainer.max_steps)],
    )
    tune.report(result.metrics)  # the last one: only now, with the run complete and its model logged


def _pbt_trial(job: JobConfig, interval: int, run_name: str, parent_run_id: str, tags: dict[str, str]) -> None:
    """Train segment by segment, reporting each segment's end to Tune with its checkpoint."""
    info = Location.of(job.trainer.storage_path) / run_name / RUN_INFO
    mlflow_run_id = json.loads(info.read_text())["mlflow_run_id"] if info.exists() else None
    start = tune.get_checkpoint()  # this trial's last segment, or the better trial PBT copies
    step = 0
    if start:  # one small file: not the whole checkpoint copied here to read it
        assert start.filesystem is not None  # Ray gives a checkpoint its filesystem
        with start.filesystem.open_input_stream(f"{start.path}/{STEP_FILE}") as stream:
            step = json.loads(stream.read())["step"]
    checkpoint = Checkpoint(start.path, start.filesystem) if start else None
    while step < job.trainer.max_steps:
        end = min(job.trainer.max_steps, (step // interval + 1) * interval)
        result = run_job(
            job,
            run_name=f"{run_name}-{end}" if mlflow_run_id else run_name,
            parent_run_id=parent_run_id,
            tags=tags,
            stop_at=end,
            from_checkpoint=checkpoint,
            mlflow_run_id=mlflow_run_id,
        )
        mlflow_run_id, checkpoint, step = result.run_id, result.checkpoint, end
        # A segment that reached its stop step checkpointed there (Ray gives a checkpoint its filesystem).
        assert checkpoint is not None and checkpoint.filesystem is not None
        with checkpoint.filesystem.open_output_stream(f"{checkpoint.path}/{STEP_FILE}") as stream:
            stream.write(json.dumps({"step": step}).encode())
        tune.report(result.metrics, checkpoint=tune.Checkpoint(checkpoint.path, checkpoint.filesystem))


def _search_alg(sweep: SweepConfig) -> Any:
    if sweep.tune.search_alg == "optuna":
        objectives = sweep.tune.objectives
        if objectives:
            return OptunaSearch(
                metric=[o.metric for o in objectives], mode=[o.mode for o in objectives], seed=sweep.tune.seed
            )
        return OptunaSearch(seed=sweep.tune.seed)
    # Tune applies max_concurrent_trials to a generator only when it builds it itself.
    return BasicVariantGenerator(random_state=sweep.tune.seed, max_concurrent=sweep.tune.max_concurrent_trials)


def _scheduler(sweep: SweepConfig) -> TrialScheduler:
    scheduler, trainer = sweep.tune.scheduler, sweep.job.trainer
    if scheduler.type == "asha":
        return ASHAScheduler(
            time_attr="step",
            max_t=trainer.max_steps,
            grace_period=scheduler.grace_period,
            reduction_factor=scheduler.reduction_factor,
        )
    if scheduler.type == "pbt":
        mutations: dict[str, Any] = {}
        for key in scheduler.mutations:
            if key == SIMPLEX_KEY:  # weights move on the simplex through their uniforms
                mutations.update({f"{SIMPLEX_PREFIX}{t}": tune.uniform(0.0, 1.0) for t in sweep.job.task_names()})
            else:
                mutations[key] = domain(sweep.search[key])
        bounds = {
            key: (0.0, 1.0 - 1e-9)
            if key.startswith(SIMPLEX_PREFIX)
            else (sweep.search[key].low, sweep.search[key].high)
            for key in mutations
            if key.startswith(SIMPLEX_PREFIX) or sweep.search[key].low is not None
        }

        def within_bounds(config: dict[str, Any]) -> dict[str, Any]:
            """PBT perturbs a value by x0.8 or x1.2; keep it in its searched range (a uniform for
            simplex weights must stay below 1)."""
            for key, (low, high) in bounds.items():
                config[key] = min(max(config[key], low), high)
            return config

        return PopulationBasedTraining(
            time_attr="step",
            perturbation_interval=scheduler.perturbation_interval,
            hyperparam_mutations=mutations,
            quantile_fraction=scheduler.quantile_fraction,
            custom_explore_fn=within_bounds,
        )
    return FIFOScheduler()


def _open_parent(
    client: MlflowClient, sweep: SweepConfig, resume: bool, source_tags: dict[str, str]
) -> tuple[str, str]:
    """The sweep's run name and parent MLflow run: new, or the latest one's for --resume."""
    storage = Location.of(sweep.job.trainer.storage_path)
    if resume:
        sweep_run = latest_run_name(storage, sweep.name, SWEEP_INFO)
        parent = json.loads((storage / sweep_run / SWEEP_INFO).read_text())["parent_run_id"]
        client.update_run(parent, status="RUNNING")
        return sweep_run, parent
    sweep_run = new_run_name(sweep.name)
    tags = {
        "mtl.sweep": sweep.name,
        "mtl.job": sweep.job.name,
        "mtl.tasks": ",".join(sweep.job.task_names()),
        "mlflow.note.content": sweep.description or sweep.job.description,
        **source_tags,
    }
    name = f"mtl-sweep-{sweep.name}-{sweep_run.rsplit('-', 1)[-1]}"
    parent = create_run(client, sweep.job.tracking.experiment, name, tags=tags)
    log_params(client, parent, flatten(sweep.model_dump(mode="json", exclude={"job"})))
    (storage / sweep_run / SWEEP_INFO).write_text(json.dumps({"parent_run_id": parent}))
    return sweep_run, parent


def _summaries(client: MlflowClient, parent: str, sweep: SweepConfig, grid: tune.ResultGrid) -> list[TrialSummary]:
    """One summary per trial that reached the metric. Metrics come from its MLflow run, which
    holds them even when Tune's own record of a trial was cut short by a killed driver."""
    runs = client.search_runs([client.get_run(parent).info.experiment_id], f"tags.mlflow.parentRunId = '{parent}'")
    by_trial = {r.data.tags.get(TRIAL_TAG): r for r in runs}
    trials = []
    for result in (grid[i] for i in range(len(grid))):
        trial_id = Path(result.path).name  # trial directories are named by trial id (see run_sweep)
        run = by_trial.get(trial_id)
        reported, point = result.metrics or {}, result.config or {}
        metrics = {k: float(v) for k, v in (run.data.metrics if run else reported).items() if "/" in k}
        if sweep.tune.metric not in metrics:
            continue
        history = client.get_metric_history(run.info.run_id, sweep.tune.metric) if run else []
        step = max((m.step for m in history), default=int(reported.get("step", 0)))
        if run and run.info.status != "FINISHED" and result.error is None and step < sweep.job.trainer.max_steps:
            # A scheduler stopped it: its run was cut off (or saw the stop as a failure).
            client.set_terminated(run.info.run_id, status="KILLED")
            client.set_tag(run.info.run_id, "mtl.stopped_early", "true")
        trials.append(
            TrialSummary(
                trial_id=trial_id,
                point=point,
                params=sampled_values(point, sweep.search),
                metrics=metrics,
                run_id=run.info.run_id if run else None,
                step=step,
            )
        )
    return trials


def _pinned(sweep: SweepConfig, uri: str) -> dict[str, Any]:
    """The sweep for its trials, with the driver's tracking URI written in: a trial runs in its own
    working directory, where the default store (./mlruns) would be a different one."""
    data = sweep.model_dump(mode="json")
    data["job"]["tracking"]["uri"] = uri
    return data


def run_sweep(sweep: SweepConfig, resume: bool = False) -> SweepSummary:
    client = MlflowClient(uri := tracking_uri(sweep.job.tracking.uri))
    check_reachable(uri)
    check_storage(Location.of(sweep.job.trainer.storage_path))
    tokenize_job(sweep.job, build_tasks(sweep.job))  # once, before trials start (and before Ray: see run_job)
    ensure_ray()
    check_capacity(sweep.job, use_gpu(sweep.job))
    source_tags = describe.source_tags()  # the driver's: trials run in Ray workers, away from the repository
    sweep_run, parent = _open_parent(client, sweep, resume, source_tags)

    trainable = tune.with_resources(
        tune.with_parameters(
            _trial,
            sweep=_pinned(sweep, uri),
            parent_run_id=parent,
            sweep_run=sweep_run,
            source_tags=source_tags,
        ),
        TRIAL_DRIVER_RESOURCES,
    )
    storage = sweep.job.trainer.storage_path
    multi = sweep.tune.objectives is not None
    try:
        if resume:
            tuner = tune.Tuner.restore(f"{storage}/{sweep_run}", trainable, resume_unfinished=True, resume_errored=True)
        else:
            tuner = tune.Tuner(
                trainable,
                param_space=param_space(sweep),
                tune_config=tune.TuneConfig(
                    # A multi-objective searcher carries its own metrics; Tune then takes none.
                    metric=None if multi else sweep.tune.metric,
                    mode=None if multi else sweep.tune.mode,
                    num_samples=sweep.tune.num_samples,
                    max_concurrent_trials=sweep.tune.max_concurrent_trials,
                    search_alg=_search_alg(sweep),
                    scheduler=_scheduler(sweep),
                    trial_dirname_creator=lambda trial: trial.trial_id,
                ),
                run_config=tune.RunConfig(
                    name=sweep_run,
                    storage_path=str(storage),
                    callbacks=[SweepProgress(sweep.tune.metric, sweep.tune.mode, sweep.tune.num_samples)],
                    # A quiet console shows SweepProgress's lines only; Tune's status table with -v.
                    verbose=0 if console_is_quiet() else None,
                ),
            )
        grid = tuner.fit()
        trials = _summaries(client, parent, sweep, grid)
        if not trials:
            raise RuntimeError(f"no trial reported {sweep.tune.metric}; see the trial errors above")
        for trial in pareto_front(trials, sweep.tune.objectives or []) if multi else []:
            trial.pareto = True
        sign = 1 if sweep.tune.mode == "max" else -1
        best = max(trials, key=lambda t: sign * t.metrics[sweep.tune.metric])
        log_sweep_results(client, parent, sweep, trials, best)
    except BaseException:
        client.set_terminated(parent, status="FAILED")
        raise
    client.set_terminated(parent, status="FINISHED")
    return SweepSummary(parent, uri, trials, best)
