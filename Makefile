# wxc.calling: `make test` (everything CI runs) and `make demo` (the module against the local simulator).
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# make mutation's own venv (see mutation-venv below).
MUTATION_VENV := .venv-mutation
MUTATION_BIN := $(MUTATION_VENV)/bin
# ansible-test needs the collection at a real ansible_collections/wxc/calling directory: a copy under build/.
BUILD ?= $(CURDIR)/build
COPY := $(BUILD)/ansible_collections/wxc/calling
# Runtime tools (ansible-playbook, ansible-doc, ansible-lint) accept a symlink tree.
LINKS := $(BUILD)/links
# The recipes run in the environment set here, not the shell's: the shell's ANSIBLE_* settings and WEBEX_* credentials
# are not passed on (test-real passes on the ones it reads), and ANSIBLE_CONFIG names the suite's own configuration,
# so that no ~/.ansible.cfg or ./ansible.cfg is read either (tests/conftest.py does the same for pytest).
unexport $(filter ANSIBLE_% WEBEX_%,$(.VARIABLES))
# Python may cache compiled files (in .venv and in the checkout's git-ignored __pycache__ folders): a shell that
# forbids it (PYTHONDONTWRITEBYTECODE) would make each of the suite's hundreds of Python processes (ansible-playbook,
# pytest workers, simulators) compile ansible-core and the rest again.
unexport PYTHONDONTWRITEBYTECODE
export ANSIBLE_CONFIG := $(CURDIR)/tests/ansible.cfg
export ANSIBLE_COLLECTIONS_PATH := $(LINKS)
export ANSIBLE_NOCOLOR := 1
export ANSIBLE_FORCE_COLOR := 0
export PY_COLORS := 0
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: test checks venv graphviz links sanity lint changelog-lint docs package ee pytest unit component simulator integration demo clean bench test-real

# The suite and the checks side by side in two job slots: pytest in one (three workers, stealing work from each other
# so that no long test waits at the end of one worker's queue), the checks one after the other in the other (they are
# mostly single-threaded: in a row they left a core idle). The checks share no files with the suite (sanity and the
# package work on build/, the suite on temporary directories).
test: venv
	$(MAKE) --no-print-directory -j2 --output-sync=target pytest checks

checks: sanity lint changelog-lint docs package ee

venv: $(VENV)/.installed

# Installed into in place (not rebuilt) when a requirements file changes, so that a running test keeps its venv.
$(VENV)/.installed: requirements.txt requirements-test.txt
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# --no-compile: Python compiles what is imported when it is first imported; compiling every installed file up
	# front (ansible-core, ansible-lint, Sphinx, ...) costs CPU that make test shares with the suite.
	$(BIN)/pip install --quiet --no-compile -r requirements-test.txt
	touch $@

# Graphviz renders the call-flow SVGs (some tests, the docs example). Missing, it is installed from Debian's package
# where that can be done (root with apt-get, as CI runs), and a failed install stops make. Where it cannot be, or with
# GRAPHVIZ_INSTALL=no, make goes on without it: the SVG rendering tests are skipped and the docs show a stand-in.
GRAPHVIZ_INSTALL ?= yes
graphviz:
	if command -v dot > /dev/null; then dot -V; exit 0; fi
	if [ "$(GRAPHVIZ_INSTALL)" = no ]; then reason="GRAPHVIZ_INSTALL=no"
	elif ! command -v apt-get > /dev/null; then reason="there is no apt-get to install it with"
	elif [ "$$(id -u)" != 0 ]; then reason="installing it with apt-get needs root"
	else
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz > /dev/null \
			|| { echo "graphviz: apt-get install graphviz failed (GRAPHVIZ_INSTALL=no goes on without it)"; exit 1; }
		dot -V; exit 0
	fi
	echo "graphviz: Graphviz (dot) is missing and make does not install it ($$reason): the SVG rendering tests are" \
		"skipped and the docs' call-flow example is a stand-in. Install Graphviz to run them."

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
	# ansible-test keeps its caches and sanity venvs under ~/.ansible/test: give it a home inside build/ instead.
	mkdir -p $(BUILD)/home/.ansible/test/cache && cp .ci/get_pip_standin.py $(BUILD)/home/.ansible/test/cache/get_pip_$$pipv.py
	# Its sanity venvs are made for one run: pip installs their packages without compiling them (Python compiles what
	# a test imports, when it imports it).
	mkdir -p $(BUILD)/home/.config/pip && printf '[install]\nno-compile = true\n' > $(BUILD)/home/.config/pip/pip.conf
	cd $(COPY) && HOME=$(BUILD)/home ansible-test sanity --color no --python 3.11

