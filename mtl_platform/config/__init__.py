"""Job configuration: YAML validated by pydantic, with dotted overrides.

Everything a run does is described here as data, and this package imports no
torch, Ray or data library and reads no data file: a job validates in well
under a second. Loading fails early, before Ray starts, with messages that name
the file, the field path and what is allowed. What needs the outside world
(labels in the files, the backbone's modules) is checked once per job by
preflight.py; the sweep schema is in tune/config.py.
"""

from mtl_platform.config.errors import ConfigError
from mtl_platform.config.job import (
    AffinityConfig,
    FsdpConfig,
    JobConfig,
    SamplingConfig,
    ScalingConfig,
    TrackingConfig,
    TrainerConfig,
)
from mtl_platform.config.loading import load_job, read_yaml, validate_job
from mtl_platform.config.model import LANGUAGE_MODELS, MINILM, LSTMConfig, ModelConfig
from mtl_platform.config.overrides import UNION_TAGS, apply_overrides, set_by_path, switch_member
from mtl_platform.config.paths import in_mlflow
from mtl_platform.config.task import DataSource, TaskConfig

__all__ = [
    "LANGUAGE_MODELS",
    "MINILM",
    "UNION_TAGS",
    "AffinityConfig",
    "ConfigError",
    "DataSource",
    "FsdpConfig",
    "JobConfig",
    "LSTMConfig",
    "ModelConfig",
    "SamplingConfig",
    "ScalingConfig",
    "TaskConfig",
    "TrackingConfig",
    "TrainerConfig",
    "apply_overrides",
    "in_mlflow",
    "load_job",
    "read_yaml",
    "set_by_path",
    "switch_member",
    "validate_job",
]
