"""The fixtures every component test file uses: the module's client against the simulator, and Headquarters' id."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.builders import HQ


@pytest.fixture(name="client")
def fixture_client(sim):
    """The module's client against the simulator; its retries never sleep."""
    return WebexClient(sim.url, sim.token, timeout=10, sleep=lambda seconds: None)


@pytest.fixture(name="hq")
def fixture_hq(sim):
    return sim.location_id(HQ)
