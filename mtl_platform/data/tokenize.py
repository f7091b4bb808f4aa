"""Tokenize each task's splits once, in parallel processes, and cache them as Arrow files.

The raw rows come memory-mapped from data/raw.py, and `datasets.map` tokenizes them a batch at
a time (in `trainer.tokenize_processes` processes, each writing its shard), so a split larger
than memory is never held whole. The cache key hashes everything the tokens depend on (the
task's config, the files' sizes and times, the tokenizer, the max length), so a changed file or
setting re-tokenizes and an unchanged one is memory-mapped straight away.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import datasets
from datasets.fingerprint import Hasher
from transformers import PreTrainedTokenizerBase

from mtl_platform.config import JobConfig
from mtl_platform.data.raw import read_splits, rows_key
from mtl_platform.data.sources import SPLITS
from mtl_platform.data.splits import VALIDATION, carve_validation
from mtl_platform.tasks import Task
from mtl_platform.tasks.tokenizers import load_tokenizer

log = logging.getLogger(__name__)
TokenizedTask = dict[str, datasets.Dataset]


ROWS_PER_PROCESS = 100_000  # below this, starting a process costs more than it saves (bench/data.py)


def _cache_key(task: Task, split: str, tokenizer: PreTrainedTokenizerBase) -> str:
    return Hasher.hash(
        [
            rows_key(task.config, split),
            task.config.model_dump(mode="json"),
            tokenizer.name_or_path,
            len(tokenizer),
            task.model_config.max_length,
            task.model_config.backbone,  # a seq2seq model's rows are encoded apart from their targets
            task.model_config.target_tokenizer,
        ]
    )


def tokenize_processes(rows: int, asked: int | None) -> int:
    """`asked`, or one process per ROWS_PER_PROCESS rows, at most one per CPU."""
    return asked or max(1, min(os.cpu_count() or 1, rows // ROWS_PER_PROCESS))


def tokenize_task(
    task: Task,
    tokenizer: PreTrainedTokenizerBase,
    cache_dir: Path,
    splits_wanted: tuple[str, ...] = SPLITS,
    processes: int | None = None,
) -> TokenizedTask:
    """Tokenized splits of one task (absent splits left out), from the cache when possible
    (`datasets.map` finds it, in one file or a shard per process)."""
    splits: TokenizedTask = {}
    for split, rows in read_splits(task.config, cache_dir, splits_wanted).items():
        key = _cache_key(task, split, tokenizer)
        cache_file = cache_dir / f"{task.name}-{split}-{key}.arrow"
        workers = tokenize_processes(len(rows), processes)
        if not any(cache_dir.glob(f"{cache_file.stem}*.arrow")):
            log.info("tokenizing %s/%s (%d rows, %d processes)", task.name, split, len(rows), workers)
        splits[split] = rows.map(
            task.encode,
            batched=True,
            fn_kwargs={"tokenizer": tokenizer},
            remove_columns=rows.column_names,
            cache_file_name=str(cache_file),
            new_fingerprint=key,
            num_proc=workers if workers > 1 else None,
            desc=f"tokenize {task.name}/{split}",
        )
    return splits


def tokenize_job(job: JobConfig, tasks: dict[str, Task]) -> dict[str, TokenizedTask]:
    """Every task's splits; with trainer.validation_fraction, a `validation` split carved from train."""
    tokenizer = load_tokenizer(job.model)
    trainer = job.trainer
    data = {
        name: tokenize_task(task, tokenizer, trainer.cache_dir, processes=trainer.tokenize_processes)
        for name, task in tasks.items()
    }
    if trainer.validation_fraction:
        for name, splits in data.items():
            splits["train"], splits[VALIDATION] = carve_validation(
                splits["train"], trainer.validation_fraction, trainer.seed, tasks[name].stratified
            )
    return data
