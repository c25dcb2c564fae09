"""Shared pytest set-up.

Makes the repository importable as ``ansible_collections.wxc.calling`` (and visible to ``ansible-playbook`` through
ANSIBLE_COLLECTIONS_PATH) by linking it into a small tree under the temporary directory, and exposes the simulator
fixtures to every test.
"""

import collections
import hashlib
import os
import sys
import tempfile

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
NAMESPACE, NAME = "wxc", "calling"


def _collection_tree():
    """Return a directory that holds ansible_collections/wxc/calling -> ROOT, creating it when needed."""
    if os.path.basename(os.path.dirname(os.path.dirname(ROOT))) == "ansible_collections":
        return os.path.dirname(os.path.dirname(os.path.dirname(ROOT)))
    base = os.path.join(tempfile.gettempdir(), "wxc-ac-%s" % hashlib.sha1(ROOT.encode()).hexdigest()[:10])
    link = os.path.join(base, "ansible_collections", NAMESPACE, NAME)
    if os.path.realpath(link) != ROOT:
        os.makedirs(os.path.dirname(link), exist_ok=True)
        if os.path.lexists(link):
            os.unlink(link)
        os.symlink(ROOT, link)
    return base


COLLECTIONS_PATH = _collection_tree()
if COLLECTIONS_PATH not in sys.path:
    sys.path.insert(0, COLLECTIONS_PATH)
os.environ["ANSIBLE_COLLECTIONS_PATH"] = COLLECTIONS_PATH

# pylint: disable=wrong-import-position,unused-import
from tests.simulator.fixtures import pytest_sessionfinish, pytest_terminal_summary, pytest_testnodedown, sim, sim_server  # noqa: E402,F401  # noqa: E402,F401

# Under make mutation (.ci/mutation.py sets WXC_MUTATION_KILLERS), a mutant's tests start with the tests that killed the
# most earlier mutants of the same function (mutmut runs a function's mutants one after another). mutmut stops a
# mutant at its first failing test (-x), so the order decides the cost, never the result.
MUTATION_KILLERS = os.environ.get("WXC_MUTATION_KILLERS")


def _mutant_function():
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    return mutant.rsplit("__mutmut_", 1)[0] if MUTATION_KILLERS and "__mutmut_" in mutant else None


def pytest_configure(config):
    """mutmut names each test of a mutant, up to hundreds, and pytest walks the paths again for each name: under make
    mutation the files are collected once instead, making items only of the functions named (see below)."""
    if _mutant_function() is None or not all("::" in arg for arg in config.args):
        return
    names = collections.defaultdict(set)
    for arg in config.args:
        path, name = arg.split("::", 1)
        names[os.path.abspath(path)].add(name.split("::", 1)[0].split("[", 1)[0])
    config.wxc_mutant_tests = (set(config.args), names)
    config.args[:] = list(dict.fromkeys(arg.partition("::")[0] for arg in config.args))


def pytest_pycollect_makeitem(collector, name, obj):
    """Under make mutation, a module's functions and classes that the mutant's tests do not name make no items."""
    chosen = getattr(collector.config, "wxc_mutant_tests", None)
    if chosen is None or not isinstance(collector, pytest.Module):
        return None
    return None if name in chosen[1].get(str(collector.path), ()) else []


def pytest_collection_modifyitems(config, items):
    function = _mutant_function()
    if function is None:
        return
    chosen = getattr(config, "wxc_mutant_tests", None)
    if chosen is not None:
        items[:] = [item for item in items if item.nodeid in chosen[0]]  # the parameter sets named, not all of them
        missing = chosen[0] - {item.nodeid for item in items}
        if missing:  # a test left out could let a mutant survive unseen: .ci/mutation.py fails the run on this file
            message = "%s: %d named tests not collected, e.g. %s\n" % (function, len(missing), min(missing))
            with open(os.path.join(MUTATION_KILLERS, os.pardir, "collection-errors"), "a", encoding="utf-8") as handle:
                handle.write(message)
            raise pytest.UsageError(message)
    try:
        with open(os.path.join(MUTATION_KILLERS, function), encoding="utf-8") as handle:
            kills = collections.Counter(handle.read().split())
    except FileNotFoundError:
        return
    items.sort(key=lambda item: -kills[item.nodeid])  # stable: the other tests keep mutmut's order


def pytest_runtest_logreport(report):
    function = _mutant_function()
    if function is not None and report.failed:
        with open(os.path.join(MUTATION_KILLERS, function), "a", encoding="utf-8") as handle:
            handle.write(report.nodeid + "\n")
