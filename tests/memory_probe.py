"""Run alone (python -m tests.memory_probe JOB CACHE [OVERRIDE...]): the resident memory one worker adds while
it builds and trains 3 steps, against the estimate for it; prints both as JSON."""

from __future__ import annotations

import json
import resource
import sys

import torch

from mtl_platform.config import load_job
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.tasks import build_tasks
from mtl_platform.train.loop import Training
from mtl_platform.train.memory import estimate, shapes_only


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


if __name__ == "__main__":
    overrides = ["scaling.num_workers=1", f"trainer.cache_dir={sys.argv[2]}", *sys.argv[3:]]
    job = load_job(sys.argv[1], overrides)
    tokenize_job(job, build_tasks(job))
    expected = estimate(job, shapes_only(job)).total / 2**20
    before = resident_mb()
    training = Training.build(job)
    for step in range(1, 4):
        training.train_step(training.model, torch.device("cpu"), step)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"measured_mb": peak - before, "estimated_mb": expected}))
