"""Job and sweep configuration: YAML validated by pydantic, with dotted overrides.

Everything a run does is described here as data. Loading fails early, before
Ray starts, with messages that name the file, the field path and what is
allowed.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from mtl_platform.models.sharing import LAYERED, SharingConfig
from mtl_platform.models.sharing.hard import HardOptions
from mtl_platform.strict import Strict
from mtl_platform.tracking.redact import redact
from mtl_platform.weighting import METHODS, WeightingConfig
from mtl_platform.weighting.equal import EqualOptions

MINILM = "minilm"


class ConfigError(ValueError):
    """A configuration problem, phrased for the person who wrote the YAML."""


def _resolve_path(value: str | Path | None, info: ValidationInfo) -> Path | None:
    """Expand ~ and $VARS; relative paths are relative to the YAML file that holds them."""
    if value is None:
        return None
    path = Path(os.path.expandvars(os.path.expanduser(str(value))))
    base = (info.context or {}).get("base_dir")
    if not path.is_absolute() and base is not None:
        path = Path(base) / path
    return path.resolve()


def in_mlflow(model: str) -> bool:
    """A model given as an MLflow run id, models:/ or runs:/ URI (else it is a path)."""
    return model.startswith(("models:/", "runs:/")) or re.fullmatch(r"[0-9a-f]{32}", model) is not None


class DataSource(Strict):
    """Where a task's examples come from: local files, or a Hugging Face dataset."""

    format: Literal["tsv", "csv", "jsonl", "conll", "hf"]
    train: Path | None = Field(None, description="train split file (or HF split name)")
    dev: Path | DataSource | None = Field(
        None, description="a file like train's, or a source of its own (format, columns, ...; its file in `train`)"
    )
    test: Path | DataSource | None = None
    # Tabular formats.
    header: bool = True
    columns: list[str] | None = Field(None, description="column names of a file without header")
    text_column: str | None = None
    text_pair_column: str | None = None
    label_column: str | None = Field(
        None, description="an empty cell (or null) leaves the row out of this task: it has no label for it"
    )
    label_separator: str = Field(",", description="multilabel: between the labels of one cell (or a JSON list)")
    # CoNLL: whitespace-separated columns, one token a line, blank line between sentences.
    token_column: int = 0
    tag_column: int = -1
    # Hugging Face datasets: a hub name or a local dataset directory.
    hf_name: str | None = None
    hf_config: str | None = None
    hf_splits: dict[str, str] = Field(default_factory=lambda: {"train": "train", "dev": "validation", "test": "test"})
    tokens_column: str = "tokens"
    tags_column: str = "ner_tags"

    @field_validator("train", "dev", "test", mode="before")
    @classmethod
    def _paths(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, dict | DataSource):  # a split in a format of its own: validated as a source
            return value
        if value is None or (info.data.get("format") == "hf"):
            return None if value is None else Path(str(value))
        path = _resolve_path(value, info)
        if not path.is_file() and (info.context or {}).get("check_files", True):
            raise ValueError(f"file not found: {path}")
        return path

    @model_validator(mode="after")
    def _complete(self) -> DataSource:
        if self.format == "hf":
            if not self.hf_name:
                raise ValueError("format 'hf' needs hf_name (a hub dataset name or a local directory)")
            return self
        if self.train is None:
            raise ValueError("a train file is required")
        if self.format in ("tsv", "csv", "jsonl") and not (self.text_column and self.label_column):
            raise ValueError(f"format '{self.format}' needs text_column and label_column")
        if self.format in ("tsv", "csv") and not self.header and not self.columns:
            raise ValueError("a file without header (header: false) needs `columns` to name them")
        return self

    def split_files(self) -> dict[str, Path]:
        files = {s: getattr(self, s) for s in ("train", "dev", "test")}
        files = {s: f.train if isinstance(f, DataSource) else f for s, f in files.items()}
        return {s: f for s, f in files.items() if f is not None}

    def split_source(self, split: str) -> DataSource:
        """How a split is read: with the split's own source settings, or with these."""
        value = getattr(self, split)
        return value if isinstance(value, DataSource) else self


