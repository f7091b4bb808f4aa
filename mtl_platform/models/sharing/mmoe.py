"""Multi-gate mixture of experts (MMoE, Ma et al., 2018) over the shared representation.

z = backbone(x); E shared experts; each task's gate g_t = softmax(W_t z) per
token; task features z + sum_e g_t,e expert_e(z). The residual z keeps the
pretrained features from the first step on (experts start random). The mean
gate probability of each expert per task (its load) is logged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import torch
from torch import Tensor, nn

from mtl_platform.config.sharing import MMoEOptions
from mtl_platform.models.sharing.base import Encoder

if TYPE_CHECKING:
    from mtl_platform.models.backbones import Backbone


def experts(count: int, hidden: int, width: int) -> nn.ModuleList:
    return nn.ModuleList(
        nn.Sequential(nn.Linear(hidden, width), nn.GELU(), nn.Linear(width, hidden)) for _ in range(count)
    )


class MixtureOfExperts(Encoder):
    """Shared experts plus, for PLE, each task's own; a gate per task over its experts."""

    load_sums: Tensor
    load_counts: Tensor

    def __init__(self, tasks: list[str], backbone: Backbone, shared: int, own: int, width: int):
        super().__init__(tasks, backbone.hidden_size)
        hidden = backbone.hidden_size
        self.backbone = backbone
        self.shared_experts = experts(shared, hidden, width)
        self.task_experts = nn.ModuleDict({t: experts(own, hidden, width) for t in tasks})
        self.gates = nn.ModuleDict({t: nn.Linear(hidden, shared + own) for t in tasks})
        self.register_buffer("load_sums", torch.zeros(len(tasks), shared + own), persistent=False)
        self.register_buffer("load_counts", torch.zeros(len(tasks)), persistent=False)

    def forward(self, task: str, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        z = self.backbone(input_ids, attention_mask)
        pool = [*self.shared_experts, *cast(nn.ModuleList, self.task_experts[task])]
        gate = torch.softmax(self.gates[task](z), dim=-1)  # [batch, length, experts]
        mixed = sum(gate[..., e : e + 1] * expert(z) for e, expert in enumerate(pool))
        if self.training:  # the load of training batches only
            with torch.no_grad():
                index, tokens = self.tasks.index(task), attention_mask.unsqueeze(-1).to(gate.dtype)
                self.load_sums[index] += (gate * tokens).sum((0, 1)).float()
                self.load_counts[index] += tokens.sum().float()
        return z + mixed

    def task_modules(self, task: str) -> list[nn.Module]:
        return [self.task_experts[task], self.gates[task]]

    def metrics(self) -> dict[str, float]:
        loads = (self.load_sums / self.load_counts.clamp(min=1).unsqueeze(1)).tolist()
        self.load_sums.zero_()
        self.load_counts.zero_()
        return {
            f"sharing/{task}/expert_{e}": load for task, row in zip(self.tasks, loads) for e, load in enumerate(row)
        }


class MMoE(MixtureOfExperts):
    def __init__(self, tasks: list[str], backbone: Backbone, options: MMoEOptions):
        super().__init__(tasks, backbone, options.num_experts, 0, options.expert_hidden)
