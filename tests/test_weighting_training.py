"""Weighting methods in real Ray training: exact under DDP, tracked in MLflow, resumed exactly.

For exactness, one real `TorchTrainer` run per world size trains each method
for a few steps from the same initial weights (the production
`Training.train_step`), and rank 0 saves the final parameters for comparison.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import ray.cloudpickle
import ray.train
import ray.train.torch
import torch
from mlflow.tracking import MlflowClient
from ray.train import RunConfig, ScalingConfig
from ray.train.torch import TorchTrainer

from mtl_platform.config import JobConfig
from mtl_platform.train.loop import Training, wrap_model
from mtl_platform.weighting import METHODS
from tests.test_training import relative_difference, run

STEPS = 3
GRADIENT_METHODS = sorted(name for name, method in METHODS.items() if method.requires == "gradients")
CASES = [(name, mode) for name in GRADIENT_METHODS for mode in ("parameters", "representation")] + [
    (name, None) for name in ("equal", "uncertainty", "famo", "gls")
]


def train_each_method(config: dict[str, Any]) -> None:
    context = ray.train.get_context()
    rank, world = context.get_world_rank(), context.get_world_size()
    device = ray.train.torch.get_device()
    finals = {}
    for name, mode in config["cases"]:
        weighting = {"method": name} if mode is None else {"method": name, "gradients": mode}
        job = JobConfig.model_validate({**config["job"], "weighting": weighting})
        training = Training.build(job, rank, world)
        model = wrap_model(training)
        for step in range(1, STEPS + 1):
            training.train_step(model, device, step, world)
        finals[f"{name}/{mode}"] = {k: v.detach().cpu().clone() for k, v in training.model.state_dict().items()}
    if rank == 0:
        torch.save(finals, config["out"])


def final_parameters(job: JobConfig, workers: int, out: Path) -> dict[str, dict[str, torch.Tensor]]:
    config = {"job": job.model_dump(mode="json"), "cases": CASES, "out": str(out)}
    TorchTrainer(
        train_each_method,
        train_loop_config=config,
        scaling_config=ScalingConfig(num_workers=workers, use_gpu=False),
        run_config=RunConfig(storage_path=str(out.parent / "ray"), name=f"methods-{workers}"),
    ).fit()
    return torch.load(out)


def test_every_method_is_exact_under_ddp(ray_session, bert_job_dict, tmp_path):
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    bert_job_dict["trainer"]["sampling"] = {"strategy": "all_tasks"}
    bert_job_dict["scaling"]["num_workers"] = 1
    job = JobConfig.model_validate(bert_job_dict)
    one = final_parameters(job, 1, tmp_path / "one.pt")
    two = final_parameters(job, 2, tmp_path / "two.pt")
    torch.manual_seed(job.trainer.seed)
    initial = Training.build(job).model.state_dict()
    differences = {case: relative_difference(two[case], one[case]) for case in one}
    assert len(differences) == len(CASES)
    assert max(differences.values()) <= 1e-5, differences
    for case in one:  # and every method moved the weights far more than that
        assert relative_difference(one[case], initial) > 1e-3, case
    # The methods really differ from each other (the method is not silently replaced by DDP's mean).
    assert relative_difference(one["upgrad/parameters"], one["equal/None"]) > 1e-4


def test_gradient_method_on_task_branches_logs_weights_norms_and_conflict(ray_session, job_dict):
    """UPGrad over 2 workers on a backbone whose top layer is a branch per task (the DDP run of
    the `hard` scheme with branch_layer); its weights, norms and conflict reach MLflow. A
    validation split carved from train picks the checkpoint the run keeps."""
    job_dict["trainer"].update(sampling={"strategy": "all_tasks"}, validation_fraction=0.25, eval_every=1)
    job_dict["model"]["lstm"]["num_layers"] = 2
    job_dict["model"]["sharing"] = {"scheme": "hard", "branch_layer": 1}
    job_dict["weighting"] = {"method": "upgrad"}
    result = run(job_dict)
    client = MlflowClient(result.tracking_uri)
    metrics = client.get_run(result.run_id).data.metrics
    for task in ("sst2", "stsb", "conll"):
        assert [m.step for m in client.get_metric_history(result.run_id, f"weights/{task}")] == [1, 2, 3, 4]
        assert metrics[f"grad/{task}/norm"] > 0
    assert -1.0 <= metrics["grad/conflict"] <= 1.0
    validation = {m.step: m.value for m in client.get_metric_history(result.run_id, "validation/mean")}
    assert sorted(validation) == [1, 2, 3, 4]
    best = max(validation, key=validation.get)
    assert metrics["selected/step"] == best and result.metrics["selected/step"] == best
    dev = {m.step: m.value for m in client.get_metric_history(result.run_id, "dev/mean")}
    assert metrics["selected/dev/mean"] == pytest.approx(dev[best])
    with result.model_checkpoint.as_directory() as directory:  # the run's model is the selected step's
        assert torch.load(Path(directory) / "state.pt", weights_only=False)["step"] == best
    plots = {a.path for a in client.list_artifacts(result.run_id, "plots")}
    for name in ("task_weights", "gradient_norms", "gradient_conflict"):
        assert {f"plots/{name}.png", f"plots/{name}.csv"} <= plots
