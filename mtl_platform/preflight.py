"""The checks a job needs the outside world for, run once before Ray starts.

The schema (config/, tune/config.py) is pure data; what it cannot know without
reading files or building things is checked here, once per job or sweep (not
per seed, worker or swept value): every split's columns and labels (each file
read once), the sharing scheme against the backbone's real modules (built on
the meta device), and a sweep's metric names against what its task types
report. `mtl train`, `mtl baseline`, `mtl affinity`, `mtl tune` and
`mtl submit` call it; errors name the file and the dotted field like the
schema's.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

from mtl_platform.config import ConfigError, JobConfig, ModelConfig, load_job, switch_member
from mtl_platform.config.sharing import LAYERED, HardOptions, LoRAOptions
from mtl_platform.tune.config import SweepConfig, load_sweep, sweep_job_source

log = logging.getLogger(__name__)

# The data readers, the backbones and the task types (torch, transformers, datasets) are imported
# inside the checks, after the schema passed: a typo in a job is reported in under a second.

LORA_KINDS = ("Linear", "Embedding", "Conv1d", "Conv2d", "Conv1D")


Rows = dict[str, dict[str, Any]]  # what the checks read (memory-mapped datasets.Dataset), by task and split


def load_checked_job(path: str | Path, overrides: list[str] | None = None) -> JobConfig:
    """`load_job`, then `check_job`: what a command that trains it needs."""
    return load_checked_job_rows(path, overrides)[0]


def load_checked_job_rows(path: str | Path, overrides: list[str] | None = None) -> tuple[JobConfig, Rows]:
    """`load_checked_job`, with the rows the check read (what `mtl validate` summarizes)."""
    job = load_job(path, overrides)
    return job, check_job(job, str(Path(path).resolve()))


def load_checked_sweep(path: str | Path, overrides: list[str] | None = None) -> SweepConfig:
    """`load_sweep`, then `check_sweep`."""
    return load_checked_sweep_rows(path, overrides)[0]


def load_checked_sweep_rows(path: str | Path, overrides: list[str] | None = None) -> tuple[SweepConfig, Rows]:
    """`load_checked_sweep`, with the rows the check of its job read."""
    sweep = load_sweep(path, overrides)
    return sweep, check_sweep(sweep, str(Path(path).resolve()), sweep_job_source(Path(path)))


def check_job(job: JobConfig, source: str) -> Rows:
    """Read every split and fit the sharing scheme to the backbone; `source` names the job file.
    The rows read, by task and split (what `mtl validate` summarizes)."""
    from mtl_platform.data.raw import check_labels

    rows = check_labels(job, source=source)
    _warn_of_rare_labels(job, rows)
    check_backbone(job.model, source)
    return rows


def _warn_of_rare_labels(job: JobConfig, rows: Rows) -> None:
    """A class under 1% of a task's train rows is easy to never predict and still score well
    on accuracy. (Rare tags of a token task are the norm, and `mtl validate` lists them.)"""
    from mtl_platform.data.raw import RARE_LABEL_SHARE, label_shares, rare_labels
    from mtl_platform.tasks import TASK_TYPES

    for task in job.tasks:
        if TASK_TYPES[task.type].token_labels or task.class_weights is not None:
            continue
        if rare := rare_labels(label_shares(rows[task.name]["train"], task.labels)):
            found = ", ".join(f"{name} {share:.2%}" for name, share in rare.items())
            log.warning(
                "tasks.%s: labels under %.0f%% of the train rows: %s; consider class_weights: balanced, "
                "and main_metric: mcc or macro_f1",
                task.name,
                100 * RARE_LABEL_SHARE,
                found,
            )


def check_sweep(sweep: SweepConfig, source: str, job_source: str) -> Rows:
    """The sweep's job, the backbone under every other model its search can choose, and its metrics;
    the job's rows, as `check_job` gives them."""
    rows = check_job(sweep.job, job_source)
    for model in _searched_models(sweep):
        check_backbone(model, source)
    allowed = reported_metrics(sweep.job)
    objectives = [("tune.objectives", o.metric) for o in sweep.tune.objectives or []]
    for field, metric in [("tune.metric", sweep.tune.metric), *objectives]:
        if metric not in allowed:
            raise ConfigError(f"{source}: {field}: {metric!r} is not reported; allowed: {allowed}")
    return rows


def reported_metrics(job: JobConfig) -> list[str]:
    """Every metric a run of `job` logs at its evaluations (what a sweep may optimize)."""
    from mtl_platform.tasks import TASK_TYPES

    splits = ["validation", "dev"] if job.trainer.validation_fraction else ["dev"]
    keys = ["mean"] + [f"{t.name}/{m}" for t in job.tasks for m in TASK_TYPES[t.type].reported(t)]
    return [f"{split}/{key}" for split in splits for key in keys]


def check_backbone(model: ModelConfig, source: str) -> None:
    """The scheme's options against the backbone's modules: branch_layer within its depth, a
    layered scheme on a layered backbone, LoRA's targets on modules it can adapt."""
    sharing = model.sharing
    if sharing.scheme not in LAYERED and getattr(sharing, "branch_layer", None) is None and sharing.scheme != "lora":
        return
    from mtl_platform.models.backbones import backbone_skeleton

    skeleton = backbone_skeleton(model)
    try:
        if isinstance(sharing, LoRAOptions):
            _check_lora_targets(skeleton, sharing.target_modules)
            return
        depth = len(skeleton.layers)  # raises a clear error for encoders without BERT-style layers
    except ValueError as exc:
        raise ConfigError(f"{source}: model: {exc}") from None
    if isinstance(sharing, HardOptions) and sharing.branch_layer is not None and sharing.branch_layer > depth:
        raise ConfigError(
            f"{source}: model.sharing.branch_layer: {sharing.branch_layer} is beyond the backbone's {depth} layers"
        )


def _check_lora_targets(skeleton: Any, targets: list[str]) -> None:
    """peft matches a target by module name or name suffix; LoRA needs a Linear, Embedding or Conv there."""
    modules = dict(skeleton.named_modules())
    for target in targets:
        matches = [n for n in modules if n == target or n.endswith(f".{target}")]
        if not matches:
            names = sorted({n.rsplit(".", 1)[-1] for n in modules if n} - {str(i) for i in range(1000)})
            raise ValueError(f"sharing.target_modules: {target!r} matches no module of the backbone; names: {names}")
        kinds = {type(modules[n]).__name__ for n in matches}
        if not kinds <= set(LORA_KINDS):
            raise ValueError(
                f"sharing.target_modules: {target!r} is a {sorted(kinds)}; LoRA supports {list(LORA_KINDS)}"
            )


def _searched_models(sweep: SweepConfig) -> list[ModelConfig]:
    """Each distinct model other than the job's that a listed value of a searched `model.` field gives."""
    base = sweep.job.model_dump(mode="json")
    own = sweep.job.model.model_dump_json()
    models: dict[str, ModelConfig] = {}
    for key, param in sweep.search.items():
        if not key.startswith("model."):
            continue
        for value in param.values or []:
            data = {"model": copy.deepcopy(base["model"])}
            for field, condition in (param.when or {}).items():
                switch_member(data, field, condition)
            switch_member(data, key, value)
            model = ModelConfig.model_validate(data["model"])
            if model.model_dump_json() != own:
                models.setdefault(model.model_dump_json(), model)
    return list(models.values())
