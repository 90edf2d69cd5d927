# Set-up and the two everyday jobs. Everything a test needs is installed
# here, so a fresh clone needs only `make demo` or `make test`.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint bench evaluate gazetteer clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	touch $(STAMP)

## demo: set up, then run the tool on the bundled example article
demo: $(STAMP)
	$(BIN)/bordermap gazetteer stats
	$(BIN)/bordermap extract examples/nogales-seizure.txt
	mkdir -p out
	$(BIN)/bordermap extract examples/nogales-seizure.txt --format jsonl -o out/nogales-seizure.jsonl
	$(BIN)/bordermap geocode "Naco"
	$(BIN)/bordermap reverse 31.3338 -110.9380
	@echo "wrote out/nogales-seizure.jsonl"

## test: set up, then lint and run the whole test suite (slow tests included)
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "slow or not slow"

## test-fast: the quick tests only
test-fast: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

## bench: speed figures (see benchmarks/)
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_gazetteer.py
	$(BIN)/python benchmarks/bench_geoparser.py

## evaluate: accuracy on the shared annotated corpus, when it is beside the repo
evaluate: $(STAMP)
	$(BIN)/bordermap evaluate ../shared/corpus/border-news-dev.jsonl

## gazetteer: rebuild gazetteer/data from the pinned packages and facts
gazetteer: $(STAMP)
	$(BIN)/python -m gazetteer.build

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
