"""Single-task baselines of a multi-task job: each task trained alone, with the same backbone,
the same trainer (steps, batch size, evaluation, validation split and selection) and the same
seeds, tagged in MLflow as that job's baselines (analysis/delta_m.py reads them back).

"Same budget per task": each baseline takes the job's trainer.max_steps optimizer steps of its
one task, the number of batches an `all_tasks` multi-task run gives every task.
"""

from __future__ import annotations

from mtl_platform.analysis.delta_m import BASELINE_TAG
from mtl_platform.config import JobConfig
from mtl_platform.train.trainer import JobResult, run_job


def baseline_job(job: JobConfig, task: str) -> JobConfig:
    """`task` of `job` alone: hard sharing of the backbone (nothing to share with), equal weighting
    (one task), one task per step; everything else as the job has it."""
    data = job.model_dump(mode="json")
    data["name"] = f"{job.name}-stl-{task}"
    data["tasks"] = [t for t in data["tasks"] if t["name"] == task]
    data["only_tasks"] = data["affinity"] = None  # one task: nothing to choose or compare
    data["model"]["sharing"] = {"scheme": "hard"}
    data["weighting"] = {"method": "equal"}
    data["trainer"]["sampling"] = {"strategy": "proportional"}
    data["tracking"]["run_name"] = None
    return JobConfig.model_validate(data)


def run_baselines(job: JobConfig) -> list[JobResult]:
    """Train every task's baseline once per seed, tagged as `job`'s, in `job`'s experiment."""
    return [
        run_job(baseline_job(seeded, task), tags={BASELINE_TAG: job.name})
        for seeded in job.per_seed()
        for task in seeded.task_names()
    ]