# One Python style (ruff, configured in pyproject.toml) and ansible-lint's production profile.
lint: venv links
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/ansible-lint --offline

changelog-lint: venv
	$(BIN)/antsibull-changelog lint
	$(BIN)/antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml

# The docs site: plugin and role docs from the collection, plus the guides in docs/docsite/rst.
docs: venv links graphviz
	$(BIN)/antsibull-docs lint-collection-docs --plugin-docs .
	command -v dot > /dev/null || echo "docs: without Graphviz dot, the call-flow example is a stand-in that says so"
	bash docs/sphinx/build.sh > $(BUILD)/docs.log 2>&1 || { cat $(BUILD)/docs.log; exit 1; }
	test -s docs/sphinx/build/html/collections/wxc/calling/index.html
	@echo "docs: file://$(CURDIR)/docs/sphinx/build/html/collections/wxc/calling/index.html"

# The artifact users install: built without test or build clutter, installed into an empty path, documented there.
package: venv
	rm -rf $(BUILD)/dist $(BUILD)/installed
	$(BIN)/ansible-galaxy collection build --force --output-path $(BUILD)/dist .
	tar tzf $(BUILD)/dist/wxc-calling-*.tar.gz > $(BUILD)/dist/contents.txt
	# Of tests/ only the sanity ignore files ship.
	if grep -E '^(tests/.|\.venv(-mutation)?/|requirements-(test|mutation)\.txt|\.git/|build/|docs/sphinx/(build|rst)/)' \
		$(BUILD)/dist/contents.txt | grep -vE '^tests/sanity(/|$$)'; then \
		echo "build clutter in the tarball (see build_ignore in galaxy.yml)"; exit 1; fi
	ANSIBLE_COLLECTIONS_PATH=$(BUILD)/installed $(BIN)/ansible-galaxy collection install --offline --no-deps \
		-p $(BUILD)/installed $(BUILD)/dist/wxc-calling-*.tar.gz
	# Every module, filter, inventory plugin and role of the installed collection is documented (one ansible-doc each).
	ANSIBLE_COLLECTIONS_PATH=$(BUILD)/installed $(BIN)/python .ci/installed_docs.py
	ANSIBLE_COLLECTIONS_PATH=$(BUILD)/installed $(BIN)/ansible-doc -l wxc.calling

# The execution environment's build context (a container engine is only needed for `ansible-builder build`).
ee: package
	rm -rf $(BUILD)/ee && mkdir -p $(BUILD)/ee
	cp $(BUILD)/dist/wxc-calling-*.tar.gz $(BUILD)/ee/wxc-calling.tar.gz
	$(BIN)/ansible-builder create -f execution-environment.yml -c $(BUILD)/ee/context
	test -s $(BUILD)/ee/context/Containerfile -o -s $(BUILD)/ee/context/Dockerfile
	test -s $(BUILD)/ee/context/_build/collections/wxc-calling.tar.gz

pytest: venv links graphviz
	$(BIN)/python -m pytest -n 3 --dist worksteal tests

unit: venv links graphviz
	$(BIN)/python -m pytest tests/unit

simulator: venv
	$(BIN)/python -m pytest tests/simulator/tests

component: venv
	$(BIN)/python -m pytest tests/component

integration: venv links graphviz
	$(BIN)/python -m pytest tests/integration

