"""Merging a run's per-task LoRA adapters into one multi-task model, as a method of its own.

peft's `add_weighted_adapter` merges the adapters (linear, TIES, DARE, ...); the merged
model is scored on every task, and each merge is an MLflow run in the source run's
experiment that `mtl report` shows beside the jointly trained and single-task rows. With a
search, Ray Tune samples merges: a trial only merges and scores (no training), chosen on the
`validation` split the source run carved from train and never trained on; dev is reported.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from mlflow.entities import Run
from mlflow.tracking import MlflowClient
from ray import tune
from ray.tune.search.basic_variant import BasicVariantGenerator
from ray.tune.search.optuna import OptunaSearch

from mtl_platform.config import ConfigError, JobConfig
from mtl_platform.config.merge import PRUNING_MERGES, MajoritySign, MergeConfig, MergeMethod, Range
from mtl_platform.data.splits import VALIDATION
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.models.evaluation import EvalData, evaluate
from mtl_platform.models.sharing.lora import MERGED, LoRASharing
from mtl_platform.serving.model import Predictor, load_logged, scoring_job
from mtl_platform.tasks import build_tasks
from mtl_platform.tracking.describe import MERGE_TAG
from mtl_platform.tracking.mlflow_store import create_run, log_metrics, log_params, set_tags
from mtl_platform.train.resources import ensure_ray
from mtl_platform.tune.sweep import TRIAL_TAG

SOURCE_TAG = "mtl.merged_from"
OBJECTIVE = f"{VALIDATION}/mean"
COPIED_TAGS = ("mtl.job", "mtl.tasks", "mtl.backbone", "mtl.sharing")


@dataclass
class Point:
    """One merge: what peft is asked."""

    method: MergeMethod
    weights: dict[str, float]
    density: float | None
    majority_sign: MajoritySign

    def params(self) -> dict[str, Any]:
        weights = {f"merge.weights.{t}": w for t, w in self.weights.items()}
        return {"merge.method": self.method, "merge.density": self.density, **weights}


@dataclass
class MergeResult:
    point: Point
    metrics: dict[str, float]
    run_id: str


@dataclass
class Source:
    """A LoRA run's model, its MLflow run, and the splits its merges are scored on."""

    run: Run
    experiment: str
    predictor: Predictor
    data: EvalData
    splits: tuple[str, ...]

    def tags(self) -> dict[str, str]:
        """What a merge's runs take from the source run's tags, and the run itself."""
        copied = {k: v for k, v in self.run.data.tags.items() if k in COPIED_TAGS}
        return {**copied, SOURCE_TAG: self.run.info.run_id}

    @property
    def encoder(self) -> LoRASharing:
        return self.predictor.model.encoder  # type: ignore[return-value]  # load_source checked it is LoRA


def check_mergeable(job: JobConfig, config: MergeConfig, uri: str) -> None:
    """What the merge asks of the run that trained `uri`, checked before anything merges."""
    if job.model.sharing.scheme != "lora":
        raise ConfigError(
            f"{uri}: model.sharing.scheme is {job.model.sharing.scheme}: merging needs per-task adapters "
            "(train with model.sharing: lora)"
        )
    tasks = job.task_names()
    unknown = sorted(set(config.weights) - set(tasks))
    if unknown:
        raise ConfigError(f"weights: {unknown} are not tasks of {uri} (its tasks: {', '.join(tasks)})")
    if config.search and not job.trainer.validation_fraction:
        raise ConfigError(
            f"search: {uri} was trained without trainer.validation_fraction, so it has no held-out split to "
            "choose merges on (its train rows were all trained on, and choosing on dev would overstate dev); "
            "retrain with trainer.validation_fraction, or merge without a search"
        )


def load_source(client: MlflowClient, model: str, config: MergeConfig) -> Source:
    """The logged model of a LoRA run and its scoring data."""
    predictor, uri, run_id = load_logged(client, model)
    job = scoring_job(predictor, uri, [])
    check_mergeable(job, config, uri)
    if run_id is None:
        raise ConfigError(f"{uri}: no MLflow run logged this model, so a merge has no experiment to go to")
    tasks = build_tasks(job)
    collators = {name: task.collator(predictor.tokenizer) for name, task in tasks.items()}
    data = EvalData(tasks, tokenize_job(job, tasks), collators, job.trainer.eval_batch_size, predictor.tokenizer)
    splits = (VALIDATION, "dev") if job.trainer.validation_fraction else ("dev",)
    run = client.get_run(run_id)
    return Source(run, client.get_experiment(run.info.experiment_id).name, predictor, data, splits)


def point_of(config: MergeConfig, tasks: list[str], sampled: dict[str, Any]) -> Point:
    """The merge the config asks for, with a trial's sampled values in place."""
    weights = {t: float(sampled.get(f"weights.{t}", config.weights.get(t, 1.0))) for t in tasks}
    method = sampled.get("method", config.method)
    density = sampled.get("density", config.density) if method in PRUNING_MERGES else None
    return Point(method, weights, density, config.majority_sign)


