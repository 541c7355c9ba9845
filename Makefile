# The setup contract: `make run` and `make test` install whatever is missing, then do their job.
# Python deps are pinned in requirements.lock; JS assets in package-lock.json.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
VENDOR := a11y_service/static/vendor
export A11Y_CACHE_DIR ?= $(CURDIR)/.cache/a11y
export SE_OFFLINE := true
export SE_AVOID_STATS := true

.PHONY: install run test test-fast bench lint lock clean

install: $(STAMPS)/system $(STAMPS)/ocr $(STAMPS)/python $(STAMPS)/assets $(STAMPS)/lexicon $(STAMPS)/java

# The interpreter itself is the target: a deleted .venv is made again even when the stamps remain.
$(PY):
	@mkdir -p $(STAMPS)
	@command -v $(PYTHON) >/dev/null || { \
	  echo "Python 3.11 fehlt, installiere / installing python3 python3-venv"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv; }
	$(PYTHON) -m venv $(VENV)

# Debian's Chromium and its matching driver for the page audit (the browser engine). Without them
# only `a11y check --static-only` works, so a machine that cannot install them still runs the rest.
$(STAMPS)/system:
	@mkdir -p $(STAMPS)
	@if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then \
	  echo "Chromium fehlt, installiere / installing chromium chromium-driver"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends chromium chromium-driver fonts-liberation; fi
	@touch $@

# OCR for images of text (WCAG 1.4.5, 1.1.1); without it that check is skipped and reported.
$(STAMPS)/ocr:
	@mkdir -p $(STAMPS)
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx deu; then \
	  echo "Tesseract fehlt, installiere / installing tesseract-ocr tesseract-ocr-deu"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng fonts-dejavu-core; fi
	@touch $@

# Java for the Selenium Grid (hub and nodes from the npm package @nightwatch/selenium-server):
# site audits on several machines, the Grid tests and `make bench`. Only the runtime is needed.
$(STAMPS)/java:
	@mkdir -p $(STAMPS)
	@command -v java >/dev/null || { \
	  echo "Java fehlt, installiere / installing default-jre-headless"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends default-jre-headless; }
	@touch $@

$(STAMPS)/python: $(PY) requirements.lock pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(STAMPS)/assets: package.json package-lock.json
	@mkdir -p $(STAMPS) $(VENDOR)
	@command -v npm >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js \
	   node_modules/swagger-ui-dist/swagger-ui-standalone-preset.js \
	   node_modules/swagger-ui-dist/swagger-ui.css $(VENDOR)/
	cp node_modules/axe-core/axe.min.js $(VENDOR)/
	mkdir -p $(VENDOR)/axe-locales && cp node_modules/axe-core/locales/de.json $(VENDOR)/axe-locales/
	@touch $@

# The German lexicon (lemmas, word frequencies) is derived once from spacy-lookups-data, so a
# cold `a11y text` does not parse 1.3 million JSON entries.
$(STAMPS)/lexicon: $(STAMPS)/python
	$(PY) -m checkers.text.lexicon build
	@touch $@

run: install
	$(VENV)/bin/uvicorn --factory a11y_service.app:create_app --host 127.0.0.1 --port 8000

# Two test processes (pytest-xdist), one per core of the 2-core target machine; a test file
# stays in one process (--dist loadfile), so module fixtures (apps, the Grid) start once.
# Two full parallel runs passed before this became the default (4,687 tests, 369 s each);
# `make test PYTEST_WORKERS=0` runs everything in one process.
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL := $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadfile)

test: install
	$(PY) -m pytest -q $(PYTEST_PARALLEL)

# The fast loop while working: everything but the tests marked slow (every browser test counts
# as slow, see tests/conftest.py). `make test` runs them all.
test-fast: install
	$(PY) -m pytest -q -m "not slow" $(PYTEST_PARALLEL)

lint: install
	$(VENV)/bin/ruff check .

# The GOV.UK accessibility-tool-audit test pages (third-party, never committed) for the page
# benchmarks; without them they say so and use generated pages.
export A11Y_BENCH_PAGES ?= $(abspath $(CURDIR)/../govuk-pages)

bench: install
	$(PY) scripts/bench_text.py
	$(PY) scripts/bench_page.py
	$(PY) scripts/bench_vs_axe_cli.py
	$(PY) scripts/bench_hostile.py
	$(PY) scripts/bench_ci.py
	$(PY) scripts/bench_observatory.py
	$(PY) scripts/bench_translate.py
	$(PY) scripts/bench_translate.py --d-model 256 --vocab 8000 --sentences 300
	$(PY) scripts/bench_scale.py

# Re-resolve the pins from requirements.in (a developer step, not part of install).
lock:
	$(PYTHON) -m venv /tmp/a11y-lock-venv
	/tmp/a11y-lock-venv/bin/pip install --quiet -r requirements.in
	/tmp/a11y-lock-venv/bin/pip install --quiet --no-deps argostranslate==1.11.0
	/tmp/a11y-lock-venv/bin/pip freeze --all --exclude-editable | grep -v -E '^(a11y|pip)==' > requirements.lock
	rm -rf /tmp/a11y-lock-venv

clean:
	rm -rf $(VENV) $(STAMPS) $(VENDOR) node_modules .cache
