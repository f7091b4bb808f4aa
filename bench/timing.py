"""Step timing shared by the benchmarks: the median wall time of a step after a warm-up
(the median resists a shared machine's one-off stalls), synchronized on GPUs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import torch

WARMUP = 3


def median_step_seconds(step: Callable[[int], object], steps: int, device: torch.device) -> float:
    """Run `step(1..WARMUP + steps)` and return the median seconds of the timed steps."""
    seconds = []
    for number in range(1, WARMUP + steps + 1):
        if device.type == "cuda":
            torch.cuda.synchronize()
        began = time.perf_counter()
        step(number)
        if device.type == "cuda":
            torch.cuda.synchronize()
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds[WARMUP:])
