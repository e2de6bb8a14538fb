# Everything a fresh machine needs: `make site` and `make test` create .venv and install the pinned
# dependencies (and, for the browser tests, Debian's chromium) before they run.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install chromium site build serve test bench bench-build eval clean

help:
	@echo "make site         set up .venv, ingest articles/, build site/ (strict)"
	@echo "make test         set up .venv and run the tests"
	@echo "make serve        live preview on http://127.0.0.1:8000/"
	@echo "make bench        ingest, build and serve at scale; writes bench/results.md (BENCH_ARGS=--large --reuters --quick --jobs N)"
	@echo "make bench-build  build time of 1,000 synthetic briefings vs a plain mkdocs build"
	@echo "make eval         score extraction against eval/gold and ../shared/corpus (EVAL_ARGS=--full for every document)"
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

test: install chromium
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium (Playwright never downloads a browser); Playwright's own
# driver needs libatomic1 on a bare image. Installed with apt-get when missing: as root in CI, with
# sudo where there is one.
chromium:
	@if [ ! -x /usr/bin/chromium ] || ! /sbin/ldconfig -p | grep -q 'libatomic\.so\.1'; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || command -v sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium libatomic1; \
	fi

bench: install
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

bench-build: install
	$(BIN)/python scripts/bench_build.py

eval: install
	$(BIN)/python scripts/eval.py $(EVAL_ARGS)

clean:
	rm -rf site docs/briefings docs/actors docs/topics docs/timeline docs/explore docs/feeds docs/_snippets docs/guide/format.md
