"""Sharing schemes on both backbones: every task type trains, and what must be shared is shared."""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest
import torch
from mlflow.tracking import MlflowClient
from torch import nn

from mtl_platform.config import ConfigError, JobConfig
from mtl_platform.config.sharing import SoftOptions
from mtl_platform.models.sharing.soft import SoftSharing
from mtl_platform.preflight import load_checked_job
from mtl_platform.train.loop import Training
from tests.conftest import REPO, base_job
from tests.test_training import run

SCHEMES = [
    {"scheme": "hard"},
    {"scheme": "hard", "branch_layer": 1},
    {"scheme": "soft", "beta": 0.01},
    {"scheme": "cross_stitch"},
    {"scheme": "attention"},
    {"scheme": "mmoe", "num_experts": 3, "expert_hidden": 16},
    {"scheme": "ple", "num_experts": 2, "num_task_experts": 1, "expert_hidden": 16},
    {"scheme": "lora", "rank": 4},
]


def scheme_job(tmp_path: Path, tiny_bert: Path | None, sharing: dict) -> dict:
    job = base_job(tmp_path, tiny_bert)
    if tiny_bert is None:
        job["model"]["lstm"]["num_layers"] = 2
    if sharing["scheme"] == "lora" and tiny_bert is None:
        sharing = {**sharing, "target_modules": ["embedding"]}  # a BiLSTM's only LoRA-able module
    job["model"]["sharing"] = sharing
    job["trainer"]["sampling"] = {"strategy": "all_tasks"}
    return job


def label(sharing: dict) -> str:
    return "-".join(str(v) for k, v in sharing.items() if k in ("scheme", "branch_layer"))


@pytest.mark.parametrize("backbone", ["bilstm", "bert"])
@pytest.mark.parametrize("sharing", SCHEMES, ids=label)
def test_every_task_trains_and_only_shared_parameters_are_shared(tmp_path, tiny_bert, backbone, sharing):
    job = JobConfig.model_validate(scheme_job(tmp_path, tiny_bert if backbone == "bert" else None, sharing))
    training = Training.build(job)
    model = training.model
    batches = training.next_batches(torch.device("cpu"))
    shared = {id(p) for p in model.shared_parameters()}
    own = {t: {id(p) for p in model.task_parameters(t)} for t in batches}
    for t, u in [(t, u) for t in own for u in own if t < u]:
        assert not own[t] & own[u], "each task's own parameters are distinct tensors"
    assert not shared & set().union(*own.values())
    for task, batch in batches.items():
        model.zero_grad(set_to_none=True)
        output = model({task: batch})[task]
        loss_sum, count = training.tasks[task].loss_sum(output, batch)
        (loss_sum / count).backward()
        reached = {id(p) for p in model.parameters() if p.grad is not None}
        assert shared <= reached, "every task's loss reaches every shared parameter"
        assert own[task] <= reached
        assert not reached & set().union(*(own[u] for u in own if u != task)), "no other task's parameters"
    if sharing["scheme"] == "lora":  # frozen base: only adapters train
        frozen = [n for n, p in model.encoder.backbone.named_parameters() if "lora" not in n]
        assert frozen and not any(p.requires_grad for n, p in model.encoder.backbone.named_parameters() if n in frozen)


def test_hard_branches_start_as_copies_of_the_pretrained_layers(tmp_path, tiny_bert):
    job = JobConfig.model_validate(scheme_job(tmp_path, tiny_bert, {"scheme": "hard", "branch_layer": 1}))
    encoder = Training.build(job).model.encoder
    assert len(encoder.backbone.layers) == 1 and all(len(b) == 1 for b in encoder.branches.values())
    sst2, stsb = encoder.branches["sst2"][0], encoder.branches["stsb"][0]
    assert sst2 is not stsb
    for a, b in zip(sst2.parameters(), stsb.parameters()):
        assert a is not b and torch.equal(a, b)


def test_soft_penalty_and_its_gradient_by_hand():
    backbone = nn.Linear(2, 1, bias=False)
    backbone.hidden_size = 1
    l2 = SoftSharing(["a", "b"], backbone, SoftOptions(distance="l2", beta=0.5))
    l2.copies["a"].weight.data = torch.tensor([[1.0, 2.0]])
    l2.copies["b"].weight.data = torch.tensor([[0.0, 4.0]])
    penalty = l2.penalty()
    penalty.backward()
    assert penalty.item() == pytest.approx(0.5 * (1 + 4))  # beta ||a - b||^2
    assert l2.copies["a"].weight.grad.flatten().tolist() == pytest.approx([1.0, -2.0])  # 2 beta (a - b)
    cosine = SoftSharing(["a", "b"], backbone, SoftOptions(distance="cosine", beta=1.0))
    cosine.copies["a"].weight.data = torch.tensor([[1.0, 2.0]])
    cosine.copies["b"].weight.data = torch.tensor([[0.0, 4.0]])
    assert cosine.penalty().item() == pytest.approx(1 - 8 / (math.sqrt(5) * 4))


