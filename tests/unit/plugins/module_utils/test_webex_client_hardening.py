"""Hardening of the client: nothing that could carry a header or a body reaches a message; secrets are cleaned."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils import webex_client
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError, WebexClient


@pytest.fixture(name="client")
def fixture_client(sim):
    return WebexClient(sim.url, sim.token, timeout=2, sleep=lambda seconds: None)


SECRET = "a-secret-token-value-0123456789"


@pytest.mark.parametrize(
    "exception",
    [
        webex_client.requests.exceptions.InvalidHeader(
            "Invalid return character or leading space in header: Authorization: Bearer %s\n" % SECRET
        ),
        webex_client.requests.exceptions.InvalidURL("bad url with %s" % SECRET),
        ValueError("Invalid header value b'Bearer %s\\n'" % SECRET),
        UnicodeEncodeError("latin-1", "Bearer %s\u2028" % SECRET, 37, 38, "ordinal not in range(256)"),
    ],
)
def test_an_exception_raised_while_sending_is_named_by_its_type_only(sim, client, exception):
    def fail(*_args, **_kwargs):
        raise exception

    client.session.request = fail
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert SECRET not in str(caught.value) and caught.value.__cause__ is None and caught.value.__suppress_context__
    assert "request not sent: %s" % type(exception).__name__ in str(caught.value)


def test_a_minted_token_is_registered_as_secret_before_use(sim):
    registered = []
    client = WebexClient(
        sim.url,
        refresh_credentials=(sim.client_id, sim.client_secret, sim.refresh_token),
        register_secret=registered.append,
    )
    assert client.get("/locations")["items"]
    minted = [value for value in registered if value.startswith("wxc-sim-minted-")]
    assert minted and client.session.headers["Authorization"] == "Bearer %s" % minted[0]


@pytest.mark.parametrize(
    "value, cleaned, problem",
    [
        ("tok\n", "tok", False),
        ("  tok \r\n", "tok", False),
        ("to k", "to k", True),
        ("to\tk", "to\tk", True),
        ("to\u2028k", "to\u2028k", True),
        ("to\x7fk", "to\x7fk", True),
        ("tök", "tök", True),
        ("", "", False),
        (None, None, False),
    ],
)
def test_secrets_are_stripped_and_inner_whitespace_refused_without_showing_the_value(value, cleaned, problem):
    result, message = webex_client.clean_secret("access_token", value)
    assert result == cleaned and bool(message) is problem
    if message:
        assert message.startswith("access_token: ") and (value.strip() not in message)


@pytest.mark.parametrize(
    "api_url, link, same",
    [
        ("https://WEBEXAPIS.com/v1", "https://webexapis.com/v1/x?start=100", True),
        ("HTTPS://webexapis.com:443/v1", "https://webexapis.com/v1/x", True),
        ("https://webexapis.com/v1", "https://webexapis.com:8443/v1/x", False),
        ("https://webexapis.com/v1", "http://webexapis.com/v1/x", False),
        ("https://webexapis.com/v1", "https://webexapis.com.evil.example/v1/x", False),
        ("https://webexapis.com/v1", "https://webexapis.com/v2/x", False),
    ],
)
def test_next_page_links_are_compared_by_normalised_scheme_host_port_and_path(api_url, link, same):
    assert WebexClient(api_url)._is_api_url(link) is same  # pylint: disable=protected-access