# Opt-in, against a real (sandbox) organisation: needs WEBEX_ACCESS_TOKEN and WEBEX_TEST_LOCATION (README, "Testing
# against a real organisation"); everything it makes is named wxc-test-* and deleted at the end. Never part of `test`.
test-real: export WEBEX_ACCESS_TOKEN := $(WEBEX_ACCESS_TOKEN)
test-real: export WEBEX_API_URL := $(WEBEX_API_URL)
test-real: export WEBEX_TEST_LOCATION := $(WEBEX_TEST_LOCATION)
test-real: export WEBEX_TEST_EXTENSION := $(WEBEX_TEST_EXTENSION)
test-real: venv links
	WXC_TEST_REAL=1 $(BIN)/python -m pytest -v -p no:xdist tests/real

demo: venv links
	bash examples/demo.sh

# API calls and wall time per auto attendant against the simulator (about 6-10 minutes), then whole sites at once at
# 100 ms latency (benchmarks/bulk.py, 15-25 minutes) and with webex_site (benchmarks/site.py), then one host per
# location (benchmarks/locations.py, 200 locations x 5 attendants, no-op at forks 1, 4, 8, about 20 minutes); see
# docs/docsite/rst/performance.rst. Never part of make test.
bench: venv links
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/bulk.py $(BULK_BENCH_ARGS)
	$(BIN)/python benchmarks/site.py $(SITE_BENCH_ARGS)
	$(BIN)/python benchmarks/locations.py $(LOCATIONS_BENCH_ARGS)

# Mutation testing of plugins/module_utils, plugins/plugin_utils and plugins/filter against the unit tests (mutmut; outside `make test`).
# Its last line: "mutation score: K/N killed (P%)"; see docs/docsite/rst/mutation.rst and .ci/mutation.py. It runs
# the canary first (mutation-canary: 10 to 20 seconds on one small file, failing loudly when the pytest or mutmut
# internals that .ci/mutation_runner.py uses have moved), then every mutant.
.PHONY: mutation mutation-canary mutation-venv
mutation: mutation-venv venv
	PATH=$(CURDIR)/$(MUTATION_BIN):$$PATH $(MUTATION_BIN)/python .ci/mutation.py $(MUTATION_ARGS)
	# The role's and the playbooks' YAML: mutants of their own (mutmut mutates Python only).
	$(BIN)/python .ci/playbook_mutation.py $(PLAYBOOK_MUTATION_ARGS)

mutation-canary: mutation-venv
	PATH=$(CURDIR)/$(MUTATION_BIN):$$PATH $(MUTATION_BIN)/python .ci/mutation.py --canary

# Mutants of the role's tasks and the shipped playbooks (YAML and Jinja, which mutmut does not mutate), each run with
# real ansible-playbook against the simulator (about 4 minutes on 2 cores; .ci/playbook_mutation.py). Its last line:
# "playbook mutation score: K/N killed". Outside make test, as make mutation is.
.PHONY: mutation-playbooks
mutation-playbooks: venv
	$(BIN)/python .ci/playbook_mutation.py $(PLAYBOOK_MUTATION_ARGS)

# A venv of its own: the test tools with pytest and mutmut pinned exactly (requirements-mutation.txt), so that those
# of make test (requirements-test.txt) can move on without it. Installed into in place when a requirements file changes.
# Its bin/ goes first on PATH (make puts .venv/bin there), for any tool the tests start by name.
mutation-venv: $(MUTATION_VENV)/.installed

$(MUTATION_VENV)/.installed: requirements.txt requirements-test.txt requirements-mutation.txt
	[ -x $(MUTATION_BIN)/python ] || $(PYTHON) -m venv $(MUTATION_VENV)
	$(MUTATION_BIN)/pip install --quiet --upgrade pip
	$(MUTATION_BIN)/pip install --quiet -r requirements-test.txt -r requirements-mutation.txt
	touch $@

clean:
	rm -rf $(BUILD) .demo
