"""What the driver hands every Ray Train worker: one typed plan, instead of an untyped dict."""

from __future__ import annotations

from dataclasses import dataclass

from ray.train import Checkpoint

from mtl_platform.config import JobConfig
from mtl_platform.tracking.storage import Location


@dataclass(frozen=True)
class WorkerPlan:
    job: JobConfig  # validated (and its files checked) once, on the driver
    run_id: str  # the MLflow run rank 0 logs to
    tracking_uri: str
    run_dir: Location  # under trainer.storage_path: tracking/run_directory.py lists its files
    stop_at: int  # the last step to train: max_steps, or the end of a PBT segment
    baselines: dict[str, float] | None  # single-task dev scores, for dev/delta_m and dev/target_gain
    initial_weights: Location | None  # the tensors model.init_from chose for this model
    from_checkpoint: Checkpoint | None  # start from another run's checkpoint (PBT's exploit step)
