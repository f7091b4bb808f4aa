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
