"""Smoke tests of the shared client against the real simulator over HTTP (the exchange-by-exchange tests of the
client are tests/unit/plugins/module_utils/test_webex_client.py): pagination, a fault, an error body and the
create-once lookup, as the simulator really answers them."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError, WebexClient
from tests.builders import AA_LIST_PATH, HQ, aa_body


@pytest.fixture(name="waits")
def fixture_waits():
    return []


@pytest.fixture(name="client")
def fixture_client(sim, waits):  # its own: the waits are recorded
    return WebexClient(sim.url, sim.token, timeout=30, sleep=waits.append)


def test_pagination_follows_every_page_with_the_filters(sim, client):
    sim.seed_auto_attendants(HQ, 230, prefix="Menu ")
    location_id = sim.location_id(HQ)
    sim.clear_requests()
    items = client.get_all(AA_LIST_PATH, "autoAttendants", params={"locationId": location_id, "name": "menu"})
    assert len(items) == 230 and len({item["id"] for item in items}) == 230
    queries = [entry["query"] for entry in sim.requests()]
    assert [q.get("start") for q in queries] == [None, "100", "200"]
    assert all(q["name"] == "menu" and q["locationId"] == location_id for q in queries)


def test_rate_limit_with_a_malformed_retry_after(sim, client, waits):
    sim.fault(method="GET", path="/locations$", count=1, status=429, retry_after="rand(30),add(30)")
    assert client.get_all("/locations", "items")
    assert waits == [5.0]
    assert [entry["status"] for entry in sim.requests()] == [429, 200]


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


def test_create_after_an_uncommitted_server_error_looks_up_then_posts_once_more(sim, client):
    location_id = sim.location_id(HQ)
    body = aa_body()
    sim.fault(method="POST", path="/autoAttendants$", count=1, status=503)
    sim.clear_requests()
    new_id = AutoAttendantService(client).create(location_id, body)
    assert [(e["method"], e["status"]) for e in sim.requests()] == [("POST", 503), ("GET", 200), ("POST", 201)]
    assert sim.api("GET", "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, new_id)).status_code == 200
