"""The shared client (webex_client.py), HTTP exchange by exchange: every request it sends is scripted (requests-mock),
in order.

Each test lists the answers the service gives; the client must send exactly the requests the script expects, and the
test asserts the whole (method, url, status) sequence. ``sleep`` is injected, so backoff and Retry-After are recorded,
never slept. Also here: what a message shows of a URL, the secrets the client cleans and registers, and the links it
follows. The simulator smoke tests of the same client are in tests/component/.
"""

import pytest
import requests
from ansible.module_utils.basic import env_fallback

from ansible_collections.wxc.calling.plugins.module_utils import webex_client
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import (
    WebexApiError,
    WebexClient,
    parse_retry_after,
)
from tests.unit.plugins.module_utils.scripted_http import API, TOKEN

LOCATIONS = API + "/locations"
AA = API + "/telephony/config/locations/L1/autoAttendants"
TOKEN_URL = API + "/access_token"
TLS_FAILURE = (
    "HTTPSConnectionPool(host='webex.test', port=443): Max retries exceeded with url: /v1/locations "
    "(Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
    "failed: self-signed certificate (_ssl.c:1006)')))"
)


@pytest.fixture(name="waits")
def fixture_waits():
    return []


@pytest.fixture(name="client")
def fixture_client(waits):
    return WebexClient(API, TOKEN, sleep=waits.append)


def webex_error(message, code=None, tracking_id="ROUTER_1"):
    errors = [{"description": message, "errorCode": code}] if code is not None else [{"description": message}]
    return {"message": message, "errors": errors, "trackingId": tracking_id}


def page(items, key="items"):
    return {key: items}


# -- Retry-After ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header, seconds",
    [
        ("3", 3.0),
        ("0.5", 0.5),
        (" 7 ", 7.0),
        ("0", 0.0),
        ("60", 60.0),
        ("rand(30),add(30)", webex_client.RATE_LIMIT_DEFAULT_WAIT),
        (None, webex_client.RATE_LIMIT_DEFAULT_WAIT),
        ("", webex_client.RATE_LIMIT_DEFAULT_WAIT),
        ("-4", webex_client.RATE_LIMIT_DEFAULT_WAIT),
        ("nan", webex_client.RATE_LIMIT_DEFAULT_WAIT),
        ("3600", webex_client.RATE_LIMIT_MAX_WAIT),
        ("inf", webex_client.RATE_LIMIT_MAX_WAIT),
    ],
)
def test_retry_after_is_parsed_defensively(header, seconds):
    assert parse_retry_after(header) == seconds


def test_retry_after_constants_are_the_documented_ones():
    # docs/docsite/rst/guarantees.rst and tests/component/test_faults.py state these numbers.
    assert (
        webex_client.RATE_LIMIT_DEFAULT_WAIT,
        webex_client.RATE_LIMIT_MAX_WAIT,
        webex_client.RATE_LIMIT_MAX_RETRIES,
        webex_client.SERVER_ERROR_MAX_RETRIES,
        webex_client.SERVER_ERROR_BACKOFF,
    ) == (5.0, 60.0, 5, 3, 1.0)


# -- 429 ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "retry_after, waited",
    [("2", 2.0), ("rand(30),add(30)", 5.0), (None, 5.0), ("600", 60.0)],
    ids=["seconds", "malformed", "missing", "capped"],
)
def test_rate_limit_waits_as_told_then_succeeds(exchange, client, waits, retry_after, waited):
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    exchange.expect("GET", LOCATIONS, 429, webex_error("Too many requests"), headers=headers)
    exchange.expect("GET", LOCATIONS, 200, page([{"id": "L1"}]))
    assert client.get("/locations") == page([{"id": "L1"}])
    assert exchange.done() == [("GET", LOCATIONS, 429), ("GET", LOCATIONS, 200)]
    assert waits == [waited]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_a_rate_limited_write_is_sent_again_since_it_was_not_carried_out(exchange, client, waits, method):
    exchange.expect(method, AA, 429, headers={"Retry-After": "1"})
    exchange.expect(method, AA, 201 if method == "POST" else 204, {"id": "A1"} if method == "POST" else None)
    getattr(client, method.lower())(
        "/telephony/config/locations/L1/autoAttendants", **({} if method == "DELETE" else {"json": {"name": "x"}})
    )
    assert [status for _m, _u, status in exchange.done()] == [429, 201 if method == "POST" else 204]
    assert waits == [1.0]
    if method != "DELETE":
        assert [r.json() for r in exchange.requests] == [{"name": "x"}] * 2


def test_rate_limit_storm_gives_up_after_five_retries_with_the_status(exchange, client, waits):
    for _attempt in range(6):
        exchange.expect("GET", LOCATIONS, 429, webex_error("Too many requests"), headers={"Retry-After": "1"})
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.status == 429 and caught.value.message == "Too many requests"
    assert exchange.done() == [("GET", LOCATIONS, 429)] * 6
    assert waits == [1.0] * 5


def test_rate_limits_and_server_errors_have_separate_budgets(exchange, client, waits):
    for status in (503, 429, 503, 429, 503, 429, 429, 429):
        exchange.expect("GET", LOCATIONS, status, headers={"Retry-After": "0"} if status == 429 else {})
    exchange.expect("GET", LOCATIONS, 200, page([]))
    client.get("/locations")
    assert waits == [1.0, 0.0, 2.0, 0.0, 4.0, 0.0, 0.0, 0.0]


# -- 5xx and no answer -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
@pytest.mark.parametrize("status", [502, 503, 504])
def test_server_errors_on_idempotent_methods_are_retried_with_backoff(exchange, client, waits, method, status):
    exchange.expect(method, AA, status).expect(method, AA, status).expect(method, AA, 200, {"ok": True})
    client.request(method, "/telephony/config/locations/L1/autoAttendants")
    assert exchange.done() == [(method, AA, status), (method, AA, status), (method, AA, 200)]
    assert waits == [1.0, 2.0]


@pytest.mark.parametrize("status", [500, 501, 505])
def test_other_server_errors_are_not_retried(exchange, client, waits, status):
    exchange.expect("GET", LOCATIONS, status, webex_error("Internal error"))
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.status == status and caught.value.ambiguous
    assert waits == []


