"""`model.sharing:` in a job: one options model per sharing scheme, chosen by `scheme`.

Pure data, so that a job validates without torch; each scheme's modules are in
models/sharing/<scheme>.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypeAlias

from pydantic import Field

from mtl_platform.config.strict import Strict, by_tag, tagged_union

if TYPE_CHECKING:
    from peft import LoraConfig


class SharingOptions(Strict):
    """Fields of every scheme; each adds its `scheme` literal and options."""

    if TYPE_CHECKING:  # each scheme's literal field, as the type checker sees it on the base
        scheme: str

    def trains_shared_parameters(self) -> bool:
        """Whether any trainable parameter is shared by the tasks (gradient methods need one)."""
        return True


class HardOptions(SharingOptions):
    scheme: Literal["hard"] = "hard"
    branch_layer: int | None = Field(
        None, ge=0, description="share layers [0, k); each task gets its own copy of the rest (default: all shared)"
    )


class SoftOptions(SharingOptions):
    scheme: Literal["soft"] = "soft"
    distance: Literal["l2", "cosine"] = "l2"
    beta: float = Field(1e-3, ge=0, description="weight of the distance penalty")

    def trains_shared_parameters(self) -> bool:
        return False


class CrossStitchOptions(SharingOptions):
    scheme: Literal["cross_stitch"] = "cross_stitch"
    self_weight: float = Field(0.9, gt=0, le=1, description="initial alpha[t, t]; the rest is spread evenly")


class AttentionOptions(SharingOptions):
    scheme: Literal["attention"] = "attention"
    reduction: int = Field(4, gt=0, description="bottleneck of each attention module: hidden_size / reduction")


class MMoEOptions(SharingOptions):
    scheme: Literal["mmoe"] = "mmoe"
    num_experts: int = Field(4, gt=0)
    expert_hidden: int = Field(128, gt=0, description="hidden width of each expert MLP")


class PLEOptions(SharingOptions):
    scheme: Literal["ple"] = "ple"
    num_experts: int = Field(2, gt=0, description="shared experts")
    num_task_experts: int = Field(1, gt=0, description="experts of each task")
    expert_hidden: int = Field(128, gt=0)


class LoRAOptions(SharingOptions):
    scheme: Literal["lora"] = "lora"
    rank: int = Field(8, gt=0)
    alpha: float = Field(16.0, gt=0, description="scaling: the update is (alpha / rank) B A")
    dropout: float = Field(0.0, ge=0, lt=1)
    target_modules: list[str] = Field(
        default_factory=lambda: ["query", "value"], min_length=1, description="module names (or name suffixes)"
    )
    freeze_base: bool = True

    def trains_shared_parameters(self) -> bool:
        return not self.freeze_base

    def peft_config(self) -> LoraConfig:
        # peft takes about a second to import: only where adapters are built.
        from peft import LoraConfig

        return LoraConfig(
            r=self.rank,
            lora_alpha=self.alpha,  # type: ignore[arg-type]  # peft annotates int but scales by alpha / r
            lora_dropout=self.dropout,
            target_modules=self.target_modules,
        )


_SCHEMES: list[type[SharingOptions]] = [
    HardOptions,
    SoftOptions,
    CrossStitchOptions,
    AttentionOptions,
    MMoEOptions,
    PLEOptions,
    LoRAOptions,
]
SHARING_OPTIONS = by_tag(_SCHEMES, "scheme")
# Schemes that cut the backbone into its layers (the rest only call it whole).
LAYERED = {"cross_stitch", "attention"}


if TYPE_CHECKING:  # the union is built from the registry, which a type checker cannot follow
    SharingConfig: TypeAlias = SharingOptions
else:  # a sharing block without `scheme` means hard sharing
    SharingConfig = tagged_union(SHARING_OPTIONS, "scheme", default="hard")
