"""The comparison protocol's pieces against hand-computed cases: the plateau check, paired
statistics over seeds, equal data for baselines, auxiliary-task config, the results files."""

from __future__ import annotations

import json
import math

import pytest
import torch

from mtl_platform.analysis.baselines import baseline_job
from mtl_platform.analysis.protocol import (
    STL,
    ResultRow,
    markdown_table,
    paired_delta_m,
    paired_gain,
    plateau,
    results_document,
    summarize,
    write_results,
)
from mtl_platform.config import ConfigError, JobConfig, SamplingConfig, TaskConfig, validate_job
from mtl_platform.data.sampler import expected_batches
from mtl_platform.tasks.regression import RegressionTask
from mtl_platform.tracking.delta_m import compare_with_baselines, relative_gain

# ---------------------------------------------------------------- plateau


def test_a_curve_still_rising_in_its_last_fifth_has_not_plateaued():
    # window: steps >= 80; best before 0.70 (step 60), best within 0.74: gain 0.04
    curve = [(20, 0.5), (40, 0.6), (60, 0.70), (80, 0.72), (100, 0.74)]
    check = plateau(curve, 100)
    assert not check.plateaued and check.gain == pytest.approx(0.04) and check.window_start == 80


def test_flat_and_falling_curves_have_plateaued():
    assert plateau([(50, 0.80), (80, 0.803), (100, 0.802)], 100).plateaued  # +0.003 <= 0.005
    overfit = plateau([(50, 0.80), (80, 0.78), (100, 0.75)], 100)
    assert overfit.plateaued and overfit.gain == pytest.approx(-0.02)
    # lower is better (MSE): falling from 0.50 to 0.40 is a gain of 0.10
    assert plateau([(50, 0.5), (100, 0.4)], 100, higher_is_better=False).gain == pytest.approx(0.1)
    assert plateau([(50, 0.5), (100, 0.45)], 100, tolerance=0.06, higher_is_better=False).plateaued


def test_a_plateau_check_needs_evaluations_on_both_sides_of_the_window():
    with pytest.raises(ValueError, match="evaluate more often"):
        plateau([(100, 0.8)], 100)
    with pytest.raises(ValueError, match=r"steps \[10, 50\]"):
        plateau([(10, 0.5), (50, 0.8)], 100)


# ---------------------------------------------------------------- statistics


def test_summary_of_three_seeds_by_hand():
    summary = summarize({2: 3.0, 0: 1.0, 1: 2.0})
    assert summary.seeds == [0, 1, 2] and summary.values == [1.0, 2.0, 3.0]
    assert summary.mean == 2.0 and summary.std == pytest.approx(1.0)
    half = 4.302652729911275 / math.sqrt(3)  # t quantile 0.975 with 2 degrees of freedom
    assert summary.ci95 == pytest.approx((2.0 - half, 2.0 + half))
    # df = 2: P(|T| > t) = 1 - t / sqrt(t^2 + 2), t = 2 / (1 / sqrt(3))
    t = 2 * math.sqrt(3)
    assert summary.p_value == pytest.approx(1 - t / math.sqrt(t * t + 2))


def test_summary_of_one_seed_claims_no_spread():
    summary = summarize({0: 1.5})
    assert (summary.mean, summary.std, summary.ci95, summary.p_value) == (1.5, None, None, None)


MAIN = {"a": "accuracy", "b": "mse"}


def rows() -> list[ResultRow]:
    values = {
        (STL, 0): {"a": 0.80, "b": 0.50},
        (STL, 1): {"a": 0.70, "b": 0.40},
        ("mtl", 0): {"a": 0.88, "b": 0.45},  # a +10%, b (lower is better) +10%: Δm +10
        ("mtl", 1): {"a": 0.70, "b": 0.44},  # a 0%, b -10%: Δm -5
        ("mtl", 2): {"a": 0.90, "b": 0.10},  # no baseline of seed 2: left out
    }
    return [
        ResultRow(config, seed, task, MAIN[task], value, 100)
        for (config, seed), scores in values.items()
        for task, value in scores.items()
    ]


def test_delta_m_is_paired_by_seed():
    summary = paired_delta_m(rows(), "mtl", MAIN)
    assert summary.seeds == [0, 1]
    assert summary.values == pytest.approx([10.0, -5.0])
    assert summary.mean == pytest.approx(2.5) and summary.std == pytest.approx(math.sqrt(112.5))
    assert paired_delta_m(rows(), "nothing", MAIN) is None


def test_a_target_tasks_gain_is_paired_by_seed():
    gain = paired_gain(rows(), "mtl", "a", "accuracy")
    assert gain.values == pytest.approx([10.0, 0.0])
    assert relative_gain(0.45, 0.50, "mse") == pytest.approx(10.0)


def test_an_evaluation_compares_with_the_baselines_it_has():
    metrics = {"dev/a/accuracy": 0.88, "dev/b/mse": 0.45}
    both = compare_with_baselines(metrics, {"a": 0.8, "b": 0.5}, MAIN, target="a")
    assert both == pytest.approx({"dev/delta_m": 10.0, "dev/target_gain": 10.0})
    assert compare_with_baselines(metrics, {"a": 0.8}, MAIN, target="a") == pytest.approx({"dev/target_gain": 10.0})
    assert compare_with_baselines(metrics, {"a": 0.8}, MAIN, target=None) == {}