def test_a_server_error_storm_gives_up_after_three_retries(exchange, client, waits):
    for _attempt in range(4):
        exchange.expect("PUT", AA, 503, webex_error("Service unavailable"))
    with pytest.raises(WebexApiError) as caught:
        client.put("/telephony/config/locations/L1/autoAttendants", json={"name": "x"})
    assert caught.value.status == 503 and caught.value.ambiguous
    assert exchange.done() == [("PUT", AA, 503)] * 4
    assert waits == [1.0, 2.0, 4.0]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_post_is_never_replayed_after_a_server_error(exchange, client, waits, status):
    exchange.expect("POST", AA, status, webex_error("Service unavailable"))
    with pytest.raises(WebexApiError) as caught:
        client.post("/telephony/config/locations/L1/autoAttendants", json={"name": "x"})
    assert caught.value.ambiguous and caught.value.status == status
    assert exchange.done() == [("POST", AA, status)] and waits == []


@pytest.mark.parametrize(
    "failure",
    [
        requests.exceptions.ReadTimeout("read timed out"),
        requests.exceptions.ConnectTimeout("connect timed out"),
        requests.exceptions.ConnectionError("connection reset"),
    ],
    ids=["read-timeout", "connect-timeout", "dropped"],
)
def test_no_answer_to_a_read_is_retried(exchange, client, waits, failure):
    exchange.expect("GET", LOCATIONS, exc=failure).expect("GET", LOCATIONS, 200, page([]))
    assert client.get("/locations") == page([])
    assert exchange.done() == [("GET", LOCATIONS, type(failure).__name__), ("GET", LOCATIONS, 200)]
    assert waits == [1.0]


def test_no_answer_to_a_read_four_times_is_an_ambiguous_error(exchange, client, waits):
    for _attempt in range(4):
        exchange.expect("GET", LOCATIONS, exc=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.ambiguous and caught.value.status is None
    assert str(caught.value) == "GET /locations failed: no response: ReadTimeout"
    assert waits == [1.0, 2.0, 4.0]


@pytest.mark.parametrize(
    "failure",
    [requests.exceptions.ReadTimeout("read timed out"), requests.exceptions.ConnectionError("connection reset")],
)
def test_no_answer_to_a_post_is_not_replayed(exchange, client, waits, failure):
    exchange.expect("POST", AA, exc=failure)
    with pytest.raises(WebexApiError) as caught:
        client.post("/telephony/config/locations/L1/autoAttendants", json={"name": "x"})
    assert caught.value.ambiguous and caught.value.status is None
    assert caught.value.message == "no response: %s" % type(failure).__name__
    assert exchange.done() == [("POST", AA, type(failure).__name__)] and waits == []


# -- pagination ---------------------------------------------------------------------------------------------------------


def test_pagination_follows_every_next_link_with_the_filters(exchange, client):
    first = AA_LIST = API + "/telephony/config/autoAttendants?locationId=L1&name=menu"
    second = AA_LIST + "&max=2&start=2"
    third = AA_LIST + "&max=2&start=4"
    exchange.expect(
        "GET", first, 200, page([{"id": 1}, {"id": 2}], "autoAttendants"), headers={"Link": '<%s>; rel="next"' % second}
    )
    exchange.expect(
        "GET", second, 200, page([{"id": 3}, {"id": 4}], "autoAttendants"), headers={"Link": '<%s>; rel="next"' % third}
    )
    exchange.expect("GET", third, 200, page([{"id": 5}], "autoAttendants"))
    items = client.get_all(
        "/telephony/config/autoAttendants", "autoAttendants", params={"locationId": "L1", "name": "menu"}
    )
    assert items == [{"id": n} for n in range(1, 6)]
    assert [status for _m, _u, status in exchange.done()] == [200, 200, 200]


def test_pagination_stops_at_an_empty_page_even_with_a_next_link(exchange, client):
    exchange.expect("GET", LOCATIONS, 200, page([{"id": 1}]), headers={"Link": '<%s?start=1>; rel="next"' % LOCATIONS})
    exchange.expect(
        "GET", LOCATIONS + "?start=1", 200, page([]), headers={"Link": '<%s?start=2>; rel="next"' % LOCATIONS}
    )
    assert client.get_all("/locations", "items") == [{"id": 1}]


def test_pagination_treats_a_missing_item_list_as_empty(exchange, client):
    exchange.expect("GET", LOCATIONS, 200, {"other": []}, headers={"Link": '<%s?start=1>; rel="next"' % LOCATIONS})
    assert client.get_all("/locations", "items") == []


def test_a_next_page_is_retried_like_any_read(exchange, client, waits):
    exchange.expect("GET", LOCATIONS, 200, page([{"id": 1}]), headers={"Link": '<%s?start=1>; rel="next"' % LOCATIONS})
    exchange.expect("GET", LOCATIONS + "?start=1", 503)
    exchange.expect("GET", LOCATIONS + "?start=1", 200, page([{"id": 2}]))
    assert client.get_all("/locations", "items") == [{"id": 1}, {"id": 2}]
    assert waits == [1.0]


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.test/v1/locations?start=1",
        "https://webex.test.evil.test/v1/x",
        "https://webex.test/v10/locations?start=1",
        "http://webex.test/v1/locations",
    ],
)
def test_a_next_link_to_another_host_is_refused_and_never_requested(exchange, client, next_url):
    exchange.expect("GET", LOCATIONS, 200, page([{"id": 1}]), headers={"Link": '<%s>; rel="next"' % next_url})
    with pytest.raises(WebexApiError) as caught:
        client.get_all("/locations", "items")
    assert "refusing to follow a next-page link to another host: %s" % next_url.split("?")[0] in str(caught.value)
    assert (caught.value.method, caught.value.path, caught.value.status) == ("GET", "/locations", None)
    assert exchange.done() == [("GET", LOCATIONS, 200)]


def test_org_id_is_added_to_every_request_but_not_twice_to_a_next_link(exchange):
    client = WebexClient(API, TOKEN, org_id="O1")
    next_url = LOCATIONS + "?orgId=O1&start=1"
    exchange.expect(
        "GET", LOCATIONS + "?orgId=O1", 200, page([{"id": 1}]), headers={"Link": '<%s>; rel="next"' % next_url}
    )
    exchange.expect("GET", next_url, 200, page([{"id": 2}]))
    exchange.expect("PUT", AA + "?orgId=O1", 204)
    exchange.expect("GET", LOCATIONS + "?orgId=O2", 200, page([]))
    client.get_all("/locations", "items")
    client.put("/telephony/config/locations/L1/autoAttendants", json={})
    client.get("/locations", params={"orgId": "O2"})