def score(source: Source, point: Point) -> dict[str, float]:
    source.encoder.merge(point.weights, point.method, point.density, point.majority_sign)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = source.predictor.model.to(device)
    metrics: dict[str, float] = {}
    for split in source.splits:
        metrics |= evaluate(model, source.data, split, device).metrics
    return metrics


def log_merge(
    client: MlflowClient, source: Source, result: MergeResult, name: str, tags: dict[str, str], parent: str | None
) -> str:
    """A merge's MLflow run: the source run's params and tags, the merge's, its scores and the
    merged adapter in peft's format (adapters/merged)."""
    tags = {**source.tags(), MERGE_TAG: result.point.method, **tags}
    run_id = create_run(client, source.experiment, name, tags=tags, parent_run_id=parent)
    log_params(client, run_id, source.run.data.params | result.point.params())
    log_metrics(client, run_id, result.metrics, step=0)
    with tempfile.TemporaryDirectory() as directory:
        source.encoder.save_adapters(Path(directory), [MERGED])
        client.log_artifacts(run_id, directory, "adapters")
    client.set_terminated(run_id, "FINISHED")
    return run_id


def _domain(bounds: Range) -> Any:
    return tune.loguniform(bounds.low, bounds.high) if bounds.log else tune.uniform(bounds.low, bounds.high)


def search_space(config: MergeConfig, tasks: list[str]) -> dict[str, Any]:
    search = config.search
    assert search is not None  # only searches have a space
    space: dict[str, Any] = {}
    if search.methods:
        space["method"] = tune.choice(search.methods)
    if search.weights:
        space.update({f"weights.{t}": _domain(search.weights) for t in tasks})
    if search.density:
        space["density"] = _domain(search.density)
    return space


def _run_name(source: Source) -> str:
    return f"merge-{source.run.info.run_name}"


def _trial(sampled: dict[str, Any], config: dict[str, Any], source: Source, parent: str, uri: str) -> None:
    trial_id = tune.get_context().get_trial_id()
    point = point_of(MergeConfig.model_validate(config), list(source.data.tasks), sampled)
    result = MergeResult(point, score(source, point), "")
    name = f"{_run_name(source)}-{trial_id}"
    result.run_id = log_merge(MlflowClient(uri), source, result, name, {TRIAL_TAG: trial_id}, parent)
    tune.report({**result.metrics, "run_id": result.run_id})


def _search(client: MlflowClient, source: Source, config: MergeConfig) -> list[MergeResult]:
    """Every trial's merge and scores; the best on validation is tagged mtl.best."""
    search = config.search
    assert search is not None
    tasks = list(source.data.tasks)
    tags = {**source.tags(), "mtl.sweep": config.name}
    parent = create_run(client, source.experiment, f"{_run_name(source)}-search", tags=tags)
    log_params(client, parent, {"merge.search": search.model_dump_json()})
    ensure_ray()
    algorithm = (
        OptunaSearch(seed=search.seed)
        if search.search_alg == "optuna"
        else BasicVariantGenerator(random_state=search.seed)
    )
    try:
        grid = tune.Tuner(
            tune.with_parameters(
                _trial, config=config.model_dump(mode="json"), source=source, parent=parent, uri=client.tracking_uri
            ),
            param_space=search_space(config, tasks),
            tune_config=tune.TuneConfig(
                metric=OBJECTIVE,
                mode="max",
                num_samples=search.num_samples,
                search_alg=algorithm,
                reuse_actors=True,  # a trial merges and scores in seconds: starting its process took longer
            ),
            run_config=tune.RunConfig(
                name=f"{config.name}-{parent[:8]}",
                storage_path=str(source.predictor.job.trainer.storage_path),
                verbose=0,
            ),
        ).fit()
        results = [
            MergeResult(
                point_of(config, tasks, r.config or {}),
                {k: float(v) for k, v in r.metrics.items() if "/" in k},
                str(r.metrics["run_id"]),
            )
            for r in (grid[i] for i in range(len(grid)))
            if r.metrics and OBJECTIVE in r.metrics
        ]
        if not results:
            raise RuntimeError(f"no merge trial reported {OBJECTIVE}; see the trial errors above")
        best = max(results, key=lambda r: r.metrics[OBJECTIVE])
        set_tags(client, best.run_id, {"mtl.best": "true"})
        log_params(client, parent, {f"best.{k}": v for k, v in best.point.params().items()})
        log_metrics(client, parent, {f"best/{k}": v for k, v in best.metrics.items()}, step=0)
    except BaseException:
        client.set_terminated(parent, status="FAILED")
        raise
    client.set_terminated(parent, status="FINISHED")
    return sorted(results, key=lambda r: -r.metrics[OBJECTIVE])


def run_merge(client: MlflowClient, model: str, config: MergeConfig) -> list[MergeResult]:
    """The merge (or, with a search, every trial's, best first), each logged as an MLflow run."""
    source = load_source(client, model, config)
    if config.search:
        return _search(client, source, config)
    point = point_of(config, list(source.data.tasks), {})
    result = MergeResult(point, score(source, point), "")
    result.run_id = log_merge(client, source, result, _run_name(source), {}, None)
    return [result]
