"""The shared client against the simulator over HTTP: retries per method, Retry-After parsing, pagination, errors."""

import time

import pytest

from ansible_collections.wxc.calling.plugins.module_utils import webex_client
from ansible_collections.wxc.calling.plugins.module_utils.auto_attendant import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError, WebexClient, parse_retry_after

LIST = "/telephony/config/autoAttendants"


@pytest.fixture(name="waits")
def fixture_waits():
    return []


@pytest.fixture(name="client")
def fixture_client(sim, waits):
    return WebexClient(sim.url, sim.token, timeout=2, sleep=waits.append)


@pytest.mark.parametrize("header, seconds", [
    ("3", 3.0), ("0.5", 0.5), ("rand(30),add(30)", webex_client.RATE_LIMIT_DEFAULT_WAIT), (None, webex_client.RATE_LIMIT_DEFAULT_WAIT),
    ("", webex_client.RATE_LIMIT_DEFAULT_WAIT), ("-4", webex_client.RATE_LIMIT_DEFAULT_WAIT), ("nan", webex_client.RATE_LIMIT_DEFAULT_WAIT),
    ("3600", webex_client.RATE_LIMIT_MAX_WAIT),
])
def test_retry_after_is_parsed_defensively(header, seconds):
    assert parse_retry_after(header) == seconds


@pytest.mark.parametrize("retry_after, waited", [("2", 2.0), ("rand(30),add(30)", 5.0), (None, 5.0)])
def test_rate_limit_waits_as_told_then_succeeds(sim, client, waits, retry_after, waited):
    spec = dict(method="GET", path="/locations$", count=1, status=429)
    if retry_after is not None:
        spec["retry_after"] = retry_after
    sim.fault(**spec)
    assert client.get_all("/locations", "items")
    assert waits == [waited]
    assert [entry["status"] for entry in sim.requests()] == [429, 200]


def test_rate_limit_storm_gives_up_with_the_status(sim, client, waits):
    sim.fault(method="GET", path="/locations$", count=50, status=429, retry_after="1")
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.status == 429
    assert len(waits) == webex_client.RATE_LIMIT_MAX_RETRIES
    assert len(sim.requests()) == webex_client.RATE_LIMIT_MAX_RETRIES + 1


@pytest.mark.parametrize("status", [502, 503, 504])
def test_server_errors_on_reads_are_retried_with_backoff(sim, client, waits, status):
    sim.fault(method="GET", path="/locations$", count=2, status=status)
    assert client.get("/locations")["items"]
    assert waits == [1.0, 2.0]


def test_a_timeout_on_a_read_is_retried(sim, client):
    sim.fault(method="GET", path="/locations$", count=1, delay=2.5)
    assert client.get("/locations")["items"]
    time.sleep(0.8)  # the simulator logs the delayed request once its delay is over
    assert [entry["status"] for entry in sim.requests()] == [200, 200]


def test_a_post_is_not_replayed_on_a_server_error(sim, client, waits):
    location_id = sim.location_id("Headquarters")
    sim.fault(method="POST", path="/autoAttendants$", count=1, status=503)
    with pytest.raises(WebexApiError) as caught:
        client.post("/telephony/config/locations/%s/autoAttendants" % location_id, json={"name": "x"})
    assert caught.value.ambiguous and caught.value.status == 503
    assert waits == [] and len(sim.writes()) == 1


