"""What a job would do, told before it runs (`mtl validate`): each task's rows and labels, how
much of its text `max_length` cuts, the batches (and epochs) each task gets under the sampler,
the model's parameters with a memory estimate per worker, and where the run would log and write.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import datasets

from mtl_platform.config import JobConfig
from mtl_platform.data.raw import label_shares
from mtl_platform.data.sampler import expected_batches
from mtl_platform.models.multitask import parameter_counts
from mtl_platform.tasks.tokenizers import load_tokenizer
from mtl_platform.tracking.mlflow_store import tracking_uri
from mtl_platform.train.memory import MemoryEstimate, estimate, shapes_only, variant
from mtl_platform.tune.config import SweepConfig

TRUNCATION_SAMPLE = 5000  # train rows tokenized to estimate the share max_length cuts
STRATEGIES = ("ddp", "fsdp")


@dataclass(frozen=True)
class TaskSummary:
    name: str
    type: str
    rows: dict[str, int]  # per split; train after the validation split is carved from it
    label_shares: dict[str, float]  # each label's share of the train labels (empty for regression)
    truncated: float  # share of (a sample of) the train rows longer than max_length tokens
    batches: float  # of this task in the run, expected under the sampler
    epochs: float  # passes over its train rows those batches make


@dataclass(frozen=True)
class JobSummary:
    tasks: list[TaskSummary]
    parameters: dict[str, int]  # parameter_counts of the model: total, trainable, shared, per task
    memory: dict[str, MemoryEstimate]  # per worker, under each strategy (train/memory.py)
    tracking_uri: str
    storage_path: str
    cache_dir: Path


def summarize_job(job: JobConfig, rows: dict[str, dict[str, datasets.Dataset]]) -> JobSummary:
    """The summary of `job` from the rows preflight read (by task and split)."""
    fraction = job.trainer.validation_fraction
    sizes = {t: max(1, round(len(splits["train"]) * (1 - fraction))) for t, splits in rows.items()}
    batches = expected_batches(sizes, job.trainer.sampling, job.trainer.max_steps)
    tokenizer = load_tokenizer(job.model)
    tasks = []
    for task in job.tasks:
        splits = rows[task.name]
        counts = {split: len(found) for split, found in splits.items()}
        if fraction:
            counts["validation"] = len(splits["train"]) - sizes[task.name]
            counts["train"] = sizes[task.name]
        epochs = batches[task.name] * job.trainer.batch_size / sizes[task.name]
        tasks.append(
            TaskSummary(
                task.name,
                task.type,
                counts,
                label_shares(splits["train"], task.labels),
                _truncated(_head(splits["train"], TRUNCATION_SAMPLE), tokenizer, job.model.max_length),
                batches[task.name],
                epochs,
            )
        )
    model = shapes_only(job)
    precision = "bf16" if job.trainer.precision == "bf16" else "fp32"
    memory = {s: estimate(variant(job, "scaling", strategy=s), model, precision=precision) for s in STRATEGIES}
    return JobSummary(
        tasks,
        parameter_counts(model),
        memory,
        tracking_uri(job.tracking.uri),
        job.trainer.storage_path,
        job.trainer.cache_dir,
    )


def _head(rows: datasets.Dataset, count: int) -> list[dict[str, Any]]:
    return rows.select(range(min(count, len(rows)))).to_list()


def _truncated(train: list[dict[str, Any]], tokenizer: Any, max_length: int) -> float:
    """The share of rows whose tokens (special ones included) exceed max_length."""
    if not train:
        return 0.0
    if "tokens" in train[0]:
        ids = tokenizer([row["tokens"] for row in train], is_split_into_words=True)["input_ids"]
    else:
        pairs = [row["text_pair"] for row in train]
        ids = tokenizer([row["text"] for row in train], pairs if any(pairs) else None)["input_ids"]
    return sum(len(i) > max_length for i in ids) / len(ids)


def sweep_trials(sweep: SweepConfig) -> tuple[int | None, int]:
    """The number of distinct points in the search space (None if a dimension is continuous), and
    of trials the sweep runs: tune.num_samples times every grid's size (Ray Tune's rule)."""
    grid = math.prod(len(p.values or []) for p in sweep.search.values() if p.type == "grid")
    finite = all(p.type in ("grid", "choice") for p in sweep.search.values())
    points = math.prod(len(p.values or []) for p in sweep.search.values()) if finite else None
    return points, sweep.tune.num_samples * grid
