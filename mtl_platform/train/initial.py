"""Starting a job from a trained multi-task model (model.init_from).

The driver reads the source once (the weights of an MLflow run's logged model or of a registered
version, or a checkpoint) and keeps the tensors this job's model takes: the shared encoder, which
must match, and each task's own parts (its head, and its part of the encoder under schemes that
give tasks one) where a task of the same name has them in the same shapes (unless
model.init_heads is false). It writes them into the run directory; every worker loads that file
before training, so workers need no access to MLflow, and a source that does not fit fails
before any worker starts.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import torch
from torch import Tensor

from mtl_platform.config import ConfigError, JobConfig, in_mlflow
from mtl_platform.models.multitask import MultiTaskModel, build_model
from mtl_platform.tasks import Task
from mtl_platform.tracking.run_directory import INITIAL_WEIGHTS_FILE, MODEL_FILE, SHARDED_MODEL_DIR
from mtl_platform.tracking.storage import Location
from mtl_platform.train import checkpoint

log = logging.getLogger(__name__)


def read_weights(source: str, tracking_uri: str) -> tuple[dict[str, Tensor], str]:
    """The source's model weights, and where they came from (a models:/ URI or a file)."""
    if in_mlflow(source):
        from mlflow.exceptions import MlflowException
        from mlflow.tracking import MlflowClient

        from mtl_platform.serving.model import load_logged

        try:
            predictor, uri, _ = load_logged(MlflowClient(tracking_uri), source)
        except MlflowException as exc:
            raise ConfigError(f"model.init_from: cannot load {source}: {exc.message}") from exc
        return predictor.model.state_dict(), uri
    path = Path(source)
    if (path / SHARDED_MODEL_DIR).is_dir():  # a checkpoint of an fsdp run
        return checkpoint.read_model(path), str(path / SHARDED_MODEL_DIR)
    file = path / MODEL_FILE if path.is_dir() else path
    if not file.is_file():
        raise ConfigError(f"model.init_from: {path} holds no {MODEL_FILE} (a checkpoint directory or a model file)")
    return torch.load(file, map_location="cpu"), str(file)


def own_keys(model: MultiTaskModel) -> dict[str, list[str]]:
    """Each task's state keys that only it uses: its head, and its part of the encoder (a branch,
    gate, expert, adapter or column, under sharing schemes that give tasks one)."""
    names = {id(t): k for k, t in model.state_dict(keep_vars=True).items()}
    keys = {}
    for task in model.heads:
        modules = model.encoder.task_modules(task)
        encoder = {names[id(t)] for m in modules for t in (*m.parameters(), *m.buffers()) if id(t) in names}
        keys[task] = sorted(encoder) + [k for k in names.values() if k.startswith(f"heads.{task}.")]
    return keys


def matching_weights(
    model: MultiTaskModel, weights: dict[str, Tensor], load_heads: bool, source: str
) -> tuple[dict[str, Tensor], list[str]]:
    """The tensors of `weights` that `model` takes, and the tasks whose own parts are among them."""
    own = model.state_dict()
    per_task = own_keys(model)
    task_specific = {k for keys in per_task.values() for k in keys}
    encoder = [k for k in own if k.startswith("encoder.") and k not in task_specific]
    missing = [k for k in encoder if k not in weights]
    reshaped = [k for k in encoder if k in weights and weights[k].shape != own[k].shape]
    if missing or reshaped:
        problem = f"lacks {missing[:3]}" if missing else f"has other shapes for {reshaped[:3]}"
        raise ConfigError(
            f"model.init_from: the shared encoder of {source} {problem} ({len(missing) + len(reshaped)} tensors): it "
            "was trained with another backbone or model.sharing; use the same ones as the model it comes from"
        )
    chosen = {k: weights[k] for k in encoder}
    loaded = []
    for task, keys in per_task.items() if load_heads else ():
        if all(k in weights and weights[k].shape == own[k].shape for k in keys):
            chosen.update({k: weights[k] for k in keys})
            loaded.append(task)
        elif any(k in weights for k in keys):
            log.warning(
                "model.init_from: %s's own parts in %s have other shapes (labels?); they start afresh", task, source
            )
    return chosen, loaded


def prepare_initial_weights(
    job: JobConfig, tasks: dict[str, Task], tracking_uri: str, run_dir: Location, resume: bool
) -> Location | None:
    """The file of initial weights the workers load, or None without model.init_from. A resumed
    run keeps the file of its first attempt: the source may be gone by then."""
    if not job.model.init_from:
        return None
    path = run_dir / INITIAL_WEIGHTS_FILE
    if resume and path.exists():
        return path
    weights, source = read_weights(job.model.init_from, tracking_uri)
    with torch.device("meta"):  # shapes only
        skeleton = build_model(job, tasks, pretrained=False)
    chosen, heads = matching_weights(skeleton, weights, job.model.init_heads, source)
    log.info("model.init_from %s: the shared encoder, and the own parts of %s", source, heads or "no task")
    buffer = io.BytesIO()
    torch.save(chosen, buffer)
    path.write_bytes(buffer.getvalue())
    return path
