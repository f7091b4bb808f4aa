"""Progressive layered extraction (PLE, Tang et al., 2020), one extraction layer (CGC):
shared experts plus each task's own, and a gate per task over both. Expert indices in
the logged load: shared experts first, then the task's own."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from torch import nn

from mtl_platform.models.sharing.base import SharingOptions
from mtl_platform.models.sharing.mmoe import MixtureOfExperts


class PLEOptions(SharingOptions):
    scheme: Literal["ple"] = "ple"
    num_experts: int = Field(2, gt=0, description="shared experts")
    num_task_experts: int = Field(1, gt=0, description="experts of each task")
    expert_hidden: int = Field(128, gt=0)


class PLE(MixtureOfExperts):
    def __init__(self, tasks: list[str], backbone: nn.Module, options: PLEOptions):
        super().__init__(tasks, backbone, options.num_experts, options.num_task_experts, options.expert_hidden)
