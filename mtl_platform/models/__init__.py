"""Backbones, sharing schemes (models/sharing/) and the multi-task model (models/multitask.py)."""
