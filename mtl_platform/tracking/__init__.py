"""Experiment tracking in MLflow."""
