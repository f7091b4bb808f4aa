"""mtl_platform: multi-task learning of language models on Ray, tracked in MLflow."""

__version__ = "0.1.0"
