"""Splits carved from train (validation; dev and test): disjoint, reproducible, stratified."""

from __future__ import annotations

from collections import Counter

import datasets
import pytest

from mtl_platform.data.splits import carve_indices, carve_validation


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


def test_dev_and_test_carved_from_train_are_seeded_stratified_and_disjoint(monkeypatch, tmp_path):
    """A benchmark with one labelled file: dev and test carved from the SST-2 sample's train rows,
    each its fraction of all rows with each label's share kept, never overlapping, the same on
    every read; max_train_examples caps what is left to train on."""
    from mtl_platform.config import TaskConfig
    from mtl_platform.data import raw
    from tests.conftest import DATA, read_split, sst2_task

    spec = sst2_task(DATA / "sst2")
    spec["data"]["dev"] = {"carve_from": "train", "fraction": 0.1}
    spec["data"]["test"] = {"carve_from": "train", "fraction": 0.2, "seed": 3}
    config = TaskConfig.model_validate(spec)
    whole = read_split(TaskConfig.model_validate(sst2_task(DATA / "sst2")), "train")
    parts = {split: read_split(config, split) for split in ("train", "dev", "test")}
    assert len(parts["dev"]) == round(0.1 * len(whole)) and len(parts["test"]) == round(0.2 * len(whole))
    assert sum(len(rows) for rows in parts.values()) == len(whole)
    ids = {
        split: set(rows)
        for split, rows in carve_indices(len(whole), [r["label"] for r in whole], config.data.carved()).items()
    }
    assert not ids["train"] & ids["dev"] and not ids["train"] & ids["test"] and not ids["dev"] & ids["test"]
    assert parts["dev"] == [whole[i] for i in sorted(ids["dev"])]  # what read_split gives is that carving
    share = Counter(r["label"] for r in whole)[1] / len(whole)
    assert Counter(r["label"] for r in parts["dev"])[1] / len(parts["dev"]) == pytest.approx(share, abs=0.01)
    assert read_split(config, "dev") == parts["dev"]  # seeded: the same rows on every read
    assert len(read_split(config.model_copy(update={"max_train_examples": 50}), "train")) == 50
    reads, read = [], raw.read_rows
    monkeypatch.setattr(raw, "read_rows", lambda task, split: reads.append(split) or read(task, split))
    fresh = raw.read_splits(config, tmp_path)
    assert {split: rows.to_list() for split, rows in fresh.items()} == parts  # from one read of the train file
    assert raw.read_splits(config, tmp_path)["dev"].to_list() == parts["dev"]  # and then from its cache
    assert reads == ["train"]
    spec["data"]["dev"]["fraction"] = 0.85
    with pytest.raises(ValueError, match="the carved splits' fractions leave no train rows"):
        TaskConfig.model_validate(spec)
