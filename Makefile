# Everything a fresh machine needs: `make site` and `make test` create .venv and install the pinned
# dependencies (and, for the browser tests, Debian's chromium) before they run.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install site build serve test bench bench-build eval clean

help:
	@echo "make site         set up .venv, ingest articles/, build site/ (strict)"
	@echo "make test         set up .venv and run the tests"
	@echo "make serve        live preview on http://127.0.0.1:8000/"
	@echo "make bench-build  build time of 1,000 synthetic briefings vs a plain mkdocs build"
	@echo "make clean        remove site/ and the generated docs folders"

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

site: install
	$(BIN)/briefkit ingest articles/
	$(BIN)/briefkit build --strict
	@echo "Built site/. Browse it with: make serve  (then open http://127.0.0.1:8000/)"

build: install
	$(BIN)/briefkit build --strict

serve: install
	$(BIN)/briefkit serve

test: install
	$(BIN)/python -m pytest

bench-build: install
	$(BIN)/python scripts/bench_build.py

clean:
	rm -rf site docs/briefings docs/actors docs/topics docs/timeline docs/_snippets
