"""The GPU path where a CUDA GPU is: a real Ray Train job with AMP and NCCL.

Skipped, with the reason, on machines without one (CI has none); the same
code runs on CPU in test_training.py's mixed-precision test."""

from __future__ import annotations

import pytest
import torch
from mlflow.tracking import MlflowClient

from mtl_platform.config import load_job
from mtl_platform.train.trainer import run_job
from tests.conftest import REPO

pytestmark = pytest.mark.gpu


@pytest.fixture
def gpus() -> int:
    count = torch.cuda.device_count()
    if not count:
        pytest.skip("no CUDA GPU here: the AMP/NCCL path runs where one is (bench/precision.py measures it)")
    return count


def test_two_task_minilm_job_trains_with_amp_and_nccl(gpus, ray_session, tmp_path):
    job = load_job(
        REPO / "jobs/gpu_two_tasks.yaml",
        [
            "trainer.max_steps=20",
            "trainer.eval_every=20",
            f"scaling.num_workers={min(gpus, 2)}",
            "scaling.use_gpu=true",
            f"trainer.storage_path={tmp_path / 'ray_results'}",
            f"trainer.cache_dir={tmp_path / 'cache'}",
            f"tracking.uri=sqlite:///{tmp_path / 'mlflow.db'}",
        ],
    )
    result = run_job(job)
    run = MlflowClient(result.tracking_uri).get_run(result.run_id)
    assert run.data.params["run/device"] == "cuda"
    assert run.data.params["run/backend"] == "nccl"
    assert run.data.params["run/precision"] == ("bf16" if torch.cuda.is_bf16_supported() else "fp16")
    assert run.data.metrics["perf/peak_memory_mb"] > 0
    assert 0 <= run.data.metrics["dev/sst2/accuracy"] <= 1
