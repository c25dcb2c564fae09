"""Graphviz (dot) renders the call-flow SVGs. `make test` installs it where it can (CI, as root on Debian); elsewhere
the tests that render with it are skipped, with this reason, and every other test runs."""

import shutil

import pytest

DOT_MISSING = "Graphviz dot is not installed: the SVG rendering tests are skipped"
requires_dot = pytest.mark.skipif(shutil.which("dot") is None, reason=DOT_MISSING)
