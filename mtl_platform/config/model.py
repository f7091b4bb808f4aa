"""The shared model of a job: backbone, tokenizer, sharing scheme and where it starts from.

Checks that need the backbone itself (its layers, LoRA's target modules) are in
preflight.py: they build the backbone, which a schema must not.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from mtl_platform.config.paths import in_mlflow, resolve_path
from mtl_platform.config.sharing import HardOptions, SharingConfig
from mtl_platform.config.strict import Strict

MINILM = "minilm"


class LSTMConfig(Strict):
    embedding_dim: int = Field(128, gt=0)
    hidden_size: int = Field(128, gt=0)
    num_layers: int = Field(1, gt=0)
    dropout: float = Field(0.0, ge=0, lt=1)


class ModelConfig(Strict):
    """A shared backbone with one head per task (hard parameter sharing)."""

    backbone: Literal["transformer", "causal_lm", "bilstm"] = Field(
        "transformer",
        description="transformer: an encoder (BERT-style, AutoModel); causal_lm: a decoder-only language model "
        "(AutoModelForCausalLM: GPT-2, Llama, Qwen, ...) for generation tasks; bilstm: a small BiLSTM",
    )
    name_or_path: str = Field(MINILM, description="HF hub name, local directory, or 'minilm' (packaged)")
    architecture: dict[str, Any] | None = Field(
        None,
        description="causal_lm: instead of loading name_or_path, build the model with random weights from this "
        "Hugging Face config (model_type and its sizes, e.g. {model_type: gpt2, n_layer: 4}); the vocabulary and "
        "special tokens come from `tokenizer`",
    )
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

    @model_validator(mode="after")
    def _architecture(self) -> ModelConfig:
        if self.architecture is None:
            return self
        if self.backbone != "causal_lm":
            raise ValueError(f"architecture builds a causal_lm; this backbone is {self.backbone}")
        if "model_type" not in self.architecture:
            raise ValueError("architecture needs model_type (gpt2, llama, qwen2, ...)")
        if self.tokenizer is None:
            raise ValueError("architecture needs a tokenizer: a directory (mtl vocabulary trains one) or hub id")
        return self

    @field_validator("sharing", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"scheme": value} if isinstance(value, str) else value

    @field_validator("name_or_path", "tokenizer", mode="after")
    @classmethod
    def _local_model_exists(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A path (relative to the job file) must be a model directory; a hub id (org/name) is
        checked when it is loaded."""
        if value is None or not value.startswith(("/", "./", "../", "~")):
            return value
        path = resolve_path(value, info)
        if path is None or not path.is_dir():
            raise ValueError(f"no such model directory: {value}; give a local directory, a hub id or 'minilm'")
        return str(path)

    @field_validator("init_from", mode="after")
    @classmethod
    def _init_source(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A run id or models:/ URI is looked up when the job starts; a path is resolved and checked now."""
        if value is None or in_mlflow(value):
            return value
        path = resolve_path(value, info)
        if path is not None and not path.exists() and (info.context or {}).get("check_files", True):
            raise ValueError(
                f"no such file or directory: {path}; give an MLflow run id, models:/NAME/VERSION, "
                "a checkpoint directory or a model.pt file"
            )
        return str(path)
