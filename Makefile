# JSNA site generator. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CONFIG ?= jsna.yml
DATA ?=
SOURCE := $(if $(DATA),--data $(DATA),--config $(CONFIG))
# build/ and site/ are written beside the configuration file (beside this Makefile for DATA=)
HERE := $(if $(DATA),,$(dir $(abspath $(CONFIG))))

.DEFAULT_GOAL := help
.PHONY: help build generate serve test test-browser lint bench data new demo clean

help: ## List every target with its one-line description
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

build: $(VENV)/.installed ## Build the site into site/ (the demonstration, CONFIG=path/to/jsna.yml for a JSNA in its own folder, or DATA=folder of Fingertips exports)
	$(PY) -m generators build $(SOURCE)

generate: $(VENV)/.installed ## Write the MkDocs project into build/ without running MkDocs
	$(PY) -m generators generate $(SOURCE)

serve: $(VENV)/.installed ## Serve the site at http://127.0.0.1:8000 (ADDR=host:port), generating again and reloading the browser on every save
	$(PY) -m generators serve $(SOURCE) $(if $(ADDR),--dev-addr $(ADDR))

test: $(VENV)/.installed ## Run every test (browser tests skip where Chromium is missing)
	$(PY) -m pytest -q

test-browser: $(VENV)/.installed ## Run only the real-browser tests (Debian Chromium, axe-core)
	$(PY) -m pytest -q -m browser

lint: $(VENV)/.installed ## Check style and types (ruff, mypy)
	$(PY) -m ruff check generators tests bench
	$(PY) -m mypy generators

bench: $(VENV)/.installed ## Measure an England-scale build (prints one table)
	$(PY) bench/bench_build.py

data: $(VENV)/.installed ## Download the indicators, metadata and boundaries named in jsna.yml from Fingertips
	$(PY) -m generators.fetch --config $(CONFIG) --data $(HERE)data

new: $(VENV)/.installed ## Start a council's JSNA in its own folder: make new AREA=E10000032 DIR=../our-jsna (FORCE=1 writes over its jsna.yml)
	$(PY) -m generators new --area "$(AREA)" --dir "$(DIR)" $(if $(FORCE),--force)

demo: $(VENV)/.installed ## Regenerate the demonstration dataset in data/demo
	$(PY) -m generators.demo --out data/demo

clean: ## Remove the built site, build/, the MkDocs staging folder and caches (keeps .venv; CONFIG= cleans beside that file)
	rm -rf build site site.* .site.mkdocs .cache .pytest_cache test-output
	$(if $(HERE),rm -rf $(HERE)build $(HERE)site $(HERE)site.* $(HERE).site.mkdocs $(HERE).cache)