def test_with_org_shares_the_session_and_gate():
    """A client for another organisation (a partner administrator's customer) is a copy sharing the session, token and
    rate-limit gate; for no organisation, or its own, it is the client itself."""
    client = WebexClient(API, TOKEN, org_id="mine").shared(2)
    assert client.with_org(None) is client and client.with_org("") is client and client.with_org("mine") is client
    other = client.with_org("other")
    assert other is not client and other.org_id == "other" and client.org_id == "mine"
    assert other.session is client.session and other.rate_gate is client.rate_gate


def test_params_set_to_none_are_not_sent(exchange, client):
    exchange.expect("GET", LOCATIONS + "?name=HQ", 200, page([]))
    client.get("/locations", params={"name": "HQ", "id": None})


# -- what every request carries -------------------------------------------------------------------------------------


def test_every_request_carries_the_token_a_fresh_tracking_id_and_the_client_settings(exchange):
    client = WebexClient(API + "/", TOKEN, validate_certs=False, timeout=7)
    exchange.expect("GET", LOCATIONS, 200, page([])).expect("POST", AA, 201, {"id": "A1"})
    client.get("/locations")
    assert client.post("/telephony/config/locations/L1/autoAttendants", json={"name": "x"}) == {"id": "A1"}
    first, second = exchange.requests
    for sent in (first, second):
        assert sent.headers["Authorization"] == "Bearer " + TOKEN
        assert sent.headers["Accept"] == "application/json"
        assert sent.headers["User-Agent"] == "wxc.calling-ansible-collection"
        assert sent.headers["TrackingID"].startswith("WXC_ANSIBLE_")
        assert sent.verify is False and sent.timeout == 7
    assert first.headers["TrackingID"] != second.headers["TrackingID"]
    assert second.json() == {"name": "x"}


def test_an_empty_answer_to_a_post_is_an_empty_dict(exchange, client):
    exchange.expect("POST", AA, 204)
    assert client.post("/telephony/config/locations/L1/autoAttendants", json={}) == {}


def test_put_returns_the_parsed_answer_and_delete_nothing(exchange, client):
    exchange.expect("PUT", AA, 204).expect("PUT", AA, 200, {"id": "new-id"}).expect("DELETE", AA, 204)
    assert client.put("/telephony/config/locations/L1/autoAttendants", json={"name": "y"}) == {}
    assert client.put("/telephony/config/locations/L1/autoAttendants", json={"name": "z"}) == {"id": "new-id"}
    assert client.delete("/telephony/config/locations/L1/autoAttendants") is None
    assert [sent.json() for sent in exchange.requests[:2]] == [{"name": "y"}, {"name": "z"}]


def test_the_tracking_id_of_the_last_answered_request(exchange, client):
    assert client.last_tracking_id is None
    exchange.expect("GET", LOCATIONS, 200, page([]), headers={"trackingid": "ROUTER_7"})
    exchange.expect("GET", LOCATIONS, 200, page([]))
    exchange.expect("GET", LOCATIONS, 404, webex_error("gone", tracking_id="ROUTER_9"))
    client.get("/locations")
    assert client.last_tracking_id == "ROUTER_7"
    client.get("/locations")
    # Without the header, the TrackingID the client sent.
    assert client.last_tracking_id == exchange.requests[1].headers["TrackingID"]
    with pytest.raises(WebexApiError):
        client.get("/locations")
    assert client.last_tracking_id == exchange.requests[1].headers["TrackingID"]  # only answered requests count


def test_a_full_url_is_used_as_given(exchange, client):
    exchange.expect("GET", LOCATIONS + "?start=5", 200, page([]))
    client.get(LOCATIONS + "?start=5")


# -- errors ---------------------------------------------------------------------------------------------------------


def test_an_error_carries_status_message_error_code_and_tracking_id_but_never_the_token(exchange, client):
    exchange.expect(
        "POST",
        AA,
        400,
        webex_error("[Error 25008] Missing field", 25008, "ROUTER_abc"),
        headers={"trackingid": "HEADER_id"},
    )
    with pytest.raises(WebexApiError) as caught:
        client.post("/telephony/config/locations/L1/autoAttendants", json={"name": "x"})
    error = caught.value
    assert (
        error.method,
        error.path,
        error.status,
        error.message,
        error.error_code,
        error.tracking_id,
        error.ambiguous,
    ) == (
        "POST",
        "/telephony/config/locations/L1/autoAttendants",
        400,
        "[Error 25008] Missing field",
        25008,
        "ROUTER_abc",
        False,
    )
    assert str(error) == (
        "POST /telephony/config/locations/L1/autoAttendants failed: HTTP 400, errorCode 25008: "
        "[Error 25008] Missing field (trackingId ROUTER_abc)"
    )
    assert error.as_dict() == dict(
        method="POST",
        path="/telephony/config/locations/L1/autoAttendants",
        status=400,
        message="[Error 25008] Missing field",
        error_code=25008,
        tracking_id="ROUTER_abc",
    )
    assert TOKEN not in str(error) and TOKEN not in repr(error.as_dict())
    assert error.args == (str(error),)  # what repr() and a traceback show


def test_the_path_shown_drops_the_api_url_and_the_query(exchange, client):
    exchange.expect("GET", LOCATIONS + "?start=5", 404, webex_error("Not found"))
    with pytest.raises(WebexApiError) as caught:
        client.get(LOCATIONS + "?start=5")
    assert caught.value.path == "/locations"


