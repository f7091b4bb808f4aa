"""A run's model in MLflow: an MLflow pyfunc that takes texts and returns every task's prediction.

The logged model holds the trained weights, the job and the backbone's
tokenizer and config (not its pretrained weights: the trained ones replace
them), so it loads wherever `mtl_platform` is installed, without the training
data or the hub. Written by hand because neither `mlflow.transformers` nor
`mlflow.pytorch` knows a backbone with one head per task.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mlflow
import pandas as pd
import torch
from mlflow.exceptions import MlflowException
from mlflow.models import infer_signature
from mlflow.pyfunc.model import PythonModel
from mlflow.tracking import MlflowClient
from transformers import PreTrainedTokenizerBase

from mtl_platform.config import ConfigError, JobConfig, TaskConfig, apply_overrides, read_yaml, validate_job
from mtl_platform.data.raw import read_splits
from mtl_platform.data.tokenize import tokenize_task
from mtl_platform.models.backbones import backbone_config
from mtl_platform.models.evaluation import EvalData, evaluate
from mtl_platform.models.multitask import MultiTaskModel, build_model
from mtl_platform.tasks import Task, build_tasks
from mtl_platform.tasks.tokenizers import load_target_tokenizer, load_tokenizer
from mtl_platform.tracking.redact import redact_text

log = logging.getLogger(__name__)
ARTIFACT_PATH = "model"
BATCH_SIZE = 64
TARGET_TOKENIZER_DIR = "target_tokenizer"  # in the backbone's directory: a seq2seq model's targets' vocabulary


class Predictor:
    """A trained multi-task model with its tokenizer: raw texts in, readable predictions out."""

    def __init__(
        self, job: JobConfig, model: MultiTaskModel, tasks: dict[str, Task], tokenizer: PreTrainedTokenizerBase
    ):
        self.job, self.model, self.tasks, self.tokenizer = job, model.eval(), tasks, tokenizer
        self.collators = {name: task.collator(tokenizer) for name, task in tasks.items()}

    @classmethod
    def load(cls, job_file: Path, weights_file: Path, backbone_dir: Path) -> Predictor:
        data = read_yaml(job_file)
        model = data.get("model", {})
        # The backbone's directory holds its whole config, a decoder's included, and its tokenizers.
        files = {"name_or_path": str(backbone_dir), "tokenizer": str(backbone_dir), "decoder": None}
        if model.get("target_tokenizer"):
            files["target_tokenizer"] = str(backbone_dir / TARGET_TOKENIZER_DIR)
        data["model"] = {**model, **files}
        job = validate_job(data, job_file.parent, str(job_file), check_files=False)
        tasks = build_tasks(job)
        model = build_model(job, tasks, pretrained=False)
        model.load_state_dict(torch.load(weights_file, map_location="cpu"))
        return cls(job, model, tasks, load_tokenizer(job.model))

    @torch.no_grad()
    def predict(self, texts: list[str], pairs: list[str | None]) -> dict[str, list[Any]]:
        """Every task's prediction for each text; None where a text-pair task was given no pair.
        Token tasks tag the whitespace-separated words (those within model.max_length tokens)."""
        predictions: dict[str, list[Any]] = {}
        for name, task in self.tasks.items():
            needs_pair = task.config.data.text_pair_column is not None
            rows = [i for i, pair in enumerate(pairs) if pair or not needs_pair]
            results: list[Any] = [None] * len(texts)
            for start in range(0, len(rows), BATCH_SIZE):
                chosen = rows[start : start + BATCH_SIZE]
                chosen_pairs = [pairs[i] if needs_pair else None for i in chosen]
                encoded = task.encode(task.inference_rows([texts[i] for i in chosen], chosen_pairs), self.tokenizer)
                batch_rows = [dict(zip(encoded, values)) for values in zip(*encoded.values())]
                batch = self.collators[name](batch_rows)
                for i, prediction in zip(chosen, task.score(self.model, batch, batch_rows, self.tokenizer)[0]):
                    results[i] = task.readable(prediction)
            predictions[name] = results
        return predictions


class MultiTaskPyfunc(PythonModel):
    """Input: a `text` column and an optional `text_pair` column. Output: one column per task."""

    def load_context(self, context: Any) -> None:
        artifacts = {k: Path(v) for k, v in context.artifacts.items()}
        self.predictor = Predictor.load(artifacts["job"], artifacts["weights"], artifacts["backbone"])

    def predict(self, context: Any, model_input: pd.DataFrame, params: dict[str, Any] | None = None) -> pd.DataFrame:
        return predict_frame(self.predictor, model_input)


def predict_frame(predictor: Predictor, frame: pd.DataFrame) -> pd.DataFrame:
    texts = [str(t) for t in frame["text"]]
    raw_pairs = frame["text_pair"] if "text_pair" in frame else [None] * len(texts)
    pairs = [p if isinstance(p, str) and p else None for p in raw_pairs]  # missing cells arrive as NaN
    return pd.DataFrame(predictor.predict(texts, pairs))


def save_backbone_files(job: JobConfig, directory: Path) -> Path:
    """The tokenizers, and a transformer's config: what rebuilds the backbone without its hub weights."""
    load_tokenizer(job.model).save_pretrained(directory)
    if job.model.target_tokenizer:
        load_target_tokenizer(job.model).save_pretrained(directory / TARGET_TOKENIZER_DIR)
    if job.model.backbone != "bilstm":
        backbone_config(job.model).save_pretrained(directory)
    return directory


