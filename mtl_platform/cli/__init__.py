"""The `mtl` command: train and tune jobs, serve and sync MLflow, submit to and follow a Ray cluster.

app.py holds the app and the mapping of errors to exit codes; each other module one family of
commands, registered on import (in the order `mtl --help` lists them).
"""

# isort: off
from mtl_platform.cli import training
from mtl_platform.cli import results
from mtl_platform.cli import cluster_jobs

# isort: on
from mtl_platform.cli.app import app

__all__ = ["app", "cluster_jobs", "results", "training"]
