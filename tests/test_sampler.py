"""Task sampling probabilities, worker shards, and sampler state."""

from __future__ import annotations

import pytest

from mtl_platform.config import SamplingConfig
from mtl_platform.data.sampler import MultiTaskSampler, task_probabilities

SIZES = {"a": 900, "b": 100}


def test_probabilities_by_strategy():
    assert task_probabilities(SIZES, SamplingConfig(strategy="proportional")) == pytest.approx({"a": 0.9, "b": 0.1})
    # T = 2: sqrt(900) = 30, sqrt(100) = 10
    assert task_probabilities(SIZES, SamplingConfig(strategy="temperature", temperature=2)) == pytest.approx(
        {"a": 0.75, "b": 0.25}
    )
    assert task_probabilities(SIZES, SamplingConfig(strategy="uniform")) == pytest.approx({"a": 0.5, "b": 0.5})


@pytest.mark.parametrize("strategy", ["proportional", "all_tasks"])
def test_worker_shards_make_up_the_single_worker_batch(strategy):
    sampling = SamplingConfig(strategy=strategy)
    one = MultiTaskSampler(SIZES, sampling, global_batch=8, seed=3)
    two = [MultiTaskSampler(SIZES, sampling, global_batch=8, seed=3, rank=r, world_size=2) for r in range(2)]
    for _ in range(200):  # crosses several epochs of task b
        batches = one.next()
        parts = [s.next() for s in two]
        assert set(parts[0]) == set(parts[1]) == set(batches)
        for task, batch in batches.items():
            assert parts[0][task] + parts[1][task] == batch
            assert len(parts[0][task]) == len(parts[1][task]) == 4


def test_all_tasks_gives_every_task_at_every_step():
    sampler = MultiTaskSampler(SIZES, SamplingConfig(strategy="all_tasks"), global_batch=4, seed=0)
    assert all(set(sampler.next()) == set(SIZES) for _ in range(20))


def test_each_epoch_is_a_permutation_of_the_task():
    sampler = MultiTaskSampler({"only": 10}, SamplingConfig(), global_batch=5, seed=0)
    seen = sampler.next()["only"] + sampler.next()["only"]
    assert sorted(seen) == list(range(10))


def test_state_round_trip_continues_the_same_sequence():
    sampler = MultiTaskSampler(SIZES, SamplingConfig(strategy="uniform"), global_batch=4, seed=1)
    for _ in range(37):
        sampler.next()
    state = sampler.state_dict()
    expected = [sampler.next() for _ in range(50)]
    restored = MultiTaskSampler(SIZES, SamplingConfig(strategy="uniform"), global_batch=4, seed=1)
    restored.load_state_dict(state)
    assert [restored.next() for _ in range(50)] == expected


def test_annealed_moves_from_proportional_to_the_final_exponent():
    sampling = SamplingConfig(strategy="annealed", final_exponent=0.0)
    assert task_probabilities(SIZES, sampling, progress=0.0) == pytest.approx({"a": 0.9, "b": 0.1})
    # alpha = 0.5 halfway: sqrt(900) = 30, sqrt(100) = 10
    assert task_probabilities(SIZES, sampling, progress=0.5) == pytest.approx({"a": 0.75, "b": 0.25})
    assert task_probabilities(SIZES, sampling, progress=1.0) == pytest.approx({"a": 0.5, "b": 0.5})
    sampler = MultiTaskSampler(SIZES, sampling, global_batch=4, seed=0, total_steps=3)
    seen = []
    for _ in range(3):
        seen.append(sampler.probabilities()["a"])
        sampler.next()
    assert seen == pytest.approx([0.9, 0.75, 0.5])


def test_caps_bound_each_tasks_size_before_the_exponent():
    assert task_probabilities(SIZES, SamplingConfig(caps=400)) == pytest.approx({"a": 0.8, "b": 0.2})
    assert task_probabilities(SIZES, SamplingConfig(caps={"a": 100})) == pytest.approx({"a": 0.5, "b": 0.5})
    # a cap above a task's size changes nothing
    assert task_probabilities(SIZES, SamplingConfig(caps={"b": 10_000})) == pytest.approx({"a": 0.9, "b": 0.1})


def test_annealed_state_round_trip_continues_the_schedule():
    sampling = SamplingConfig(strategy="annealed")
    sampler = MultiTaskSampler(SIZES, sampling, global_batch=4, seed=1, total_steps=100)
    for _ in range(60):
        sampler.next()
    state = sampler.state_dict()
    expected = [sampler.next() for _ in range(40)]
    restored = MultiTaskSampler(SIZES, sampling, global_batch=4, seed=1, total_steps=100)
    restored.load_state_dict(state)
    assert restored.probabilities() != MultiTaskSampler(SIZES, sampling, 4, 1, total_steps=100).probabilities()
    assert [restored.next() for _ in range(40)] == expected


def test_mixed_batches_split_across_workers_and_follow_the_probabilities():
    sampling = SamplingConfig(strategy="proportional", mixed=True)
    one = MultiTaskSampler(SIZES, sampling, global_batch=8, seed=3)
    two = [MultiTaskSampler(SIZES, sampling, global_batch=8, seed=3, rank=r, world_size=2) for r in range(2)]
    drawn = {"a": 0, "b": 0}
    for _ in range(300):
        batches = one.next()
        parts = [s.next() for s in two]
        assert set(parts[0]) == set(parts[1]) == set(batches), "every worker sees every task of the step"
        for task, batch in batches.items():
            assert parts[0][task] + parts[1][task] == batch
            drawn[task] += len(batch)
        assert [sum(len(v) for v in part.values()) for part in parts] == [4, 4]
    assert drawn["a"] / 2400 == pytest.approx(0.9, abs=0.03)


def test_mixed_and_all_tasks_exclude_each_other():
    with pytest.raises(ValueError, match="strategy all_tasks draws a batch of every task"):
        SamplingConfig(strategy="all_tasks", mixed=True)
