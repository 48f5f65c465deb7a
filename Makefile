# One entry point. `make run` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: one per core by default; TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= auto
# Links in e-mails, calendars and cancel links follow the address really served (the server and
# the worker both read it); production sets SITE_URL itself.
SITE_URL ?= http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)
export SITE_URL

.PHONY: help install document-libraries run serve worker test lint format bench load clean audit fuzz scale-test

help:
	@echo "make run     installe, charge le territoire, le projet et la démo, puis sert http://$(HOST):$(PORT)"
	@echo "make test    installe puis lance le lint et toute la suite de tests"
	@echo "make worker  lance le worker de tâches (e-mails, imports…)"
	@echo "make lint    vérifie le code : ruff, couches (import-linter), types (mypy)"
	@echo "make audit   cherche les failles : bandit sur le code, pip-audit sur les dépendances"
	@echo "make fuzz    fuzzing guidé par la couverture de chaque import ($(FUZZ_SECONDS) s par import)"
	@echo "make scale-test  la production sur plusieurs hôtes (espaces réseau, root), pannes comprises"

$(UV):
	@command -v python3 >/dev/null || { echo "python3 (>= 3.11) est requis." >&2; exit 1; }
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

.venv/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python python3
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) est requis pour les ressources front-end." >&2; exit 1; }
	npm ci --no-audit --no-fund
	@touch $@

# The PDF reports' Debian libraries and free font (WeasyPrint), and pdftotext for their tests.
document-libraries:
	scripts/ensure-document-libraries

install: .venv/.installed node_modules/.installed document-libraries

load: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_hub
	$(MANAGE) load_demo

run: load
	@echo "maillage sert sur $(SITE_URL) (le worker et le planificateur de tâches tournent à côté ; Ctrl+C arrête tout)"
	@trap 'kill 0' EXIT; \
	  DEBUG=$${DEBUG:-true} SITE_URL=$(SITE_URL) $(MANAGE) db_worker & \
	  DEBUG=$${DEBUG:-true} $(MANAGE) run_scheduler & \
	  DEBUG=$${DEBUG:-true} SITE_URL=$(SITE_URL) $(MANAGE) runserver $(HOST):$(PORT)

worker: install
	SITE_URL=$(SITE_URL) $(MANAGE) db_worker

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports --no-cache
	.venv/bin/mypy

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

# The suite starts hundreds of Python processes (test workers, task workers, servers, commands);
# where the environment sets PYTHONDONTWRITEBYTECODE, each of them compiled every module it
# imports from source again, doubling its start-up. Bytecode is cached for the tests (__pycache__
# is ignored by git).
test: export PYTHONDONTWRITEBYTECODE :=
test: install lint
	scripts/ensure-chromium
	.venv/bin/pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# Security checks (docs/security-checks.md); fails loudly when pip-audit cannot reach its service.
audit: install
	scripts/audit

# Each importer's parsing under atheris for FUZZ_SECONDS (tests/fuzz); the suite runs it briefly.
FUZZ_SECONDS ?= 20
fuzz: install
	FUZZ_SECONDS=$(FUZZ_SECONDS) .venv/bin/pytest tests/fuzz -n 0 -p no:cacheprovider $(PYTEST_ARGS)

# Production on separate hosts in network namespaces: registrations, votes and a directory import
# under load, an app server and a worker killed meanwhile, then an upgrade, each service started
# from its unit in deploy/ and the commands of docs/deployment.md run as written
# (tests/scale/run.py); needs root.
scale-test: install
	scripts/scale-test

# `make bench` runs every benchmark on the default database (SQLite unless DATABASE_URL), then the
# directory search's again on PostgreSQL at BENCH_POSTGRES_URL, on BENCH_SEARCH_SIZE organisations
# (200 000; e.g. `make bench BENCH_SEARCH_SIZE=20000` while developing), then the load figures
# (pages and API through two gunicorn servers, 16 and 64 clients) on PostgreSQL, in their own
# run: they read the demo, not the grown directory.
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/maillage
BENCH_SEARCH_SIZE ?= 200000
export BENCH_SEARCH_SIZE

bench: install
	.venv/bin/pytest benchmarks --ignore=benchmarks/test_load.py -p no:cacheprovider -s $(PYTEST_ARGS)
	DATABASE_URL=$(BENCH_POSTGRES_URL) .venv/bin/pytest benchmarks/test_search.py benchmarks/test_load_directory.py \
	  -p no:cacheprovider -s $(PYTEST_ARGS)
	DATABASE_URL=$(BENCH_POSTGRES_URL) .venv/bin/pytest benchmarks/test_load.py \
	  -p no:cacheprovider -s $(PYTEST_ARGS)

clean:
	rm -rf .venv $(TOOLS) node_modules staticfiles db.sqlite3*
