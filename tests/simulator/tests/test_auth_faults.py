"""Auth, orgId, tracking ids, the request log and injected faults."""

import time

import pytest
import requests

from tests.builders import AA_LIST_PATH
from tests.simulator import errors

from .helpers import aa_path, assert_webex_error, create, minimal_body


@pytest.mark.parametrize("token", [None, "not-a-token", ""])
def test_missing_or_unknown_token_is_401(sim, token):
    body = assert_webex_error(sim.api("GET", AA_LIST_PATH, token=token), 401)
    assert body["message"] == errors.INVALID_TOKEN_MESSAGE


def test_read_only_token_reads_but_cannot_write(sim):
    location_id, auto_attendant_id = create(sim)
    assert sim.api("GET", AA_LIST_PATH, token=sim.read_only_token).status_code == 200
    for method, path, body in [
        ("POST", aa_path(location_id), minimal_body("Other", "2999")),
        ("PUT", aa_path(location_id, auto_attendant_id), {"name": "Changed"}),
        ("DELETE", aa_path(location_id, auto_attendant_id), None),
    ]:
        assert_webex_error(sim.api(method, path, token=sim.read_only_token, json=body), 403, errors.ERR_READ_ONLY_TOKEN)
    details = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    assert details["name"] == "Minimal AA"
    assert len(sim.api("GET", AA_LIST_PATH).json()["autoAttendants"]) == 1


def test_org_id(sim):
    org_id = sim.api("GET", "/locations").json()["items"][0]["orgId"]
    assert sim.api("GET", AA_LIST_PATH, params={"orgId": org_id}).status_code == 200
    assert_webex_error(sim.api("GET", AA_LIST_PATH, params={"orgId": "T3RoZXJPcmc"}), 403, errors.ERR_ORG_FORBIDDEN)


def test_tracking_id_header(sim):
    echoed = sim.api("GET", AA_LIST_PATH, headers={"TrackingID": "SIMPLE_1234"})
    assert echoed.headers["trackingid"] == "SIMPLE_1234"
    generated = sim.api("GET", "/locations/bm9wZQ")
    assert generated.headers["trackingid"].startswith("ROUTER_")
    assert generated.json()["trackingId"] == generated.headers["trackingid"]
    location_id, auto_attendant_id = create(sim)
    deleted = sim.api("DELETE", aa_path(location_id, auto_attendant_id), headers={"TrackingID": "SIMPLE_del"})
    assert deleted.status_code == 204 and deleted.headers["trackingid"] == "SIMPLE_del"


def test_request_log_and_writes(sim):
    location_id = sim.location_id("Headquarters")
    sim.api("POST", aa_path(location_id), json=minimal_body())
    sim.api("GET", AA_LIST_PATH, params={"name": "Min"}, token="secret-never-logged")
    log = sim.requests()
    assert [entry["method"] for entry in log] == ["GET", "POST", "GET"]
    connection = log[0].pop("connection")
    assert log[0] == {
        "method": "GET",
        "path": "/v1/locations",
        "query": {"name": "Headquarters"},
        "body": None,
        "status": 200,
    }
    # One keep-alive session (the harness's): the same client host:port for every request.
    assert connection.startswith("127.0.0.1:") and {entry["connection"] for entry in log[1:]} == {connection}
    assert log[1]["body"] == minimal_body() and log[1]["status"] == 201
    assert log[1]["path"] == "/v1" + aa_path(location_id)
    assert log[2]["status"] == 401 and "secret-never-logged" not in repr(log)
    assert [entry["method"] for entry in sim.writes()] == ["POST"]
    sim.clear_requests()
    assert sim.requests() == []


def test_429_with_retry_after_then_normal(sim):
    location_id = sim.location_id("Headquarters")
    sim.fault(method="POST", path="/autoAttendants$", status=429, retry_after="7", count=2)
    sim.fault(method="POST", path="/autoAttendants$", status=429, retry_after="soon-ish, maybe")
    assert len(sim.faults()) == 2
    for expected in ("7", "7", "soon-ish, maybe"):
        response = sim.api("POST", aa_path(location_id), json=minimal_body())
        assert_webex_error(response, 429)
        assert response.headers["Retry-After"] == expected
    assert sim.faults() == []
    assert sim.api("POST", aa_path(location_id), json=minimal_body()).status_code == 201
    assert [entry["status"] for entry in sim.writes()] == [429, 429, 429, 201]
    assert len(sim.api("GET", AA_LIST_PATH).json()["autoAttendants"]) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors(sim, status):
    sim.fault(method="GET", path="autoAttendants", status=status)
    assert_webex_error(sim.api("GET", AA_LIST_PATH), status)
    assert sim.api("GET", AA_LIST_PATH).status_code == 200


