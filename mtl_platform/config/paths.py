"""Where a configured path or model lives: files relative to the YAML that names them, or MLflow."""

from __future__ import annotations

import os
import re
from pathlib import Path

from pydantic import ValidationInfo


def resolve_path(value: str | Path | None, info: ValidationInfo) -> Path | None:
    """Expand ~ and $VARS; relative paths are relative to the YAML file that holds them."""
    if value is None:
        return None
    path = Path(os.path.expandvars(os.path.expanduser(str(value))))
    base = (info.context or {}).get("base_dir")
    if not path.is_absolute() and base is not None:
        path = Path(base) / path
    return path.resolve()


def in_mlflow(model: str) -> bool:
    """A model given as an MLflow run id, models:/ or runs:/ URI (else it is a path)."""
    return model.startswith(("models:/", "runs:/")) or re.fullmatch(r"[0-9a-f]{32}", model) is not None
