# Two commands do all the set-up on a fresh machine (Python 3.11 with venv):
#   make chat   install into .venv, then talk to the bot in the terminal (shipped knowledge base, SQLite)
#   make test   install into .venv with the test tools, check the import layers, then run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

PREBUILT := knowledge/content/prebuilt-vectors.npz

.PHONY: install chat run test bench-retrieval bench-latency bench-answers

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch is pinned first: the 2.13.0 CPU wheel; unpinned, pip would pull a multi-GB CUDA build.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

# The shipped knowledge base's and tools catalogue's vectors, embedded once after installation (and again
# when either changes), so `make chat` and `make run` load them instead of encoding at every fresh start.
$(PREBUILT): $(VENV)/.installed $(shell find knowledge/content knowledge/tools -name '*.md' -o -name '*.yaml')
	$(BIN)/a6bot kb prebuild

chat: install $(PREBUILT)
	$(BIN)/a6bot chat

run: install $(PREBUILT)
	$(BIN)/a6bot run

# lint-imports checks the layers declared in pyproject.toml ([tool.importlinter]) before any test runs; the
# prebuilt vectors let the tests that use the shipped knowledge base load it instead of each encoding it.
test: install $(PREBUILT)
	$(BIN)/lint-imports
	$(BIN)/pytest

bench-retrieval: install
	$(BIN)/a6bot bench retrieval --beir ../shared/benchmarks/beir-scifact

bench-latency: install
	$(BIN)/a6bot bench latency

bench-answers: install
	$(BIN)/a6bot bench answers --with-decisions ../shared/corpora/unfccc-article6/txt
