# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SYSDEPS_STAMP := $(VENV)/.sysdeps-stamp
export QT_QPA_PLATFORM ?=

.PHONY: run test check lint bench dist bundle bundle-minimal bundle-onefile sysdeps clean

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
	$(VENV)/bin/ruff check estimator_gui tests benchmarks packaging
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP) $(SYSDEPS_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# ---- the desktop bundle (build.spec; owner: packaging). `make bundle` builds dist/trtc-estimator/
# when a source, resource or packaging file changed; `make dist` packs it with a .desktop file.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
DIST_NAME := trtc-estimator-$(VERSION)
ARCHIVE := dist/$(DIST_NAME)-linux-$(shell uname -m).tar.gz
BUNDLE_STAMP := dist/.trtc-estimator.stamp
MINIMAL_STAMP := dist/.minimal-qtcharts.stamp
BUNDLE_INPUTS := build.spec pyproject.toml scripts/sysdeps.sh $(shell find estimator_gui resources packaging -type f \
	-not -path '*/__pycache__/*' -not -name '*.pyc' 2>/dev/null)
# one PyInstaller at a time: `make test` and `make bench` may both want a bundle
PYINSTALLER = mkdir -p build && $(shell command -v flock >/dev/null && echo flock build/.lock) \
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN

$(BUNDLE_STAMP): $(BUNDLE_INPUTS) $(STAMP) | $(SYSDEPS_STAMP)
	$(PYINSTALLER) --workpath build/trtc-estimator build.spec
	touch $@

$(MINIMAL_STAMP): build.spec pyproject.toml scripts/sysdeps.sh benchmarks/minimal_app.py \
		packaging/rthook_first_paint.py $(STAMP) | $(SYSDEPS_STAMP)
	$(PYINSTALLER) --workpath build/minimal-qtcharts build.spec -- --app minimal
	touch $@

bundle: $(BUNDLE_STAMP)
bundle-minimal: $(MINIMAL_STAMP)

bundle-onefile: $(BUNDLE_INPUTS) $(STAMP) | $(SYSDEPS_STAMP)
	$(PYINSTALLER) --workpath build/onefile --distpath dist/onefile build.spec -- --onefile

$(ARCHIVE): $(BUNDLE_STAMP) packaging/linux/trtc-estimator.desktop \
		packaging/linux/install-desktop-entry.sh packaging/linux/README.txt \
		resources/icons/trtc-estimator.png
	rm -rf dist/pack && mkdir -p dist/pack/$(DIST_NAME)
	cp -a dist/trtc-estimator/. dist/pack/$(DIST_NAME)/
	cp packaging/linux/trtc-estimator.desktop packaging/linux/install-desktop-entry.sh \
		packaging/linux/README.txt \
		resources/icons/trtc-estimator.png dist/pack/$(DIST_NAME)/
	tar -C dist/pack --owner=0 --group=0 --numeric-owner -cf - $(DIST_NAME) | gzip -9 > $@.part
	mv $@.part $@
	rm -rf dist/pack
	@echo "$@: $$(du -h $@ | cut -f1) (folder $$(du -sh dist/trtc-estimator | cut -f1))"

dist: $(ARCHIVE)

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