@pytest.mark.parametrize(
    "body, headers, expected",
    [
        (
            {"errors": [{"description": "only in errors", "errorCode": 4008}]},
            {"trackingid": "T1"},
            ("only in errors", 4008, "T1"),
        ),
        ({"message": "top", "errorCode": 77, "trackingId": "T2"}, {}, ("top", 77, "T2")),
        ({"message": "top", "errors": "not a list"}, {"trackingid": "T3"}, ("top", None, "T3")),
        ({"message": "top", "errors": ["not a dict"]}, {}, ("top", None, None)),
        (
            {"message": "no code", "errors": [{"description": "d"}], "trackingId": ""},
            {"trackingid": "T4"},
            ("no code", None, "T4"),
        ),
        ({"message": "", "errors": []}, {}, ("Error", None, None)),
        (
            ["a", "list"],
            {"trackingid": "T5"},
            ("Error (non-JSON error body of 13 bytes, application/json, not shown)", None, "T5"),
        ),
    ],
    ids=[
        "errors-only",
        "top-level-code",
        "errors-not-a-list",
        "errors-not-dicts",
        "empty-tracking",
        "empty",
        "list-body",
    ],
)
def test_error_bodies_of_every_shape_are_read(exchange, client, body, headers, expected):
    exchange.expect("GET", LOCATIONS, 404, body, headers=headers)
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert (caught.value.message, caught.value.error_code, caught.value.tracking_id) == expected
    assert caught.value.status == 404 and not caught.value.ambiguous


def test_a_text_error_body_is_never_quoted_only_measured(exchange, client):
    # An upstream page may echo the request headers, token included: only its size and type are told.
    exchange.expect("GET", LOCATIONS, 404, raw="  " + "x" * 600 + "  ")
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.message == "Error (non-JSON error body of 604 bytes, no content type, not shown)"
    assert "xxx" not in str(caught.value)


def test_an_empty_error_body_is_the_reason(exchange, client):
    exchange.expect("GET", LOCATIONS, 403)
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.message == "Error" and str(caught.value) == "GET /locations failed: HTTP 403: Error"


def test_an_error_without_status_message_or_tracking_id_says_only_what_failed():
    assert str(WebexApiError("GET", "/x")) == "GET /x failed"


def test_a_401_without_refresh_credentials_is_not_retried(exchange, client, waits):
    exchange.expect("GET", LOCATIONS, 401, {"message": "The request requires a valid access token", "trackingId": "T"})
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.status == 401 and "access token" in caught.value.message and waits == []


# -- TLS ------------------------------------------------------------------------------------------------------------


def test_an_unverifiable_certificate_fails_at_once_said_plainly(exchange, client, waits):
    exchange.expect("GET", LOCATIONS, exc=requests.exceptions.SSLError(TLS_FAILURE))
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    error = caught.value
    assert error.message == (
        "TLS certificate not verified ([SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
        "self-signed certificate); fix the certificate or its CA bundle, or set validate_certs: "
        "false for a test endpoint you trust"
    )
    assert error.status is None and not error.ambiguous and waits == []


def test_a_tls_error_without_an_ssl_reason_names_the_exception(exchange, client):
    exchange.expect("POST", AA, exc=requests.exceptions.SSLError("handshake failure"))
    with pytest.raises(WebexApiError) as caught:
        client.post("/telephony/config/locations/L1/autoAttendants", json={})
    assert caught.value.message.startswith("TLS certificate not verified (SSLError); ")


# -- refresh-token auth ------------------------------------------------------------------------------------------------

REFRESH = ("client-id", "client-secret", "refresh-token")


def minted(token):
    return {"access_token": token, "expires_in": 1209600, "refresh_token": "refresh-token", "token_type": "Bearer"}


def assert_mint_request(sent):
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert "Authorization" not in sent.headers
    assert dict(pair.split("=") for pair in sent.text.split("&")) == dict(
        grant_type="refresh_token", client_id="client-id", client_secret="client-secret", refresh_token="refresh-token"
    )


def test_without_an_access_token_one_is_minted_before_the_first_request(exchange, waits):
    client = WebexClient(API, refresh_credentials=REFRESH, sleep=waits.append)
    exchange.expect("POST", TOKEN_URL, 200, minted("minted-1")).expect("GET", LOCATIONS, 200, page([]))
    exchange.expect("GET", LOCATIONS, 200, page([]))
    client.get("/locations")
    client.get("/locations")
    assert exchange.done() == [("POST", TOKEN_URL, 200), ("GET", LOCATIONS, 200), ("GET", LOCATIONS, 200)]
    assert_mint_request(exchange.requests[0])
    assert [sent.headers["Authorization"] for sent in exchange.requests[1:]] == ["Bearer minted-1"] * 2


def test_a_401_mints_a_new_token_and_replays_the_request_once(exchange):
    client = WebexClient(API, "expired", refresh_credentials=REFRESH)
    exchange.expect("PUT", AA, 401, {"message": "The request requires a valid access token"})
    exchange.expect("POST", TOKEN_URL, 200, minted("minted-2"))
    exchange.expect("PUT", AA, 204)
    client.put("/telephony/config/locations/L1/autoAttendants", json={"name": "x"})
    assert exchange.done() == [("PUT", AA, 401), ("POST", TOKEN_URL, 200), ("PUT", AA, 204)]
    assert [sent.headers.get("Authorization") for sent in exchange.requests] == [
        "Bearer expired",
        None,
        "Bearer minted-2",
    ]
    assert_mint_request(exchange.requests[1])


def test_a_second_401_after_a_refresh_is_the_error(exchange):
    client = WebexClient(API, "expired", refresh_credentials=REFRESH)
    exchange.expect("GET", LOCATIONS, 401, {"message": "expired"}).expect("POST", TOKEN_URL, 200, minted("m"))
    exchange.expect("GET", LOCATIONS, 401, {"message": "still refused"})
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.status == 401 and caught.value.message == "still refused"


def test_a_minted_token_is_not_minted_again_on_a_401_in_the_same_request(exchange):
    client = WebexClient(API, refresh_credentials=REFRESH)
    exchange.expect("POST", TOKEN_URL, 200, minted("m")).expect("GET", LOCATIONS, 401, {"message": "refused"})
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.status == 401


@pytest.mark.parametrize(
    "status, body, message",
    [
        (400, {"message": "Invalid refresh token", "trackingId": "T9"}, "Invalid refresh token"),
        (401, {"message": "Invalid client"}, "Invalid client"),
    ],
)
def test_a_refused_refresh_is_the_error_of_the_token_endpoint_without_secrets(exchange, status, body, message):
    client = WebexClient(API, refresh_credentials=REFRESH)
    exchange.expect("POST", TOKEN_URL, status, body)
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert (caught.value.method, caught.value.path, caught.value.status, caught.value.message) == (
        "POST",
        "/access_token",
        status,
        message,
    )
    assert "client-secret" not in str(caught.value) and "refresh-token" not in str(caught.value)