def test_the_results_document_and_its_table(tmp_path):
    document = results_document({"batches_per_task": 100}, rows(), MAIN, {"auxiliary": {}})
    assert set(document) == {"budget", "rows", "delta_m", "validation_delta_m", "auxiliary"}
    assert document["rows"][0] == {
        "config": STL,
        "seed": 0,
        "task": "a",
        "metric": "accuracy",
        "value": 0.8,
        "step": 100,
        "split": "dev",
    }
    assert document["delta_m"]["mtl"]["mean"] == pytest.approx(2.5)
    assert document["delta_m"]["mtl"]["seeds"] == [0, 1]
    assert document["validation_delta_m"] == {}  # no validation rows
    table = markdown_table(document, MAIN)
    assert table[0] == "| configuration | seeds | a accuracy | b mse | Δm % dev [95% CI] | Δm % validation |"
    assert table[2].startswith("| stl | 2 | 0.7500 ± 0.0707 | 0.4500 ± 0.0707 | 0 (reference)")
    assert "+2.50 ± 10.61 [" in table[3]
    json_path, md_path = write_results(document, "\n".join(table), tmp_path)
    assert json.loads(json_path.read_text()) == json.loads(json.dumps(document))
    assert md_path.read_text().startswith("| configuration")


# ---------------------------------------------------------------- equal data


def test_expected_batches_of_each_sampler_by_hand():
    sizes = {"a": 100, "b": 300, "c": 200}
    assert expected_batches(sizes, SamplingConfig(strategy="all_tasks"), 30) == dict.fromkeys(sizes, 30.0)
    assert expected_batches(sizes, SamplingConfig(strategy="uniform"), 30) == pytest.approx(dict.fromkeys(sizes, 10.0))
    assert expected_batches(sizes, SamplingConfig(strategy="proportional"), 60) == pytest.approx(
        {"a": 10.0, "b": 30.0, "c": 20.0}
    )
    mixed = SamplingConfig(strategy="uniform", mixed=True)  # a third of each batch's rows
    assert expected_batches(sizes, mixed, 30) == pytest.approx(dict.fromkeys(sizes, 10.0))
    # annealed over 2 steps: alpha 1 (p_a = 1/5), then 0.2 (p_a = 1 / (1 + 4^0.2))
    annealed = expected_batches({"a": 1, "b": 4}, SamplingConfig(strategy="annealed"), 2)
    assert annealed["a"] == pytest.approx(0.2 + 1 / (1 + 4**0.2))


def test_a_baseline_keeps_its_share_of_evaluations_and_warm_up(job_dict, tmp_path):
    job_dict["trainer"].update(max_steps=300, eval_every=30, warmup_steps=15)
    job = JobConfig.model_validate(job_dict)
    alone = baseline_job(job, "stsb", steps=100)
    assert alone.task_names() == ["stsb"] and alone.target is None
    assert (alone.trainer.max_steps, alone.trainer.eval_every, alone.trainer.warmup_steps) == (100, 10, 5)
    assert baseline_job(job, "stsb").trainer.max_steps == 300


@pytest.mark.parametrize(("scheme", "alone"), [("mmoe", "hard"), ("cross_stitch", "hard"), ("lora", "lora")])
def test_a_baseline_trains_what_its_task_trains_in_the_job(job_dict, tiny_bert, scheme, alone):
    """Under LoRA a task trains its adapter on a frozen base: alone, it trains one adapter, not
    the whole backbone at an adapter's learning rate. Other schemes' one-task model is the backbone."""
    job_dict["model"] = {"backbone": "transformer", "name_or_path": str(tiny_bert), "sharing": scheme}
    baseline = baseline_job(JobConfig.model_validate(job_dict), "stsb")
    assert baseline.model.sharing.scheme == alone
    if alone == "lora":
        assert (
            baseline.model.sharing.freeze_base
            and baseline.model.sharing == JobConfig.model_validate(job_dict).model.sharing
        )


# ---------------------------------------------------------------- auxiliary-task config


def test_target_must_be_one_of_several_tasks(job_dict, tmp_path):
    assert validate_job({**job_dict, "target": "sst2"}, tmp_path).target == "sst2"
    with pytest.raises(ConfigError, match=r"job: <root>: target 'nope' is not a task; the tasks are \['sst2'"):
        validate_job({**job_dict, "target": "nope"}, tmp_path)
    with pytest.raises(ConfigError, match="target 'sst2' is the only task"):
        validate_job({**job_dict, "target": "sst2", "only_tasks": ["sst2"]}, tmp_path)
    with pytest.raises(ConfigError, match=r"only_tasks \['stsb', 'conll'\] leaves out the target 'sst2'"):
        validate_job({**job_dict, "target": "sst2", "only_tasks": ["stsb", "conll"]}, tmp_path)


def test_normalized_targets_scale_the_loss_and_start_the_head_at_the_mean(job_dict, tmp_path):
    job = JobConfig.model_validate(job_dict)
    stsb = next(t for t in job_dict["tasks"] if t["name"] == "stsb")
    task = RegressionTask(TaskConfig.model_validate({**stsb, "normalize_targets": True}), job.model)
    head = task.build_head(4)
    task.prepare({"labels": [0.0, 2.0, 4.0]}, head)  # mean 2, sample variance 4
    assert task.loss_scale == pytest.approx(0.25) and head.linear.bias.item() == pytest.approx(2.0)
    loss, count = task.loss_sum(torch.full((3, 1), 2.0), {"labels": torch.tensor([0.0, 2.0, 4.0])})
    assert loss.item() == pytest.approx(8 * 0.25) and count.item() == 3  # squared errors 4 + 0 + 4
    plain = RegressionTask(TaskConfig.model_validate(stsb), job.model)
    plain.prepare({"labels": [0.0, 2.0, 4.0]}, plain.build_head(4))
    assert plain.loss_scale == 1.0
    with pytest.raises(ValueError, match="normalize_targets is for regression tasks"):
        TaskConfig.model_validate({**job_dict["tasks"][0], "normalize_targets": True})
