"""pytest fixtures: ``sim_server`` (one simulator per session) and ``sim`` (the same one, reset for each test)."""

import pytest

from .harness import Simulator


@pytest.fixture(scope="session")
def sim_server():
    """A started simulator, stopped at the end of the session."""
    simulator = Simulator()
    simulator.start()
    yield simulator
    simulator.stop()


@pytest.fixture
def sim(sim_server):  # pylint: disable=redefined-outer-name
    """The session simulator, back in its seed state."""
    sim_server.reset()
    return sim_server
