"""Regularizer terms R_k(theta) of the objective, by name; each is scaled by its beta."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import torch
from torch import Tensor, nn


class Penalized(Protocol):
    def penalty(self) -> Tensor | None: ...


class Regularized(Protocol):
    """What the objective's extra terms read of the multi-task model (models/multitask.py)."""

    @property
    def encoder(self) -> Penalized: ...

    def shared_parameters(self) -> list[nn.Parameter]: ...


def l2_shared(model: Regularized) -> Tensor:
    """Squared L2 norm of the shared (backbone) parameters."""
    return torch.stack([p.pow(2).sum() for p in model.shared_parameters()]).sum()


REGULARIZERS: dict[str, Callable[[Regularized], Tensor]] = {"l2_shared": l2_shared}
