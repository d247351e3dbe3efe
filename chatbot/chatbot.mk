# The Rasa assistant. Included by the top-level Makefile, which provides UV (a target that
# builds the uv binary); the other variables below can be overridden there or on the command
# line. Everything runs from the repository root.

PY310 ?= /root/.pyenv/versions/3.10.13/bin/python3.10
RASA_PORT ?= 5005
ACTIONS_PORT ?= 5055
PORTAL_URL ?= http://127.0.0.1:5000

CHATBOT_VENV := .venv-chatbot
CHATBOT_PYTHON := $(abspath $(CHATBOT_VENV))/bin/python
CHATBOT_RASA := $(abspath $(CHATBOT_VENV))/bin/rasa
CHATBOT_STAMP := $(CHATBOT_VENV)/.requirements-installed

CHATBOT_MODEL := chatbot/models/throughcare.tar.gz
CHATBOT_TRAINING_INPUTS := chatbot/config.yml chatbot/domain.yml \
	$(wildcard chatbot/data/*.yml) $(wildcard chatbot/data/nlu/*.yml) \
	$(wildcard chatbot/components/*.py)

# Commands that start the two servers (used by the top-level run targets and by us below).
# Rasa: REST channel from credentials.yml, HTTP API, bound to localhost only.
RASA_RUN_CMD = cd chatbot && ACTIONS_URL=http://127.0.0.1:$(ACTIONS_PORT)/webhook \
	$(CHATBOT_PYTHON) runtime_endpoints.py > .endpoints.runtime.yml && \
	$(CHATBOT_RASA) run --enable-api --interface 127.0.0.1 --port $(RASA_PORT) \
	--model models/throughcare.tar.gz --credentials credentials.yml --endpoints .endpoints.runtime.yml
# (runtime_endpoints.py: the tracker store in the portal's database, a Redis lock store when
#  REDIS_URL is set, so several Rasa instances can serve one portal.)
# Action server: reads content/ and calls the portal with ASSISTANT_API_TOKEN from the
# environment. SANIC_HOST keeps it on localhost.
ACTIONS_RUN_CMD = cd chatbot && SANIC_HOST=127.0.0.1 PORTAL_URL=$(PORTAL_URL) \
	$(CHATBOT_RASA) run actions --actions actions --port $(ACTIONS_PORT)

.PHONY: chatbot-venv chatbot-requirements chatbot-model chatbot-validate chatbot-test \
	chatbot-unit-test chatbot-story-test chatbot-heldout chatbot-run chatbot-actions

chatbot-venv: $(CHATBOT_STAMP)

$(CHATBOT_STAMP): chatbot/requirements.txt | $(UV)
	@test -x "$(PY310)" || { echo "chatbot: Python 3.10 not found at '$(PY310)'." \
		"Rasa 3.6 needs 3.10; install it or run make with PY310=/path/to/python3.10" >&2; exit 1; }
	test -x $(CHATBOT_VENV)/bin/python || $(UV) venv --python $(PY310) $(CHATBOT_VENV)
	$(UV) pip sync --python $(CHATBOT_VENV)/bin/python chatbot/requirements.txt
	touch $@

# Re-pin after editing chatbot/requirements.in.
chatbot-requirements: | $(UV)
	$(UV) pip compile --python-version 3.10 chatbot/requirements.in -o chatbot/requirements.txt

# Trains only when config, domain, data or our NLU component changed (make's dependencies;
# the old model stays otherwise). --force because Rasa's own cache does not notice a change
# to a custom component's code; a full training takes about 35 s.
chatbot-model: $(CHATBOT_MODEL)

$(CHATBOT_MODEL): $(CHATBOT_STAMP) $(CHATBOT_TRAINING_INPUTS)
	cd chatbot && $(CHATBOT_RASA) train --force --config config.yml --domain domain.yml \
		--data data --out models --fixed-model-name throughcare

chatbot-validate: $(CHATBOT_STAMP)
	cd chatbot && $(CHATBOT_RASA) data validate --fail-on-warnings \
		--config config.yml --domain domain.yml --data data

# Unit tests of the actions, the end-to-end test stories (--e2e: the NLU model must read each
# message as its labelled intent), and the per-language held-out
# evaluation (fails below 0.85 accuracy in any language or on any missed safety example).
chatbot-test: chatbot-unit-test chatbot-story-test chatbot-heldout

chatbot-unit-test: $(CHATBOT_STAMP)
	cd chatbot && $(CHATBOT_PYTHON) -m pytest -q tests

chatbot-story-test: $(CHATBOT_MODEL)
	cd chatbot && $(CHATBOT_RASA) test core --e2e --model models/throughcare.tar.gz \
		--stories tests/test_stories.yml --fail-on-prediction-errors --out results/stories

chatbot-heldout: $(CHATBOT_STAMP)
	cd chatbot && $(CHATBOT_PYTHON) evaluation/heldout.py --rasa $(CHATBOT_RASA)

chatbot-run: $(CHATBOT_MODEL)
	$(RASA_RUN_CMD)

chatbot-actions: $(CHATBOT_STAMP)
	$(ACTIONS_RUN_CMD)
