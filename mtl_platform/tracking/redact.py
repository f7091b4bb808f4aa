"""Secrets never reach MLflow: what looks like a credential is masked before logging.

A job's config is logged whole (params, job.yaml), and people put
credentials in URIs (`http://user:pass@mlflow`, `?token=...`) or in fields
named like secrets. Every value logged goes through `redact`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from mtl_platform.config import JobConfig

MASK = "***"
# A whole word of the key's name: `hf_token` and `secret_access_key` match, `author` does not.
SECRET_NAME = re.compile(
    r"(^|[_\-.])(password|passwd|secret|token|api_?key|access_?key|credentials?|auth)([_\-.]|$)", re.IGNORECASE
)
SECRET_TEXT = [
    (re.compile(r"([a-z][a-z0-9+.\-]*://[^:/@\s]+):[^@/\s]+@", re.IGNORECASE), rf"\1:{MASK}@"),  # user:pass@host
    (
        re.compile(r"([?&](?:token|access_token|key|api_key|sig|signature|password|secret)=)[^&\s]+", re.IGNORECASE),
        rf"\1{MASK}",
    ),
    # Token formats of Hugging Face, GitHub, OpenAI-style APIs and AWS access keys.
    (
        re.compile(r"\b(?:hf_[A-Za-z0-9]{30,}|gh[pousr]_[A-Za-z0-9]{30,}|sk-[A-Za-z0-9_\-]{20,}|AKIA[0-9A-Z]{16})\b"),
        MASK,
    ),
]


def redact_text(text: str) -> str:
    for pattern, replacement in SECRET_TEXT:
        text = pattern.sub(replacement, text)
    return text


def redact(value: Any, name: str = "") -> Any:
    """`value` with secrets masked; `name` is its key (the last part of a dotted path counts)."""
    if isinstance(value, Mapping):
        return {k: redact(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v, name) for v in value]
    if isinstance(value, str):
        if value and SECRET_NAME.search(name.rsplit(".", 1)[-1]):
            return MASK
        return redact_text(value)
    return value


def job_to_yaml(job: JobConfig) -> str:
    """The job as YAML for logging, secrets masked."""
    return yaml.safe_dump(redact(job.model_dump(mode="json")), sort_keys=False)