def test_a_blank_minted_token_is_refused_and_no_empty_secret_is_registered(exchange):
    """Ansible masks every registered secret in every message: an empty one would put ******** between characters."""
    registered = []
    client = WebexClient(API, refresh_credentials=REFRESH, register_secret=registered.append)
    exchange.expect("POST", TOKEN_URL, 200, minted(" \n"))
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.message == "the token answer holds no usable access_token (fields: %s)" % ", ".join(
        sorted(minted(" \n"))
    )
    assert registered == [" \n", "refresh-token", "refresh-token"]  # as given and stripped; never ""


def test_no_answer_from_the_token_endpoint_is_an_error_not_a_retry(exchange, waits):
    client = WebexClient(API, refresh_credentials=REFRESH, sleep=waits.append)
    exchange.expect("POST", TOKEN_URL, exc=requests.exceptions.ConnectTimeout("timed out"))
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert str(caught.value) == "POST /access_token failed: no response: ConnectTimeout" and waits == []


def test_an_unverifiable_certificate_at_the_token_endpoint_is_said_plainly(exchange):
    client = WebexClient(API, refresh_credentials=REFRESH)
    exchange.expect("POST", TOKEN_URL, exc=requests.exceptions.SSLError(TLS_FAILURE))
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.path == "/access_token" and "[SSL: CERTIFICATE_VERIFY_FAILED]" in caught.value.message


# -- from_module ------------------------------------------------------------------------------------------------------


class ModuleFailed(AssertionError):
    """fail_json was called: its message, and every key it was given in RESULT."""

    def __init__(self, result):
        super().__init__(result.get("msg"))
        self.result = result


class FakeModule:
    """What from_module reads of an AnsibleModule: params, warn and fail_json (which stops, as the real one exits)."""

    def __init__(self, **params):
        self.params = dict(
            access_token=None,
            client_id=None,
            client_secret=None,
            refresh_token=None,
            api_url=API,
            org_id=None,
            validate_certs=True,
            timeout=30,
        )
        self.params.update(params)
        self.warnings = []
        self.no_log_values = set()

    def warn(self, message):
        self.warnings.append(message)

    def fail_json(self, **result):
        raise ModuleFailed(result)


def test_from_module_configures_the_client():
    module = FakeModule(access_token=TOKEN, org_id="O1", timeout=9, api_url=API + "/")
    client = WebexClient.from_module(module)
    assert (client.api_url, client.org_id, client.timeout, client.validate_certs) == (API, "O1", 9, True)
    assert client.session.headers["Authorization"] == "Bearer " + TOKEN and module.warnings == []


def test_from_module_warns_when_certificates_are_not_verified():
    module = FakeModule(access_token=TOKEN, validate_certs=False, api_url="https://lab.test/v1", org_id="")
    client = WebexClient.from_module(module)
    assert client.validate_certs is False and client.org_id is None
    assert module.warnings == ["validate_certs is false: the TLS certificate of https://lab.test/v1 is not verified"]


def test_from_module_takes_refresh_credentials_without_an_access_token(exchange):
    module = FakeModule(
        client_id="client-id", client_secret="client-secret", refresh_token="refresh-token", api_url=None
    )
    client = WebexClient.from_module(module)
    assert client.api_url == webex_client.DEFAULT_API_URL and "Authorization" not in client.session.headers
    exchange.expect("POST", webex_client.DEFAULT_API_URL + "/access_token", 200, minted("m"))
    exchange.expect("GET", webex_client.DEFAULT_API_URL + "/locations", 200, page([]))
    client.get("/locations")
    client._warn("passed on")  # pylint: disable=protected-access
    assert module.warnings == ["passed on"]


@pytest.mark.parametrize(
    "params, message",
    [
        (
            {},
            "access_token is required (the access_token option or the WEBEX_ACCESS_TOKEN environment variable), or "
            "client_id, client_secret and refresh_token to mint one",
        ),
        (
            {"access_token": TOKEN, "client_id": "c"},
            "client_id, client_secret and refresh_token go together; missing: client_secret, refresh_token",
        ),
        (
            {"client_secret": "s", "refresh_token": "r"},
            "client_id, client_secret and refresh_token go together; missing: client_id",
        ),
    ],
)
def test_from_module_refuses_incomplete_credentials(params, message):
    with pytest.raises(AssertionError) as caught:
        WebexClient.from_module(FakeModule(**params))
    assert str(caught.value) == message


# -- from_options: the same rules without a module (the inventory plugin) ----------------------------------------------


def test_from_options_refuses_as_from_module_does_with_the_problems_listed():
    with pytest.raises(webex_client.ConnectionOptionsError) as caught:
        WebexClient.from_options(dict(FakeModule(access_token="to k", timeout=0).params))
    problems = [
        "access_token: holds whitespace, control or non-ASCII characters inside the value (not shown); give the value "
        "alone, exactly as Webex issued it",
        "timeout: 0 seconds; give a positive number of seconds to wait for each response",
    ]
    assert caught.value.errors == problems
    assert caught.value.result() == {"msg": "Invalid options: " + "; ".join(problems), "errors": problems}
    with pytest.raises(webex_client.ConnectionOptionsError) as caught:
        WebexClient.from_options({})
    assert caught.value.errors is None and caught.value.result() == {"msg": str(caught.value)}
    assert str(caught.value).startswith("access_token is required")


def test_from_options_registers_the_secrets_and_passes_warnings_on():
    secrets, warnings = [], []
    client = WebexClient.from_options(
        {
            "access_token": " tok\n",
            "client_id": "c",
            "client_secret": "s",
            "refresh_token": "r",
            "validate_certs": False,
        },
        warn=warnings.append,
        register_secret=secrets.append,
    )
    assert set(secrets) == {"tok", "s", "r"}  # the stripped values; never the client id
    assert warnings == ["validate_certs is false: the TLS certificate of https://webexapis.com/v1 is not verified"]
    assert (client.api_url, client.timeout, client.org_id) == (webex_client.DEFAULT_API_URL, 30, None)


