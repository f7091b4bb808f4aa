"""`weighting:` in a job: one options model per method, chosen by `method`.

Pure data, so that a job validates without torch; each method's math is in
weighting/<method>.py. `requires` says what the trainer computes for a method
(the loss values, or the per-task gradients as well) and `needs_all_tasks`
whether it weighs every task at every step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal, TypeAlias

from pydantic import Field, field_validator

from mtl_platform.config.strict import Strict, by_tag, tagged_union

# The terms of weighting/regularizers.py, by name (a test keeps the two in step).
REGULARIZER_NAMES = ("l2_shared",)


class RegularizerConfig(Strict):
    name: str
    beta: float = Field(gt=0)

    @field_validator("name")
    @classmethod
    def _known(cls, name: str) -> str:
        if name not in REGULARIZER_NAMES:
            raise ValueError(f"unknown regularizer {name!r}; allowed: {sorted(REGULARIZER_NAMES)}")
        return name


class WeightingOptions(Strict):
    """Fields of every method; each method adds its own `method` literal and options."""

    requires: ClassVar[Literal["losses", "gradients"]] = "losses"
    needs_all_tasks: ClassVar[bool] = True
    learns_parameters: ClassVar[bool] = False  # trained by the main optimizer, beside the model's
    if TYPE_CHECKING:  # each method's literal field, as the type checker sees it on the base
        method: str
    regularizers: list[RegularizerConfig] = Field(default_factory=list)


class GradientOptions(WeightingOptions):
    requires: ClassVar[Literal["losses", "gradients"]] = "gradients"
    gradients: Literal["parameters", "representation"] = Field(
        "parameters",
        description="per-task gradients of all shared parameters, or of the shared representation "
        "(cheaper, MGDA-UB style)",
    )


class EqualOptions(WeightingOptions):
    method: Literal["equal"] = "equal"
    needs_all_tasks: ClassVar[bool] = False


class StaticOptions(WeightingOptions):
    method: Literal["static"] = "static"
    needs_all_tasks: ClassVar[bool] = False
    weights: dict[str, float] = Field(min_length=1, description="weight per task name")

    @field_validator("weights")
    @classmethod
    def _nonnegative(cls, weights: dict[str, float]) -> dict[str, float]:
        if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
            raise ValueError("weights must be >= 0 with a positive sum")
        return weights


class UncertaintyOptions(WeightingOptions):
    learns_parameters: ClassVar[bool] = True  # the log-variances
    method: Literal["uncertainty"] = "uncertainty"


class DWAOptions(WeightingOptions):
    method: Literal["dwa"] = "dwa"
    temperature: float = Field(2.0, gt=0, description="larger is more uniform; the paper uses 2")
    window: int = Field(50, gt=0, description="steps per averaging period (the paper's epoch)")


class GLSOptions(WeightingOptions):
    method: Literal["gls"] = "gls"


class RLWOptions(WeightingOptions):
    method: Literal["rlw"] = "rlw"


class FAMOOptions(WeightingOptions):
    method: Literal["famo"] = "famo"
    lr: float = Field(0.025, gt=0, description="Adam learning rate of the weight logits")
    weight_decay: float = Field(1e-3, ge=0, description="regularization of the weight logits")


class GradNormOptions(GradientOptions):
    method: Literal["gradnorm"] = "gradnorm"
    alpha: float = Field(1.5, ge=0, description="strength of the pull towards equal training rates")
    lr: float = Field(0.025, gt=0, description="learning rate of the weights")


class MGDAOptions(GradientOptions):
    method: Literal["mgda"] = "mgda"
    epsilon: float = Field(1e-3, gt=0, description="Frank-Wolfe stopping tolerance")
    max_iters: int = Field(100, gt=0, description="Frank-Wolfe iterations at most")


class PCGradOptions(GradientOptions):
    method: Literal["pcgrad"] = "pcgrad"


class CAGradOptions(GradientOptions):
    method: Literal["cagrad"] = "cagrad"
    c: float = Field(0.4, ge=0, description="radius of the conflict-averse ball; the paper uses 0.4")


class NashMTLOptions(GradientOptions):
    method: Literal["nash_mtl"] = "nash_mtl"
    max_norm: float = Field(1.0, ge=0, description="clip ||J^T alpha|| to this; 0 disables")
    update_weights_every: int = Field(1, gt=0, description="steps between solves (reuses alpha between)")
    optim_niter: int = Field(20, gt=0, description="iterations of the concave-convex procedure")


class IMTLOptions(GradientOptions):
    method: Literal["imtl"] = "imtl"


class AlignedMTLOptions(GradientOptions):
    method: Literal["aligned_mtl"] = "aligned_mtl"
    scale_mode: Literal["min", "median", "rmse"] = "min"


class UPGradOptions(GradientOptions):
    method: Literal["upgrad"] = "upgrad"


_METHODS: list[type[WeightingOptions]] = [
    EqualOptions,
    StaticOptions,
    UncertaintyOptions,
    DWAOptions,
    GLSOptions,
    RLWOptions,
    FAMOOptions,
    GradNormOptions,
    MGDAOptions,
    PCGradOptions,
    CAGradOptions,
    NashMTLOptions,
    IMTLOptions,
    AlignedMTLOptions,
    UPGradOptions,
]
WEIGHTING_OPTIONS = by_tag(_METHODS, "method")

if TYPE_CHECKING:  # the union is built from the registry, which a type checker cannot follow
    WeightingConfig: TypeAlias = WeightingOptions
else:  # a weighting block without `method` means equal weighting
    WeightingConfig = tagged_union(WEIGHTING_OPTIONS, "method", default="equal")
