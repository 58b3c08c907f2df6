# The two commands: `make run` and `make test`. Everything else is a step they call.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The embedded development mode unless the environment says otherwise.
export DEBUG ?= true
# The suite runs in one process next to the browser run (see `test`); `PYTEST_ARGS=-n auto` for the suite alone.
PYTEST_ARGS ?=

.PHONY: run test pruebas pruebas-navegador install assets migrate demo serve worker beat up lint check-deploy clean

run: install assets migrate demo serve

# Two pytest runs at the same time: the suite (in parallel) and the browser tests, each with its own test
# database, so the browser's waits overlap the rest. Only the browser run may use the ORM from
# Playwright's event loop (DJANGO_ALLOW_ASYNC_UNSAFE), so nothing else can hide behind it.
test: install assets
	$(MAKE) --no-print-directory -j2 --output-sync=target pruebas pruebas-navegador

pruebas:
	$(BIN)/pytest $(PYTEST_ARGS) -m "not navegador"

pruebas-navegador:
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m navegador

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# Third-party front-end assets come from the npm registry at the versions package-lock.json pins,
# copied to static_vendor/ (ignored by git) where Django's staticfiles and whitenoise serve them.
assets: static_vendor/.installed

static_vendor/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf static_vendor && mkdir -p static_vendor/bootstrap static_vendor/bootstrap-icons
	cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map \
	   node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map \
	   static_vendor/bootstrap/
	cp node_modules/bootstrap-icons/font/bootstrap-icons.min.css static_vendor/bootstrap-icons/
	cp -r node_modules/bootstrap-icons/font/fonts static_vendor/bootstrap-icons/
	touch $@

migrate: install
	$(MANAGE) migrate --no-input

demo: install
	$(MANAGE) cargar_demo

serve: install assets
	$(MANAGE) runserver 127.0.0.1:8000

worker: install
	$(BIN)/celery -A civic worker --loglevel=INFO

beat: install
	$(BIN)/celery -A civic beat --loglevel=INFO

up:
	docker compose up --build

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DEBUG=true $(BIN)/mypy

clean:
	rm -rf $(VENV) node_modules static_vendor staticfiles
