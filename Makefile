# Two commands from a fresh clone: `make lab` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)
LAB_ARGS ?=
WORKSHOP_ARGS ?=

.PHONY: lab test setup lint bench demo workshop clean

lab: $(STAMP)  ## open JupyterLab on the start notebook
	$(BIN)/jupyter lab $(ROOT_FLAG) $(LAB_ARGS) notebooks/00_start_here.ipynb

test: $(STAMP)  ## run the whole suite: unit tests, doctests, notebooks, lint
	$(BIN)/ruff check servicepath tests benchmarks
	$(BIN)/pytest

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check servicepath tests benchmarks

bench: $(STAMP)  ## print the speed figures of benchmarks/
	$(BIN)/python benchmarks/bench_model.py
	$(BIN)/python benchmarks/bench_analysis.py
	$(BIN)/python benchmarks/bench_render.py
	$(BIN)/python benchmarks/bench_widgets.py
	$(BIN)/python benchmarks/bench_fitness.py
	$(BIN)/python benchmarks/bench_workshop.py
	$(BIN)/python benchmarks/bench_mining.py
	$(BIN)/python benchmarks/bench_xes.py

workshop: $(STAMP)  ## serve the notebooks as apps with Voilà; WORKSHOP_ARGS=--room opens them to the room
	$(BIN)/python -m servicepath.serve notebooks $(WORKSHOP_ARGS)

demo: $(STAMP)  ## write every export of both bundled samples into out/
	$(BIN)/python -m servicepath.demo out

clean:
	rm -rf $(VENV) build *.egg-info
