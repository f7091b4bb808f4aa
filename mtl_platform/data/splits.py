"""A validation split carved from train, for model selection that never looks at dev or test.

Carved from the tokenized train split by row indices (memory-mapped, no copy, no new
tokenization), seeded so that every worker and every run with the seed carves the same rows,
and stratified by class where the task has classes to stratify by.
"""

from __future__ import annotations

from collections import Counter

import datasets
from sklearn.model_selection import train_test_split

VALIDATION = "validation"


def carve_validation(
    train: datasets.Dataset, fraction: float, seed: int, stratify: bool
) -> tuple[datasets.Dataset, datasets.Dataset]:
    """(the rest of train, validation): `fraction` of the rows, at least one, each class kept in
    proportion when `stratify` and every class has two rows or more."""
    indices = list(range(len(train)))
    labels = train["labels"] if stratify else None
    if labels is not None and min(Counter(labels).values()) < 2:
        labels = None
    size = max(1, round(fraction * len(train)))
    rest, chosen = train_test_split(indices, test_size=size, random_state=seed, stratify=labels)
    return train.select(sorted(rest)), train.select(sorted(chosen))
