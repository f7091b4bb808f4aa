"""Weighting methods by name, their validated options, and the regularizer sum of the objective."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Discriminator, Tag
from torch import Tensor, nn

from mtl_platform.weighting.aligned_mtl import AlignedMTLOptions, AlignedMTLWeighting
from mtl_platform.weighting.base import (
    GradientOptions,
    GradientWeighting,
    LossWeighting,
    RegularizerConfig,
    Weighting,
    WeightingOptions,
)
from mtl_platform.weighting.cagrad import CAGradOptions, CAGradWeighting
from mtl_platform.weighting.dwa import DWAOptions, DWAWeighting
from mtl_platform.weighting.equal import EqualOptions, EqualWeighting
from mtl_platform.weighting.famo import FAMOOptions, FAMOWeighting
from mtl_platform.weighting.gls import GLSOptions, GLSWeighting
from mtl_platform.weighting.gradnorm import GradNormOptions, GradNormWeighting
from mtl_platform.weighting.imtl import IMTLOptions, IMTLWeighting
from mtl_platform.weighting.mgda import MGDAOptions, MGDAWeighting
from mtl_platform.weighting.nash_mtl import NashMTLOptions, NashMTLWeighting
from mtl_platform.weighting.pcgrad import PCGradOptions, PCGradWeighting
from mtl_platform.weighting.regularizers import REGULARIZERS
from mtl_platform.weighting.rlw import RLWOptions, RLWWeighting
from mtl_platform.weighting.static import StaticOptions, StaticWeighting
from mtl_platform.weighting.uncertainty import UncertaintyOptions, UncertaintyWeighting
from mtl_platform.weighting.upgrad import UPGradOptions, UPGradWeighting

METHODS: dict[str, tuple[type[WeightingOptions], type[Weighting]]] = {
    options.model_fields["method"].default: (options, method)
    for options, method in [
        (EqualOptions, EqualWeighting),
        (StaticOptions, StaticWeighting),
        (UncertaintyOptions, UncertaintyWeighting),
        (DWAOptions, DWAWeighting),
        (GLSOptions, GLSWeighting),
        (RLWOptions, RLWWeighting),
        (FAMOOptions, FAMOWeighting),
        (GradNormOptions, GradNormWeighting),
        (MGDAOptions, MGDAWeighting),
        (PCGradOptions, PCGradWeighting),
        (CAGradOptions, CAGradWeighting),
        (NashMTLOptions, NashMTLWeighting),
        (IMTLOptions, IMTLWeighting),
        (AlignedMTLOptions, AlignedMTLWeighting),
        (UPGradOptions, UPGradWeighting),
    ]
}


def _method_of(value: Any) -> str:
    """The union's tag; a weighting block without `method` means equal weighting."""
    return value.get("method", "equal") if isinstance(value, dict) else value.method


# `weighting:` in a job: one options model per method, chosen by `method`.
WeightingConfig = Annotated[
    Union[tuple(Annotated[options, Tag(name)] for name, (options, _) in METHODS.items())],  # noqa: UP007
    Discriminator(_method_of),
]


def build_weighting(options: WeightingOptions, task_names: list[str]) -> Weighting:
    return METHODS[options.method][1](task_names, options)


def regularization(options: WeightingOptions, model: nn.Module) -> Tensor | None:
    """sum_k beta_k R_k(theta) plus the sharing scheme's penalty (soft sharing's distance):
    the objective's terms that are not task losses; None when there are none."""
    terms = [r.beta * REGULARIZERS[r.name](model) for r in options.regularizers]
    penalty = model.encoder.penalty()
    terms += [penalty] if penalty is not None else []
    return sum(terms[1:], terms[0]) if terms else None


__all__ = [
    "METHODS",
    "GradientOptions",
    "GradientWeighting",
    "LossWeighting",
    "RegularizerConfig",
    "Weighting",
    "WeightingConfig",
    "WeightingOptions",
    "build_weighting",
    "regularization",
]
