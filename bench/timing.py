"""Step timing shared by the benchmarks: the median wall time of a step after a warm-up
(the median resists a shared machine's one-off stalls), synchronized on GPUs, and each case
measured in a fresh process."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

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


def in_own_process(script: str, arguments: list[str]) -> dict[str, Any]:
    """Run `script arguments` in a fresh Python, so that a case's peak memory is its own, and
    return the JSON object that its last line of output holds."""
    command = [sys.executable, script, *arguments]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])
