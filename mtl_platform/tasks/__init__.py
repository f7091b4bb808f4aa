"""Task types by name: each owns its tokenization, head, loss and metrics."""

from __future__ import annotations

from mtl_platform.config import JobConfig, ModelConfig, TaskConfig
from mtl_platform.tasks.base import Task
from mtl_platform.tasks.classification import ClassificationTask
from mtl_platform.tasks.generation import GenerationTask
from mtl_platform.tasks.multilabel import MultiLabelTask
from mtl_platform.tasks.regression import RegressionTask
from mtl_platform.tasks.token_classification import TokenClassificationTask

TASK_TYPES: dict[str, type[Task]] = {
    "classification": ClassificationTask,
    "multilabel": MultiLabelTask,
    "regression": RegressionTask,
    "token_classification": TokenClassificationTask,
    "generation": GenerationTask,
}


def build_task(config: TaskConfig, model: ModelConfig) -> Task:
    return TASK_TYPES[config.type](config, model)


def build_tasks(job: JobConfig) -> dict[str, Task]:
    return {t.name: build_task(t, job.model) for t in job.tasks}


def main_metrics(job: JobConfig) -> dict[str, str]:
    """Each task's main metric: what dev/mean, plots and Δm compare."""
    return {t.name: t.main() for t in job.tasks}


__all__ = ["TASK_TYPES", "Task", "build_task", "build_tasks", "main_metrics"]