class TaskConfig(Strict):
    """One task: its type decides the head, the loss and the metrics."""

    name: str = Field(pattern=r"^[A-Za-z0-9_\-]+$")
    type: Literal["classification", "multilabel", "regression", "token_classification"]
    data: DataSource
    labels: list[str] | None = Field(None, description="label names (classification and tags)")
    label_map: dict[str, str] | None = Field(None, description="raw value in the file -> label name")
    max_train_examples: int | None = Field(None, gt=0)
    max_eval_examples: int | None = Field(None, gt=0)
    normalize_targets: bool = Field(
        False,
        description="regression: MSE in units of the train targets' variance, the head starting at their mean, "
        "so the loss starts near 1 like the cross-entropies (predictions stay in the targets' units)",
    )

    @model_validator(mode="after")
    def _labels(self) -> TaskConfig:
        if self.normalize_targets and self.type != "regression":
            raise ValueError(f"normalize_targets is for regression tasks; this one is {self.type}")
        if self.type == "regression":
            if self.labels or self.label_map:
                raise ValueError("a regression task takes no labels or label_map")
            return self
        if not self.labels:
            raise ValueError(f"a {self.type} task needs `labels`: the list of label names")
        if len(set(self.labels)) != len(self.labels):
            raise ValueError("`labels` has duplicates")
        if self.label_map:
            unknown = sorted(set(self.label_map.values()) - set(self.labels))
            if unknown:
                raise ValueError(f"label_map maps to {unknown}, which are not in labels {self.labels}")
        return self


class LSTMConfig(Strict):
    embedding_dim: int = Field(128, gt=0)
    hidden_size: int = Field(128, gt=0)
    num_layers: int = Field(1, gt=0)
    dropout: float = Field(0.0, ge=0, lt=1)


def _check_lora_targets(skeleton: Any, targets: list[str]) -> None:
    """peft matches a target by module name or name suffix; LoRA needs a Linear, Embedding or Conv there."""
    supported = ("Linear", "Embedding", "Conv1d", "Conv2d", "Conv1D")
    modules = dict(skeleton.named_modules())
    for target in targets:
        matches = [n for n in modules if n == target or n.endswith(f".{target}")]
        if not matches:
            names = sorted({n.rsplit(".", 1)[-1] for n in modules if n} - {str(i) for i in range(1000)})
            raise ValueError(f"sharing.target_modules: {target!r} matches no module of the backbone; names: {names}")
        kinds = {type(modules[n]).__name__ for n in matches}
        if not kinds <= set(supported):
            raise ValueError(
                f"sharing.target_modules: {target!r} is a {sorted(kinds)}; LoRA supports {list(supported)}"
            )


