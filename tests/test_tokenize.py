"""Tokenization is done once and cached; a change to the data re-tokenizes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mtl_platform.config import load_job, validate_job
from mtl_platform.data.sources import read_split
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.tasks import build_tasks
from tests.conftest import REPO, shared_data


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
