"""FSDP2 (scaling.strategy: fsdp) on real gloo process groups: exactness against one process,
sharded checkpoints, resume, consolidation. The Ray Train run under fsdp is in test_generation.py."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
import torch
import torch.distributed as dist
import torch.multiprocessing as mp

from mtl_platform.config import ConfigError, validate_job
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.models.evaluation import evaluate
from mtl_platform.tasks import build_tasks
from mtl_platform.train import checkpoint, sharding
from mtl_platform.train.loop import Training
from tests.processes import free_port
from tests.test_training import relative_difference

WORLD = 2
STEPS = 4
RESUME_AT = 2


def _worker(rank: int, port: int, job_dict: dict[str, Any], out: Path) -> None:
    """One gloo worker: train to STEPS, checkpointing at RESUME_AT; then, as a new worker would,
    build everything again, restore that checkpoint and train to STEPS once more."""
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    dist.init_process_group("gloo", rank=rank, world_size=WORLD)
    try:
        job, device = validate_job(job_dict, Path(".")), torch.device("cpu")
        straight = Training.build(job, rank, WORLD)
        for step in range(1, STEPS + 1):
            straight.train_step(straight.model, device, step, WORLD)
            if step == RESUME_AT:
                straight.save(out / "at_resume", rank, step)
        with sharding.gathered(straight.model, job.scaling.fsdp):
            metrics = evaluate(straight.model, straight.eval_data(), "dev", device).metrics
        straight.save(out / "straight", rank, STEPS)
        counts = {"local": sharding.local_parameter_count(straight.model), "metrics": metrics}
        (out / "straight" / f"rank{rank}.json").write_text(json.dumps(counts))

        resumed = Training.build(job, rank, WORLD)
        for step in range(resumed.restore(out / "at_resume", rank) + 1, STEPS + 1):
            resumed.train_step(resumed.model, device, step, WORLD)
        resumed.save(out / "resumed", rank, STEPS)
    finally:
        dist.destroy_process_group()


def run_workers(job_dict: dict[str, Any], out: Path) -> None:
    mp.spawn(_worker, args=(free_port(), job_dict, out), nprocs=WORLD, join=True)


def one_process(job_dict: dict[str, Any]) -> tuple[dict[str, torch.Tensor], dict[str, float], int]:
    """The same job unsharded in this process, on the whole global batch."""
    job = validate_job({**job_dict, "scaling": {"num_workers": 1}}, Path("."))
    training = Training.build(job)
    for step in range(1, STEPS + 1):
        training.train_step(training.model, torch.device("cpu"), step)
    metrics = evaluate(training.model, training.eval_data(), "dev", torch.device("cpu")).metrics
    return training.model.state_dict(), metrics, sum(p.numel() for p in training.model.parameters())


def test_sharded_workers_match_one_process_and_resume_exactly(bert_job_dict, tmp_path):
    """2 gloo workers under FSDP2, per-task LoRA on a batch of every task a step (three forward
    passes) weighted by FAMO, with a per-label weighted loss and grad clipping, end where one
    unsharded process does (rel. diff <= 1e-5); each holds about half the parameters; a sharded
    checkpoint taken at step 2 resumes to the same parameters (FAMO's state too); the consolidated
    model is the whole model. Hard sharing under FSDP2 is exact in test_generation.py (a decoder,
    mixed batches, through Ray Train); resuming from shards after a killed worker, in
    test_reliability.py."""
    job_dict = copy.deepcopy(bert_job_dict)
    job_dict["trainer"].update(lr=1e-2, sampling={"strategy": "all_tasks"}, grad_clip=0.5)
    job_dict["tasks"][0]["class_weights"] = [1.0, 3.0]
    job_dict["model"]["sharing"] = {"scheme": "lora", "rank": 4, "target_modules": ["query", "value"]}
    job_dict["weighting"] = {"method": "famo", "lr": 0.5}
    job_dict["scaling"] = {"num_workers": WORLD, "strategy": "fsdp"}
    job = validate_job(job_dict, Path("."))
    tokenize_job(job, build_tasks(job))  # once, before the workers read the cache

    run_workers(job_dict, tmp_path)
    expected, expected_metrics, total = one_process(job_dict)
    straight = checkpoint.read_model(tmp_path / "straight")
    assert relative_difference(straight, expected) <= 1e-5
    ranks = [json.loads((tmp_path / "straight" / f"rank{r}.json").read_text()) for r in range(WORLD)]
    assert sum(r["local"] for r in ranks) >= total  # every element is held once (plus padding)
    assert all(abs(r["local"] / total - 1 / WORLD) < 0.01 for r in ranks), [r["local"] for r in ranks]
    for rank in ranks:  # every worker evaluated its shard on gathered parameters; metrics cover the split
        assert rank["metrics"] == pytest.approx(expected_metrics, rel=1e-4, abs=1e-6)
    assert relative_difference(checkpoint.read_model(tmp_path / "resumed"), straight) == 0.0


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"weighting": {"method": "pcgrad"}}, "use scaling.strategy: ddp with it, or a loss weighting"),
        ({"weighting": {"method": "uncertainty"}}, "trains parameters of its own beside the model's"),
        ({"affinity": {"every": 1}}, "affinity takes lookahead steps on whole parameters"),
        ({"trainer": {"precision": "fp16"}}, "fp16's grad scaler is not sharded"),
        ({"scaling": {"fsdp": {"activation_checkpointing": True}}}, "the bilstm backbone has none"),
    ],
)
def test_what_fsdp_does_not_compute_exactly_is_refused_at_load(job_dict, change, error):
    job_dict["scaling"]["strategy"] = "fsdp"
    job_dict["trainer"]["sampling"] = {"strategy": "all_tasks"}
    for section, values in change.items():
        job_dict[section] = {**job_dict.get(section, {}), **values} if section != "weighting" else values
    with pytest.raises(ConfigError, match=error):
        validate_job(job_dict, Path("."))
