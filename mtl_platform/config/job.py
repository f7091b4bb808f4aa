"""A job: its tasks, model, weighting, trainer, scaling and tracking, checked as one."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from mtl_platform.config.model import LANGUAGE_MODELS, ModelConfig
from mtl_platform.config.strict import Strict
from mtl_platform.config.task import TaskConfig
from mtl_platform.config.weighting import EqualOptions, WeightingConfig


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
    head_lr: float | None = Field(
        None,
        gt=0,
        description="learning rate of what starts untrained on a pretrained model (default `lr`): the task heads, "
        "and a decoder built for a pretrained encoder (model.decoder)",
    )
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
    storage_path: str = Field(
        "ray_results",
        description="checkpoints, metric journals and run files: a directory (on a cluster, one every node mounts) "
        "or an object-store URI (s3://bucket/prefix, gs://..., any pyarrow or fsspec filesystem), "
        "its credentials taken from the environment",
    )
    cache_dir: Path = Field(Path.home() / ".cache" / "mtl_platform", description="raw and tokenized data (Arrow)")
    tokenize_processes: int | None = Field(
        None,
        gt=0,
        description="processes that tokenize a split (datasets.map num_proc); default one per "
        "100,000 rows, at most the machine's CPUs",
    )

    @field_validator("seeds")
    @classmethod
    def _distinct(cls, seeds: list[int] | None) -> list[int] | None:
        if seeds is not None and len(set(seeds)) != len(seeds):
            raise ValueError(f"seeds must be distinct, got {seeds}")
        return seeds

    @field_validator("storage_path", mode="after")
    @classmethod
    def _storage(cls, storage: str) -> str:
        scheme, found, rest = storage.partition("://")
        if not found:
            return str(Path(storage).expanduser().resolve())
        if not scheme or not rest.strip("/"):
            raise ValueError(f"{storage!r} is not a URI of a bucket or folder; expected e.g. s3://bucket/prefix")
        return storage.rstrip("/")

    @field_validator("cache_dir", mode="after")
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


class FsdpConfig(Strict):
    """FSDP2 (scaling.strategy: fsdp). Under bf16 precision, parameters are gathered in bf16 and
    gradients reduced in fp32; the sharded parameters and optimizer state stay fp32."""

    reshard_after_forward: bool = Field(
        True, description="free a block's gathered parameters after its forward (gathered again in backward)"
    )
    cpu_offload: bool = Field(False, description="keep the sharded parameters, gradients and optimizer in CPU memory")
    activation_checkpointing: bool = Field(
        False, description="recompute each transformer block's activations in backward instead of keeping them"
    )
    compile: bool = Field(
        False,
        description="compile each transformer block (torch.compile): 1.37x the tokens/s of a 1 B decoder on a GPU",
    )


class ScalingConfig(Strict):
    num_workers: int = Field(2, gt=0)
    strategy: Literal["ddp", "fsdp"] = Field(
        "ddp",
        description="ddp: every worker holds the whole model; fsdp: parameters, gradients and optimizer state "
        "sharded across the workers (FSDP2), for models larger than one device",
    )
    fsdp: FsdpConfig = Field(default_factory=FsdpConfig)
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
        self._check_language_model()
        self._check_sharded()
        caps = self.trainer.sampling.caps
        if isinstance(caps, dict) and not set(caps) <= set(names):
            raise ValueError(f"trainer.sampling.caps names {sorted(set(caps) - set(names))}; tasks are {names}")
        weights = getattr(self.weighting, "weights", None)
        if weights is not None and set(weights) != set(names):
            raise ValueError(f"weighting.weights has tasks {sorted(weights)}; expected exactly {sorted(names)}")
        method = self.weighting
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

    def _check_language_model(self) -> None:
        """Generation tasks train on a language model (decoder-only or encoder-decoder), and only
        they do: its features are next-token logits. One model for every task (the prompt says
        which), or an adapter per task on it."""
        backbone = self.model.backbone
        language_model = backbone in LANGUAGE_MODELS
        for task in self.tasks:
            if task.type == "generation" and not language_model:
                raise ValueError(
                    f"tasks.{task.name}: a generation task needs model.backbone: causal_lm (a decoder-only "
                    f"language model) or seq2seq_lm (an encoder-decoder one); this job's is {backbone}"
                )
            if task.type == "generation" and backbone == "causal_lm" and task.max_new_tokens >= self.model.max_length:
                raise ValueError(
                    f"tasks.{task.name}.max_new_tokens ({task.max_new_tokens}) leaves no room for the prompt in "
                    f"model.max_length ({self.model.max_length})"
                )
            if task.type != "generation" and language_model:
                raise ValueError(
                    f"tasks.{task.name}: a {task.type} task needs an encoder (model.backbone transformer or "
                    f"bilstm); on a {backbone}, cast it to text: type: generation, with a verbalizer"
                )
        if language_model and (
            self.model.sharing.scheme not in ("hard", "lora") or getattr(self.model.sharing, "branch_layer", None)
        ):
            raise ValueError(
                f"model.backbone {backbone} trains with model.sharing: hard (without branch_layer) or lora "
                "(an adapter per task)"
            )

    def _check_sharded(self) -> None:
        """What FSDP does not compute exactly here is refused, never run silently wrong."""
        if self.scaling.strategy != "fsdp":
            return
        if self.weighting.requires == "gradients":
            raise ValueError(
                f"weighting.method '{self.weighting.method}' combines per-task gradients of the shared "
                "parameters, which scaling.strategy fsdp shards across workers; use scaling.strategy: ddp "
                "with it, or a loss weighting method (equal, dwa, famo, ...) with fsdp"
            )
        if self.weighting.learns_parameters:
            raise ValueError(
                f"weighting.method '{self.weighting.method}' trains parameters of its own beside the model's, "
                "which fsdp's sharded optimizer checkpoints do not hold yet; use scaling.strategy: ddp with it, "
                "or another loss weighting method (equal, dwa, famo, ...) with fsdp"
            )
        if self.affinity:
            raise ValueError("affinity takes lookahead steps on whole parameters: use scaling.strategy: ddp with it")
        if self.trainer.precision == "fp16":
            raise ValueError("scaling.strategy fsdp trains in fp32 or bf16; fp16's grad scaler is not sharded")
        if self.scaling.fsdp.activation_checkpointing and self.model.backbone == "bilstm":
            raise ValueError(
                "scaling.fsdp.activation_checkpointing recomputes transformer blocks; the bilstm backbone has none"
            )

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
