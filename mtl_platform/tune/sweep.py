"""A Ray Tune sweep whose trials are Ray Train jobs.

One parent MLflow run for the sweep, one nested run per trial. Each trial's
driver holds no CPU: it only waits on its TorchTrainer, and any CPU it held
(even 0.01) would be missing when its workers ask for all of a small
machine's CPUs, and the trial would wait forever.
"""

from __future__ import annotations

import csv
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlflow.tracking import MlflowClient
from ray import tune
from ray.tune.integration.ray_train import TuneReportCallback
from ray.tune.search.basic_variant import BasicVariantGenerator
from ray.tune.search.optuna import OptunaSearch

from mtl_platform.config import JobConfig, SearchParam, SweepConfig
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.tasks import build_tasks
from mtl_platform.tracking.mlflow_store import MetricWriter, create_run, flatten, log_params, set_tags, tracking_uri
from mtl_platform.train.trainer import ensure_ray, new_run_name, run_job
from mtl_platform.tune.space import job_for_point, param_space, sampled_values

log = logging.getLogger(__name__)
TRIAL_TAG = "mtl.trial_id"
# Ray refuses an empty resource request, so the driver asks for one byte of memory and no CPU.
TRIAL_DRIVER_RESOURCES = {"cpu": 0, "memory": 1}


@dataclass
class TrialSummary:
    trial_id: str
    params: dict[str, Any]
    metrics: dict[str, float]
    run_id: str | None


@dataclass
class SweepSummary:
    parent_run_id: str
    tracking_uri: str
    trials: list[TrialSummary]
    best: TrialSummary


def _trial(
    point: dict[str, Any], base_job: dict[str, Any], search: dict[str, Any], parent_run_id: str, sweep_run: str
) -> None:
    """One trial: the sampled job, trained on Ray Train, reporting to Tune."""
    trial_id = tune.get_context().get_trial_id()
    space = {k: SearchParam.model_validate(v) for k, v in search.items()}
    job = JobConfig.model_validate(job_for_point(base_job, point, space))
    run_job(
        job,
        run_name=f"{sweep_run}-{trial_id}",
        parent_run_id=parent_run_id,
        tags={TRIAL_TAG: trial_id},
        callbacks=[TuneReportCallback()],
    )


def _search_alg(sweep: SweepConfig) -> Any:
    if sweep.tune.search_alg == "optuna":
        return OptunaSearch(seed=sweep.tune.seed)
    # Tune applies max_concurrent_trials to a generator only when it builds it itself.
    return BasicVariantGenerator(random_state=sweep.tune.seed, max_concurrent=sweep.tune.max_concurrent_trials)


def _log_summary(
    client: MlflowClient, parent: str, trials: list[TrialSummary], best: TrialSummary, metric: str
) -> None:
    if best.run_id:
        set_tags(client, best.run_id, {"mtl.best": "true"})
    log_params(client, parent, {f"best.{k}": v for k, v in best.params.items()})
    writer = MetricWriter(client.tracking_uri, parent)
    writer.add({f"best/{k}": v for k, v in best.metrics.items() if k.startswith("dev/")}, step=0)
    writer.wait()
    keys = sorted({k for t in trials for k in t.params}) + sorted(
        {k for t in trials for k in t.metrics if k.startswith("dev/")}
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "trials.csv"
        with path.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["trial_id", "run_id", "best", *keys])
            for t in sorted(trials, key=lambda t: t.metrics.get(metric, float("nan")), reverse=True):
                values = {**t.params, **t.metrics}
                writer.writerow([t.trial_id, t.run_id, t is best, *(values.get(k, "") for k in keys)])
        client.log_artifact(parent, str(path))


def run_sweep(sweep: SweepConfig) -> SweepSummary:
    uri = tracking_uri(sweep.job.tracking.uri)
    client = MlflowClient(uri)
    sweep_run = new_run_name(sweep.name)
    parent = create_run(client, sweep.job.tracking.experiment, sweep_run, tags={"mtl.sweep": sweep.name})
    log_params(client, parent, flatten(sweep.model_dump(mode="json", exclude={"job"})))
    tokenize_job(sweep.job, build_tasks(sweep.job))  # tokenize once, before trials start

    ensure_ray()
    trainable = tune.with_parameters(
        _trial,
        base_job=sweep.job.model_dump(mode="json"),
        search={k: v.model_dump() for k, v in sweep.search.items()},
        parent_run_id=parent,
        sweep_run=sweep_run,
    )
    tuner = tune.Tuner(
        tune.with_resources(trainable, TRIAL_DRIVER_RESOURCES),
        param_space=param_space(sweep),
        tune_config=tune.TuneConfig(
            metric=sweep.tune.metric,
            mode=sweep.tune.mode,
            num_samples=sweep.tune.num_samples,
            max_concurrent_trials=sweep.tune.max_concurrent_trials,
            search_alg=_search_alg(sweep),
        ),
        run_config=tune.RunConfig(name=sweep_run, storage_path=str(sweep.job.trainer.storage_path)),
    )
    try:
        grid = tuner.fit()
        runs = client.search_runs([client.get_run(parent).info.experiment_id], f"tags.mlflow.parentRunId = '{parent}'")
        run_ids = {r.data.tags.get(TRIAL_TAG): r.info.run_id for r in runs}
        trials = [
            TrialSummary(
                trial_id=r.metrics["trial_id"],
                params=sampled_values(r.config, sweep.search),
                metrics={k: float(v) for k, v in r.metrics.items() if isinstance(v, (int, float)) and "/" in k},
                run_id=run_ids.get(r.metrics["trial_id"]),
            )
            for r in grid
            if r.metrics and sweep.tune.metric in r.metrics
        ]
        if not trials:
            raise RuntimeError(f"no trial reported {sweep.tune.metric}; see the trial errors above")
        best_id = grid.get_best_result().metrics["trial_id"]
        best = next(t for t in trials if t.trial_id == best_id)
        _log_summary(client, parent, trials, best, sweep.tune.metric)
    except BaseException:
        client.set_terminated(parent, status="FAILED")
        raise
    client.set_terminated(parent, status="FINISHED")
    return SweepSummary(parent, uri, trials, best)
