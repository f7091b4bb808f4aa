"""Progressive layered extraction (PLE, Tang et al., 2020), one extraction layer (CGC):
shared experts plus each task's own, and a gate per task over both. Expert indices in
the logged load: shared experts first, then the task's own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mtl_platform.config.sharing import PLEOptions
from mtl_platform.models.sharing.mmoe import MixtureOfExperts

if TYPE_CHECKING:
    from mtl_platform.models.backbones import Backbone


class PLE(MixtureOfExperts):
    def __init__(self, tasks: list[str], backbone: Backbone, options: PLEOptions):
        super().__init__(tasks, backbone, options.num_experts, options.num_task_experts, options.expert_hidden)
