"""The memory a worker needs (train/memory.py): by hand, and the advice a worker that cannot fit
gets. (Against the measured peak: the note of train/memory.py; the resident set of a CPU process
is too noisy a measure for a test, 0.75x-0.80x on one job across runs.)"""

from __future__ import annotations

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
