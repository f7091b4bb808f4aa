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
LANGUAGE_MODELS = ("causal_lm", "seq2seq_lm")  # backbones whose features are next-token logits
# What builds (part of) a language model from a Hugging Face config: on which backbones, with which tokenizer.
BUILT_FROM_CONFIG = {"architecture": (LANGUAGE_MODELS, "tokenizer"), "decoder": (("seq2seq_lm",), "target_tokenizer")}


class LSTMConfig(Strict):
    embedding_dim: int = Field(128, gt=0)
    hidden_size: int = Field(128, gt=0)
    num_layers: int = Field(1, gt=0)
    dropout: float = Field(0.0, ge=0, lt=1)


class ModelConfig(Strict):
    """A shared backbone with one head per task (hard parameter sharing)."""

    backbone: Literal["transformer", "causal_lm", "seq2seq_lm", "bilstm"] = Field(
        "transformer",
        description="transformer: an encoder (BERT-style, AutoModel); causal_lm: a decoder-only language model "
        "(AutoModelForCausalLM: GPT-2, Llama, Qwen, ...) and seq2seq_lm: an encoder-decoder one "
        "(AutoModelForSeq2SeqLM: T5, BART, Marian, ...), both for generation tasks; bilstm: a small BiLSTM",
    )
    name_or_path: str = Field(MINILM, description="HF hub name, local directory, or 'minilm' (packaged)")
    architecture: dict[str, Any] | None = Field(
        None,
        description="causal_lm or seq2seq_lm: instead of loading name_or_path, build the model with random weights "
        "from this Hugging Face config (model_type and its sizes, e.g. {model_type: gpt2, n_layer: 4}); the "
        "vocabulary and special tokens come from `tokenizer`",
    )
    decoder: dict[str, Any] | None = Field(
        None,
        description="seq2seq_lm: pair the pretrained encoder name_or_path (e.g. minilm) with a decoder built with "
        "random weights from this Hugging Face config (e.g. {model_type: bert, num_hidden_layers: 2}); it attends "
        "to the encoder, and its vocabulary and special tokens come from `target_tokenizer`",
    )
    tokenizer: str | None = Field(None, description="defaults to name_or_path")
    target_tokenizer: str | None = Field(
        None,
        description="seq2seq_lm: the tokenizer of the targets, when the decoder's vocabulary is not the encoder's "
        "(MiniLM's uncased English WordPiece cannot write German: `mtl vocabulary` trains one); defaults to "
        "`tokenizer`",
    )
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
    def _built_from_config(self) -> ModelConfig:
        """What builds a language model from a config needs a tokenizer, since a trained
        vocabulary is what sizes it; `decoder` pairs a pretrained encoder with a new decoder."""
        for field, (backbones, needs) in BUILT_FROM_CONFIG.items():
            built = getattr(self, field)
            if built is None:
                continue
            if self.backbone not in backbones:
                raise ValueError(f"{field} builds a {' or '.join(backbones)} model; this backbone is {self.backbone}")
            if "model_type" not in built:
                raise ValueError(f"{field} needs model_type (gpt2, t5, bert, llama, ...)")
            if getattr(self, needs) is None:
                raise ValueError(f"{field} needs {needs}: a directory (mtl vocabulary trains one) or hub id")
        if self.architecture is not None and self.decoder is not None:
            raise ValueError(
                "give architecture (a whole model from a config) or decoder (a new decoder on "
                "name_or_path's encoder), not both"
            )
        if self.target_tokenizer is not None and self.backbone != "seq2seq_lm":
            raise ValueError(f"target_tokenizer is a seq2seq_lm's decoder's; this backbone is {self.backbone}")
        return self

    @field_validator("sharing", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"scheme": value} if isinstance(value, str) else value

    @field_validator("name_or_path", "tokenizer", "target_tokenizer", mode="after")
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