def test_connection_options_are_exactly_the_documented_ones():
    # The wxc.calling.webex doc fragment documents these; every module gets them from here.
    assert webex_client.webex_argument_spec() == dict(
        access_token=dict(type="str", no_log=True, fallback=(env_fallback, ["WEBEX_ACCESS_TOKEN"])),
        client_id=dict(type="str", fallback=(env_fallback, ["WEBEX_CLIENT_ID"])),
        client_secret=dict(type="str", no_log=True, fallback=(env_fallback, ["WEBEX_CLIENT_SECRET"])),
        refresh_token=dict(type="str", no_log=True, fallback=(env_fallback, ["WEBEX_REFRESH_TOKEN"])),
        api_url=dict(type="str", default="https://webexapis.com/v1", fallback=(env_fallback, ["WEBEX_API_URL"])),
        org_id=dict(type="str", fallback=(env_fallback, ["WEBEX_ORG_ID"])),
        validate_certs=dict(type="bool", default=True),
        timeout=dict(type="int", default=30),
    )


def test_client_defaults():
    client = WebexClient(API)
    assert (client.org_id, client.validate_certs, client.timeout) == (None, True, 30)
    assert "Authorization" not in client.session.headers


def test_a_client_without_token_or_refresh_credentials_sends_no_authorization(exchange):
    client = WebexClient(API)
    exchange.expect("GET", LOCATIONS, 401, {"message": "The request requires a valid access token"})
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert str(caught.value) == "GET /locations failed: HTTP 401: The request requires a valid access token"
    assert "Authorization" not in exchange.requests[0].headers


def test_query_parameters_reach_every_method(exchange, client):
    for method in ("POST", "PUT", "DELETE"):
        exchange.expect(
            method, AA + "?force=true", 201 if method == "POST" else 204, {"id": "A"} if method == "POST" else None
        )
    client.post("/telephony/config/locations/L1/autoAttendants", json={}, params={"force": "true"})
    client.put("/telephony/config/locations/L1/autoAttendants", json={}, params={"force": "true"})
    client.delete("/telephony/config/locations/L1/autoAttendants", params={"force": "true"})


def test_the_token_endpoint_gets_the_client_settings(exchange):
    client = WebexClient(API, refresh_credentials=REFRESH, validate_certs=False, timeout=4)
    exchange.expect("POST", TOKEN_URL, 200, minted("m")).expect("GET", LOCATIONS, 200, page([]))
    client.get("/locations")
    assert [(sent.timeout, sent.verify) for sent in exchange.requests] == [(4, False), (4, False)]


# -- the token endpoint: every way a refresh can fail -------------------------------------------------------------------


def error_fields(error):
    return (error.method, error.path, error.status, error.message, error.error_code, error.tracking_id, error.ambiguous)


@pytest.mark.parametrize(
    "exception",
    [
        requests.exceptions.InvalidHeader("Invalid leading whitespace in header: client-secret"),
        ValueError("Invalid header value b'client-secret\\n'"),
        UnicodeEncodeError("latin-1", "client-secret\u2028", 13, 14, "ordinal not in range(256)"),
    ],
)
def test_a_token_request_that_cannot_be_sent_is_named_by_its_type_only(exchange, exception):
    client = WebexClient(API, refresh_credentials=REFRESH)
    exchange.expect("POST", TOKEN_URL, exc=exception)
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert error_fields(caught.value) == (
        "POST",
        "/access_token",
        None,
        "request not sent: %s (details not shown, they may hold a header)" % type(exception).__name__,
        None,
        None,
        False,
    )
    assert caught.value.__suppress_context__ and "client-secret" not in str(caught.value)


def test_a_request_that_cannot_be_sent_names_its_method_and_path(exchange, client):
    exchange.expect("PUT", AA, exc=requests.exceptions.InvalidHeader("Authorization: Bearer " + TOKEN))
    with pytest.raises(WebexApiError) as caught:
        client.put("/telephony/config/locations/L1/autoAttendants", json={})
    assert str(caught.value) == (
        "PUT /telephony/config/locations/L1/autoAttendants failed: request not sent: InvalidHeader "
        "(details not shown, they may hold a header)"
    )


def test_an_unverifiable_certificate_at_the_token_endpoint_is_the_error_of_the_token_request(exchange):
    client = WebexClient(API, refresh_credentials=REFRESH)
    exchange.expect("POST", TOKEN_URL, exc=requests.exceptions.SSLError(TLS_FAILURE))
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert str(caught.value) == (
        "POST /access_token failed: TLS certificate not verified ([SSL: CERTIFICATE_VERIFY_FAILED] certificate "
        "verify failed: self-signed certificate); fix the certificate or its CA bundle, or set validate_certs: "
        "false for a test endpoint you trust"
    )


def test_a_token_answer_that_is_not_json_is_measured_not_quoted(exchange):
    client = WebexClient(API, refresh_credentials=REFRESH)
    exchange.expect(
        "POST",
        TOKEN_URL,
        200,
        raw="<html>client-secret</html>",
        headers={"Content-Type": "text/html; charset=utf-8; q=1", "trackingid": "T_HTML"},
    )
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert error_fields(caught.value) == (
        "POST",
        "/access_token",
        200,
        "the answer is not JSON (26 bytes, text/html, not shown)",
        None,
        "T_HTML",
        False,
    )


@pytest.mark.parametrize(
    "answer, fields, registered",
    [
        ({}, "none", []),
        ({"access_token": 12345, "expires_in": 60}, "access_token, expires_in", []),
        ({"access_token": "", "token_type": "Bearer"}, "access_token, token_type", []),
        (
            {"access_token": "to k\n", "refresh_token": "new-refresh"},
            "access_token, refresh_token",
            ["to k\n", "to k", "new-refresh", "new-refresh"],
        ),
        ({"access_token": "to k", "expires_in": 60}, "access_token, expires_in", ["to k", "to k"]),
    ],
    ids=["empty", "number", "empty-string", "inner-space-refresh", "inner-space"],
)
def test_a_token_answer_without_a_usable_access_token_is_an_error_naming_its_fields(
    exchange, answer, fields, registered
):
    secrets = []
    client = WebexClient(API, refresh_credentials=REFRESH, register_secret=secrets.append)
    exchange.expect("POST", TOKEN_URL, 200, answer, headers={"trackingid": "T_MINT"})
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert error_fields(caught.value) == (
        "POST",
        "/access_token",
        200,
        "the token answer holds no usable access_token (fields: %s)" % fields,
        None,
        "T_MINT",
        False,
    )
    # Whatever the answer held is masked before the error is raised, and no request carries it.
    assert secrets == registered and "Authorization" not in client.session.headers


