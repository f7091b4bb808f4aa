"""Shared fixtures: one local Ray for the session, a tiny random BERT, small real jobs."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest

from tests.processes import free_s3_port

os.environ.setdefault("RAY_AUTH_MODE", "disabled")  # tests talk to loopback Ray only
os.environ.setdefault("RAY_DEDUP_LOGS", "0")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# On a loaded 2-core machine, freeing a stopped trial's workers can take longer than Ray Train's
# default 60 s wait for the next trial's workers; the next trial should wait, not fail.
os.environ.setdefault("RAY_TRAIN_WORKER_GROUP_START_TIMEOUT_S", "600")
# Ray Train's controller looks at its workers every 2 s by default; each run in the suite would
# wait up to that long to notice its workers started or finished.
os.environ.setdefault("RAY_TRAIN_HEALTH_CHECK_INTERVAL_S", "0.5")
# A local test cluster is never preempted: no watcher actor (one process fewer per run).
os.environ.setdefault("RAY_TRAIN_ENABLE_PREEMPTION_WATCHER", "0")

# The S3-compatible server of the tests (`s3_storage`): its address and credentials are in the
# environment from the start, as on a cluster, so every process the tests start (Ray's workers
# included) reaches it the way a user's would. Each test process (each xdist worker) starts a
# server of its own, on its own ports, so it must not keep the address it inherits from the
# process that started it (two servers on one port: the second dies, and its tests talk to the
# first until that one's process ends); processes the tests start keep their worker's. No real
# endpoint or credentials reach the tests.
S3_BUCKET = "runs"
TEST_PROCESS = os.environ.get("PYTEST_XDIST_WORKER", "main")
if os.environ.get("MTL_TESTS_S3_OWNER") != TEST_PROCESS:
    os.environ["MTL_TESTS_S3_OWNER"] = TEST_PROCESS
    os.environ["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{free_s3_port()}"
os.environ["AWS_ACCESS_KEY_ID"] = "mtl-tests"
os.environ["AWS_SECRET_ACCESS_KEY"] = "mtl-tests-secret-d41d8cd9"
os.environ["AWS_REGION"] = "us-east-1"

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
CONLL_TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def shared_data() -> Path:
    """The full datasets (../shared/data): required in CI, skipped with a reason elsewhere."""
    root = os.environ.get("MTL_SHARED_DATA")
    if root and Path(root).is_dir():
        return Path(root)
    if os.environ.get("MTL_REQUIRE_SHARED_DATA"):
        pytest.fail("MTL_REQUIRE_SHARED_DATA is set but MTL_SHARED_DATA is not a directory")
    pytest.skip("full datasets not available: set MTL_SHARED_DATA=/path/to/shared/data")


_RAW_CACHE: list[Path] = []  # the session's cache of raw rows (data/raw.py), set by `raw_cache`


@pytest.fixture(scope="session", autouse=True)
def raw_cache(tmp_path_factory) -> Path:
    _RAW_CACHE.append(tmp_path_factory.mktemp("raw-rows"))
    return _RAW_CACHE[-1]


def read_split(task: Any, split: str) -> list[dict[str, Any]] | None:
    """A split's rows as data/raw.py reads them (memory-mapped Arrow), as a list to compare."""
    from mtl_platform.data.raw import read_splits

    found = read_splits(task, _RAW_CACHE[-1], (split,)).get(split)
    return None if found is None else found.to_list()


# Ray processes look up their cluster's state API (how Ray Train frees the workers of a trial
# Tune stops, how it watches its controllers) by "auto" address, which fails while another test
# process runs a cluster too ("Found multiple active Ray instances"). This variable names the
# session cluster's API server to every process the cluster starts; tests that start clusters
# of their own leave it out of theirs (see `other_cluster_env`).
API_SERVER = "RAY_API_SERVER_ADDRESS"


@pytest.fixture(scope="session")
def ray_session():
    import ray

    from tests.processes import free_port

    port = free_port()
    os.environ[API_SERVER] = f"http://127.0.0.1:{port}"
    # address="local": a cluster of this test process's own, never one another test started.
    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=True,
        dashboard_host="127.0.0.1",
        dashboard_port=port,
        configure_logging=False,
    )
    yield ray
    ray.shutdown()
    os.environ.pop(API_SERVER, None)


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """SeaweedFS on loopback, with the bucket `S3_BUCKET`, for this test process."""
    import pyarrow.fs

    from tests.processes import kill_tree, start_s3_server

    endpoint = os.environ["AWS_ENDPOINT_URL"]
    port = int(endpoint.rsplit(":", 1)[1])
    server = start_s3_server(
        tmp_path_factory.mktemp("s3"), port, os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"]
    )
    pyarrow.fs.S3FileSystem(endpoint_override=endpoint, allow_bucket_creation=True).create_dir(S3_BUCKET)
    yield endpoint
    kill_tree(server)


