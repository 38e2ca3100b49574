# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?=
PORT ?= 8501

.PHONY: run test lint install gate bench load e2e screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/ttdn serve $(CORPUS) --port $(PORT)

test: lint
	$(PY) -m pytest -q

# Lint and types: ruff (pyflakes, pycodestyle, imports, bugbear, simplify, complexity) and mypy.
lint: $(STAMP)
	$(VENV)/bin/ruff check loaders dashboard tools bench scripts tests
	$(VENV)/bin/mypy

gate: $(STAMP)
	$(PY) -m tools.gate --by-id

bench: $(STAMP)
	$(PY) -m bench.run

# Many users at once: 20 sessions change filters for 60 s on ../shared/bench/news-2017-10k.jsonl
# (its own local server, stopped at the end; the first run parses the corpus, later runs read the cache).
load: $(STAMP)
	$(PY) -m bench.load --sessions 20 --seconds 60

# Browser tests: a real app server and Debian's /usr/bin/chromium driven by Playwright.
e2e: $(STAMP)
	$(PY) -m pytest -q -m e2e tests/e2e

# Every page of the demo corpus in a real browser, saved as PNGs (first run builds the demo, ~1 min).
screenshots: $(STAMP)
	TTDN_E2E_CORPUS=demo $(PY) -m pytest -q -m e2e tests/e2e -k "test_page_renders or test_demo_exports"
	@echo "Screenshots: $(CURDIR)/artifacts/screenshots/demo/"

clean:
	rm -rf $(VENV) .ttdn-cache artifacts *.egg-info