def save_adapters(job: JobConfig, job_file: Path, weights_file: Path, directory: Path) -> None:
    """A LoRA model's per-task adapters in peft's format, from its weights file: under fsdp, the
    workers' state dicts are sharded, so only the consolidated model holds them whole."""
    with tempfile.TemporaryDirectory() as scratch:
        predictor = Predictor.load(job_file, weights_file, save_backbone_files(job, Path(scratch)))
    predictor.model.encoder.export(directory)


def _first_rows(task: TaskConfig, cache_dir: Path) -> list[dict[str, Any]]:
    try:
        for split in ("dev", "train"):
            if rows := read_splits(task, cache_dir, (split,)).get(split):
                return rows.select(range(1)).to_list()
        return []
    except (OSError, ValueError) as exc:  # data moved since training, or a hub dataset offline
        log.info("no example text from %s: %s", task.name, exc)
        return []


def input_example(job: JobConfig) -> pd.DataFrame:
    """Two real dev (or train) texts: one alone, one with a pair when a task reads pairs."""
    texts: list[str] = []
    pair: tuple[str, str] | None = None
    for task in job.tasks:
        for row in _first_rows(task, job.trainer.cache_dir):
            text = row.get("text") or " ".join(row.get("tokens", []))
            if row.get("text_pair") and pair is None:
                pair = (text, row["text_pair"])
            elif text and not texts:
                texts.append(text)
    texts = texts or ["An example sentence ."]
    frame: dict[str, list[str | None]] = {"text": list(texts), "text_pair": [None] * len(texts)}
    if pair:
        frame["text"].append(pair[0])
        frame["text_pair"].append(pair[1])
    return pd.DataFrame(frame)


def _requirements() -> list[str]:
    names = ("mtl-platform", "torch", "transformers", "mlflow", "pandas")
    return [f"{name}=={importlib.metadata.version(name)}" for name in names]


@contextlib.contextmanager
def tracking(uri: str) -> Iterator[None]:
    """MLflow's fluent API (log_model) reads a process-wide URI: set it only for the call. When
    none was set, none is left set: restoring MLflow's default (./mlflow.db) would export it as
    MLFLOW_TRACKING_URI, and the process's next run without a URI would log there."""
    previous = mlflow.get_tracking_uri() if mlflow.tracking.is_tracking_uri_set() else None
    mlflow.set_tracking_uri(uri)
    try:
        yield
    finally:
        mlflow.set_tracking_uri(previous)  # type: ignore[arg-type]  # None unsets it, as MLflow documents


