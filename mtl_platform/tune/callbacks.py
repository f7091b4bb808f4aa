"""Callbacks a trial gives Ray Train's controller, apart from the sweep code for the reason in
train/callbacks.py."""

from __future__ import annotations

from typing import Any

from ray.tune.integration.ray_train import TuneReportCallback


class IntermediateReports(TuneReportCallback):
    """Forward every evaluation but the last to Tune. A scheduler stops a trial as soon as it
    reports its last step (ASHA at max_t), which would cut the run off before its MLflow run
    ends and its model is logged; the trial reports that result itself afterwards."""

    def __init__(self, last_step: int):
        super().__init__()
        self.last_step = last_step

    def after_report(self, run_context: Any, metrics: list[dict[str, Any]], checkpoint: Any) -> None:
        if metrics[0].get("step", 0) < self.last_step:
            super().after_report(run_context, metrics, checkpoint)
