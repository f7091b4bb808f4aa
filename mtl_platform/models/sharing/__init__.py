"""Sharing schemes by name (their options: config/sharing.py), and the encoder builder."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mtl_platform.config.sharing import SharingOptions
from mtl_platform.models.sharing.attention import TaskAttention
from mtl_platform.models.sharing.base import Encoder
from mtl_platform.models.sharing.cross_stitch import CrossStitch
from mtl_platform.models.sharing.hard import HardSharing
from mtl_platform.models.sharing.lora import LoRASharing
from mtl_platform.models.sharing.mmoe import MMoE
from mtl_platform.models.sharing.ple import PLE
from mtl_platform.models.sharing.soft import SoftSharing

if TYPE_CHECKING:
    from mtl_platform.models.backbones import Backbone

# Each takes (tasks, backbone, its scheme's options).
SCHEMES: dict[str, Callable[[list[str], Backbone, Any], Encoder]] = {
    "hard": HardSharing,
    "soft": SoftSharing,
    "cross_stitch": CrossStitch,
    "attention": TaskAttention,
    "mmoe": MMoE,
    "ple": PLE,
    "lora": LoRASharing,
}


def build_encoder(options: SharingOptions, tasks: list[str], backbone: Backbone) -> Encoder:
    return SCHEMES[options.scheme](tasks, backbone, options)


__all__ = ["SCHEMES", "Encoder", "build_encoder"]
