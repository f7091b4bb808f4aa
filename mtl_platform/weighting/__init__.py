"""Weighting methods by name, and the regularizer sum of the objective."""

from __future__ import annotations

from torch import Tensor, nn

from mtl_platform.config import WeightingConfig
from mtl_platform.weighting.base import Weighting
from mtl_platform.weighting.equal import EqualWeighting
from mtl_platform.weighting.regularizers import REGULARIZERS
from mtl_platform.weighting.static import StaticWeighting


def build_weighting(config: WeightingConfig, task_names: list[str]) -> Weighting:
    if config.method == "static":
        return StaticWeighting(task_names, config.weights or {})
    return EqualWeighting(task_names)


def regularization(config: WeightingConfig, model: nn.Module) -> Tensor | None:
    """sum_k beta_k R_k(theta), or None when the objective has no regularizers."""
    terms = [r.beta * REGULARIZERS[r.name](model) for r in config.regularizers]
    return sum(terms[1:], terms[0]) if terms else None


__all__ = ["Weighting", "build_weighting", "regularization"]
