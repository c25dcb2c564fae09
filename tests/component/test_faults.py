"""Faults injected in the simulator while webex_auto_attendant's work runs in this process: the end state is right,
nothing is duplicated or half-written, and every failure reports the HTTP status, the Webex message and the
trackingId (helpers.task_result turns the error into the module's result as run_module() does).

Retry rules under test (plugins/module_utils/webex_client.py; tests/unit/plugins/module_utils/test_webex_client.py
holds them exchange by exchange, here they meet the module's lookups and writes):

- 429: waited out as Retry-After says (malformed or missing: 5 s), at most 5 times, for every method (a
  rate-limited request was not carried out).
- 502/503/504, timeouts and dropped connections: GET, PUT and DELETE are retried (1 s, 2 s, 4 s backoff);
  500 is not retried (an internal error is not a transient one; a re-run after the fix applies the change).
- POST is never replayed blindly: after a 5xx, a timeout or a dropped connection the module looks the name up and
  posts again only when nothing was created.

tests/integration/test_faults.py keeps one fault of each class through ansible-playbook.
"""

import threading
import time

import pytest

from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.builders import AA_MODULE, HQ, aa_body, aa_options
from tests.component.helpers import aa_path, task_result

LIST = "/autoAttendants$"
ITEM = "/autoAttendants/[^/]+$"
ARGS = aa_options()


@pytest.fixture(name="slept")
def fixture_slept():
    """The waits of the client (recorded, not slept)."""
    return []


@pytest.fixture(name="client")
def fixture_client(sim, slept):
    return WebexClient(sim.url, sim.token, timeout=10, sleep=slept.append)


def converge(client, args):
    return task_result(client, AA_MODULE, args)


def create_directly(sim):
    """An existing attendant (the API, not the module), so that the module's next run is an update."""
    location_id = sim.location_id(HQ)
    response = sim.api("POST", aa_path(location_id), json=aa_body())
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return location_id, response.json()["id"]


def stored(sim, name="Reception"):
    location_id = sim.location_id(HQ)
    items = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": location_id, "max": 1000}).json()
    return [
        sim.api("GET", aa_path(location_id, item["id"])).json()
        for item in items["autoAttendants"]
        if item["name"] == name
    ]


def write_calls(sim):
    return [(entry["method"], entry["status"]) for entry in sim.writes()]


def assert_reported(result, status):
    """A failure that says what failed: method, path, status, the Webex message and the trackingId."""
    assert result["failed"], result
    error = result["api_error"]
    assert error["status"] == status, error
    assert error["message"] and error["tracking_id"], error
    msg = result["msg"]
    assert "HTTP %d" % status in msg and error["tracking_id"] in msg and error["message"] in msg, msg


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_error_on_a_read(sim, client, status):
    sim.fault(method="GET", path=LIST, status=status)
    result = converge(client, ARGS)
    if status == 500:
        assert_reported(result, 500)
        assert sim.writes() == [] and stored(sim) == []
        return
    assert not result["failed"], result
    lists = [e["status"] for e in sim.requests() if e["path"].endswith("/autoAttendants") and e["method"] == "GET"]
    assert lists == [status, 200]
    assert write_calls(sim) == [("POST", 201)]
    assert len(stored(sim)) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_error_on_a_create_ends_with_exactly_one(sim, client, status):
    sim.fault(method="POST", path=LIST, status=status)
    result = converge(client, ARGS)
    assert not result["failed"] and result["changed"] is True, result
    # The failed POST stored nothing: the module looked the name up (not found), then posted once more.
    assert write_calls(sim) == [("POST", status), ("POST", 201)]
    lists = [e for e in sim.requests() if e["method"] == "GET" and e["path"].endswith("/autoAttendants")]
    assert len(lists) == 2
    assert len(stored(sim)) == 1
    assert result["auto_attendant"]["id"] == stored(sim)[0]["id"]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_error_on_an_update(sim, client, status):
    create_directly(sim)
    sim.fault(method="PUT", path=ITEM, status=status)
    result = converge(client, dict(ARGS, name_dialing="GROUP"))
    if status == 500:
        assert_reported(result, 500)
        # A 500 does not say the update was refused: it may have taken, so the task reports changed (issue 33).
        assert result["changed"] is True, result
        assert write_calls(sim) == [("PUT", 500)]
        assert stored(sim)[0]["nameDialing"] == "ENTERPRISE"  # unchanged; a re-run applies it
        result = converge(client, dict(ARGS, name_dialing="GROUP"))
        assert not result["failed"] and result["changed"] is True, result
    else:
        assert not result["failed"], result
        assert write_calls(sim) == [("PUT", status), ("PUT", 200)]
    assert len(stored(sim)) == 1 and stored(sim)[0]["nameDialing"] == "GROUP"