def test_mixture_of_experts_logs_each_tasks_expert_load(tmp_path):
    job = JobConfig.model_validate(scheme_job(tmp_path, None, {"scheme": "ple", "num_experts": 2, "expert_hidden": 8}))
    training = Training.build(job)
    training.train_step(training.model, torch.device("cpu"), 1)
    loads = training.model.encoder.metrics()
    for task in ("sst2", "stsb", "conll"):
        row = [loads[f"sharing/{task}/expert_{e}"] for e in range(3)]  # 2 shared + 1 own
        assert sum(row) == pytest.approx(1.0) and min(row) > 0
    assert all(v == 0 for v in training.model.encoder.metrics().values()), "the load resets once read"


def test_lora_adapters_save_and_load_per_task(tmp_path, tiny_bert):
    job = JobConfig.model_validate(scheme_job(tmp_path, tiny_bert, {"scheme": "lora", "rank": 4}))
    job.trainer.lr = 0.05
    trained = Training.build(job)
    for step in (1, 2):
        trained.train_step(trained.model, torch.device("cpu"), step)
    trained.model.encoder.save_adapters(tmp_path / "adapters")
    assert (tmp_path / "adapters" / "sst2" / "adapter_config.json").is_file()
    fresh = Training.build(job).model.encoder
    ids, mask = torch.randint(1000, 2000, (2, 7)), torch.ones(2, 7, dtype=torch.long)
    trained.model.eval(), fresh.eval()
    before = fresh("sst2", ids, mask)
    fresh.load_adapter("sst2", tmp_path / "adapters" / "sst2")
    assert torch.allclose(fresh("sst2", ids, mask), trained.model.encoder("sst2", ids, mask), atol=1e-6)
    assert not torch.allclose(before, fresh("sst2", ids, mask), atol=1e-4), "training moved the adapter"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            ["model.backbone=bilstm", "model.tokenizer=minilm", "model.sharing={scheme: hard, branch_layer: 3}"],
            r"model.sharing.branch_layer: 3 is beyond the backbone's 1 layers",
        ),
        (["model.sharing={scheme: lora, target_modules: [keyz]}"], r"'keyz' matches no module of the backbone"),
        (
            ["model.backbone=bilstm", "model.tokenizer=minilm", "model.sharing={scheme: lora, target_modules: [lstm]}"],
            r"'lstm' is a \['LSTM'\]; LoRA supports",
        ),
        (["model.sharing=tree"], r"model.sharing.scheme: unknown scheme 'tree'"),
        (
            ["model.sharing=lora", "weighting.method=mgda", "trainer.sampling.strategy=all_tasks"],
            r"model.sharing 'lora' leaves none to train",
        ),
    ],
)
def test_invalid_combinations_fail_before_training(overrides, message):
    with pytest.raises(ConfigError, match=message):
        load_checked_job(REPO / "jobs/quickstart.yaml", overrides)


# Under DDP, one scheme of each kind of task-owned part beside the shared layers: per-task
# backbone copies and adapters inside the backbone. Task branches run under DDP in
# test_weighting_training's UPGrad run; every scheme, PLE's task experts included, trains
# (single process) in test_every_task_trains_and_only_shared_parameters_are_shared.
DDP_SCHEMES = [s for s in SCHEMES if s["scheme"] in ("soft", "lora")]


@pytest.mark.parametrize("sharing", DDP_SCHEMES, ids=label)
def test_two_worker_run_per_scheme_is_tracked(ray_session, tmp_path, sharing):
    (tmp_path / "mlruns").mkdir()
    job = scheme_job(tmp_path, None, copy.deepcopy(sharing))
    job["trainer"].update(max_steps=2, eval_every=2)
    result = run(job)
    mlrun = MlflowClient(result.tracking_uri).get_run(result.run_id)
    params, metrics = mlrun.data.params, mlrun.data.metrics
    assert params["model.sharing.scheme"] == sharing["scheme"]
    assert int(params["params/total"]) >= int(params["params/shared"]) + int(params["params/task/sst2"])
    assert metrics["perf/peak_memory_mb"] > 0 and "dev/mean" in metrics
    if sharing["scheme"] == "lora":
        artifacts = {a.path for a in MlflowClient(result.tracking_uri).list_artifacts(result.run_id, "adapters")}
        assert artifacts == {f"adapters/{t}" for t in ("sst2", "stsb", "conll")}
