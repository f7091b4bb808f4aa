"""Mixed batches: rows of several tasks in one padded batch.

Each task gets a view of the batch: the shared input tensors (an encoder-decoder's
targets among them), its labels on every row (a placeholder on other tasks' rows) and a
`label_mask` of its own rows. The model encodes the shared inputs once where the tasks
share an encoder (hard sharing), or once with each row routed to its task's adapter
(per-task LoRA, by `row_task`), and each loss counts only its task's rows; a task with
no row in the step adds a zero loss with zero gradient."""

from __future__ import annotations

import torch
from torch import Tensor

from mtl_platform.tasks import Task
from mtl_platform.tasks.token_classification import IGNORE

Batch = dict[str, Tensor]


def _labels(task: Task, part: Batch | None, rows: slice, total: int, length: int) -> Tensor:
    """The task's labels over all `total` rows, its own at `rows`."""
    if task.padded_labels:
        labels = torch.full((total, length), IGNORE, dtype=torch.long)
        if part is not None:
            own = part["labels"]
            labels[rows, : own.shape[1]] = own
        return labels
    placeholder = torch.tensor(task.placeholder_label())
    labels = torch.zeros((total, *placeholder.shape), dtype=part["labels"].dtype if part else placeholder.dtype)
    if part is not None:
        labels[rows] = part["labels"]
    return labels


def mix(
    parts: dict[str, Batch | None], tasks: dict[str, Task], pad_token_id: int, device: torch.device
) -> dict[str, Batch]:
    """One batch of every task's collated rows (None: none on this worker), as per-task views."""
    present = [p for p in parts.values() if p is not None]
    total = sum(len(p["input_ids"]) for p in present)
    # An encoder-decoder's targets pad with 0: the causal decoder's real positions never read it.
    padding = {"input_ids": pad_token_id, "attention_mask": 0, "target_ids": 0}
    shared: Batch = {}
    for key in (k for k in padding if k in present[0]):
        length = max(p[key].shape[1] for p in present)
        shared[key] = torch.full((total, length), padding[key], dtype=torch.long)
    spans, start = {}, 0
    for name, part in parts.items():
        rows = len(part["input_ids"]) if part is not None else 0
        spans[name] = slice(start, start + rows)
        if part is not None:
            for key, tensor in shared.items():
                tensor[spans[name], : part[key].shape[1]] = part[key]
        start += rows
    row_task = torch.zeros(total, dtype=torch.long)  # each row's task, by its place in `tasks` (kept on the CPU)
    for name, span in spans.items():
        row_task[span] = list(tasks).index(name)
    # Labels per token align with the decoder's sequence where there is one, else the input's.
    label_length = shared["target_ids" if "target_ids" in shared else "input_ids"].shape[1]
    shared = {key: tensor.to(device) for key, tensor in shared.items()} | {"row_task": row_task}
    views = {}
    for name, part in parts.items():
        mask = torch.zeros(total, dtype=torch.bool)
        mask[spans[name]] = True
        labels = _labels(tasks[name], part, spans[name], total, label_length)
        views[name] = {**shared, "labels": labels.to(device), "label_mask": mask.to(device)}
    return views
