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


def pytest_collection_modifyitems(items):
    function = _mutant_function()
    if function is None:
        return
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