def test_server_error_storm_longer_than_the_retry_budget(sim, client, slept):
    create_directly(sim)
    sim.fault(method="PUT", path=ITEM, status=503, count=4)  # first try + 3 retries (1 s + 2 s + 4 s)
    result = converge(client, dict(ARGS, name_dialing="GROUP", extension_dialing="GROUP"))
    assert_reported(result, 503)
    assert write_calls(sim) == [("PUT", 503)] * 4 and slept == [1.0, 2.0, 4.0]
    details = stored(sim)
    assert (
        len(details) == 1
        and details[0]["nameDialing"] == "ENTERPRISE"
        and details[0]["extensionDialing"] == "ENTERPRISE"
    )


@pytest.mark.parametrize(
    "retry_after, wait", [("1", 1), ("rand(30),add(30)", 5), (None, 5)], ids=["seconds", "malformed", "missing"]
)
def test_rate_limit_is_waited_out(sim, client, slept, retry_after, wait):
    create_directly(sim)
    spec = dict(method="PUT", path=ITEM, status=429)
    if retry_after is not None:
        spec["retry_after"] = retry_after
    sim.fault(**spec)
    result = converge(client, dict(ARGS, name_dialing="GROUP"))
    assert not result["failed"] and result["changed"] is True, result
    assert slept == [wait]
    assert write_calls(sim) == [("PUT", 429), ("PUT", 200)]
    assert stored(sim)[0]["nameDialing"] == "GROUP"


def test_rate_limit_storm_longer_than_the_retry_budget(sim, client):
    # Six 429s: the first try and 5 retries.
    sim.fault(method="POST", path=LIST, status=429, retry_after="0", count=6)
    result = converge(client, ARGS)
    assert_reported(result, 429)
    assert write_calls(sim) == [("POST", 429)] * 6
    assert stored(sim) == []
    # Nothing half-written: the next run creates it, once.
    sim.clear_requests()
    result = converge(client, ARGS)
    assert not result["failed"] and result["changed"] is True, result
    assert write_calls(sim) == [("POST", 201)] and len(stored(sim)) == 1


def test_timeout_on_a_read_is_retried(sim):
    sim.fault(method="GET", path=LIST, delay=1.5)
    result = converge(WebexClient(sim.url, sim.token, timeout=0.5, sleep=lambda seconds: None), ARGS)
    assert not result["failed"] and result["changed"] is True, result
    assert len(stored(sim)) == 1


def wait_for_writes(sim, count):
    """The writes once COUNT are logged (a held request is logged when it finishes)."""
    for _attempt in range(100):
        if len(sim.writes()) >= count:
            break
        time.sleep(0.05)
    return write_calls(sim)


def test_timeout_on_a_create_ends_with_exactly_one(sim):
    # The first POST is held 2 s (the client gives up after 0.5 s); it commits later, when the module has already
    # looked the name up (nothing yet) and posted again: the service refuses the held one as a duplicate name.
    sim.fault(method="POST", path=LIST, delay=2)
    result = converge(WebexClient(sim.url, sim.token, timeout=0.5, sleep=lambda seconds: None), ARGS)
    assert not result["failed"] and result["changed"] is True, result
    assert sorted(status for _method, status in wait_for_writes(sim, 2)) == [201, 409]
    assert len(stored(sim)) == 1
    assert result["auto_attendant"]["id"] == stored(sim)[0]["id"]


def test_connection_dropped_after_a_committed_create(sim, client):
    sim.fault(method="POST", path=LIST, drop_after_commit=True)
    result = converge(client, ARGS)
    assert not result["failed"] and result["changed"] is True, result
    assert write_calls(sim) == [("POST", None)]
    assert len(stored(sim)) == 1 and result["auto_attendant"]["id"] == stored(sim)[0]["id"]


