# `make demo` and `make test` work on a fresh clone: they create .venv once and reuse it.
PYTHON ?= python3
VENV := .venv
# Two test processes, each taking whole files (a file's tests share its fixtures, e.g. one ASHA
# sweep): on 2 cores the suite takes ~16 min instead of ~23 one test after another.
# TEST_WORKERS= runs it in one process.
TEST_WORKERS ?= -n 2 --dist loadfile
STAMP := $(VENV)/.installed

.PHONY: demo test lint venv clean

venv: $(STAMP)

# Reinstalls only when the dependency list changes. pip writes every module's bytecode (about a
# minute): where PYTHONDONTWRITEBYTECODE is set, imports never would, and each Ray worker would
# spend ~13 s more compiling torch, transformers and mlflow on every start.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/mtl train jobs/quickstart.yaml

test: $(STAMP)
	$(VENV)/bin/python -m pytest $(TEST_WORKERS) $(PYTEST_ARGS)

# ruff's rule selection and mypy's settings are in pyproject.toml.
lint: $(STAMP)
	$(VENV)/bin/ruff check mtl_platform tests bench
	$(VENV)/bin/ruff format --check mtl_platform tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf mlruns ray_results .pytest_cache
