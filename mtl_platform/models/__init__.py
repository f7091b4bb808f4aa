"""Backbones and the multi-task model."""

from mtl_platform.models.multitask import MultiTaskModel, build_model

__all__ = ["MultiTaskModel", "build_model"]
