"""Raw rows stream into memory-mapped Arrow; tokenization is done once (in parallel processes
when asked) and cached; a change to the data re-tokenizes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mtl_platform.config import ConfigError, TaskConfig, load_job, validate_job
from mtl_platform.data.raw import read_splits
from mtl_platform.data.sources import read_rows
from mtl_platform.data.tokenize import tokenize_job, tokenize_processes, tokenize_task
from mtl_platform.tasks import build_tasks
from mtl_platform.tasks.tokenizers import load_tokenizer
from tests.conftest import REPO, read_split, shared_data, sst2_task


def test_second_tokenization_is_a_cache_hit(job_dict, tmp_path):
    job_dict["trainer"]["cache_dir"] = str(tmp_path / "cache")
    job = validate_job(job_dict, Path("."))
    first = tokenize_job(job, build_tasks(job))
    files = sorted((tmp_path / "cache").glob("*.arrow"))
    assert len(files) == 6  # 3 tasks x (train, dev)
    stamps = [f.stat().st_mtime_ns for f in files]
    second = tokenize_job(job, build_tasks(job))
    assert [f.stat().st_mtime_ns for f in sorted((tmp_path / "cache").glob("*.arrow"))] == stamps
    assert second["sst2"]["train"].cache_files[0]["filename"] in {str(f) for f in files}
    assert second["conll"]["dev"][0] == first["conll"]["dev"][0]
    assert set(first["stsb"]["train"].column_names) >= {"input_ids", "attention_mask", "labels"}
    assert len(first["sst2"]["train"]) == 200


def test_changed_file_or_setting_re_tokenizes(job_dict, tmp_path):
    job_dict["trainer"]["cache_dir"] = str(tmp_path / "cache")
    copy = tmp_path / "train.tsv"
    shutil.copy(REPO / "data/sst2/train.tsv", copy)
    job_dict["tasks"][0]["data"]["train"] = str(copy)
    job = validate_job(job_dict, Path("."))
    tokenize_job(job, build_tasks(job))
    before = set((tmp_path / "cache").glob("sst2-train-*.arrow"))
    copy.write_text(copy.read_text().replace("\t1\n", "\t0\n", 1))
    tokenize_job(job, build_tasks(job))
    job_dict["model"]["max_length"] = 16
    job = validate_job(job_dict, Path("."))
    tokenize_job(job, build_tasks(job))
    assert len(set((tmp_path / "cache").glob("sst2-train-*.arrow")) - before) == 2


def test_rows_stream_from_the_file_into_memory_mapped_arrow(tmp_path):
    """The reader yields a row at a time (a bad line far down a file is met after the rows above
    it), and what reads the rows gets them memory-mapped from one Arrow file in the cache."""
    lines = (REPO / "data/sst2/train.tsv").read_text().splitlines(keepends=True)
    bad = tmp_path / "train.tsv"
    bad.write_text("".join([*lines[:3], "a fine film\tmaybe\n", *lines[3:]]))
    spec = sst2_task(REPO / "data/sst2")
    spec["data"]["train"] = str(bad)
    task = TaskConfig.model_validate(spec)
    rows = read_rows(task, "train")
    assert rows is not None and next(rows)["text"] == lines[1].split("\t")[0]  # before line 4 was read
    with pytest.raises(ConfigError, match=r"train.tsv line 4.*'maybe'"):
        read_splits(task, tmp_path / "cache")
    assert not any((tmp_path / "cache").rglob("*train*")), "a failed read leaves no half-written file"

    good = TaskConfig.model_validate(sst2_task(REPO / "data/sst2"))
    train = read_splits(good, tmp_path / "cache")["train"]
    (cached,) = train.cache_files  # on disk, memory-mapped: not rows in this process's heap
    assert Path(cached["filename"]).parent == tmp_path / "cache" / "raw"
    assert train.to_list() == list(read_rows(good, "train") or [])


def tokenized(cache_dir: str, processes: int) -> Any:
    """The SST-2 sample's train split tokenized into `cache_dir` by `processes` processes."""
    job = validate_job(
        {
            "name": "parallel",
            "tasks": [sst2_task(REPO / "data/sst2")],
            "model": {"backbone": "bilstm", "tokenizer": "minilm", "max_length": 32},
            "trainer": {"max_steps": 1, "eval_every": 1},
        },
        Path("."),
    )
    task = build_tasks(job)["sst2"]
    return tokenize_task(task, load_tokenizer(job.model), Path(cache_dir), ("train",), processes=processes)["train"]


def test_parallel_tokenization_equals_one_process_and_is_cached(tmp_path):
    """Two processes tokenize (forked from a process of their own: this one may hold the tests' Ray
    session, which a fork must not copy), each writing its shard; read back, the tokens are one
    process's, in the file's order, and the shards are a cache hit."""
    two = tmp_path / "two"
    code = f"from tests.test_tokenize import tokenized; tokenized({str(two)!r}, 2)"
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=300)
    shards = sorted(two.glob("sst2-train-*.arrow"))
    assert len(shards) == 2, "each process wrote its shard"
    stamps = [shard.stat().st_mtime_ns for shard in shards]
    parallel = tokenized(str(two), 2)
    assert [shard.stat().st_mtime_ns for shard in shards] == stamps, "read from the cache"
    assert parallel.to_dict() == tokenized(str(tmp_path / "one"), 1).to_dict()
    assert tokenize_processes(250_000, None) == min(2, os.cpu_count() or 1)
    assert tokenize_processes(99_999, None) == 1 and tokenize_processes(10, 3) == 3


@pytest.mark.full_data
def full_paths(shared: Path) -> list[str]:
    """The job files' ../shared/data paths, pointed at MTL_SHARED_DATA."""
    return [
        f"tasks.sst2.data.train={shared}/SST-2/train.tsv",
        f"tasks.sst2.data.dev={shared}/SST-2/dev.tsv",
        f"tasks.stsb.data.train={shared}/STS-B/train.tsv",
        f"tasks.stsb.data.dev={shared}/STS-B/dev.tsv",
        f"tasks.conll.data.train={shared}/conll2003/train.txt",
        f"tasks.conll.data.dev={shared}/conll2003/valid.txt",
    ]


def test_full_data_job_loads():
    shared = shared_data()
    job = load_job(
        REPO / "jobs/glue_ner_full.yaml", [*full_paths(shared), f"tasks.conll.data.test={shared}/conll2003/test.txt"]
    )
    assert job.tasks[2].data.test.name == "test.txt"


@pytest.mark.full_data
def test_the_benchmark_job_loads_all_four_datasets():
    shared = shared_data()
    job = load_job(
        REPO / "jobs/bench/glue_ner.yaml",
        [
            *full_paths(shared),
            f"tasks.agnews.data.train={shared}/ag_news/alps_agnews/dev.tsv",
            f"tasks.agnews.data.dev.train={shared}/ag_news/test.csv",
        ],
    )
    agnews = job.tasks[3]
    train, dev = read_split(agnews, "train"), read_split(agnews, "dev")
    assert len(dev) == 7600 and len(train) > 10_000  # the dev split in its own format (csv, label numbers)
    assert {r["label"] for r in dev} == {r["label"] for r in train} == {0, 1, 2, 3}
    assert job.trainer.seeds == [0, 1, 2] and job.trainer.validation_fraction > 0
