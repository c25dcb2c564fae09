"""The client's URL handling and the exact texts of its errors, exchange by exchange (requests-mock).

What a message shows of a path (relative to the API, never the query), where a base URL ends, and the whole text of a
refused next-page link or of an unverified certificate: the error a playbook prints.
"""

import pytest
import requests

from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError, WebexClient
from tests.unit.plugins.module_utils.test_webex_client import (  # pylint: disable=unused-import  # fixtures
    LOCATIONS,
    TLS_FAILURE,
    TOKEN,
    fixture_client,  # noqa: F401
    fixture_exchange,  # noqa: F401
    fixture_waits,  # noqa: F401
    page,
    webex_error,
)


def test_a_base_url_whose_path_ends_in_x_keeps_it(exchange):
    """Only the trailing "/" of api_url is dropped: a base path ending in X (here /WX/) is where requests go."""
    client = WebexClient("https://proxy.test/WX/", TOKEN)
    assert client.api_url == "https://proxy.test/WX"
    exchange.expect("GET", "https://proxy.test/WX/locations", 200, page([{"id": "L1"}]))
    assert client.get_all("/locations", "items") == [{"id": "L1"}]


def test_a_full_url_outside_the_api_is_shown_whole_without_its_query(exchange, client):
    """A full URL that is not under the API is named as it is (host included), only its query dropped."""
    url = "https://files.test/v1/audio/greeting.wav"
    exchange.expect("GET", url + "?signature=abc", 404, webex_error("Not found", tracking_id="ROUTER_F"))
    with pytest.raises(WebexApiError) as caught:
        client.get(url + "?signature=abc")
    assert caught.value.path == url
    assert str(caught.value) == (
        "GET https://files.test/v1/audio/greeting.wav failed: HTTP 404: Not found (trackingId ROUTER_F)"
    )


def test_a_full_url_under_a_plain_http_api_is_shown_relative_to_it(exchange):
    """With an http:// api_url (a test endpoint), a next-page URL under it is named by its path below the API."""
    client = WebexClient("http://sim.test:8080/v1", TOKEN)
    url = "http://sim.test:8080/v1/locations?start=2"
    exchange.expect("GET", url, 404, webex_error("Not found", tracking_id="ROUTER_H"))
    with pytest.raises(WebexApiError) as caught:
        client.get(url)
    assert caught.value.path == "/locations"
    assert str(caught.value) == "GET /locations failed: HTTP 404: Not found (trackingId ROUTER_H)"


def test_a_relative_path_is_shown_without_its_query_even_when_the_query_holds_a_question_mark(exchange, client):
    """Everything from the first "?" of a relative path is dropped from the message, a "?" inside the query too."""
    exchange.expect("GET", LOCATIONS + "?name=Who?&start=5", 404, webex_error("Not found", tracking_id="ROUTER_Q"))
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations?name=Who?&start=5")
    assert caught.value.path == "/locations"
    assert str(caught.value) == "GET /locations failed: HTTP 404: Not found (trackingId ROUTER_Q)"


def test_a_refused_next_page_link_is_named_without_its_query(exchange, client):
    """The whole error of a next-page link to another host: the link up to its first "?", never its query."""
    link = "https://evil.test/v1/locations?cursor=a?b&orgId=O1"
    exchange.expect("GET", LOCATIONS, 200, page([{"id": 1}]), headers={"Link": '<%s>; rel="next"' % link})
    with pytest.raises(WebexApiError) as caught:
        client.get_all("/locations", "items")
    assert caught.value.message == (
        "refusing to follow a next-page link to another host: https://evil.test/v1/locations"
    )
    assert str(caught.value) == (
        "GET /locations failed: refusing to follow a next-page link to another host: https://evil.test/v1/locations"
    )


def test_an_unverified_certificate_names_the_method_and_path(exchange, client):
    """The TLS error says which request failed: method and path as shown (relative, no query)."""
    exchange.expect("GET", LOCATIONS + "?start=3", exc=requests.exceptions.SSLError(TLS_FAILURE))
    with pytest.raises(WebexApiError) as caught:
        client.get(LOCATIONS + "?start=3")
    assert (caught.value.method, caught.value.path) == ("GET", "/locations")
    assert str(caught.value) == (
        "GET /locations failed: TLS certificate not verified ([SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
        "failed: self-signed certificate); fix the certificate or its CA bundle, or set validate_certs: false for a "
        "test endpoint you trust"
    )
    assert TOKEN not in str(caught.value)
