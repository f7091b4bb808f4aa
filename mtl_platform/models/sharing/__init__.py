"""Sharing schemes by name, their validated options, and the encoder builder."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Discriminator, Tag
from torch import nn

from mtl_platform.models.sharing.attention import AttentionOptions, TaskAttention
from mtl_platform.models.sharing.base import Encoder, SharingOptions
from mtl_platform.models.sharing.cross_stitch import CrossStitch, CrossStitchOptions
from mtl_platform.models.sharing.hard import HardOptions, HardSharing
from mtl_platform.models.sharing.lora import LoRAOptions, LoRASharing
from mtl_platform.models.sharing.mmoe import MMoE, MMoEOptions
from mtl_platform.models.sharing.ple import PLE, PLEOptions
from mtl_platform.models.sharing.soft import SoftOptions, SoftSharing

SCHEMES: dict[str, tuple[type[SharingOptions], type[Encoder]]] = {
    options.model_fields["scheme"].default: (options, encoder)
    for options, encoder in [
        (HardOptions, HardSharing),
        (SoftOptions, SoftSharing),
        (CrossStitchOptions, CrossStitch),
        (AttentionOptions, TaskAttention),
        (MMoEOptions, MMoE),
        (PLEOptions, PLE),
        (LoRAOptions, LoRASharing),
    ]
}
# Schemes that cut the backbone into its layers (the rest only call it whole).
LAYERED = {"cross_stitch", "attention"}


def _scheme_of(value: Any) -> str:
    """The union's tag; a sharing block without `scheme` means hard sharing."""
    return value.get("scheme", "hard") if isinstance(value, dict) else value.scheme


# `model.sharing:` in a job: one options model per scheme, chosen by `scheme`.
SharingConfig = Annotated[
    Union[tuple(Annotated[options, Tag(name)] for name, (options, _) in SCHEMES.items())],  # noqa: UP007
    Discriminator(_scheme_of),
]


def build_encoder(options: SharingOptions, tasks: list[str], backbone: nn.Module) -> Encoder:
    return SCHEMES[options.scheme][1](tasks, backbone, options)


__all__ = ["LAYERED", "SCHEMES", "Encoder", "SharingConfig", "SharingOptions", "build_encoder"]
