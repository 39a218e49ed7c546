# Two commands set everything up on a fresh machine:
#   make app    build the index if needed and serve the chat on http://127.0.0.1:7860
#   make test   run the whole test suite (what CI runs)
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: app test index bench eval chromium clean

$(STAMP): requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

app: $(STAMP)
	$(BIN)/python app.py $(ARGS)

index: $(STAMP)
	$(BIN)/python -m planqa index

# Browser tests drive Debian's chromium; install it when missing (needs root, as on CI).
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null)

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q $(ARGS)
	$(BIN)/python -m planqa eval --split dev --check --quiet

bench: $(STAMP)
	$(BIN)/python bench/run.py

eval: $(STAMP)
	$(BIN)/python -m planqa eval $(ARGS)

clean:
	rm -rf index/gen-* index/CURRENT
