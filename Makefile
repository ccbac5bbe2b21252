# Two commands: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup run test check fmt bench sounds clean

setup: $(STAMP)

# Rebuilt only when the project's metadata changes, so a second run is quick.
$(STAMP): pyproject.toml scripts/system-deps.sh
	@PYTHON=$(PYTHON) scripts/system-deps.sh
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "coach needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: setup
	@$(BIN)/coach

SOURCES := coach tests benchmarks scripts

check: setup
	@$(BIN)/ruff format --check $(SOURCES) || { echo "==> formatting: run 'make fmt'"; exit 1; }
	@$(BIN)/ruff check $(SOURCES) || { echo "==> lint: 'make fmt' applies the safe fixes; fix the rest by hand"; exit 1; }
	@$(BIN)/mypy || { echo "==> types: mypy --strict found the errors above; fix their annotations or code"; exit 1; }
	@$(BIN)/lint-imports || { echo "==> imports: the core must not import textual, coach.tui or coach.audio, and each layer only the ones below it (pyproject.toml, [tool.importlinter])"; exit 1; }

# Tests run on every core (pytest-xdist; JOBS=1 for one process). The coverage floor of the core
# is coverage's own `fail_under` (pyproject.toml), checked by pytest-cov at the end of the run.
# The Pilot tiers run first and unmeasured: coverage's tracer made Textual's code there about
# twice as slow, and they reach few lines of the core that the other tiers do not.
JOBS ?= auto
PILOT_TIERS := tests/functional tests/snapshots

# coach's bytecode is compiled once, up front: the tests start `python -m coach` hundreds of
# times, and where PYTHONDONTWRITEBYTECODE is set each start compiled what it imports again.
test: check
	@PYTHON=$(PYTHON) scripts/system-deps.sh --test
	@$(BIN)/python -m compileall -q coach
	$(BIN)/python -m pytest -n $(JOBS) $(PILOT_TIERS)
	$(BIN)/python -m pytest -n $(JOBS) --cov=coach --cov-report=term:skip-covered $(PILOT_TIERS:%=--ignore=%)

fmt: setup
	$(BIN)/ruff format $(SOURCES)
	$(BIN)/ruff check --fix $(SOURCES)

bench: setup
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check termdown==2.0.0
	$(BIN)/python benchmarks/run_all.py

sounds: setup
	$(BIN)/python scripts/make_sounds.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage
