"""The scripted Webex API (scripted_http.py) as the ``exchange`` fixture of the module_utils unit tests."""

import pytest
import requests_mock

from tests.unit.plugins.module_utils.scripted_http import Exchange


@pytest.fixture(name="exchange")
def fixture_exchange():
    with requests_mock.Mocker() as mocker:
        exchange = Exchange(mocker)
        yield exchange
        # An unsent scripted answer is a test mistake, or a request the client skipped.
        exchange.done()