def test_every_minted_secret_is_registered_as_given_and_stripped_before_use(exchange):
    secrets = []
    client = WebexClient(API, refresh_credentials=REFRESH, register_secret=secrets.append)
    exchange.expect("POST", TOKEN_URL, 200, {"access_token": " minted\n", "refresh_token": "new-refresh "})
    exchange.expect("GET", LOCATIONS, 200, page([]))
    client.get("/locations")
    assert secrets == [" minted\n", "minted", "new-refresh ", "new-refresh", "minted"]
    assert exchange.requests[1].headers["Authorization"] == "Bearer minted"


def test_a_token_answer_without_a_refresh_token_is_enough(exchange):
    secrets = []
    client = WebexClient(API, refresh_credentials=REFRESH, register_secret=secrets.append)
    exchange.expect("POST", TOKEN_URL, 200, {"access_token": "minted", "expires_in": 60})
    exchange.expect("GET", LOCATIONS, 200, page([]))
    assert client.get("/locations") == page([])
    assert secrets == ["minted", "minted", "minted"]


# -- from_module: what the module is told -------------------------------------------------------------------------------


def failure_of(module):
    with pytest.raises(ModuleFailed) as caught:
        WebexClient.from_module(module)
    return caught.value.result


def test_from_module_without_requests_fails_with_the_missing_library(monkeypatch):
    from ansible.module_utils.basic import missing_required_lib  # pylint: disable=import-outside-toplevel

    monkeypatch.setattr(webex_client, "requests", None)
    monkeypatch.setattr(webex_client, "REQUESTS_IMPORT_ERROR", "Traceback: No module named 'requests'")
    result = failure_of(FakeModule(access_token=TOKEN))
    assert result == {
        "msg": missing_required_lib("requests"),
        "exception": "Traceback: No module named 'requests'",
    }
    assert "(requests)" in result["msg"]


def test_from_module_lists_every_invalid_option_without_its_value():
    result = failure_of(
        FakeModule(access_token="to k", client_id="id\tx", client_secret="s\u00e9cret", refresh_token="r", timeout=0)
    )
    problem = (
        "%s: holds whitespace, control or non-ASCII characters inside the value (not shown); give the value alone, "
        "exactly as Webex issued it"
    )
    errors = [
        problem % "access_token",
        problem % "client_id",
        problem % "client_secret",
        "timeout: 0 seconds; give a positive number of seconds to wait for each response",
    ]
    assert result == {"msg": "Invalid options: " + "; ".join(errors), "errors": errors}


@pytest.mark.parametrize("timeout", [0, -5])
def test_from_module_refuses_a_timeout_that_is_not_positive(timeout):
    result = failure_of(FakeModule(access_token=TOKEN, timeout=timeout))
    message = "timeout: %d seconds; give a positive number of seconds to wait for each response" % timeout
    assert result == {"msg": "Invalid options: " + message, "errors": [message]}


def test_from_module_takes_a_timeout_of_one_second():
    assert WebexClient.from_module(FakeModule(access_token=TOKEN, timeout=1)).timeout == 1


def test_from_module_masks_the_stripped_secrets_but_not_the_client_id(exchange):
    module = FakeModule(
        access_token=" tok\n", client_id=" client-id ", client_secret="client-secret\n", refresh_token="refresh-token"
    )
    client = WebexClient.from_module(module)
    assert module.no_log_values == {"tok", "client-secret", "refresh-token"}
    assert client.session.headers["Authorization"] == "Bearer tok"
    # The cleaned credentials are what a refresh sends; the token it mints is masked in the module at once.
    exchange.expect("GET", LOCATIONS, 401, {"message": "expired"})
    exchange.expect("POST", TOKEN_URL, 200, minted("minted-token")).expect("GET", LOCATIONS, 200, page([]))
    client.get("/locations")
    assert_mint_request(exchange.requests[1])
    assert module.no_log_values == {"tok", "client-secret", "refresh-token", "minted-token"}


def test_from_module_with_an_access_token_only_never_tries_a_refresh(exchange):
    client = WebexClient.from_module(FakeModule(access_token=TOKEN))
    exchange.expect("GET", LOCATIONS, 401, {"message": "expired"})
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert caught.value.status == 401 and exchange.done() == [("GET", LOCATIONS, 401)]


def test_an_errors_field_that_is_an_object_is_ignored(exchange, client):
    exchange.expect("GET", LOCATIONS, 400, {"message": "top", "errors": {"description": "d"}})
    with pytest.raises(WebexApiError) as caught:
        client.get("/locations")
    assert (caught.value.message, caught.value.error_code) == ("top", None)


def test_a_post_answer_that_is_not_json_names_the_post(exchange, client):
    exchange.expect("POST", AA, 201, raw="created", headers={"Content-Type": "text/plain"})
    with pytest.raises(WebexApiError) as caught:
        client.post("/telephony/config/locations/L1/autoAttendants", json={})
    assert str(caught.value) == (
        "POST /telephony/config/locations/L1/autoAttendants failed: HTTP 201: the answer is not JSON "
        "(7 bytes, text/plain, not shown)"
    )


def test_a_next_page_link_with_the_default_http_port_spelled_out_is_the_same_api():
    client = WebexClient("http://lab.test/v1")
    assert client._is_api_url("http://lab.test:80/v1/locations?start=2")  # pylint: disable=protected-access
    assert not client._is_api_url("http://lab.test:81/v1/locations")  # pylint: disable=protected-access


@pytest.mark.parametrize("method", ["GET", "PUT", "GET_ALL"])
def test_a_2xx_answer_that_is_not_json_names_the_request(exchange, client, method):
    exchange.expect(method[:3], LOCATIONS, 200, raw="<html/>", headers={"Content-Type": "text/html"})
    call = {
        "GET": lambda: client.get("/locations"),
        "PUT": lambda: client.put("/locations", json={}),
        "GET_ALL": lambda: client.get_all("/locations", "items"),
    }[method]
    with pytest.raises(WebexApiError) as caught:
        call()
    assert str(caught.value) == (
        "%s /locations failed: HTTP 200: the answer is not JSON (7 bytes, text/html, not shown)" % method[:3]
    )