def test_create_after_an_uncommitted_server_error_looks_up_then_posts_once_more(sim, client):
    location_id = sim.location_id("Headquarters")
    body = {"name": "Reception", "extension": "2100", "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]},
            "afterHoursMenu": {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}}
    sim.fault(method="POST", path="/autoAttendants$", count=1, status=503)
    sim.clear_requests()
    new_id = AutoAttendantService(client).create(location_id, body)
    assert [(e["method"], e["status"]) for e in sim.requests()] == [("POST", 503), ("GET", 200), ("POST", 201)]
    assert sim.api("GET", "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, new_id)).status_code == 200


def test_pagination_follows_every_page_with_the_filters(sim, client):
    sim.seed_auto_attendants("Headquarters", 230, prefix="Menu ")
    location_id = sim.location_id("Headquarters")
    sim.clear_requests()
    items = client.get_all(LIST, "autoAttendants", params={"locationId": location_id, "name": "menu"})
    assert len(items) == 230 and len({item["id"] for item in items}) == 230
    queries = [entry["query"] for entry in sim.requests()]
    assert [q.get("start") for q in queries] == [None, "100", "200"]
    assert all(q["name"] == "menu" and q["locationId"] == location_id for q in queries)


def test_org_id_is_sent_on_every_request(sim):
    org_id = sim.api("GET", "/locations").json()["items"][0]["orgId"]
    client = WebexClient(sim.url, sim.token, org_id=org_id)
    sim.clear_requests()
    client.get_all("/locations", "items")
    assert all(entry["query"].get("orgId") == org_id for entry in sim.requests())


def test_errors_carry_status_message_code_and_tracking_id_but_not_the_token(sim):
    client = WebexClient(sim.url, sim.read_only_token)
    location_id = sim.location_id("Headquarters")
    with pytest.raises(WebexApiError) as caught:
        client.post("/telephony/config/locations/%s/autoAttendants" % location_id, json={"name": "x"})
    error = caught.value
    assert error.status == 403 and error.message and error.error_code and error.tracking_id
    assert sim.read_only_token not in str(error) and sim.read_only_token not in repr(error.as_dict())
    assert "POST /telephony/config/locations/" in str(error) and "trackingId" in str(error)


def test_a_missing_token_is_a_401(sim):
    with pytest.raises(WebexApiError) as caught:
        WebexClient(sim.url, "not-a-token").get("/locations")
    assert caught.value.status == 401 and "access token" in caught.value.message


# -- hardening: nothing that could carry a header or a body reaches a message ----------------------------------------

SECRET = "a-secret-token-value-0123456789"


@pytest.mark.parametrize("exception", [
    webex_client.requests.exceptions.InvalidHeader("Invalid return character or leading space in header: "
                                                   "Authorization: Bearer %s\n" % SECRET),
    webex_client.requests.exceptions.InvalidURL("bad url with %s" % SECRET),
    ValueError("Invalid header value b'Bearer %s\\n'" % SECRET),
    UnicodeEncodeError("latin-1", "Bearer %s\u2028" % SECRET, 37, 38, "ordinal not in range(256)"),
])
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
    client = WebexClient(sim.url, refresh_credentials=(sim.client_id, sim.client_secret, sim.refresh_token),
                         register_secret=registered.append)
    assert client.get("/locations")["items"]
    minted = [value for value in registered if value.startswith("wxc-sim-minted-")]
    assert minted and client.session.headers["Authorization"] == "Bearer %s" % minted[0]


@pytest.mark.parametrize("value, cleaned, problem", [
    ("tok\n", "tok", False), ("  tok \r\n", "tok", False), ("to k", "to k", True), ("to\tk", "to\tk", True),
    ("to\u2028k", "to\u2028k", True), ("to\x7fk", "to\x7fk", True), ("tök", "tök", True), ("", "", False),
    (None, None, False)])
def test_secrets_are_stripped_and_inner_whitespace_refused_without_showing_the_value(value, cleaned, problem):
    result, message = webex_client.clean_secret("access_token", value)
    assert result == cleaned and bool(message) is problem
    if message:
        assert message.startswith("access_token: ") and (value.strip() not in message)


@pytest.mark.parametrize("api_url, link, same", [
    ("https://WEBEXAPIS.com/v1", "https://webexapis.com/v1/x?start=100", True),
    ("HTTPS://webexapis.com:443/v1", "https://webexapis.com/v1/x", True),
    ("https://webexapis.com/v1", "https://webexapis.com:8443/v1/x", False),
    ("https://webexapis.com/v1", "http://webexapis.com/v1/x", False),
    ("https://webexapis.com/v1", "https://webexapis.com.evil.example/v1/x", False),
    ("https://webexapis.com/v1", "https://webexapis.com/v2/x", False),
])
def test_next_page_links_are_compared_by_normalised_scheme_host_port_and_path(api_url, link, same):
    assert WebexClient(api_url)._is_api_url(link) is same  # pylint: disable=protected-access