@pytest.fixture
def s3_storage(s3_server, tmp_path) -> str:
    """A prefix of the bucket of its own, for one test's runs."""
    return f"s3://{S3_BUCKET}/{tmp_path.name}"


def other_cluster_env() -> dict[str, str]:
    """The environment for a Ray cluster (or a driver of one) other than the session's."""
    return {k: v for k, v in os.environ.items() if k != API_SERVER}


@pytest.fixture
def no_session_api_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """For tests that start or address another cluster from this process."""
    monkeypatch.delenv(API_SERVER, raising=False)


@pytest.fixture(scope="session")
def tiny_bert(tmp_path_factory) -> Path:
    """A 2-layer random BERT with MiniLM's vocabulary and no dropout, saved like a hub model."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    from mtl_platform.tasks.tokenizers import resolve_pretrained

    directory = tmp_path_factory.mktemp("tiny-bert")
    tokenizer = AutoTokenizer.from_pretrained(resolve_pretrained("minilm"))
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
    )
    torch.manual_seed(0)
    BertModel(config).save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def sst2_task(root: Path) -> dict[str, Any]:
    """SST-2 as a task config, from a folder holding train.tsv and dev.tsv (sample or full)."""
    return {
        "name": "sst2",
        "type": "classification",
        "data": {
            "format": "tsv",
            "train": str(root / "train.tsv"),
            "dev": str(root / "dev.tsv"),
            "text_column": "sentence",
            "label_column": "label",
        },
        "labels": ["0", "1"],
    }


def stsb_task(root: Path) -> dict[str, Any]:
    return {
        "name": "stsb",
        "type": "regression",
        "data": {
            "format": "tsv",
            "train": str(root / "train.tsv"),
            "dev": str(root / "dev.tsv"),
            "text_column": "sentence1",
            "text_pair_column": "sentence2",
            "label_column": "score",
        },
    }


def conll_task(root: Path, dev: str = "valid.txt") -> dict[str, Any]:
    return {
        "name": "conll",
        "type": "token_classification",
        "data": {"format": "conll", "train": str(root / "train.txt"), "dev": str(root / dev)},
        "labels": CONLL_TAGS,
    }


def entity_types_task(root: Path) -> dict[str, Any]:
    """A multi-label task: the entity types a CoNLL sentence mentions (data/conll2003_types)."""
    return {
        "name": "types",
        "type": "multilabel",
        "data": {
            "format": "jsonl",
            "train": str(root / "train.jsonl"),
            "dev": str(root / "dev.jsonl"),
            "text_column": "text",
            "label_column": "labels",
        },
        "labels": ["PER", "ORG", "LOC", "MISC"],
    }


def base_job(tmp_path: Path, tiny_bert: Path | None = None) -> dict[str, Any]:
    """The quickstart's three tasks on small slices of the shipped samples."""
    backbone = (
        {"backbone": "transformer", "name_or_path": str(tiny_bert)}
        if tiny_bert
        else {"backbone": "bilstm", "tokenizer": "minilm", "lstm": {"embedding_dim": 16, "hidden_size": 16}}
    )
    caps = {"max_train_examples": 200, "max_eval_examples": 40}
    tasks = [sst2_task(DATA / "sst2"), stsb_task(DATA / "stsb"), conll_task(DATA / "conll2003")]
    return {
        "name": "test-job",
        "tasks": [{**task, **caps} for task in tasks],
        "model": {**backbone, "max_length": 32, "head_dropout": 0.0},
        "trainer": {
            "max_steps": 4,
            "eval_every": 2,
            "log_every": 1,
            "batch_size": 8,
            "lr": 1e-3,
            "seed": 0,
            "storage_path": str(tmp_path / "ray_results"),
            "cache_dir": str(tmp_path.parent / "tokenized"),
        },
        "scaling": {"num_workers": 2},
        "tracking": {"uri": f"sqlite:///{tmp_path / 'mlruns' / 'mlflow.db'}", "experiment": "tests"},
    }


@pytest.fixture
def job_dict(tmp_path: Path) -> dict[str, Any]:
    (tmp_path / "mlruns").mkdir()
    return copy.deepcopy(base_job(tmp_path))


@pytest.fixture
def sweep_job(job_dict: dict) -> dict:
    """Trials of one worker each: what sweeps add is tested in test_sweep*.py; DDP is in test_training.py."""
    job_dict["scaling"]["num_workers"] = 1
    return job_dict


@pytest.fixture
def bert_job_dict(tmp_path: Path, tiny_bert: Path) -> dict[str, Any]:
    (tmp_path / "mlruns").mkdir()
    return copy.deepcopy(base_job(tmp_path, tiny_bert))
