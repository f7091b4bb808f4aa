"""Serving a trained multi-task model: the MLflow pyfunc model a run logs, registering it, and
scoring it on a split (`mtl eval`)."""
