"""Weighting methods by name (their options: config/weighting.py), and the regularizer sum of the objective."""

from __future__ import annotations

from torch import Tensor

from mtl_platform.config.weighting import WeightingOptions
from mtl_platform.weighting.aligned_mtl import AlignedMTLWeighting
from mtl_platform.weighting.base import GradientWeighting, LossWeighting, Weighting
from mtl_platform.weighting.cagrad import CAGradWeighting
from mtl_platform.weighting.dwa import DWAWeighting
from mtl_platform.weighting.equal import EqualWeighting
from mtl_platform.weighting.famo import FAMOWeighting
from mtl_platform.weighting.gls import GLSWeighting
from mtl_platform.weighting.gradnorm import GradNormWeighting
from mtl_platform.weighting.imtl import IMTLWeighting
from mtl_platform.weighting.mgda import MGDAWeighting
from mtl_platform.weighting.nash_mtl import NashMTLWeighting
from mtl_platform.weighting.pcgrad import PCGradWeighting
from mtl_platform.weighting.regularizers import REGULARIZERS, Regularized
from mtl_platform.weighting.rlw import RLWWeighting
from mtl_platform.weighting.static import StaticWeighting
from mtl_platform.weighting.uncertainty import UncertaintyWeighting
from mtl_platform.weighting.upgrad import UPGradWeighting

METHODS: dict[str, type[Weighting]] = {
    "equal": EqualWeighting,
    "static": StaticWeighting,
    "uncertainty": UncertaintyWeighting,
    "dwa": DWAWeighting,
    "gls": GLSWeighting,
    "rlw": RLWWeighting,
    "famo": FAMOWeighting,
    "gradnorm": GradNormWeighting,
    "mgda": MGDAWeighting,
    "pcgrad": PCGradWeighting,
    "cagrad": CAGradWeighting,
    "nash_mtl": NashMTLWeighting,
    "imtl": IMTLWeighting,
    "aligned_mtl": AlignedMTLWeighting,
    "upgrad": UPGradWeighting,
}


def build_weighting(options: WeightingOptions, task_names: list[str]) -> Weighting:
    return METHODS[options.method](task_names, options)


def regularization(options: WeightingOptions, model: Regularized) -> Tensor | None:
    """sum_k beta_k R_k(theta) plus the sharing scheme's penalty (soft sharing's distance):
    the objective's terms that are not task losses; None when there are none."""
    terms = [r.beta * REGULARIZERS[r.name](model) for r in options.regularizers]
    penalty = model.encoder.penalty()
    terms += [penalty] if penalty is not None else []
    return sum(terms[1:], terms[0]) if terms else None


__all__ = [
    "METHODS",
    "GradientWeighting",
    "LossWeighting",
    "Weighting",
    "build_weighting",
    "regularization",
]
