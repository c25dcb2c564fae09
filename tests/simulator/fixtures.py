"""pytest fixtures: ``sim_server`` (one simulator per session) and ``sim`` (the same one, reset for each test).

Also the hooks that print, once per run, the paths the OpenAPI subset does not describe (skipped by the validation):
with pytest-xdist each worker hands its list to the controller through ``workeroutput``.
"""

import os

import pytest

from .harness import IN_THREAD_ENV, OPENAPI_SKIPPED, Simulator

if os.environ.get(IN_THREAD_ENV):
    # Loaded once here, before mutmut forks a process per mutant, rather than once in every one of them.
    from . import __main__  # noqa: F401  # pylint: disable=unused-import

_WORKER_KEY = "wxc_openapi_skipped"


@pytest.fixture(scope="session")
def sim_server():
    """A started simulator, stopped at the end of the session."""
    simulator = Simulator()
    simulator.start()
    yield simulator
    simulator.stop()


@pytest.fixture
def sim(sim_server):  # pylint: disable=redefined-outer-name
    """The session simulator, back in its seed state; a 2xx exchange that breaks the OpenAPI subset fails the test."""
    sim_server.reset()
    yield sim_server
    sim_server.check_openapi()


def pytest_sessionfinish(session):
    """In an xdist worker: hand the skipped paths to the controller."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[_WORKER_KEY] = sorted(OPENAPI_SKIPPED)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):  # pylint: disable=unused-argument
    """In the xdist controller: collect a worker's skipped paths."""
    OPENAPI_SKIPPED.update(getattr(node, "workeroutput", {}).get(_WORKER_KEY, []))


def pytest_terminal_summary(terminalreporter, config):
    """Print the skipped paths once (the controller, or a run without xdist)."""
    if getattr(config, "workeroutput", None) is not None or not OPENAPI_SKIPPED:
        return
    terminalreporter.write_sep("-", "OpenAPI validation skipped these paths (not in the subset)")
    for path in sorted(OPENAPI_SKIPPED):
        terminalreporter.write_line(path)
