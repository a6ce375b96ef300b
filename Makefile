# Set-up and everyday commands. Needs only Python 3.11+ with pip (and apt-get, as root, for Qt's system libraries).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

# Debian packages Qt needs at run time (xcb for a real display, EGL/GL and fonts for offscreen) and the PDF
# tools the tests use to open what we produce. Installed only when missing and only when we are root.
SYSTEM_PACKAGES := libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
	libxcb-render-util0 libxcb-image0 fonts-dejavu-core poppler-utils

.PHONY: run test lint demo system-deps clean

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

run: system-deps $(STAMP)
	$(VENV)/bin/dataroom demo --dir demo-vault

test: system-deps $(STAMP)
	$(PY) -m ruff check dataroom tests benchmarks
	$(PY) -m pytest -q

demo: $(STAMP)
	$(VENV)/bin/dataroom demo

clean:
	rm -rf $(VENV) build dist *.egg-info demo-vault
