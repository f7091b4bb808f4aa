# `make demo` and `make test` work on a fresh clone: they create .venv once and reuse it.
PYTHON ?= python3
VENV := .venv
# Two test processes, each taking whole files (a file's tests share its fixtures, e.g. one ASHA
# sweep): on 2 cores the tests take ~16 min (953 s in .ci/run); a third process is no faster (973 s),
# as the suite is CPU-bound.
# TEST_WORKERS= runs it in one process.
TEST_WORKERS ?= -n 2 --dist loadfile
# Installed: the package and what it runs with (all `make demo` needs); then the tests' and
# linters' tools.
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test lint venv clean

venv: $(DEV_STAMP)

# The venv's modules get their bytecode when first imported, not all at install (a minute more):
# that needs Python allowed to write it. Where PYTHONDONTWRITEBYTECODE is set, every Ray worker
# would compile torch, transformers and mlflow again on each start (23 s to import the training
# loop instead of 10 s).
unexport PYTHONDONTWRITEBYTECODE

# Reinstalls only when the dependency list changes.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --no-compile -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(VENV)/bin/pip install --quiet --no-compile -e '.[dev]'
	touch $(DEV_STAMP)

demo: $(STAMP)
	$(VENV)/bin/mtl train jobs/quickstart.yaml

test: $(DEV_STAMP)
	$(VENV)/bin/python -m pytest $(TEST_WORKERS) $(PYTEST_ARGS)

# ruff's rule selection and mypy's settings are in pyproject.toml.
lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check mtl_platform tests bench
	$(VENV)/bin/ruff format --check mtl_platform tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf mlruns ray_results .pytest_cache
