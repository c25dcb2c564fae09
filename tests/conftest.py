"""Shared pytest set-up.

First of all, the suite sets its own environment: the shell's WEBEX_* and ANSIBLE_* variables are set aside and
ANSIBLE_CONFIG points at tests/ansible.cfg (see tests/environment.py). Then it makes the repository importable as
``ansible_collections.wxc.calling`` (and visible to ``ansible-playbook`` through ANSIBLE_COLLECTIONS_PATH) by linking
it into a small tree under the temporary directory, and exposes the simulator fixtures to every test.
"""

import hashlib
import os
import sys
import tempfile

from tests import environment

# Before anything reads them: the modules' env_fallback, ansible.constants, every child process.
environment.scrub()

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
environment.suite_setting("ANSIBLE_COLLECTIONS_PATH", COLLECTIONS_PATH)

# pylint: disable=wrong-import-position,unused-import
from tests.simulator.fixtures import pytest_sessionfinish, pytest_terminal_summary, pytest_testnodedown, sim, sim_server  # noqa: E402,F401  # noqa: E402,F401
