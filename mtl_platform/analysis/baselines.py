"""Single-task baselines of a multi-task job: each task trained alone, with the same backbone,
the same trainer (batch size, evaluations, validation split and selection) and the same seeds,
tagged in MLflow as that job's baselines (tracking/delta_m.py reads them back).

Equal data: each baseline takes as many optimizer steps of its task as the multi-task job gives
that task batches (in expectation over its sampler: `max_steps` with `all_tasks`, about
`max_steps / T` with a uniform one-task sampler), with its evaluations, warm-up and schedule
scaled alike. Every task then sees the same number of its examples on both sides, and the
baselines together take as many batches as the multi-task run (equal compute).
In auxiliary-task mode (`target:`) only the target has a baseline: it is what the run is for.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlflow.tracking import MlflowClient

from mtl_platform.analysis.protocol import Plateau, plateau
from mtl_platform.config import JobConfig
from mtl_platform.data.sampler import expected_batches
from mtl_platform.data.splits import VALIDATION
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.tasks import build_tasks, main_metrics
from mtl_platform.tracking.delta_m import BASELINE_TAG, LOWER_IS_BETTER
from mtl_platform.train.trainer import JobResult, run_job


def task_batches(job: JobConfig) -> dict[str, int]:
    """How many batches of each task the job trains on (expected, rounded; at least 1)."""
    sizes = {name: len(splits["train"]) for name, splits in tokenize_job(job, build_tasks(job)).items()}
    batches = expected_batches(sizes, job.trainer.sampling, job.trainer.max_steps)
    return {task: max(1, round(n)) for task, n in batches.items()}


def baseline_job(job: JobConfig, task: str, steps: int | None = None) -> JobConfig:
    """`task` of `job` alone for `steps` optimizer steps (default the job's max_steps), its
    evaluations and warm-up scaled to keep their share of the steps: equal weighting (one task),
    one task per step, and the model a task trains alone with the job's scheme: one adapter
    under LoRA (what the task trains there, at the job's learning rate), hard sharing of the
    whole backbone under the others (nothing to share with)."""
    data = job.model_dump(mode="json")
    data["name"] = f"{job.name}-stl-{task}"
    data["tasks"] = [t for t in data["tasks"] if t["name"] == task]
    data["only_tasks"] = data["affinity"] = data["target"] = None  # one task: nothing to choose or compare
    if data["model"]["sharing"]["scheme"] != "lora":
        data["model"]["sharing"] = {"scheme": "hard"}
    data["weighting"] = {"method": "equal"}
    trainer = data["trainer"]
    if steps is not None:
        ratio = steps / job.trainer.max_steps
        trainer["eval_every"] = max(1, round(trainer["eval_every"] * ratio))
        trainer["warmup_steps"] = round(trainer["warmup_steps"] * ratio)
        trainer["max_steps"] = steps
    trainer["sampling"] = {"strategy": "proportional"}
    data["tracking"]["run_name"] = None
    return JobConfig.model_validate(data)


def baseline_jobs(job: JobConfig) -> list[JobConfig]:
    """Every baseline `job` needs, once per seed: each task's (the target's only, with `target:`)."""
    steps = task_batches(job)
    tasks = [job.target] if job.target else job.task_names()
    return [baseline_job(seeded, task, steps[task]) for seeded in job.per_seed() for task in tasks]


def run_baselines(job: JobConfig, progress: bool = False) -> list[tuple[JobConfig, JobResult]]:
    """Train every baseline of `job` (see `baseline_jobs`), tagged as `job`'s, in `job`'s experiment;
    `progress` shows each on the console."""
    return [
        (baseline, run_job(baseline, tags={BASELINE_TAG: job.name}, progress=progress))
        for baseline in baseline_jobs(job)
    ]


@dataclass(frozen=True)
class Convergence:
    """Whether a single-task run's selection curve had flattened by its last steps."""

    metric: str  # the curve checked: validation/<task>/<main metric>, or dev/... without validation
    plateau: Plateau


def convergence(client: MlflowClient, run_id: str, job: JobConfig) -> Convergence:
    """The plateau check (analysis/protocol.py) of a one-task run's main metric, on validation
    when the job carves it (what selection looks at), else on dev."""
    ((task, metric),) = main_metrics(job).items()
    split = VALIDATION if job.trainer.validation_fraction else "dev"
    key = f"{split}/{task}/{metric}"
    curve = [(m.step, m.value) for m in client.get_metric_history(run_id, key)]
    return Convergence(key, plateau(curve, job.trainer.max_steps, metric not in LOWER_IS_BETTER))
