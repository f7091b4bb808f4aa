"""Real Ray Train runs (2 DDP workers on the local cluster) logged to a real MLflow SQLite store."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import torch
from mlflow.tracking import MlflowClient

from mtl_platform.config import validate_job
from mtl_platform.models.multitask import build_model
from mtl_platform.tasks import build_tasks
from mtl_platform.tracking.run_directory import AFFINITY_FILE
from mtl_platform.train import checkpoint
from mtl_platform.train.loop import Training
from mtl_platform.train.trainer import JobResult, run_job
from tests.conftest import base_job
from tests.test_results import check_browsable


def run(job_dict: dict, **kwargs) -> JobResult:
    return run_job(validate_job(job_dict, Path(".")), **kwargs)


def final_parameters(result: JobResult) -> dict[str, torch.Tensor]:
    with result.checkpoint.as_directory() as directory:
        return checkpoint.read_model(Path(directory))  # consolidated from the shards of an fsdp run


def relative_difference(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> float:
    assert a.keys() == b.keys()
    diff = torch.sqrt(sum(((a[k].double() - b[k].double()) ** 2).sum() for k in a))
    norm = torch.sqrt(sum((b[k].double() ** 2).sum() for k in b))
    return float(diff / norm)


def check_tracked(result: JobResult) -> None:
    """Everything a 2-worker, 6-step run puts in MLflow."""
    assert result.metrics["step"] == 6
    client = MlflowClient(result.tracking_uri)
    mlrun = client.get_run(result.run_id)
    assert mlrun.info.status == "FINISHED"
    params = mlrun.data.params
    assert params["trainer.max_steps"] == "6"
    assert params["tasks.conll.type"] == "token_classification"
    assert params["scaling.num_workers"] == "2"
    assert (params["run/device"], params["run/precision"], params["run/backend"]) == ("cpu", "fp32", "gloo")
    metrics = mlrun.data.metrics
    for key in (
        "dev/sst2/accuracy",
        "dev/sst2/macro_f1",
        "dev/stsb/pearson",
        "dev/stsb/spearman",
        "dev/conll/f1",
        "dev/mean",
    ):
        assert key in metrics, key
    assert metrics["dev/mean"] == pytest.approx(result.metrics["dev/mean"])
    # SST-2's main metric is the job's main_metric (mcc), not its type's default (accuracy).
    mains = [metrics["dev/sst2/mcc"], metrics["dev/stsb/pearson"], metrics["dev/conll/f1"]]
    assert metrics["dev/mean"] == pytest.approx(sum(mains) / 3)
    history = client.get_metric_history(result.run_id, "dev/mean")
    assert sorted(m.step for m in history) == [2, 4, 6]
    train_keys = [k for k in metrics if k.startswith("train/") and k.endswith("/loss")]
    assert train_keys, "per-task train losses are logged"
    assert "job.yaml" in {a.path for a in client.list_artifacts(result.run_id)}


def test_two_workers_match_one_worker_exactly(ray_session, bert_job_dict):
    """Same global batch and seed: 2 DDP workers end where 1 worker does (rel. diff <= 1e-5), on
    mixed batches (a worker may hold no row of a task), with SST-2's loss weighted per label (the
    weights' sum normalizes it across workers), and measure the same task affinities; in fp16 one
    worker ends close to fp32."""
    bert_job_dict["trainer"].update(max_steps=5, eval_every=5, sampling={"strategy": "uniform", "mixed": True})
    bert_job_dict["tasks"][0]["class_weights"] = [1.0, 3.0]
    bert_job_dict["affinity"] = {"measure": "lookahead", "every": 1}
    two = run(bert_job_dict)
    one_worker = copy.deepcopy(bert_job_dict)
    one_worker["scaling"]["num_workers"] = 1
    one = run(one_worker)
    a, b = final_parameters(two), final_parameters(one)
    assert relative_difference(a, b) <= 1e-5
    params = MlflowClient(bert_job_dict["tracking"]["uri"]).get_run(two.run_id).data.params
    assert params["tasks.sst2.class_weight"] == "[1.0, 3.0]"
    storage = Path(bert_job_dict["trainer"]["storage_path"])
    measured = [json.loads((storage / r.run_name / AFFINITY_FILE).read_text()) for r in (two, one)]
    assert measured[0]["measured_steps"] == measured[1]["measured_steps"] == 5
    for measure in ("lookahead", "cosine"):
        values = [[v for row in m[measure] for v in row] for m in measured]
        assert None not in values[0] and values[0] == pytest.approx(values[1], rel=1e-3, abs=1e-7), measure
    # ...while training moved the parameters much further than that from where they started.
    job = validate_job(bert_job_dict, Path("."))
    torch.manual_seed(job.trainer.seed)
    initial = build_model(job, build_tasks(job)).state_dict()
    assert relative_difference(a, initial) > 1e-3

    # The AMP path of GPUs without bf16 (autocast + grad scaler), here with CPU autocast: close to fp32.
    one_worker["trainer"]["precision"] = "fp16"
    mixed = run(one_worker)
    assert 0 < relative_difference(final_parameters(mixed), b) < 3e-2  # fp16 keeps ~3 digits; 5 steps measured 1.05e-2
    with mixed.checkpoint.as_directory() as directory:
        scaler = torch.load(Path(directory) / "state.pt", weights_only=False)["scaler"]
    assert scaler["scale"] > 1  # the scaler ran and is checkpointed (fp32 and bf16 runs keep none)


def test_tracked_run_and_resume_from_the_checkpoint(ray_session, job_dict):
    """A 2-worker run lands in MLflow whole; 4 steps, then --resume to 6, equals 6 straight steps
    (sampler, optimizer, RNG and the weighting method's state restored: FAMO's logits, its Adam
    and last losses)."""
    job_dict["trainer"].update(scheduler="constant", max_steps=6, eval_every=2, sampling={"strategy": "all_tasks"})
    job_dict["weighting"] = {"method": "famo", "lr": 0.5}
    job_dict["tracking"]["system_metrics_interval"] = 0.5
    job_dict["tasks"][0]["main_metric"] = "mcc"
    straight = run(job_dict)
    check_tracked(straight)
    check_browsable(straight, job_dict, final_parameters(straight))
    first = copy.deepcopy(job_dict)
    first["trainer"]["max_steps"] = 4
    part = run(first)
    resumed = run(job_dict, resume=True)
    assert resumed.run_name == part.run_name and resumed.run_id == part.run_id
    assert resumed.metrics["step"] == 6
    assert relative_difference(final_parameters(resumed), final_parameters(straight)) == 0.0
    client = MlflowClient(resumed.tracking_uri)
    history = client.get_metric_history(resumed.run_id, "dev/mean")
    assert sorted(m.step for m in history) == [2, 4, 6]
    for task in ("sst2", "stsb"):
        weights = [client.get_metric_history(r.run_id, f"weights/{task}") for r in (straight, resumed)]
        a, b = ({m.step: m.value for m in history} for history in weights)
        assert a[6] == b[6] and a[6] != a[1]  # the weights moved, and the resumed run moved them the same way


def test_heads_take_their_own_learning_rate_under_the_same_schedule(tmp_path):
    """Adam's first step moves each parameter by its group's learning rate (times sign(g)): here
    half of it, at the first of two warm-up steps, for the encoder (lr) and the heads (head_lr)."""
    job = base_job(tmp_path)
    job["trainer"].update(lr=1e-3, head_lr=0.1, warmup_steps=2, weight_decay=0.0)
    training = Training.build(validate_job(job, Path(".")))
    model = training.model
    before = {name: p.detach().clone() for name, p in model.named_parameters()}
    training.train_step(model, torch.device("cpu"), 1)
    moved = {name: (p.detach() - before[name]).abs().max().item() for name, p in model.named_parameters()}
    heads = max(v for k, v in moved.items() if k.startswith("heads."))
    encoder = max(v for k, v in moved.items() if not k.startswith("heads."))
    assert heads == pytest.approx(0.5 * 0.1, rel=1e-3)
    assert encoder == pytest.approx(0.5 * 1e-3, rel=1e-3)
    assert training.scheduler.get_last_lr() == pytest.approx([1e-3, 0.1])  # step 2 of 2: warm-up done
