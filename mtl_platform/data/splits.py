"""Splits carved from train: a validation split for model selection that never looks at dev or
test, and a dev or test split for a benchmark that ships only one labelled file.

Carved by row indices from memory-mapped Arrow (no copy; a validation split needs no new
tokenization), seeded so that every worker and every run with the seed carves the same rows,
and stratified by class where the task has classes to stratify by.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import datasets
from sklearn.model_selection import train_test_split

if TYPE_CHECKING:
    from mtl_platform.config.task import CarvedSplit

VALIDATION = "validation"


def carve_indices(count: int, labels: list[Any] | None, carved: dict[str, CarvedSplit]) -> dict[str, list[int]]:
    """The indices of a train file's `count` rows cut into the carved splits (each its fraction of
    all rows, its own seed; stratified by `labels` when given) and the rest as `train`, in file
    order, never overlapping."""
    parts: dict[str, list[int]] = {}
    rest = list(range(count))
    for split, carve in carved.items():
        kept = [labels[i] for i in rest] if labels is not None else None
        rest, parts[split] = _split(rest, kept, carve.fraction * count, carve.seed)
    parts["train"] = rest
    return parts


def _split(indices: list[int], labels: list[Any] | None, size: float, seed: int) -> tuple[list[int], list[int]]:
    """(rest, chosen), each in order: `size` of the indices (at least one), each class kept in
    proportion when there are `labels` and every class has two rows or more."""
    if labels is not None and min(Counter(labels).values()) < 2:
        labels = None
    rest, chosen = train_test_split(indices, test_size=max(1, round(size)), random_state=seed, stratify=labels)
    return sorted(rest), sorted(chosen)


def carve_validation(
    train: datasets.Dataset, fraction: float, seed: int, stratify: bool
) -> tuple[datasets.Dataset, datasets.Dataset]:
    """(the rest of train, validation): `fraction` of the rows, at least one, each class kept in
    proportion when `stratify` and every class has two rows or more."""
    rest, chosen = _split(list(range(len(train))), train["labels"] if stratify else None, fraction * len(train), seed)
    return train.select(rest), train.select(chosen)
