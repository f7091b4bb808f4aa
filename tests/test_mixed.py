"""Mixed batches: one padded batch of several tasks' rows, with label masks."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from mtl_platform.config import validate_job
from mtl_platform.data.mixed import mix
from mtl_platform.models.evaluation import select_rows
from mtl_platform.train.loop import Training
from mtl_platform.train.step import Step, loss_weighted_backward
from tests.conftest import DATA, base_job, entity_types_task


def collate(training: Training, task: str, rows: list[int]) -> dict[str, torch.Tensor]:
    return training.collators[task](select_rows(training.data[task]["train"], rows))


def test_a_mixed_batch_is_encoded_once_and_a_task_without_rows_adds_nothing(tmp_path, tiny_bert):
    job = base_job(tmp_path, tiny_bert)
    job["trainer"]["sampling"] = {"strategy": "uniform", "mixed": True}
    training = Training.build(validate_job(job, Path(".")))
    model, device = training.model, torch.device("cpu")
    calls = []
    model.encoder.register_forward_hook(lambda *_: calls.append(1))
    parts = {"sst2": collate(training, "sst2", [0, 1, 2]), "stsb": collate(training, "stsb", [0, 1]), "conll": None}
    batches = mix(parts, training.tasks, training.pad_token_id, device)
    assert batches["sst2"]["input_ids"].shape[0] == 5 and batches["conll"]["labels"].eq(-100).all()
    step = Step(1, 0, 1, torch.autocast("cpu", enabled=False), training.scaler)
    result = loss_weighted_backward(model, training.tasks, training.weighting, batches, step)
    assert len(calls) == 1, "hard sharing: the shared encoder runs once for every task of the batch"
    assert set(result.values) == {"sst2", "stsb"}, "a task with no rows in the step is not weighed"
    assert all(p.grad is None or not p.grad.any() for p in model.heads["conll"].parameters())
    mixed_grad = model.heads["sst2"].linear.weight.grad.clone()

    # The same SST-2 rows in a batch of their own give the same head gradient and loss.
    model.zero_grad()
    single = loss_weighted_backward(model, training.tasks, training.weighting, {"sst2": parts["sst2"]}, step)
    assert single.values["sst2"] == pytest.approx(result.values["sst2"], rel=1e-5)
    assert torch.allclose(model.heads["sst2"].linear.weight.grad, mixed_grad, atol=1e-6)


def test_training_steps_on_mixed_batches_of_four_task_types(tmp_path, tiny_bert):
    job = base_job(tmp_path, tiny_bert)
    job["tasks"].append({**entity_types_task(DATA / "conll2003_types"), "max_train_examples": 200})
    job["trainer"]["sampling"] = {"strategy": "uniform", "mixed": True}
    training = Training.build(validate_job(job, Path(".")))
    before = {k: v.clone() for k, v in training.model.state_dict().items()}
    seen = set()
    for step in range(1, 4):
        seen |= set(training.train_step(training.model, torch.device("cpu"), step).values)
    assert seen == {"sst2", "stsb", "conll", "types"}
    assert any(not torch.equal(before[k], v) for k, v in training.model.state_dict().items())