def test_fault_matching_and_clearing(sim):
    sim.fault(method="DELETE", path="autoAttendants", status=503)
    assert sim.api("GET", AA_LIST_PATH).status_code == 200  # other method: untouched
    sim.clear_faults()
    assert sim.faults() == []
    bad = requests.post(sim.base_url + "/_sim/faults", json={"status": 500, "delay": 1}, timeout=5)
    assert bad.status_code == 400


def test_delay(sim):
    sim.fault(path="/locations$", delay=0.3)
    started = time.monotonic()
    assert sim.api("GET", "/locations").status_code == 200
    assert time.monotonic() - started >= 0.3


def test_drop_after_commit_commits_the_change(sim):
    location_id = sim.location_id("Headquarters")
    sim.fault(method="POST", path="autoAttendants", drop_after_commit=True)
    with pytest.raises(requests.exceptions.ConnectionError):
        sim.api("POST", aa_path(location_id), json=minimal_body("Dropped"))
    listed = sim.api("GET", AA_LIST_PATH, params={"name": "Dropped"}).json()["autoAttendants"]
    assert [item["name"] for item in listed] == ["Dropped"]
    assert sim.writes()[-1]["status"] is None
    # The retry a client would make is now refused as a duplicate.
    assert_webex_error(
        sim.api("POST", aa_path(location_id), json=minimal_body("Dropped")), 409, errors.ERR_DUPLICATE_NAME
    )


def test_reset_clears_everything(sim):
    create(sim)
    sim.fault(status=500, path="nothing-matches-this")
    sim.reset()
    assert sim.api("GET", AA_LIST_PATH).json()["autoAttendants"] == []
    assert sim.faults() == [] and len(sim.requests()) == 1


def test_ignore_write_answers_as_usual_and_stores_nothing(sim):
    location_id = sim.location_id("Headquarters")
    sim.fault(path="autoAttendants", ignore_write=True)
    # A GET matching the path does not use the fault up.
    assert sim.api("GET", AA_LIST_PATH).status_code == 200
    created = sim.api("POST", aa_path(location_id), json=minimal_body())
    assert created.status_code == 201 and created.json()["id"]
    assert sim.api("GET", aa_path(location_id, created.json()["id"])).status_code == 404
    assert sim.faults() == []
    _location_id, kept = create(sim, body=minimal_body("Kept", "2101"))
    sim.fault(method="PUT", path="autoAttendants", ignore_write=True)
    updated = sim.api("PUT", aa_path(location_id, kept), json={"name": "Renamed"})
    assert updated.status_code == 200
    assert sim.api("GET", aa_path(location_id, kept)).json()["name"] == "Kept"
    sim.fault(method="DELETE", ignore_write=True)
    assert sim.api("DELETE", aa_path(location_id, kept)).status_code == 204
    assert sim.api("GET", aa_path(location_id, kept)).status_code == 200
    assert [(entry["method"], entry["status"]) for entry in sim.requests() if entry["method"] != "GET"] == [
        ("POST", 201),
        ("POST", 201),
        ("PUT", 200),
        ("DELETE", 204),
    ]


@pytest.mark.parametrize(
    "body, content",
    [("empty", b""), ("json_string", b'"OK"'), (["a", "list"], b'["a", "list"]'), ({"some": "object"}, None)],
)
def test_a_status_fault_answers_a_body_of_the_wrong_shape_as_asked(sim, body, content):
    sim.fault(method="GET", path="/locations$", status=200, body=body)
    response = sim.api("GET", "/locations")
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/json")
    assert response.content == content if content is not None else response.json() == body
    assert sim.api("GET", "/locations").json()["items"]  # one use: answered normally again
    bad = requests.post(sim.base_url + "/_sim/faults", json={"status": 200, "body": "a string"}, timeout=5)
    assert bad.status_code == 400
