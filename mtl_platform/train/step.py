"""One step's gradients: task losses -> weighting method -> `.grad`, exact under DDP.

Every task's loss is its mean over the *global* batch (see `global_mean`), so
the mean of the workers' gradients is the single-process gradient.

- Loss weightings run on the DDP-wrapped model. f is evaluated on the global
  loss values (the same on every worker) and w = df/dL is taken from that; the
  backward pass of sum_t w_t L_t then gives, after DDP's mean, exactly the
  gradient of f on the global batch.
- Gradient weightings run on the bare model: DDP's all-reduce of one summed
  loss would silently replace the method. Per-task gradients are reduced
  across workers here first (their mean, as DDP would take), so every worker
  builds the same Gramian, draws the same weights and applies the same update.
  Task heads get their own task's gradient, unweighted (as in TorchJD and LibMTL).
"""

from __future__ import annotations

import contextlib
import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import cast

import torch
import torch.distributed as dist
from torch import Tensor, nn

from mtl_platform.models.multitask import Batch, MultiTaskModel
from mtl_platform.tasks import Task
from mtl_platform.weighting import GradientWeighting, LossWeighting, regularization


def distributed() -> bool:
    return dist.is_available() and dist.is_initialized()


def global_mean(loss_sum: Tensor, count: Tensor, world_size: int) -> tuple[Tensor, float | None]:
    """The loss to backpropagate and its value, both the mean over the *global* batch.

    Each worker divides its summed loss by the global count (all-reduced); the
    mean of the workers' gradients (DDP's, or ours for gradient methods) is then
    the gradient of the global mean, even when workers hold different numbers
    of labelled tokens. A task with no label in the global batch (a mixed batch
    without its rows) has value None and a loss of zero with zero gradient.
    """
    totals = torch.stack([loss_sum.detach().float(), count.float()])
    if distributed():
        dist.all_reduce(totals)
    if totals[1] == 0:
        return loss_sum * 0.0, None
    return loss_sum * world_size / totals[1], float(totals[0] / totals[1])


def average_across_workers(tensors: list[Tensor]) -> None:
    """In place: each tensor becomes its mean over workers (one all-reduce for all)."""
    if not distributed() or not tensors:
        return
    if len(tensors) == 1:  # no staging copy, which for a Jacobian would double its memory
        dist.all_reduce(tensors[0])
        tensors[0] /= dist.get_world_size()
        return
    flat = torch.cat([t.reshape(-1) for t in tensors])
    dist.all_reduce(flat)
    flat /= dist.get_world_size()
    for tensor, part in zip(tensors, flat.split([t.numel() for t in tensors])):
        tensor.copy_(part.view_as(tensor))


@contextlib.contextmanager
def seeded(seed: int, step: int) -> Iterator[None]:
    """Random draws of a method (RLW weights, PCGrad's order) from (seed, step) alone:
    the same on every worker, for any world size, and again after a resume."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed * 1_000_003 + step)
        yield


@dataclass
class Step:
    """Where a step runs: its number (1-based), the job's seed, the world size, the autocast
    context, and the grad scaler (fp16 only; a pass-through otherwise)."""

    number: int
    seed: int
    world: int
    autocast: contextlib.AbstractContextManager
    scaler: torch.amp.GradScaler


@dataclass
class StepResult:
    values: dict[str, float]  # each task's global mean loss
    weights: dict[str, float]  # each task's effective weight
    gradient_norms: dict[str, float] = field(default_factory=dict)
    conflict: float | None = None  # mean pairwise cosine of the task gradients


class NonFiniteLoss(ArithmeticError):
    """A task's global loss is NaN or infinite. Raised before any weighting sees the values
    or any parameter changes; every worker raises it at the same step (the values are global)."""

    def __init__(self, task: str, value: float, step: int):
        super().__init__(f"task {task!r} has a non-finite loss ({value}) at step {step}")
        self.task, self.value, self.step = task, value, step


def task_losses(
    tasks: dict[str, Task], outputs: dict[str, Tensor], batches: dict[str, Batch], world: int
) -> tuple[dict[str, Tensor], dict[str, float]]:
    """Every task's loss to backpropagate, and the global values of the tasks that had labels."""
    local, values = {}, {}
    for name, output in outputs.items():
        local[name], value = global_mean(*tasks[name].loss_sum(output, batches[name]), world)
        if value is not None:
            values[name] = value
    return local, values


def _first_nonfinite(values: dict[str, float], step: Step) -> NonFiniteLoss | None:
    bad = [t for t, v in values.items() if not math.isfinite(v)]
    return NonFiniteLoss(bad[0], values[bad[0]], step.number) if bad else None


