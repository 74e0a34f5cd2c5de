# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SYSDEPS_STAMP := $(VENV)/.sysdeps-stamp
export QT_QPA_PLATFORM ?=

.PHONY: run test check lint bench dist bundle bundle-minimal bundle-onefile sysdeps clean \
	windows test-windows catalogs messages

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

$(SYSDEPS_STAMP): scripts/sysdeps.sh | $(STAMP)
	bash scripts/sysdeps.sh
	touch $@

sysdeps: $(SYSDEPS_STAMP)

# ---- the translation catalogues (gettext; docs/translating.md). The .po sources are kept in the
# repository; `make catalogs` compiles each to the .mo the app reads (not kept: a build product).
# `make messages` extracts the source's texts into the .pot and merges them into every .po.
LOCALE := resources/locale
POT := $(LOCALE)/trtc-estimator.pot
PO_FILES := $(wildcard $(LOCALE)/*/LC_MESSAGES/trtc-estimator.po)
MO_FILES := $(PO_FILES:.po=.mo)

$(LOCALE)/%/LC_MESSAGES/trtc-estimator.mo: $(LOCALE)/%/LC_MESSAGES/trtc-estimator.po $(STAMP)
	$(VENV)/bin/pybabel -q compile --statistics -i $< -o $@.part
	mv $@.part $@

catalogs: $(MO_FILES)

# The CJK font the app ships (resources/fonts/README.md), subset from Debian's fonts-noto-cjk to
# the characters names and catalogues use. Committed: only a rebuild needs the system font.
.PHONY: font
font: $(STAMP)
	$(PY) scripts/build_font.py

messages: $(STAMP)
	$(VENV)/bin/pybabel -q extract -F $(LOCALE)/babel.cfg -k N_ --no-location --sort-output \
		--project=trtc-estimator --copyright-holder="TRTC estimator team" -o $(POT) estimator_gui
	$(VENV)/bin/pybabel -q update -D trtc-estimator -i $(POT) -d $(LOCALE) --no-fuzzy-matching \
		--ignore-obsolete

run: $(STAMP) $(SYSDEPS_STAMP) catalogs
	$(PY) -m estimator_gui $(ARGS)

test: $(STAMP) $(SYSDEPS_STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory lint

lint: $(STAMP)
	$(VENV)/bin/ruff check estimator_gui tests benchmarks packaging
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP) $(SYSDEPS_STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# ---- the desktop bundle (build.spec; owner: packaging). `make bundle` builds dist/trtc-estimator/
# when a source, resource or packaging file changed; `make dist` packs it with a .desktop file.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
DIST_NAME := trtc-estimator-$(VERSION)
ARCHIVE := dist/$(DIST_NAME)-linux-$(shell uname -m).tar.gz
BUNDLE_STAMP := dist/.trtc-estimator.stamp
MINIMAL_STAMP := dist/.minimal-qtcharts.stamp
BUNDLE_INPUTS := build.spec pyproject.toml scripts/sysdeps.sh $(shell find estimator_gui resources packaging -type f \
	-not -path '*/__pycache__/*' -not -name '*.pyc' -not -path 'packaging/windows/*' 2>/dev/null)
# one PyInstaller at a time: `make test` and `make bench` may both want a bundle
BUILD_LOCK := $(shell command -v flock >/dev/null && echo flock build/.lock)
PYINSTALLER = mkdir -p build && $(BUILD_LOCK) $(VENV)/bin/pyinstaller --noconfirm --log-level WARN

$(BUNDLE_STAMP): $(BUNDLE_INPUTS) $(MO_FILES) $(STAMP) | $(SYSDEPS_STAMP)
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

# ---- the Windows app, built and tested on Linux under Wine (packaging/windows/winenv.py).
# `make windows` makes the zip and the per-user installer; `make test-windows` installs the
# installer into a Wine prefix and proves the installed app (packaging/windows/check_installed.py).
# Wine, NSIS, a Windows CPython and its wheels are set up once and cached in build/windows/.
WIN_DIR := build/windows
WIN_TOOL := $(PY) packaging/windows/winenv.py
WIN_ENV_STAMP := $(WIN_DIR)/.env-stamp
WIN_BUNDLE_STAMP := $(WIN_DIR)/.bundle-stamp
WIN_ZIP := dist/$(DIST_NAME)-windows-x64.zip
WIN_SETUP := dist/$(DIST_NAME)-windows-x64-setup.exe

$(WIN_ENV_STAMP): packaging/windows/winenv.py packaging/windows/requirements.txt \
		packaging/windows/icuuc_stub.c constraints.txt | $(STAMP)
	$(WIN_TOOL) setup
	touch $@

# the build tools are inputs of the bundle; the rest of the set-up only has to be there
$(WIN_BUNDLE_STAMP): $(BUNDLE_INPUTS) $(MO_FILES) packaging/windows/requirements.txt constraints.txt \
		| $(WIN_ENV_STAMP)
	mkdir -p build && $(BUILD_LOCK) $(WIN_TOOL) build
	touch $@

$(WIN_ZIP): $(WIN_BUNDLE_STAMP) packaging/windows/README.txt
	$(WIN_TOOL) zip $@

$(WIN_SETUP): $(WIN_BUNDLE_STAMP) packaging/windows/installer.nsi packaging/icons/trtc-estimator.ico
	$(WIN_TOOL) installer $@

windows: $(WIN_ZIP) $(WIN_SETUP)

test-windows: windows
	$(WIN_TOOL) test $(WIN_SETUP) $(WIN_ZIP)

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
