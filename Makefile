# All set-up goes through here: a fresh machine needs only Python 3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean ui train

$(STAMP): requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.txt -r requirements-dev.txt -c constraints.txt
	$(BIN)/pip install -q --no-deps -e .
	# Compile the GeoNames gazetteer index once (cached in the user's data folder).
	$(BIN)/python -c "from dragoman.gazetteer import build_index; print('gazetteer:', build_index())"
	@# The web UI's third-party files come from npm: built here when npm is on the machine, else the UI says how.
	@if command -v npm >/dev/null; then $(MAKE) ui; else echo "npm not found: the web UI is not built (make ui)"; fi
	touch $(STAMP)

demo: $(STAMP)
	rm -f dragoman.db dragoman.db-wal dragoman.db-shm
	$(BIN)/dragoman code examples/ --db dragoman.db --published 2024-01-23
	$(BIN)/dragoman docs --db dragoman.db
	$(BIN)/dragoman events --db dragoman.db
	@echo
	@echo "Browse these events in the web UI: $(BIN)/dragoman serve --db dragoman.db  (then open http://127.0.0.1:8000)"

test: $(STAMP)
	@# The browser tests need the built UI: build it when npm is here and it is not built yet.
	@if command -v npm >/dev/null && [ ! -f src/dragoman/web/static/vendor/leaflet.js ]; then $(MAKE) ui; fi
	$(BIN)/python -m pytest -q

# Ruff (with McCabe complexity) on everything, mypy on the package.
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_coding.py

# Rebuild the trained event detector (src/dragoman/data/detector.json) from ../shared/gold, then the event check
# (src/dragoman/data/verifier.json) from eval/annotations, which reads the detector's confidence; seeded: same files.
train: $(STAMP)
	$(BIN)/python bench/train_detector.py --write --quiet
	$(BIN)/python bench/train_verifier.py --write

# The web UI's third-party files (Leaflet, Natural Earth outlines) from npm into src/dragoman/web/static/vendor.
ui:
	cd src/dragoman/web && npm ci --no-audit --no-fund && node build.mjs

clean:
	rm -rf $(VENV) dragoman.db dragoman.db-wal dragoman.db-shm
