# `make demo` and `make test` work on a fresh clone: they create .venv once and reuse it.
PYTHON ?= python3
VENV := .venv
# Two test processes: a Ray run spends most of its time starting processes and waiting on them,
# so two at once on 2 cores take ~40% less time than one after the other. TEST_WORKERS= runs serially.
TEST_WORKERS ?= -n 2 --dist loadgroup
STAMP := $(VENV)/.installed

.PHONY: demo test venv clean

venv: $(STAMP)

# Reinstalls only when the dependency list changes.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/mtl train jobs/quickstart.yaml

test: $(STAMP)
	$(VENV)/bin/python -m pytest $(TEST_WORKERS) $(PYTEST_ARGS)

clean:
	rm -rf mlruns ray_results .pytest_cache
