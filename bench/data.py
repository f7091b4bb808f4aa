"""Data larger than memory: tokenization rows/s in one process and in parallel, and the peak
memory of tokenizing and of a training worker, whole-load against streaming.

The data is SST-2's train file (../shared/data's full one when MTL_SHARED_DATA is set, else the
repo's sample) repeated --repeat times into one tsv. Each measurement runs in a process of its own,
so that its peak resident memory (ru_maxrss, memory-mapped pages it touched included) is its own;
"the work's" is that peak less the peak after the imports (torch, transformers: ~630 MB), and
"heap grown" the memory no file backs that the work added (its rows, not the mapped files' pages):

- whole-load: how the platform read data before (every row in a Python list, `Dataset.from_list`,
  `map` in one process): the baseline;
- streaming: data/raw.py's one-pass read into memory-mapped Arrow, then `datasets.map` in one
  process and in --processes;
- worker: what a Ray Train worker does with the tokenized cache a streaming run left (memory-maps
  it, draws --steps sampler steps and collates their batches), on the file once and repeated.

    .venv/bin/python bench/data.py [--repeat 10] [--processes 2] [--steps 200]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]


def source_file() -> Path:
    shared = os.environ.get("MTL_SHARED_DATA")
    full = Path(shared) / "SST-2" / "train.tsv" if shared else None
    return full if full and full.is_file() else REPO / "data" / "sst2" / "train.tsv"


def repeated(source: Path, times: int, directory: Path) -> Path:
    """The source's rows `times` over, under one header."""
    header, *rows = source.read_text(encoding="utf-8").splitlines(keepends=True)
    target = directory / f"train-x{times}.tsv"
    with target.open("w", encoding="utf-8") as out:
        out.write(header)
        for _ in range(times):
            out.writelines(rows)
    return target


def job_for(train: Path, cache_dir: Path, processes: int) -> Any:
    from mtl_platform.config import JobConfig

    return JobConfig.model_validate(
        {
            "name": "data-bench",
            "tasks": [
                {
                    "name": "sst2",
                    "type": "classification",
                    "data": {"format": "tsv", "train": str(train), "text_column": "sentence", "label_column": "label"},
                    "labels": ["0", "1"],
                }
            ],
            "model": {"backbone": "bilstm", "tokenizer": "minilm", "max_length": 64},
            "trainer": {
                "max_steps": 1,
                "eval_every": 1,
                "batch_size": 32,
                "cache_dir": str(cache_dir),
                "tokenize_processes": processes,
            },
        }
    )


def anonymous_mb() -> float:
    """This process's resident memory that no file backs: its heap, not the pages of the Arrow
    files it memory-maps (those count in ru_maxrss, and the kernel can drop them at any time)."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("RssAnon:"))) / 1024


def measure(kind: str, train: Path, cache_dir: Path, processes: int, steps: int) -> dict[str, float]:
    """One measurement, in this process: seconds and rows of its work, and its peak memory."""
    import datasets

    from mtl_platform.data.sampler import MultiTaskSampler
    from mtl_platform.data.sources import read_rows
    from mtl_platform.data.tokenize import tokenize_job
    from mtl_platform.tasks import build_tasks
    from mtl_platform.tasks.tokenizers import load_tokenizer
    from mtl_platform.train.loop import select_rows

    datasets.disable_progress_bars()
    job = job_for(train, cache_dir, processes)
    tasks = build_tasks(job)
    task = tasks["sst2"]
    tokenizer = load_tokenizer(job.model)
    imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    heap = anonymous_mb()
    began = time.perf_counter()
    if kind == "whole-load":
        rows = datasets.Dataset.from_list(list(read_rows(job.tasks[0], "train") or []))
        count = len(rows.map(task.encode, batched=True, fn_kwargs={"tokenizer": tokenizer}, keep_in_memory=True))
    elif kind == "streaming":
        count = len(tokenize_job(job, tasks)["sst2"]["train"])
    else:  # a worker, on the cache the streaming run left
        train_rows = tokenize_job(job, tasks)["sst2"]["train"]
        sampler = MultiTaskSampler({"sst2": len(train_rows)}, job.trainer.sampling, 32, seed=0, world_size=2)
        collate = task.collator(tokenizer)
        for _ in range(steps):
            collate(select_rows(train_rows, sampler.next()["sst2"]))
        count = steps * sampler.local_batch
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "rows": count,
        "rows_per_s": count / seconds,
        "peak_mb": peak,
        "work_mb": peak - imported,
        "heap_mb": anonymous_mb() - heap,
    }


def run(kind: str, train: Path, cache_dir: Path, processes: int, steps: int) -> dict[str, float]:
    """`measure` in a fresh process (its own peak memory; a parallel map's children are counted apart)."""
    command = [sys.executable, __file__, "--measure", kind, "--train", str(train), "--cache-dir", str(cache_dir)]
    command += ["--processes", str(processes), "--steps", str(steps)]
    done = subprocess.run(
        command, check=True, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--train", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.train, args.cache_dir, args.processes, args.steps)))
        return
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        source = source_file()
        once, big = repeated(source, 1, root), repeated(source, args.repeat, root)
        megabytes = big.stat().st_size / 2**20
        results = {
            "whole-load, 1 process": run("whole-load", big, root / "unused", 1, args.steps),
            "streaming, 1 process": run("streaming", big, root / "cache-1", 1, args.steps),
            f"streaming, {args.processes} processes": run(
                "streaming", big, root / "cache-n", args.processes, args.steps
            ),
            "streaming, file once": run("streaming", once, root / "cache-once", 1, args.steps),
            "worker, file once": run("worker", once, root / "cache-once", 1, args.steps),
            f"worker, file x{args.repeat}": run("worker", big, root / "cache-1", 1, args.steps),
        }
    rows = results["whole-load, 1 process"]["rows"]
    table = Table(title=f"{source} x{args.repeat}: {rows:,} rows ({megabytes:.0f} MB)")
    for column in ("measurement", "seconds", "rows/s", "peak MB", "of it, the work's", "heap grown, at the end"):
        table.add_column(column, justify="left" if column == "measurement" else "right")
    for name, result in results.items():
        table.add_row(
            name,
            f"{result['seconds']:.1f}",
            f"{result['rows_per_s']:,.0f}",
            f"{result['peak_mb']:,.0f}",
            f"{result['work_mb']:,.0f}",
            f"{result['heap_mb']:,.0f}",
        )
    console = Console(width=120)
    console.print(table)
    whole, stream = results["whole-load, 1 process"], results["streaming, 1 process"]
    parallel = results[f"streaming, {args.processes} processes"]
    worker_once, worker_big = results["worker, file once"], results[f"worker, file x{args.repeat}"]
    for key in ("peak_mb", "work_mb"):
        console.print(f"tokenize {key}, streaming / whole-load: {stream[key] / max(whole[key], 1):.2f}x")
    console.print(f"tokenize rows/s, streaming / whole-load: {stream['rows_per_s'] / whole['rows_per_s']:.2f}x")
    console.print(
        f"tokenize rows/s, {args.processes} processes / 1: {parallel['rows_per_s'] / stream['rows_per_s']:.2f}x "
        f"({os.cpu_count()} CPUs)"
    )
    for key in ("peak_mb", "work_mb", "heap_mb"):
        console.print(f"worker {key}, x{args.repeat} / once: {worker_big[key] / max(worker_once[key], 1):.2f}x")


if __name__ == "__main__":
    main()
