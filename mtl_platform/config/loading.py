"""Reading a job file: YAML, overrides, then validation; errors name the file and the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from mtl_platform.config.errors import ConfigError, validation_message
from mtl_platform.config.job import JobConfig
from mtl_platform.config.overrides import apply_overrides


def read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"{path}: file not found")
    try:
        data = yaml.safe_load(path.read_text())
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return data


def validate_job(data: dict[str, Any], base_dir: Path, source: str = "job", check_files: bool = True) -> JobConfig:
    """`check_files=False` for a saved model's job, whose data files stay where it was trained."""
    try:
        return JobConfig.model_validate(data, context={"base_dir": base_dir, "check_files": check_files})
    except ValidationError as exc:
        raise ConfigError(validation_message(exc, data, source)) from None


def load_job(path: str | Path, overrides: list[str] | None = None) -> JobConfig:
    """Load, override and validate a job (its data and backbone are checked by preflight.py)."""
    path = Path(path).resolve()
    return validate_job(apply_overrides(read_yaml(path), overrides or []), path.parent, str(path))