def loss_weighted_backward(
    model: nn.Module, tasks: dict[str, Task], weighting: LossWeighting, batches: dict[str, Batch], step: Step
) -> StepResult:
    with step.autocast:
        outputs = model(batches)
    local, values = task_losses(tasks, outputs, batches, step.world)
    if error := _first_nonfinite(values, step):
        # DDP expects a backward after each forward; the caller drops the gradients.
        cast(Tensor, sum(local.values())).backward()
        raise error
    names = list(values)  # a task without labels in this step is not weighed: its loss is a zero
    leaf = torch.tensor([values[t] for t in names], requires_grad=True)
    with seeded(step.seed, step.number):
        objective = weighting.objective(names, leaf)
    objective.backward()  # leaf.grad = df/dL; method parameters (log-variances) get their exact gradient
    assert leaf.grad is not None  # the objective depends on every loss
    weights = dict(zip(names, leaf.grad.tolist()))
    # The zeros stay in the sum: DDP expects a gradient (zero) for every head the forward used.
    total = cast(Tensor, sum(weights[t] * local[t] if t in weights else local[t] for t in local))
    extra = regularization(weighting.options, _core(model))
    step.scaler.scale(total if extra is None else total + extra).backward()
    return StepResult(values, weights)


def _core(model: nn.Module) -> MultiTaskModel:
    core = model.module if isinstance(model, nn.parallel.DistributedDataParallel) else model
    return cast(MultiTaskModel, core)


def fill_row(parts: Sequence[Tensor], grads: Sequence[Tensor | None]) -> set[int]:
    """Copy each parameter's gradient into its slice of a Jacobian row; the indices that had one."""
    used = set()
    for j, (part, grad) in enumerate(zip(parts, grads)):
        if grad is not None:
            part.copy_(grad.reshape(-1))
            used.add(j)
    return used


def cosines(gramian: Tensor) -> tuple[Tensor, Tensor]:
    """The task gradients' norms and pairwise cosines, from their Gramian (so the diagonal is exactly 1)."""
    norms = gramian.diagonal().clamp(min=0).sqrt()
    return norms, gramian / (norms[:, None] * norms[None, :]).clamp(min=1e-12)


def gradient_weighted_backward(
    model: MultiTaskModel, tasks: dict[str, Task], weighting: GradientWeighting, batches: dict[str, Batch], step: Step
) -> StepResult:
    """One step of a gradient weighting method: per-task gradients (of the shared parameters, or of
    the shared representation), all-reduced, their Gramian, the method's weights, the combination.

    One function on purpose: the two modes share the losses, the own parameters' gradients and the
    reduction, and differ only where `by_parameters` is tested; split into helpers, the order of
    reductions that makes N workers compute what one does would no longer read in one place."""
    names = list(batches)
    with step.autocast:
        features = {t: model.encode(t, batches[t]) for t in names}
        outputs = {t: model.head(t, features[t], batches[t]) for t in names}
    local, values = task_losses(tasks, outputs, batches, step.world)
    if error := _first_nonfinite(values, step):
        raise error
    shared = model.shared_parameters()
    by_parameters = weighting.options.gradients == "parameters"
    # Own parameters get their task's gradient, unweighted. In representation mode only the
    # heads do: everything below the features gets the combined gradient through them.
    own = {
        t: model.task_parameters(t) if by_parameters else [p for p in model.heads[t].parameters() if p.requires_grad]
        for t in names
    }

    sizes = [p.numel() for p in shared]
    if by_parameters:  # one row per task, written in place: no per-task flat copies
        jacobian = torch.zeros(len(names), sum(sizes), device=shared[0].device)
        rows = [row.split(sizes) for row in jacobian]
    reps, used = [], set()
    for i, t in enumerate(names):
        # Each task's loss depends on the backbone only through its own batch, so
        # these T backward passes together cost what one pass of the summed loss would.
        targets = shared if by_parameters else [features[t]]
        grads = torch.autograd.grad(local[t], targets + own[t], retain_graph=not by_parameters, allow_unused=True)
        for p, g in zip(own[t], grads[len(targets) :]):
            p.grad = g
        if by_parameters:
            used |= fill_row(rows[i], grads[: len(shared)])
        else:
            reps.append(grads[0])
    average_across_workers([p.grad for t in names for p in own[t] if p.grad is not None])

    if by_parameters:
        average_across_workers([jacobian])
        gramian = jacobian @ jacobian.T
    else:
        # Each task's representation is of its own examples, and the workers'
        # examples are disjoint, so the global Gramian is diagonal and is the sum
        # of the workers' squared norms (of gradients scaled by `world`, hence / world^2).
        gramian = torch.diag(torch.stack([g.float().pow(2).sum() for g in reps]))
        average_across_workers([gramian])
        gramian = gramian / step.world
    with seeded(step.seed, step.number):
        w = weighting.weights(gramian, torch.tensor([values[t] for t in names])).to(gramian)

    if by_parameters:
        combined = w @ jacobian
        for j, (p, part) in enumerate(zip(shared, combined.split(sizes))):
            if j in used:
                p.grad = part.view_as(p)  # views of one buffer, as DDP's gradient buckets are
    else:
        torch.autograd.backward([features[t] for t in names], [w[i].to(g.dtype) * g for i, g in enumerate(reps)])
        average_across_workers([p.grad for p in model.encoder.parameters() if p.grad is not None])
    extra = regularization(weighting.options, model)
    if extra is not None:
        extra.backward()

    norms, cosine = cosines(gramian)
    result = StepResult(values, dict(zip(names, w.tolist())), dict(zip(names, norms.tolist())))
    if by_parameters and len(names) > 1:
        pairs = list(itertools.combinations(range(len(names)), 2))
        result.conflict = float(torch.stack([cosine[i, j] for i, j in pairs]).mean())
    return result
