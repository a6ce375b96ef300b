# Set-up and everyday commands. Needs only Python 3.11+ with pip (and apt-get, as root, for Qt's system libraries).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Debian packages Qt needs at run time (xcb for a real display, EGL/GL and fonts for offscreen) and the PDF
# tools the tests use to open what we produce. Installed only when missing and only when we are root.
SYSTEM_PACKAGES := libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
	libxcb-render-util0 libxcb-image0 fonts-dejavu-core poppler-utils libnss3-tools

.PHONY: run test lint demo system-deps clean translations screenshots bundle fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing system packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else echo "Note: missing system packages (install them with apt-get as root):$$missing"; fi; \
	fi

# Opens the desktop app on a fresh demo deal; without a display (a server, CI) it runs the CLI walk-through.
run: system-deps $(STAMP)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(VENV)/bin/dataroom-app --demo; else \
		echo "No display found (DISPLAY/WAYLAND_DISPLAY unset): running the command-line demo instead."; \
		echo "For the window on a headless machine: xvfb-run make run"; \
		$(VENV)/bin/dataroom demo --dir demo-vault; fi

test: system-deps $(STAMP)
	$(PY) -m ruff check dataroom tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Nightly fuzzing: ≥ 10,000 generated cases per target (CSV/XLSX readers, validators, packets, cards); `make test`
# runs the same tests with a short profile.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=nightly QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/hardening/test_fuzz.py \
		--hypothesis-show-statistics

demo: $(STAMP)
	$(VENV)/bin/dataroom demo

# GUI translations: extract strings from dataroom/ui into the .ts (existing translations are kept), then compile.
TS_FILES := resources/translations/dataroom_zh_CN.ts
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(find dataroom/ui -name '*.py' | sort) -ts $(TS_FILES)
	for ts in $(TS_FILES); do $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done

# PNGs of the main screens in English and Chinese under a virtual X server (offscreen Qt when Xvfb is missing).
screenshots: system-deps $(STAMP)
	@command -v xvfb-run >/dev/null || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null \
			|| echo "Note: could not install xvfb; using Qt's offscreen platform"; \
		else echo "Note: xvfb-run not found; using Qt's offscreen platform"; fi; }
	if command -v xvfb-run >/dev/null; then \
		xvfb-run -a -s "-screen 0 1400x900x24" $(PY) scripts/screenshots.py --out docs/screenshots; \
	else QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py --out docs/screenshots; fi

# Every benchmark in benchmarks/ (1,000,000 rows each; about 6 minutes on 2 cores), then one table of figure, goal, floor and
# ratio. BENCH_ARGS="--rows 20000" for a quick check that they all run; "--only transfer" for one.
.PHONY: bench
bench: system-deps $(STAMP)
	$(PY) benchmarks/report.py $(BENCH_ARGS)

# Desktop bundle: dist/dataroom/, dist/dataroom-<version>-linux-<arch>.tar.xz and dist/SHA256SUMS
bundle: $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(PY) packaging/build.py

clean:
	rm -rf $(VENV) build dist *.egg-info demo-vault
