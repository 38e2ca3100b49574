# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?=
PORT ?= 8501

.PHONY: run test lint install gate fit bench load e2e screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,lint]'
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

# Quality on dev + dev2 + seeds (../shared/corpus): training and 10-fold cross-validated figures per field.
gate: $(STAMP)
	$(PY) -m tools.gate

# Refit the cue weights and the rules' measured precision on the labelled articles (writes assets/).
fit: $(STAMP)
	$(PY) -m tools.fit

# The loader and the dashboard at 1k/10k/100k articles: a table and a BENCH line (see BENCHMARKS.md).
# The first run generates the corpora and ingests the 100k once (long); later runs reuse both.
# The many-session harness runs first, so the BENCH line stays the last line printed.
bench: $(STAMP)
	$(PY) -m bench.load --sessions 20 --seconds 60
	$(PY) -m bench.run $(BENCH_ARGS)

# Many users at once: 20 sessions change filters for 60 s on ../shared/bench/news-2017-10k.jsonl
# (its own local server, stopped at the end; the first run parses the corpus, later runs read the cache).
load: $(STAMP)
	$(PY) -m bench.load --sessions 20 --seconds 60

# Browser tests: a real app server and Debian's /usr/bin/chromium driven by Playwright.
e2e: $(STAMP)
	$(PY) -m pytest -q -m e2e tests/e2e

# Every page in a real browser, saved as PNGs: 1280x720 and 1920x1080, Vietnamese and English
# (first run builds the demo, ~1 min). SHOTS_CORPUS=path/to/corpus shoots a real corpus instead.
SHOTS_CORPUS ?= demo
screenshots: $(STAMP)
	TTDN_E2E_CORPUS=$(SHOTS_CORPUS) TTDN_E2E_SCREENS=1 $(PY) -m pytest -q -m e2e tests/e2e \
		-k "test_page_renders or test_demo_exports or test_screens"
	@echo "Screenshots: $(CURDIR)/artifacts/screenshots/$(notdir $(SHOTS_CORPUS))/"

clean:
	rm -rf $(VENV) .ttdn-cache artifacts *.egg-info
