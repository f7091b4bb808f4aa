"""Regularizer terms R_k(theta) of the objective, by name; each is scaled by its beta."""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import Tensor, nn


def l2_shared(model: nn.Module) -> Tensor:
    """Squared L2 norm of the shared (backbone) parameters."""
    return torch.stack([p.pow(2).sum() for p in model.shared_parameters()]).sum()


REGULARIZERS: dict[str, Callable[[nn.Module], Tensor]] = {"l2_shared": l2_shared}