def logged_model_id(client: MlflowClient, run_id: str) -> str | None:
    """The model logged by the run, if any (its URI is models:/<id>)."""
    run = client.get_run(run_id)
    for model in run.outputs.model_outputs if run.outputs else []:
        return model.model_id
    return None


def log_model(client: MlflowClient, run_id: str, job: JobConfig, job_file: Path, weights_file: Path) -> str:
    """Log the run's model once (a repeat, e.g. by `mtl sync`, finds it); returns its model id.
    `job_file` is `job` as YAML, which goes into the model."""
    existing = logged_model_id(client, run_id)
    if existing:
        return existing
    with tempfile.TemporaryDirectory() as directory:
        backbone = save_backbone_files(job, Path(directory) / "backbone")
        example = input_example(job)
        predictor = Predictor.load(job_file, weights_file, backbone)
        output = predict_frame(predictor, example)
        with tracking(client.tracking_uri), mlflow.start_run(run_id=run_id, log_system_metrics=False):
            info = mlflow.pyfunc.log_model(
                name=ARTIFACT_PATH,
                python_model=str(Path(__file__).with_name("pyfunc_model.py")),
                artifacts={"job": str(job_file), "weights": str(weights_file), "backbone": str(backbone)},
                signature=infer_signature(example, output),
                input_example=example,
                pip_requirements=_requirements(),
            )
    return info.model_id


def model_uri(client: MlflowClient, model: str) -> str:
    """A models:/ or runs:/ URI as given; a run id becomes the URI of the model that run logged."""
    if model.startswith(("models:/", "runs:/")):
        return model
    try:
        model_id = logged_model_id(client, model)
    except MlflowException as exc:
        raise ConfigError(
            f"{model}: neither a run id in {redact_text(client.tracking_uri)} nor a models:/ URI"
        ) from exc
    if model_id is None:
        raise ConfigError(
            f"run {model} logged no model (it did not finish, or its driver lost MLflow: mtl sync RUN_DIR)"
        )
    return f"models:/{model_id}"


def register(client: MlflowClient, run_id: str, name: str) -> int:
    """Put the run's model in the model registry as a new version of `name`; returns the version."""
    uri = model_uri(client, run_id)
    with tracking(client.tracking_uri):
        return int(mlflow.register_model(uri, name).version)


def load_logged(client: MlflowClient, model: str) -> tuple[Predictor, str, str | None]:
    """A logged model (by run id, models:/ or runs:/ URI): its predictor, its URI and the run that logged it."""
    uri = model_uri(client, model)
    with tracking(client.tracking_uri):
        loaded = mlflow.pyfunc.load_model(uri)
    return loaded.unwrap_python_model().predictor, uri, loaded.metadata.run_id


def scoring_job(predictor: Predictor, uri: str, overrides: list[str]) -> JobConfig:
    """The logged model's job, to score it again: its data paths changeable with overrides."""
    data = predictor.job.model_dump(mode="json")
    data["model"]["init_from"] = None  # where its training started does not matter here, and may be gone
    return validate_job(apply_overrides(data, overrides), Path("."), uri)


def evaluate_model(
    client: MlflowClient, model: str, split: str, overrides: list[str]
) -> tuple[dict[str, float], str | None]:
    """Score a logged model on one split of its job's data (paths changeable with overrides);
    returns the metrics and the run that logged the model."""
    predictor, uri, run_id = load_logged(client, model)
    job = scoring_job(predictor, uri, overrides)
    tasks = build_tasks(job)
    data = {
        name: tokenize_task(task, predictor.tokenizer, job.trainer.cache_dir, (split,)) for name, task in tasks.items()
    }
    if not any(data.values()):
        raise ConfigError(f"no task of {uri} has a {split} split; give one with -o tasks.NAME.data.{split}=PATH")
    collators = {name: task.collator(predictor.tokenizer) for name, task in tasks.items()}
    source = EvalData(tasks, data, collators, job.trainer.eval_batch_size, predictor.tokenizer)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return evaluate(predictor.model.to(device), source, split, device).metrics, run_id
