"""`python -m mtl_platform.cli`: what `mtl` runs (and what `mtl submit` runs on a cluster)."""

from mtl_platform.cli import app

app()
