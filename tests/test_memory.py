"""The memory a worker needs (train/memory.py): by hand, against the measured peak, and the
advice a worker that cannot fit gets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtl_platform.config import ConfigError, load_job, validate_job
from mtl_platform.train.memory import check_fits, estimate, shapes_only

REPO = Path(__file__).resolve().parents[1]


def test_the_estimate_by_hand(bert_job_dict):
    """Tiny BERT (2 layers, width 32, 2 heads), 2 workers, batch 8, max_length 32, fp32."""
    job = validate_job(bert_job_dict, Path("."))
    model = shapes_only(job)
    total = sum(p.numel() for p in model.parameters())
    ddp = estimate(job, model)
    assert (ddp.weights, ddp.gradients, ddp.optimizer, ddp.gathered) == (4 * total, 4 * total, 8 * total, 0)
    # 4 rows a worker x 32 tokens x width 32 x (34 + 5 * 2 heads * 32 / 32) x 2 (fp32) x 2 layers
    assert ddp.activations == 4 * 32 * 32 * 44 * 2 * 2

    bert_job_dict["scaling"]["strategy"] = "fsdp"
    sharded = validate_job(bert_job_dict, Path("."))
    fsdp = estimate(sharded, model)
    assert (fsdp.weights, fsdp.gradients, fsdp.optimizer) == (2 * total, 2 * total, 4 * total)
    heads = 4 * sum(p.numel() for p in model.heads.parameters())  # outside the blocks: the root unit
    embeddings = 4 * sum(p.numel() for p in model.encoder.backbone.encoder.embeddings.parameters())
    assert fsdp.gathered == heads + 3 * embeddings  # BertEmbeddings, the largest unit: two gathered, a gradient


def test_a_worker_that_cannot_fit_is_told_what_would():
    """An 8-layer GPT-2 of width 768 on 2 workers: sharded, its states halve."""
    architecture = "model.architecture={model_type: gpt2, n_layer: 8, n_head: 12, n_embd: 768}"
    job = load_job(REPO / "jobs/translate_multi30k.yaml", [architecture, "scaling.num_workers=2"])
    model = shapes_only(job)
    check_fits(job, model, estimate(job, model).total, "cpu", "fp32")  # exactly enough: no error
    sharded = estimate(load_job(REPO / "jobs/translate_multi30k.yaml", [architecture, "scaling.strategy=fsdp"]), model)
    assert sharded.total < estimate(job, model).total
    with pytest.raises(ConfigError, match=r"this worker's share has .* free; would fit: scaling.strategy: fsdp \(~"):
        check_fits(job, model, sharded.total, "this worker's share", "fp32")
    with pytest.raises(ConfigError, match="none of fsdp, twice the workers, half the batch or LoRA fits"):
        check_fits(job, model, 1.0, "GPU cuda:0", "fp32")


def test_the_estimate_is_within_a_quarter_of_the_measured_peak(tmp_path):
    """A 4-layer GPT-2 on the translation job builds and trains 3 steps in a fresh process: the
    resident memory it adds. (MiniLM's quickstart measured 1.19x-1.31x over several runs: the
    resident set is a noisy measure, hence one case here; bench/fsdp.py prints more.)"""
    architecture = "model.architecture={model_type: gpt2, n_layer: 4, n_head: 8, n_embd: 512}"
    job = str(REPO / "jobs/translate_multi30k.yaml")
    command = [sys.executable, "-m", "tests.memory_probe", job, str(tmp_path), architecture]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=REPO).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    assert 0.75 <= figures["estimated_mb"] / figures["measured_mb"] <= 1.25, figures
