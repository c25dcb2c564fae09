# wxc.calling: `make test` (everything CI runs) and `make demo` (the module against the local simulator).
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# ansible-test needs the collection at a real ansible_collections/wxc/calling directory: a copy under build/.
BUILD ?= $(CURDIR)/build
COPY := $(BUILD)/ansible_collections/wxc/calling
# Runtime tools (ansible-playbook, ansible-doc, ansible-lint) accept a symlink tree.
LINKS := $(BUILD)/links
export ANSIBLE_COLLECTIONS_PATH := $(LINKS)
export ANSIBLE_NOCOLOR := 1
export ANSIBLE_FORCE_COLOR := 0
export PY_COLORS := 0
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: test venv links sanity lint changelog-lint pytest unit simulator integration demo clean

test: venv sanity lint changelog-lint pytest

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-test.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

links:
	mkdir -p $(LINKS)/ansible_collections/wxc
	ln -sfn $(CURDIR) $(LINKS)/ansible_collections/wxc/calling

sanity: venv
	rm -rf $(COPY) && mkdir -p $(COPY)
	git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C $(COPY)
	# The copy sits in the git-ignored build/ folder: give it a repository of its own, or ansible-test sees no files.
	cd $(COPY) && git init -q && git add -A && cd $(CURDIR)
	# ansible-test bootstraps pip from a host we cannot reach; give it a local stand-in (see .ci/get_pip_standin.py).
	pipv=$$($(BIN)/python -c 'import os, re, ansible_test; p = os.path.join(os.path.dirname(ansible_test.__file__), "_internal", "python_requirements.py"); print(re.search(r"pip=.([0-9.]+).", open(p).read()).group(1).replace(".", "_"))')
	mkdir -p ~/.ansible/test/cache && cp .ci/get_pip_standin.py ~/.ansible/test/cache/get_pip_$$pipv.py
	cd $(COPY) && ansible-test sanity --color no --python 3.11

lint: venv links
	$(BIN)/ansible-lint --offline

changelog-lint: venv
	$(BIN)/antsibull-changelog lint

pytest: venv links
	$(BIN)/python -m pytest -n 2 tests

unit: venv links
	$(BIN)/python -m pytest tests/unit

simulator: venv
	$(BIN)/python -m pytest tests/simulator_tests

integration: venv links
	$(BIN)/python -m pytest tests/integration

demo: venv links
	bash examples/demo.sh

clean:
	rm -rf $(BUILD) .demo
