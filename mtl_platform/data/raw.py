"""Each task's raw rows, read once into memory-mapped Arrow: data larger than memory.

A file is parsed in one pass (the readers in data/sources.py yield a row at a time) and written
by `datasets`' ArrowWriter a batch at a time to `cache_dir/raw/`; everything that reads the rows
afterwards (the checks before Ray starts, tokenization, `mtl validate`) memory-maps that file, so
no process holds a dataset whole and a file is parsed once however often a job reads it. The
cache key hashes what the rows depend on: the task's type, labels and data settings, and the
files' sizes and times.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import datasets
from datasets.arrow_writer import ArrowWriter
from datasets.fingerprint import Hasher

from mtl_platform.config import ConfigError, JobConfig, TaskConfig
from mtl_platform.data.sources import SPLITS, Row, read_rows
from mtl_platform.data.splits import carve_indices
from mtl_platform.tasks import TASK_TYPES

RARE_LABEL_SHARE = 0.01  # a label under this share of its task's train labels is worth a warning
LABEL_BATCH = 10_000  # rows of a label column in memory at once when counting labels
Splits = dict[str, datasets.Dataset]


def rows_key(task: TaskConfig, split: str) -> str:
    """What a split's rows depend on: the task's type, labels, data settings, prompt and
    verbalizer (a generation task's text and target are made from them as rows are read), and
    its files."""
    files = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in task.data.files()]
    labels = task.model_dump(mode="json", include={"type", "data", "labels", "label_map", "prompt", "verbalizer"})
    return Hasher.hash([labels, files, split])


def _write(rows: Iterator[Row], path: Path) -> datasets.Dataset:
    """Rows to an Arrow file a batch at a time, written beside its name and renamed, so that a
    process reading the cache (another worker on the node) never sees half a file."""
    first = next(rows, None)
    if first is None:  # no row to infer the columns from; nothing to cache
        return datasets.Dataset.from_dict({})
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        with ArrowWriter(path=str(partial)) as writer:
            for row in itertools.chain([first], rows):
                writer.write(row)
            writer.finalize()
    except BaseException:  # a bad row further down the file: nothing half-written stays behind
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return datasets.Dataset.from_file(str(path))


def _file_rows(task: TaskConfig, split: str, cache_dir: Path) -> datasets.Dataset | None:
    """One of the task's files (train, dev or test), memory-mapped; None if the task has none."""
    path = cache_dir / "raw" / f"{task.name}-{split}-{rows_key(task, split)}.arrow"
    if path.exists():
        return datasets.Dataset.from_file(str(path))
    rows = read_rows(task, split)
    return None if rows is None else _write(rows, path)


def read_splits(task: TaskConfig, cache_dir: Path, splits: tuple[str, ...] = SPLITS) -> Splits:
    """Each of `splits` the task has (carved ones cut from its train file), capped by
    max_*_examples, memory-mapped from `cache_dir`."""
    carved = task.data.carved()
    parts: Splits = {}
    if carved and any(split in ("train", *carved) for split in splits):
        whole = _file_rows(task, "train", cache_dir)
        assert whole is not None  # a local source has a train file; the hub's train split is checked
        stratify = TASK_TYPES[task.type].stratified
        indices = carve_indices(len(whole), whole["label"] if stratify else None, carved)
        parts = {split: whole.select(rows) for split, rows in indices.items()}
    found = {}
    for split in splits:
        rows = parts[split] if split in parts else _file_rows(task, split, cache_dir)
        if rows is not None:
            cap = task.max_train_examples if split == "train" else task.max_eval_examples
            found[split] = rows.select(range(cap)) if cap and cap < len(rows) else rows
    return found


def check_labels(job: JobConfig, source: str) -> dict[str, Splits]:
    """Read every split once so that bad columns or labels fail before Ray starts; the rows read,
    by task and split."""
    found: dict[str, Splits] = {}
    for task in job.tasks:
        try:
            found[task.name] = read_splits(task, job.trainer.cache_dir)
            for split in SPLITS:
                rows = found[task.name].get(split)
                if (rows is not None and len(rows) == 0) or (split == "train" and rows is None):
                    raise ConfigError(f"tasks.{task.name}.data.{split}: no labelled examples")
        except ConfigError as exc:
            raise ConfigError(f"{source}: {exc}") from None
    return found


def label_shares(train: datasets.Dataset, labels: list[str] | None) -> dict[str, float]:
    """Each label's share: of the rows (a multi-hot row counts each of its labels), or of the tags;
    read a batch of the label column at a time."""
    if not labels or len(train) == 0:
        return {}
    column = "tags" if "tags" in train.column_names else "label"
    counts: Counter[int] = Counter()
    for batch in train.select_columns([column]).iter(batch_size=LABEL_BATCH):
        for label in batch[column]:
            if column == "label" and isinstance(label, list):  # multi-hot
                counts.update(i for i, on in enumerate(label) if on)
            elif isinstance(label, list):
                counts.update(label)
            elif label is not None:
                counts[label] += 1
    total = sum(counts.values()) or 1
    return {name: counts[i] / total for i, name in enumerate(labels)}


def rare_labels(shares: dict[str, float]) -> dict[str, float]:
    """The labels of `label_shares` under RARE_LABEL_SHARE, with their shares."""
    return {name: share for name, share in shares.items() if share < RARE_LABEL_SHARE}
