# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SYSDEPS_STAMP := $(VENV)/.sysdeps-stamp
export QT_QPA_PLATFORM ?=

.PHONY: run test check lint bench dist sysdeps clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

$(SYSDEPS_STAMP): scripts/sysdeps.sh | $(STAMP)
	bash scripts/sysdeps.sh
	touch $@

sysdeps: $(SYSDEPS_STAMP)

run: $(STAMP) $(SYSDEPS_STAMP)
	$(PY) -m estimator_gui $(ARGS)

test: $(STAMP) $(SYSDEPS_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory lint

lint: $(STAMP)
	$(VENV)/bin/ruff check estimator_gui tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP) $(SYSDEPS_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