def test_connection_dropped_after_a_committed_update(sim, client):
    create_directly(sim)
    sim.fault(method="PUT", path=ITEM, drop_after_commit=True)
    result = converge(client, dict(ARGS, name_dialing="GROUP"))
    assert not result["failed"] and result["changed"] is True, result
    # PUT is idempotent: sent again, same end state.
    assert write_calls(sim) == [("PUT", None), ("PUT", 200)]
    assert len(stored(sim)) == 1 and stored(sim)[0]["nameDialing"] == "GROUP"


def test_401_mid_run_without_refresh_credentials_fails_clearly(sim, client):
    create_directly(sim)
    sim.fault(method="GET", path=ITEM, status=401)  # the token stops working between the lookup and the details
    result = converge(client, dict(ARGS, name_dialing="GROUP"))
    assert_reported(result, 401)
    assert sim.writes() == [] and stored(sim)[0]["nameDialing"] == "ENTERPRISE"
    assert sim.token not in repr(result)


def _when_logged(sim, predicate, action):
    """Run ACTION in a thread as soon as the request log has an entry matching PREDICATE."""

    def watch():
        for _attempt in range(600):
            if any(predicate(entry) for entry in sim.requests()):
                action()
                return
            time.sleep(0.02)

    thread = threading.Thread(target=watch)
    thread.start()
    return thread


def test_401_mid_run_with_refresh_credentials_refreshes_once(sim):
    _location_id, auto_attendant_id = create_directly(sim)
    client = WebexClient(
        sim.url,
        refresh_credentials=(sim.client_id, sim.client_secret, sim.refresh_token),
        timeout=10,
        sleep=lambda seconds: None,
    )
    # The PUT is held 1 s; meanwhile the minted token expires, so the PUT is answered 401.
    sim.fault(method="PUT", path=ITEM, delay=1)
    watcher = _when_logged(
        sim,
        lambda e: e["method"] == "GET" and e["path"].endswith(auto_attendant_id),
        lambda: (time.sleep(0.3), sim.expire_tokens()),
    )
    result = converge(client, dict(ARGS, name_dialing="GROUP"))
    watcher.join()
    assert not result["failed"] and result["changed"] is True, result
    log = [(e["method"], e["path"].rsplit("/", 1)[-1], e["status"]) for e in sim.requests()]
    tokens = [entry for entry in log if entry[1] == "access_token"]
    assert tokens == [("POST", "access_token", 200)] * 2, log
    assert write_calls(sim)[1:] == [("PUT", 401), ("POST", 200), ("PUT", 200)]
    assert stored(sim)[0]["nameDialing"] == "GROUP"


def test_deleted_between_lookup_and_update_without_create_options_fails_clearly(sim, client):
    location_id, auto_attendant_id = create_directly(sim)
    sim.fault(method="PUT", path=ITEM, delay=1)
    watcher = _when_logged(
        sim,
        lambda e: e["method"] == "GET" and e["path"].endswith(auto_attendant_id),
        lambda: sim.api("DELETE", aa_path(location_id, auto_attendant_id)),
    )
    args = {"location": HQ, "name": "Reception", "name_dialing": "GROUP"}  # not enough to create it
    result = converge(client, args)
    watcher.join()
    assert result["failed"], result
    assert (
        "was deleted by someone else while it was being updated; creating it again needs business_schedule"
        in result["msg"]
    )
    assert write_calls(sim) == [("DELETE", 204), ("PUT", 404)]
    assert stored(sim) == []


def test_every_fault_kind_in_one_run_leaves_no_duplicate(sim, client):
    """Three attendants through a 503 on a read, a dropped create and a 429: each exists exactly once."""
    sim.fault(method="GET", path=LIST, status=503)
    sim.fault(method="POST", path=LIST, drop_after_commit=True)
    sim.fault(method="POST", path=LIST, status=429, retry_after="0")
    for n in range(3):
        result = converge(client, aa_options("Reception %d" % n, "21%02d" % n))
        assert not result["failed"], result
    for n in range(3):
        assert len(stored(sim, "Reception %d" % n)) == 1