class ModelConfig(Strict):
    """A shared backbone with one head per task (hard parameter sharing)."""

    backbone: Literal["transformer", "bilstm"] = "transformer"
    name_or_path: str = Field(MINILM, description="HF hub name, local directory, or 'minilm' (packaged)")
    tokenizer: str | None = Field(None, description="defaults to name_or_path")
    max_length: int = Field(64, gt=1)
    pooling: Literal["mean", "cls"] = "mean"
    head_dropout: float = Field(0.1, ge=0, lt=1)
    lstm: LSTMConfig = Field(default_factory=LSTMConfig)
    sharing: SharingConfig = Field(default_factory=HardOptions, description="`hard`, or {scheme: ..., options}")
    freeze_backbone: bool = Field(False, description="train only the task heads (and weighting parameters)")
    init_from: str | None = Field(
        None,
        description="start from a trained multi-task model: an MLflow run id, models:/NAME/VERSION, "
        "a checkpoint directory or a model.pt file (its encoder, and the heads of tasks of the same name)",
    )
    init_heads: bool = Field(True, description="with init_from: load the heads of tasks of the same name too")

    @field_validator("sharing", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"scheme": value} if isinstance(value, str) else value

    @field_validator("name_or_path", "tokenizer", mode="after")
    @classmethod
    def _local_model_exists(cls, value: str | None) -> str | None:
        """A path must be a model directory; a hub id (org/name) is checked when it is loaded."""
        if value is not None and value.startswith(("/", "./", "../", "~")) and not Path(value).expanduser().is_dir():
            raise ValueError(f"no such model directory: {value}; give a local directory, a hub id or 'minilm'")
        return value

    @field_validator("init_from", mode="after")
    @classmethod
    def _init_source(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A run id or models:/ URI is looked up when the job starts; a path is resolved and checked now."""
        if value is None or in_mlflow(value):
            return value
        path = _resolve_path(value, info)
        if not path.exists() and (info.context or {}).get("check_files", True):
            raise ValueError(
                f"no such file or directory: {path}; give an MLflow run id, models:/NAME/VERSION, "
                "a checkpoint directory or a model.pt file"
            )
        return str(path)

    @model_validator(mode="after")
    def _fits_backbone(self) -> ModelConfig:
        """Check the scheme's options against the backbone's real modules (built on the meta device)."""
        sharing = self.sharing
        if (
            sharing.scheme not in LAYERED
            and getattr(sharing, "branch_layer", None) is None
            and sharing.scheme != "lora"
        ):
            return self
        from mtl_platform.models.backbones import backbone_skeleton

        skeleton = backbone_skeleton(self)
        if sharing.scheme == "lora":
            _check_lora_targets(skeleton, sharing.target_modules)
            return self
        depth = len(skeleton.layers)  # raises a clear error for encoders without BERT-style layers
        if sharing.scheme == "hard" and sharing.branch_layer > depth:
            raise ValueError(f"sharing.branch_layer {sharing.branch_layer} is beyond the backbone's {depth} layers")
        return self


class SamplingConfig(Strict):
    """Which tasks each step trains: one task drawn with p_i ~ n_i^alpha, or every task (`all_tasks`).

    alpha is 1 (proportional), 1/T (temperature), 0 (uniform), or for `annealed` goes linearly
    from 1 at the first step to `final_exponent` at the last (Stickland & Murray, 2019). `caps`
    bound the sizes n_i first (T5's examples-proportional mixing with a limit K)."""

    strategy: Literal["proportional", "temperature", "uniform", "annealed", "all_tasks"] = "proportional"
    temperature: float = Field(2.0, gt=0)
    final_exponent: float = Field(0.2, ge=0, le=1, description="annealed: alpha at the last step (0 is uniform)")
    caps: int | dict[str, int] | None = Field(
        None, description="n_i = min(n_i, cap): one cap for every task, or {task: cap}"
    )
    mixed: bool = Field(
        False, description="each step's batch mixes tasks: every example's task is drawn with p_i (label masks)"
    )

    @model_validator(mode="after")
    def _mixable(self) -> SamplingConfig:
        if self.mixed and self.strategy == "all_tasks":
            raise ValueError("mixed batches draw each example's task; strategy all_tasks draws a batch of every task")
        return self

    @field_validator("caps")
    @classmethod
    def _positive(cls, caps: int | dict[str, int] | None) -> int | dict[str, int] | None:
        values = caps.values() if isinstance(caps, dict) else [caps] if caps is not None else []
        if any(v <= 0 for v in values):
            raise ValueError(f"caps must be positive, got {caps}")
        return caps


class TrainerConfig(Strict):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, validate_default=True)

    max_steps: int = Field(gt=0)
    eval_every: int = Field(gt=0)
    log_every: int = Field(10, gt=0)
    batch_size: int = Field(16, gt=0, description="global batch: split evenly across workers")
    eval_batch_size: int = Field(64, gt=0)
    lr: float = Field(5e-5, gt=0)
    weight_decay: float = Field(0.01, ge=0)
    warmup_steps: int = Field(0, ge=0)
    scheduler: Literal["linear", "constant"] = "linear"
    grad_clip: float | None = Field(1.0, gt=0)
    seed: int = 0
    seeds: list[int] | None = Field(
        None, min_length=1, description="run the job once per seed (mtl train, mtl baseline); reports give mean ± std"
    )
    validation_fraction: float = Field(
        0.0,
        ge=0,
        lt=1,
        description="carve this share of each task's train split (seeded, stratified by class) as `validation`: "
        "its mean picks the checkpoint the run keeps as its model, so dev and test are only reported",
    )
    sampling: SamplingConfig = Field(default_factory=SamplingConfig)
    max_failures: int = Field(0, ge=-1, description="worker-group restarts; -1 = unlimited")
    precision: Literal["auto", "fp32", "bf16", "fp16"] = Field(
        "auto", description="autocast of forward passes; auto: bf16 on GPUs that have it, else fp16 or fp32"
    )
    nonfinite: Literal["stop", "skip"] = Field(
        "stop", description="a NaN/Inf task loss ends the run (last good checkpoint kept), or skips that step"
    )
    keep_checkpoints: int = Field(2, gt=0, description="most recent checkpoints kept")
    storage_path: Path = Field(
        Path("ray_results"), description="checkpoints and metric journals; on a cluster, a directory every node mounts"
    )
    cache_dir: Path = Field(Path.home() / ".cache" / "mtl_platform", description="tokenized data")

    @field_validator("seeds")
    @classmethod
    def _distinct(cls, seeds: list[int] | None) -> list[int] | None:
        if seeds is not None and len(set(seeds)) != len(seeds):
            raise ValueError(f"seeds must be distinct, got {seeds}")
        return seeds

    @field_validator("storage_path", "cache_dir", mode="after")
    @classmethod
    def _absolute(cls, path: Path) -> Path:
        return path.expanduser().resolve()


class AffinityConfig(Strict):
    """Inter-task affinity measured during training (TAG, Fifty et al. 2021), every `every` steps.

    lookahead: Z[i, j] = 1 - L_j(shared - lr * grad L_i) / L_j(shared), on the step's global batch;
    cosine: the cosine of the shared parameters' gradients of tasks i and j (no lookahead passes).
    Both are averaged over the measured steps."""

    measure: Literal["lookahead", "cosine"] = "lookahead"
    every: int = Field(10, gt=0, description="measure at every this many steps")
    lr: float | None = Field(None, gt=0, description="lookahead step size; default the step's learning rate")


class ScalingConfig(Strict):
    num_workers: int = Field(2, gt=0)
    use_gpu: bool | Literal["auto"] = "auto"
    cpus_per_worker: float = Field(1.0, gt=0)
    gpus_per_worker: float = Field(1.0, gt=0, le=1, description="fractional to pack several trials on a GPU")
    wait_for_nodes: bool = Field(
        False, description="on an autoscaling cluster, wait for nodes the workers need instead of failing at once"
    )


class TrackingConfig(Strict):
    uri: str | None = Field(None, description="MLflow URI; default MLFLOW_TRACKING_URI or ./mlruns/mlflow.db")
    experiment: str = "mtl"
    run_name: str | None = Field(None, description="default mtl-<job>-<sharing>-<method>-<short id>")
    system_metrics: bool = Field(True, description="CPU, memory, disk, network (and GPU) of each node, as system/...")
    system_metrics_interval: float = Field(10.0, gt=0, description="seconds between system metric samples")


class JobConfig(Strict):
    name: str = Field("job", pattern=r"^[A-Za-z0-9_\-.]+$")
    description: str = ""
    tasks: Annotated[list[TaskConfig], Field(min_length=1)]
    only_tasks: list[str] | None = Field(
        None, min_length=1, description="train only these of the tasks (a grouping sweep trains one group a trial)"
    )
    target: str | None = Field(
        None,
        description="auxiliary-task mode: the task that matters; the others are its auxiliaries, the checkpoint "
        "is chosen on its validation score and runs log its gain over its single-task baseline",
    )
    model: ModelConfig = Field(default_factory=ModelConfig)
    weighting: WeightingConfig = Field(default_factory=EqualOptions)
    trainer: TrainerConfig
    scaling: ScalingConfig = Field(default_factory=ScalingConfig)
    tracking: TrackingConfig = Field(default_factory=TrackingConfig)
    affinity: AffinityConfig | None = Field(None, description="measure inter-task affinity (off by default)")

    @model_validator(mode="before")
    @classmethod
    def _keep_only_tasks(cls, data: Any) -> Any:
        """`only_tasks` leaves the other tasks out of everything (their weights and caps too)."""
        if not isinstance(data, dict) or not data.get("only_tasks") or not isinstance(data.get("tasks"), list):
            return data
        keep = data["only_tasks"]
        names = [t.get("name") for t in data["tasks"] if isinstance(t, dict)]
        if unknown := [t for t in keep if t not in names]:
            raise ValueError(f"only_tasks names {unknown}; the tasks are {names}")
        if data.get("target") and data["target"] in names and data["target"] not in keep:
            raise ValueError(f"only_tasks {keep} leaves out the target {data['target']!r}; keep it in every group")
        data = copy.deepcopy(data)
        data["tasks"] = [t for t in data["tasks"] if t.get("name") in keep]
        weighting = data.get("weighting")
        sampling = data.get("trainer", {}).get("sampling") if isinstance(data.get("trainer"), dict) else None
        for section, key in ((weighting, "weights"), (sampling, "caps")):
            if isinstance(section, dict) and isinstance(section.get(key), dict):
                section[key] = {t: v for t, v in section[key].items() if t in keep}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> JobConfig:
        names = [t.name for t in self.tasks]
        if len(set(names)) != len(names):
            raise ValueError(f"task names must be unique, got {names}")
        sampling = self.trainer.sampling
        if self.target is not None and self.target not in names:
            raise ValueError(f"target {self.target!r} is not a task; the tasks are {names}")
        if self.target is not None and len(names) < 2:
            raise ValueError(
                f"target {self.target!r} is the only task: auxiliary-task mode trains it with at least one other "
                "(alone, it is its own baseline: mtl baseline)"
            )
        if self.affinity and len(names) < 2:
            raise ValueError(f"affinity compares tasks, and the job trains one: {names}")
        if self.affinity and self.affinity.every > self.trainer.max_steps:
            raise ValueError(
                f"affinity.every {self.affinity.every} is more than trainer.max_steps {self.trainer.max_steps}: "
                "no step would be measured"
            )
        if self.affinity and sampling.strategy != "all_tasks" and not sampling.mixed:
            raise ValueError(
                "affinity compares tasks on one step's batch, which here holds one task: "
                "set trainer.sampling.strategy: all_tasks (or trainer.sampling.mixed: true)"
            )
        caps = self.trainer.sampling.caps
        if isinstance(caps, dict) and not set(caps) <= set(names):
            raise ValueError(f"trainer.sampling.caps names {sorted(set(caps) - set(names))}; tasks are {names}")
        weights = getattr(self.weighting, "weights", None)
        if weights is not None and set(weights) != set(names):
            raise ValueError(f"weighting.weights has tasks {sorted(weights)}; expected exactly {sorted(names)}")
        method = METHODS[self.weighting.method][1]
        if method.needs_all_tasks and self.trainer.sampling.strategy != "all_tasks":
            raise ValueError(
                f"weighting.method '{self.weighting.method}' weighs every task at every step: "
                "set trainer.sampling.strategy: all_tasks"
            )
        no_shared = self.model.freeze_backbone or not self.model.sharing.trains_shared_parameters()
        why = "model.freeze_backbone" if self.model.freeze_backbone else f"model.sharing '{self.model.sharing.scheme}'"
        if method.requires == "gradients" and no_shared:
            raise ValueError(
                f"weighting.method '{self.weighting.method}' combines gradients of the shared parameters, "
                f"but {why} leaves none to train; use a loss weighting method"
            )
        if self.affinity and no_shared:
            raise ValueError(f"affinity compares the tasks' steps on the shared parameters, but {why} trains none")
        if method.requires == "gradients" and self.trainer.precision == "fp16":
            raise ValueError(
                f"trainer.precision fp16 needs a loss weighting: '{self.weighting.method}' combines per-task "
                "gradients, which a grad scaler does not cover; use bf16 or fp32"
            )
        if self.trainer.batch_size % self.scaling.num_workers:
            raise ValueError(
                f"trainer.batch_size ({self.trainer.batch_size}) must be divisible by "
                f"scaling.num_workers ({self.scaling.num_workers})"
            )
        return self

    def task_names(self) -> list[str]:
        return [t.name for t in self.tasks]

    def per_seed(self) -> list[JobConfig]:
        """The job once per seed of trainer.seeds (itself when it lists none)."""
        if not self.trainer.seeds:
            return [self]
        jobs = []
        for seed in self.trainer.seeds:
            data = self.model_dump(mode="json")
            data["trainer"].update(seed=seed, seeds=None)
            jobs.append(JobConfig.model_validate(data))
        return jobs


class SearchParam(Strict):
    """One dimension of a sweep. `simplex` draws task weights uniformly on the simplex;
    `grid` tries every value (with the random searcher)."""

    type: Literal["choice", "grid", "uniform", "loguniform", "randint", "simplex"]
    values: list[Any] | None = None
    low: float | None = None
    high: float | None = None
    when: dict[str, Any] | None = Field(
        None, description="only when these searched fields have these values, e.g. {model.sharing.scheme: soft}"
    )

    @model_validator(mode="after")
    def _args(self) -> SearchParam:
        if self.type in ("choice", "grid") and not self.values:
            raise ValueError(f"type '{self.type}' needs a non-empty `values` list")
        if self.type in ("uniform", "loguniform", "randint"):
            if self.low is None or self.high is None or self.low >= self.high:
                raise ValueError(f"type '{self.type}' needs low < high")
            if self.type == "loguniform" and self.low <= 0:
                raise ValueError("type 'loguniform' needs low > 0")
        return self


class SchedulerConfig(Strict):
    """When trials stop early (ASHA) or copy and perturb better ones (PBT). Times are training steps."""

    type: Literal["fifo", "asha", "pbt"] = "fifo"
    grace_period: int = Field(100, gt=0, description="asha: steps every trial runs before it can be stopped")
    reduction_factor: float = Field(3.0, gt=1, description="asha: each rung keeps the best 1/reduction_factor")
    perturbation_interval: int = Field(100, gt=0, description="pbt: steps between exploit/explore rounds")
    quantile_fraction: float = Field(0.25, gt=0, le=0.5, description="pbt: the worst fraction copies the best")
    mutations: list[str] = Field(
        default_factory=lambda: ["weighting.weights"], description="pbt: searched fields it resamples"
    )


class Objective(Strict):
    metric: str
    mode: Literal["max", "min"] = "max"


class TuneConfig(Strict):
    num_samples: int = Field(4, gt=0)
    metric: str = "dev/mean"
    mode: Literal["max", "min"] = "max"
    max_concurrent_trials: int = Field(1, gt=0)
    search_alg: Literal["random", "optuna"] = "random"
    seed: int = 0
    scheduler: SchedulerConfig = Field(default_factory=SchedulerConfig)
    objectives: list[Objective] | None = Field(
        None, min_length=2, description="multi-objective Optuna over these metrics; the sweep returns the Pareto front"
    )


class SweepConfig(Strict):
    name: str = Field("sweep", pattern=r"^[A-Za-z0-9_\-.]+$")
    description: str = Field("", description="what the sweep asks; the parent run's description in MLflow")
    job: JobConfig
    overrides: list[str] = Field(default_factory=list, description="key=value changes to the job file")
    search: dict[str, SearchParam] = Field(min_length=1)
    tune: TuneConfig = Field(default_factory=TuneConfig)

    @model_validator(mode="after")
    def _metric(self) -> SweepConfig:
        from mtl_platform.tasks import TASK_TYPES

        splits = ["validation", "dev"] if self.job.trainer.validation_fraction else ["dev"]
        allowed = [
            f"{split}/{key}"
            for split in splits
            for key in ["mean"] + [f"{t.name}/{m}" for t in self.job.tasks for m in TASK_TYPES[t.type].metric_names]
        ]
        if self.tune.metric not in allowed:
            raise ValueError(f"tune.metric {self.tune.metric!r} is not reported; allowed: {allowed}")
        for objective in self.tune.objectives or []:
            if objective.metric not in allowed:
                raise ValueError(f"tune.objectives: {objective.metric!r} is not reported; allowed: {allowed}")
        scheduler, trainer = self.tune.scheduler, self.job.trainer
        if self.tune.objectives and (self.tune.search_alg != "optuna" or scheduler.type != "fifo"):
            raise ValueError("tune.objectives needs tune.search_alg: optuna and tune.scheduler.type: fifo")
        if scheduler.type == "asha" and scheduler.grace_period >= trainer.max_steps:
            raise ValueError(
                f"tune.scheduler.grace_period ({scheduler.grace_period}) must be below trainer.max_steps "
                f"({trainer.max_steps}), or no trial can stop early"
            )
        if scheduler.type == "pbt":
            if (
                scheduler.perturbation_interval % trainer.eval_every
                or scheduler.perturbation_interval >= trainer.max_steps
            ):
                raise ValueError(
                    f"tune.scheduler.perturbation_interval ({scheduler.perturbation_interval}) must be a multiple of "
                    f"trainer.eval_every ({trainer.eval_every}) below trainer.max_steps ({trainer.max_steps}): "
                    "PBT copies the checkpoints taken at evaluations"
                )
            unknown = [m for m in scheduler.mutations if m not in self.search]
            if unknown or any(self.search[m].type in ("grid", "randint") for m in scheduler.mutations):
                raise ValueError(
                    f"tune.scheduler.mutations must name searched choice or continuous fields; got {scheduler.mutations}"
                )
            if self.tune.search_alg != "random":
                raise ValueError("tune.scheduler.type: pbt explores by itself; use tune.search_alg: random")
        if self.tune.search_alg != "random" and any(p.type == "grid" for p in self.search.values()):
            raise ValueError(f"type 'grid' needs tune.search_alg: random (got {self.tune.search_alg!r})")
        return self

    @field_validator("search")
    @classmethod
    def _space(cls, search: dict[str, SearchParam], info: ValidationInfo) -> dict[str, SearchParam]:
        job = info.data.get("job")
        for key, param in search.items():
            if param.type == "simplex" and key != "weighting.weights":
                raise ValueError(f"{key}: type 'simplex' is only for 'weighting.weights'")
            for field, value in (param.when or {}).items():
                condition = search.get(field)
                if condition is None or condition.type not in ("choice", "grid") or value not in condition.values:
                    raise ValueError(f"{key}: when: {field} must be a searched choice or grid with value {value!r}")
            if job is None:
                continue
            # Check against the job as it is when the param applies (its scheme or method chosen).
            base = job.model_dump(mode="json")
            for field, value in (param.when or {}).items():
                switch_member(base, field, value)
            base = JobConfig.model_validate(base).model_dump(mode="json")
            if param.type != "simplex":
                # Sampled values must land on real fields; check the path against the job now.
                set_by_path(copy.deepcopy(base), key, None, must_exist=True)
            for value in param.values or []:  # and each listed value must be valid for its field
                data = copy.deepcopy(base)
                switch_member(data, key, value)
                try:
                    JobConfig.model_validate(data)
                except ValidationError as exc:
                    # Only the field's own errors: a cross-field one may be fixed by another searched value.
                    for line in _validation_message(exc, data, "job").splitlines():
                        where = line.split(": ")[1]
                        if where == key or where.startswith(f"{key}."):
                            raise ValueError(f"{key}: value {value!r}: {line.split(': ', 2)[2]}") from None
        return search


# ---------------------------------------------------------------- loading


def set_by_path(data: dict[str, Any], dotted: str, value: Any, must_exist: bool = False) -> None:
    """Set `a.b.c` in nested dicts; inside lists of named items a segment picks by name."""
    parts = dotted.split(".")
    node: Any = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        where = ".".join(parts[: i + 1])
        if isinstance(node, list):
            match = [item for item in node if isinstance(item, dict) and item.get("name") == part]
            if part.isdigit() and not match and int(part) < len(node):
                match = [node[int(part)]]
            if not match:
                names = [item.get("name") for item in node if isinstance(item, dict)]
                raise ConfigError(f"{where}: no item named {part!r}; allowed: {names}")
            if last:
                raise ConfigError(f"{dotted}: cannot replace a whole list item; set one of its fields")
            node = match[0]
        elif isinstance(node, dict):
            if last:
                if must_exist and part not in node:
                    raise ConfigError(f"{dotted}: unknown field {part!r}; allowed: {sorted(node)}")
                if not must_exist:
                    node[part] = value
                return
            if node.get(part) is None:
                if must_exist:
                    raise ConfigError(f"{dotted}: unknown field {part!r}; allowed: {sorted(node)}")
                node[part] = {}
            node = node[part]
        else:
            raise ConfigError(f"{where}: cannot set a field inside a {type(node).__name__}")


# Fields that choose a member of a union of option models. Setting one to a new value starts its
# block afresh (keeping the listed fields), so the previous member's options do not leak into it.
UNION_TAGS = {"weighting.method": ("regularizers",), "model.sharing.scheme": ()}


def switch_member(data: dict[str, Any], dotted: str, value: Any) -> None:
    """set_by_path, except that a union tag (UNION_TAGS) resets its block when the value changes."""
    if dotted in UNION_TAGS:
        parent_path, tag = dotted.rsplit(".", 1)
        node = data
        for part in parent_path.split("."):
            node = node.setdefault(part, {})
        if node.get(tag) != value:
            kept = {k: node[k] for k in UNION_TAGS[dotted] if k in node}
            node.clear()
            node.update(kept)
    set_by_path(data, dotted, value)


def apply_overrides(data: dict[str, Any], overrides: list[str]) -> dict[str, Any]:
    """Apply `key=value` strings; values are parsed as YAML (so 20 is an int, [a, b] a list)."""
    data = copy.deepcopy(data)
    for item in overrides:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise ConfigError(f"override {item!r}: expected key=value, e.g. trainer.max_steps=20")
        set_by_path(data, key.strip(), yaml.safe_load(raw))
    return data


def _format_loc(loc: tuple[Any, ...], data: Any) -> str:
    """Turn pydantic's location into a dotted path, naming list items by task name."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int) and isinstance(node, list):
            entry = node[item] if item < len(node) else None
            parts.append(str(entry["name"]) if isinstance(entry, dict) and "name" in entry else str(item))
            node = entry
        elif isinstance(item, str) and item.startswith(("function-", "literal[")):
            continue
        elif isinstance(node, dict) and item not in node and item in (node.get("method", "equal"), node.get("scheme")):
            continue  # the tag of a weighting method or sharing scheme, not a field
        else:
            parts.append(str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return ".".join(parts) or "<root>"


def _validation_message(error: ValidationError, data: Any, source: str, prefix: tuple = ()) -> str:
    lines = []
    for err in error.errors():
        where = _format_loc(prefix + tuple(err["loc"]), data)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling; see the documented fields in README.md)"
        elif err["type"] == "union_tag_invalid":  # weighting.method or model.sharing.scheme
            field = "scheme" if "scheme" in err["ctx"]["discriminator"] else "method"
            where = f"{where}.{field}"
            msg = f"unknown {field} {err['ctx']['tag']!r}; allowed: {err['ctx']['expected_tags']}"
        elif err["type"] == "literal_error":
            msg = f"{msg}; got {err['input']!r}"
        lines.append(f"{source}: {where}: {msg}")
    return "\n".join(lines)


def read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"{path}: file not found")
    try:
        data = yaml.safe_load(path.read_text())
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return data


def validate_job(data: dict[str, Any], base_dir: Path, source: str = "job", check_files: bool = True) -> JobConfig:
    """`check_files=False` for a saved model's job, whose data files stay where it was trained."""
    try:
        return JobConfig.model_validate(data, context={"base_dir": base_dir, "check_files": check_files})
    except ValidationError as exc:
        raise ConfigError(_validation_message(exc, data, source)) from None


def load_job(path: str | Path, overrides: list[str] | None = None, check_data: bool = True) -> JobConfig:
    """Load, override and validate a job; with check_data, read every split and check labels."""
    path = Path(path).resolve()
    data = apply_overrides(read_yaml(path), overrides or [])
    job = validate_job(data, path.parent, str(path))
    if check_data:
        from mtl_platform.data.sources import check_labels

        check_labels(job, source=str(path))
    return job


def load_sweep(path: str | Path, overrides: list[str] | None = None) -> SweepConfig:
    """Load a sweep; `job` is a path (relative to the sweep file) or an inline job."""
    path = Path(path).resolve()
    data = apply_overrides(read_yaml(path), overrides or [])
    job_data, job_base, job_source = data.get("job"), path.parent, str(path)
    if isinstance(job_data, str):
        job_path = (path.parent / job_data).resolve()
        job_data, job_base, job_source = read_yaml(job_path), job_path.parent, str(job_path)
    if not isinstance(job_data, dict):
        raise ConfigError(f"{path}: job: expected a job file path or an inline job mapping")
    job = validate_job(apply_overrides(job_data, data.get("overrides") or []), job_base, job_source)
    try:
        sweep = SweepConfig.model_validate({**data, "job": job.model_dump(mode="json")})
    except ValidationError as exc:
        raise ConfigError(_validation_message(exc, data, str(path))) from None
    from mtl_platform.data.sources import check_labels

    check_labels(sweep.job, source=job_source)
    return sweep


def job_to_yaml(job: JobConfig) -> str:
    """The job as YAML for logging, secrets masked."""
    return yaml.safe_dump(redact(job.model_dump(mode="json")), sort_keys=False)
