# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?=
PORT ?= 8501

.PHONY: run test install gate bench e2e screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/ttdn serve $(CORPUS) --port $(PORT)

test: $(STAMP)
	$(PY) -m pytest -q

gate: $(STAMP)
	$(PY) -m loaders.gate --by-id

# The loader and the dashboard at 1k/10k/100k articles: a table and a BENCH line (see BENCHMARKS.md).
# The first run generates the corpora and ingests the 100k once (long); later runs reuse both.
bench: $(STAMP)
	$(PY) -m bench.run $(BENCH_ARGS)

# Browser tests: a real app server and Debian's /usr/bin/chromium driven by Playwright.
e2e: $(STAMP)
	$(PY) -m pytest -q -m e2e tests/e2e

# Every page of the demo corpus in a real browser, saved as PNGs (first run builds the demo, ~1 min).
screenshots: $(STAMP)
	TTDN_E2E_CORPUS=demo $(PY) -m pytest -q -m e2e tests/e2e -k "test_page_renders or test_demo_exports"
	@echo "Screenshots: $(CURDIR)/artifacts/screenshots/demo/"

clean:
	rm -rf $(VENV) .ttdn-cache artifacts *.egg-info
