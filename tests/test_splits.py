"""The validation split carved from train: disjoint, reproducible, stratified."""

from __future__ import annotations

from collections import Counter

import datasets

from mtl_platform.data.splits import carve_validation


def labelled(labels: list[int]) -> datasets.Dataset:
    return datasets.Dataset.from_dict({"row": list(range(len(labels))), "labels": labels})


def test_validation_is_disjoint_from_train_reproducible_and_stratified():
    data = labelled([0] * 90 + [1] * 10)
    train, validation = carve_validation(data, 0.2, seed=7, stratify=True)
    rows, held = set(train["row"]), set(validation["row"])
    assert not rows & held and rows | held == set(range(100))
    assert len(validation) == 20 and Counter(validation["labels"]) == {0: 18, 1: 2}, "class shares kept"
    again, same = carve_validation(data, 0.2, seed=7, stratify=True)
    assert same["row"] == validation["row"] and again["row"] == train["row"]
    assert carve_validation(data, 0.2, seed=8, stratify=True)[1]["row"] != validation["row"], "the seed matters"
    assert train["row"] == sorted(train["row"]), "train keeps its order"


def test_a_class_too_small_to_split_falls_back_to_an_unstratified_draw():
    data = labelled([0] * 9 + [1])
    train, validation = carve_validation(data, 0.3, seed=0, stratify=True)
    assert len(validation) == 3 and len(train) == 7