@pytest.mark.parametrize(
    "answer, problem",
    [
        ({"items": "not a list"}, "the answer has no items list of JSON objects"),
        ({"items": [{"id": "1"}, "not an object"]}, "the answer has no items list of JSON objects"),
        (["not", "an", "object"], "the answer is a JSON list, not the JSON object expected (23 bytes, not shown)"),
    ],
)
def test_a_list_answer_without_its_item_list_is_an_error_naming_the_request(exchange, client, answer, problem):
    exchange.expect("GET", LOCATIONS + "?name=Depot", 200, answer, headers={"trackingid": "T_LIST"})
    with pytest.raises(WebexApiError) as caught:
        client.get_all("/locations", "items", params={"name": "Depot"})
    assert error_fields(caught.value) == (
        "GET",
        "/locations",
        200,
        problem,
        None,
        "T_LIST",
        False,
    )


# -- what a message shows of a URL, and where a base URL ends -------------------------------------------------


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


# -- secrets and next-page links ------------------------------------------------------------------------------


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
def test_an_exception_raised_while_sending_is_named_by_its_type_only(client, exception):
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


# -- the writes that may have taken (issue 33) -------------------------------------------------------------------------


def recorded(client):
    return [str(write) for write in client.writes_sent()]


def test_a_write_answered_2xx_or_5xx_is_recorded_as_sent_a_refused_one_is_not(exchange, client):
    exchange.expect("PUT", AA + "/A", 502).expect("PUT", AA + "/A", 200)  # retried: both attempts reached the service
    exchange.expect("DELETE", AA + "/B", 204)
    exchange.expect("POST", AA, 400, webex_error("Bad", 25008))
    exchange.expect("POST", AA, 429, headers={"Retry-After": "0"}).expect("POST", AA, 201, {"id": "C"})
    exchange.expect("GET", AA + "/C", 500)
    client.put("/telephony/config/locations/L1/autoAttendants/A", json={})
    client.delete("/telephony/config/locations/L1/autoAttendants/B")
    with pytest.raises(WebexApiError):
        client.post("/telephony/config/locations/L1/autoAttendants", json={})
    client.post("/telephony/config/locations/L1/autoAttendants", json={})
    with pytest.raises(WebexApiError):
        client.get("/telephony/config/locations/L1/autoAttendants/C")
    assert recorded(client) == [
        "PUT /telephony/config/locations/L1/autoAttendants/A (answered HTTP 502)",
        "PUT /telephony/config/locations/L1/autoAttendants/A (answered 200)",
        "DELETE /telephony/config/locations/L1/autoAttendants/B (answered 204)",
        "POST /telephony/config/locations/L1/autoAttendants (answered 201)",  # neither the 400 nor the 429: not done
    ]


def test_a_write_without_an_answer_is_recorded_unless_the_connection_was_never_made(exchange, client):
    from urllib3.exceptions import MaxRetryError, NewConnectionError  # pylint: disable=import-outside-toplevel

    refused = requests.ConnectionError(MaxRetryError(None, AA, NewConnectionError(None, "refused")))
    exchange.expect("POST", AA, exc=refused)
    exchange.expect("POST", AA, exc=requests.exceptions.ConnectTimeout("connect"))
    exchange.expect("POST", AA, exc=requests.exceptions.ReadTimeout("read"))
    exchange.expect("POST", AA, exc=requests.ConnectionError("Connection aborted: RemoteDisconnected"))
    for _attempt in range(4):
        with pytest.raises(WebexApiError):
            client.post("/telephony/config/locations/L1/autoAttendants", json={})
    assert recorded(client) == [
        "POST /telephony/config/locations/L1/autoAttendants (no answer: ReadTimeout)",
        "POST /telephony/config/locations/L1/autoAttendants (no answer: ConnectionError)",
    ]


def test_a_post_that_only_computes_and_a_read_are_never_recorded(exchange, client):
    exchange.expect("POST", API + "/telephony/config/actions/testCallRouting/invoke", 200, {"callType": "X"})
    exchange.expect("GET", LOCATIONS, 200, page([]))
    client.post("/telephony/config/actions/testCallRouting/invoke", json={}, read_only=True)
    client.get_all("/locations", "items")
    assert recorded(client) == []


def test_each_thread_and_each_organisation_copy_share_one_record_per_thread(exchange, client):
    import threading  # pylint: disable=import-outside-toplevel

    exchange.expect("DELETE", AA + "/A", 204)
    client.with_org("ORG2").writes_sent().append("from the copy")
    other = []
    thread = threading.Thread(target=lambda: other.extend(client.writes_sent()))
    thread.start()
    thread.join()
    client.delete("/telephony/config/locations/L1/autoAttendants/A")
    assert recorded(client)[0] == "from the copy" and len(recorded(client)) == 2 and other == []


@pytest.mark.parametrize(
    "method, body, raw, problem",
    [
        ("GET", ["a", "list"], None, "the answer is a JSON list, not the JSON object expected (13 bytes, not shown)"),
        ("GET", "text", None, "the answer is a JSON string, not the JSON object expected (6 bytes, not shown)"),
        ("GET", None, "", "the answer is empty, not the JSON object expected"),
        ("GET", None, "null", "the answer is JSON null, not the JSON object expected (4 bytes, not shown)"),
        ("GET", None, "42", "the answer is a JSON number, not the JSON object expected (2 bytes, not shown)"),
        ("POST", ["id"], None, "the answer is a JSON list, not the JSON object expected (6 bytes, not shown)"),
        ("PUT", None, "true", "the answer is a JSON boolean, not the JSON object expected (4 bytes, not shown)"),
    ],
)
def test_an_answer_that_is_not_a_json_object_names_the_request_and_never_the_body(
    exchange, client, method, body, raw, problem
):
    exchange.expect(method, LOCATIONS, 200, body, raw=raw, headers={"trackingid": "T_SHAPE"})
    call = {"GET": client.get, "POST": lambda path: client.post(path, {}), "PUT": lambda path: client.put(path, {})}
    with pytest.raises(WebexApiError) as caught:
        call[method]("/locations")
    assert str(caught.value) == "%s /locations failed: HTTP 200: %s (trackingId T_SHAPE)" % (method, problem)


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_an_empty_answer_to_a_write_is_an_empty_object(exchange, client, method):
    exchange.expect(method, LOCATIONS, 204)
    assert {"POST": client.post, "PUT": client.put}[method]("/locations", {}) == {}
