"""What a run is, as the MLflow UI shows it: its name, and tags to filter and compare runs by."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mtl_platform.config import JobConfig, ModelConfig

log = logging.getLogger(__name__)
# `mtl submit` ships the working dir without .git, so it sends the commit along in this variable.
GIT_COMMIT_ENV = "MTL_GIT_COMMIT"
# Ray's job server hands each submitted driver its job config (with the submission id) in this variable.
RAY_JOB_CONFIG_ENV = "RAY_JOB_CONFIG_JSON_ENV_VAR"
MERGE_TAG = "mtl.merge"  # on a run of merged LoRA adapters (tune/merge.py): the merge method


def run_name(job: JobConfig, unique: str) -> str:
    """mtl-<job>-<sharing>-<method>-<unique>, unless the job names its runs."""
    if job.tracking.run_name:
        return job.tracking.run_name
    return f"mtl-{job.name}-{job.model.sharing.scheme}-{job.weighting.method}-{unique}"


def git_commit(directory: Path | None = None) -> tuple[str, bool] | None:
    """(commit, dirty) of the code that runs: the submitted one, else the repository around the
    working directory; None outside a repository."""
    if os.environ.get(GIT_COMMIT_ENV):
        commit, _, dirty = os.environ[GIT_COMMIT_ENV].partition("+")
        return commit, dirty == "dirty"
    try:
        import git  # GitPython, which MLflow brings; it raises ImportError without a git binary
    except ImportError:
        return None
    try:
        repo = git.Repo(directory or Path.cwd(), search_parent_directories=True)
        return repo.head.commit.hexsha, repo.is_dirty(untracked_files=False)
    except (git.exc.GitError, ValueError) as exc:  # not a repository, or one without commits
        log.debug("no git commit to record: %s", exc)
        return None


def ray_job_id() -> str | None:
    """The Ray job submission id when this driver was submitted with `mtl submit` / `ray job submit`."""
    try:
        return json.loads(os.environ.get(RAY_JOB_CONFIG_ENV, "{}")).get("metadata", {}).get("job_submission_id")
    except ValueError:
        return None


def source_tags() -> dict[str, str]:
    """Where a run came from: the MLflow UI shows mlflow.source.git.commit on the run page."""
    tags = {}
    commit = git_commit()
    if commit:
        tags["mlflow.source.git.commit"] = commit[0]
        tags["mtl.git_dirty"] = str(commit[1]).lower()
    submitted = ray_job_id()
    if submitted:
        tags["mtl.ray_job_id"] = submitted
    return tags


def backbone_label(model: ModelConfig) -> str:
    """The backbone as a reader of the runs table tells them apart: what was loaded, what was built."""
    if model.backbone == "bilstm":
        return "bilstm"
    if model.architecture is not None:
        return f"{model.architecture['model_type']} from a config"
    if model.decoder is not None:
        return f"{model.name_or_path} + a {model.decoder['model_type']} decoder"
    return model.name_or_path


def job_tags(job: JobConfig) -> dict[str, str]:
    return {
        "mtl.job": job.name,
        "mtl.tasks": ",".join(job.task_names()),
        "mtl.backbone": backbone_label(job.model),
        "mtl.sharing": job.model.sharing.scheme,
        "mtl.weighting": job.weighting.method,
        **({"mtl.target": job.target} if job.target else {}),
        "mlflow.note.content": job.description,
        **source_tags(),
    }
