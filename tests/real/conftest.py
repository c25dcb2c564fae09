"""The real-organisation tests run only through `make test-real` (WXC_TEST_REAL=1): never in `make test`, even when a
token happens to be in the environment."""

import os

if os.environ.get("WXC_TEST_REAL") != "1":
    collect_ignore_glob = ["test_*.py"]
