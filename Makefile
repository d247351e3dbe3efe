# Throughcare: `make run` starts everything with demo data; `make test` runs the whole suite.
# Both set up whatever is missing first and are safe to run again.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PY311 ?= python3.11
PY310 ?= /root/.pyenv/versions/3.10.13/bin/python3.10
PORTAL_PORT ?= 5000
RASA_PORT ?= 5005
ACTIONS_PORT ?= 5055
PORTAL_HOST ?= 127.0.0.1
PORTAL_URL ?= http://127.0.0.1:$(PORTAL_PORT)
PORTAL_WORKERS ?= 2
PORTAL_THREADS ?= 4
TEST_DATABASE_URL_PG ?= postgresql://root@127.0.0.1:5432/test
CHROMIUM ?= /usr/bin/chromium

UV := .tools/bin/uv
VENV := .venv
STAMPS := .make
FLASK := $(VENV)/bin/flask
export FLASK_APP := portal
export ASSISTANT_API_TOKEN ?= dev-assistant-token
export RASA_URL ?= http://127.0.0.1:$(RASA_PORT)

PO_FILES := $(wildcard translations/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

include chatbot/chatbot.mk

.PHONY: help setup run test lint test-portal test-portal-pg test-conversation translations db browser-deps clean

help:
	@echo "make run    set up what is missing, then start portal, Rasa and the action server with demo data"
	@echo "make test   set up what is missing, then run the whole suite"

$(UV):
	@command -v $(PY311) >/dev/null || { echo "Python 3.11 ($(PY311)) is needed for the portal: set PY311=/path/to/python3.11"; exit 1; }
	$(PY311) -m venv .tools
	.tools/bin/pip install --quiet uv==0.13.8

$(STAMPS)/portal-env: requirements/portal.txt requirements/dev.txt | $(UV)
	@mkdir -p $(STAMPS)
	test -x $(VENV)/bin/python || $(UV) venv --quiet --python $(PY311) $(VENV)
	VIRTUAL_ENV=$(VENV) $(UV) pip sync --quiet requirements/portal.txt requirements/dev.txt
	touch $@

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po | $(STAMPS)/portal-env
	$(VENV)/bin/pybabel compile --statistics -i $< -o $@

## The safety layer's classifier, trained from the project's own examples (about a minute).
SAFETY_MODEL := var/safety-model.joblib
SAFETY_INPUTS := $(wildcard portal/services/safety/*.py) content/safety/phrases.yml \
	$(wildcard content/safety/training/*.yml) $(wildcard chatbot/data/nlu/*.yml) $(wildcard content/*/*.md)

$(SAFETY_MODEL): $(SAFETY_INPUTS) | $(STAMPS)/portal-env
	$(VENV)/bin/python -m portal.services.safety.training --out $@

setup: $(STAMPS)/portal-env $(MO_FILES) $(SAFETY_MODEL)

## Extract new strings, update every catalog, compile.
translations: $(STAMPS)/portal-env
	$(FLASK) translate update
	$(FLASK) translate compile

## Database: migrations, then demo data when it is empty.
db: setup
	$(FLASK) db-upgrade
	$(FLASK) seed-demo

run: setup db chatbot-venv chatbot-model
	@echo ""
	@echo "Throughcare is starting:"
	@echo "  portal          $(PORTAL_URL)/"
	@echo "  Rasa            http://127.0.0.1:$(RASA_PORT)/  (takes about a minute to load; the chat says so meanwhile)"
	@echo "  action server   http://127.0.0.1:$(ACTIONS_PORT)/"
	@echo ""
	@echo "Demo logins (password Demo-pass-2026 unless shown):"
	@echo "  prisoner kiosk  A1234BC, PIN 246810   at $(PORTAL_URL)/auth/kiosk"
	@echo "  released        released@example.org"
	@echo "  family          family@example.org"
	@echo "  champion        champion@example.org"
	@echo "  staff           staff@example.org"
	@echo "  admin           admin@example.org"
	@echo "Ctrl-C stops all three."
	@trap 'kill 0' INT TERM EXIT; \
	  $(ACTIONS_RUN_CMD) & \
	  $(RASA_RUN_CMD) & \
	  $(VENV)/bin/gunicorn --workers $(PORTAL_WORKERS) --worker-class gthread --threads $(PORTAL_THREADS) --bind $(PORTAL_HOST):$(PORTAL_PORT) --access-logfile - 'portal:create_app()' & \
	  wait

browser-deps:
	@test -x $(CHROMIUM) || { echo "installing Debian's Chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Lint, and the layering: portal/services, portal/models, portal/web, portal/words and each blueprint have a
## ruff.toml naming the imports they may not make (README, "Map of the code"); a wrong arrow fails here.
lint: $(STAMPS)/portal-env
	$(VENV)/bin/ruff check .

## The portal suite against SQLite (with the browser tests), then against PostgreSQL.
test-portal: setup browser-deps
	CHROMIUM=$(CHROMIUM) $(VENV)/bin/pytest tests -m "not assistant"

test-portal-pg: setup
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || $(VENV)/bin/python -c "import psycopg,sys; psycopg.connect('$(TEST_DATABASE_URL_PG)', connect_timeout=3).close()" 2>/dev/null; then \
	  TEST_DATABASE_URL=$(TEST_DATABASE_URL_PG) $(VENV)/bin/pytest tests -m "not browser and not assistant"; \
	elif [ "$${CI:-}" = "true" ]; then \
	  echo "PostgreSQL at $(TEST_DATABASE_URL_PG) is not reachable: with CI=true that is a failure"; exit 1; \
	else \
	  echo "PostgreSQL is not reachable at $(TEST_DATABASE_URL_PG): skipping the PostgreSQL pass (it is required in CI)"; \
	fi

## The conversation through the portal with the real Rasa and action server: the hand-off cycle, the
## independent safety set with the assistant up, and the follow-up sets (tests/conversation/test_follow_ups.py).
test-conversation: setup chatbot-model
	$(VENV)/bin/pytest tests/conversation -m assistant

test: lint test-portal test-portal-pg chatbot-validate chatbot-test test-conversation

clean:
	rm -rf $(STAMPS) $(VENV) .tools .venv-chatbot
