"""Faults injected in the simulator while webex_auto_attendant runs: the end state is right, nothing is duplicated or
half-written, and every failure reports the HTTP status, the Webex message and the trackingId.

Retry rules under test (plugins/module_utils/webex_client.py):

- 429: waited out as Retry-After says (malformed or missing: 5 s), at most 5 times, for every method (a
  rate-limited request was not carried out).
- 502/503/504, timeouts and dropped connections: GET, PUT and DELETE are retried (1 s, 2 s, 4 s backoff);
  500 is not retried (an internal error is not a transient one; a re-run after the fix applies the change).
- POST is never replayed blindly: after a 5xx, a timeout or a dropped connection the module looks the name up and
  posts again only when nothing was created.
"""

import copy
import threading
import time

import pytest

from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_auto_attendant"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
ARGS = {
    "location": "Headquarters",
    "name": "Reception",
    "extension": "2100",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours_menu": MENU,
    "after_hours_menu": MENU,
}
API_MENU = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
API_BODY = {
    "name": "Reception",
    "extension": "2100",
    "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "businessHoursMenu": API_MENU,
    "afterHoursMenu": API_MENU,
}
LIST = "/autoAttendants$"
ITEM = "/autoAttendants/[^/]+$"


def converge(sim, tmp_path, args, env=None):
    path = write_playbook(tmp_path, [{"name": "Converge", MODULE: args, "register": "result"}])
    run = run_playbook(path, sim, env=env)
    return run, run.one("Converge")


def create_directly(sim):
    """An existing attendant (the API, not the module), so that the module's next run is an update."""
    location_id = sim.location_id("Headquarters")
    response = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % location_id, json=API_BODY)
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return location_id, response.json()["id"]


def stored(sim, name="Reception"):
    location_id = sim.location_id("Headquarters")
    items = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": location_id, "max": 1000}).json()
    return [
        sim.api("GET", "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, item["id"])).json()
        for item in items["autoAttendants"]
        if item["name"] == name
    ]


def calls(sim):
    return [
        (
            entry["method"],
            entry["path"].rsplit("/", 1)[-1]
            if entry["path"].endswith("autoAttendants")
            else entry["path"].split("/")[2],
            entry["status"],
        )
        for entry in sim.requests()
    ]


def write_calls(sim):
    return [(entry["method"], entry["status"]) for entry in sim.writes()]


def assert_reported(result, status):
    """A failure that says what failed: method, path, status, the Webex message and the trackingId."""
    assert result["failed"], result
    error = result["result"]["api_error"]
    assert error["status"] == status, error
    assert error["message"] and error["tracking_id"], error
    msg = result["result"]["msg"]
    assert "HTTP %d" % status in msg and error["tracking_id"] in msg and error["message"] in msg, msg


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_error_on_a_read(sim, tmp_path, status):
    sim.fault(method="GET", path=LIST, status=status)
    run, result = converge(sim, tmp_path, ARGS)
    if status == 500:
        assert run.rc != 0, run
        assert_reported(result, 500)
        assert sim.writes() == [] and stored(sim) == []
        return
    assert run.rc == 0, run
    lists = [e["status"] for e in sim.requests() if e["path"].endswith("/autoAttendants") and e["method"] == "GET"]
    assert lists == [status, 200]
    assert write_calls(sim) == [("POST", 201)]
    assert len(stored(sim)) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_error_on_a_create_ends_with_exactly_one(sim, tmp_path, status):
    sim.fault(method="POST", path=LIST, status=status)
    run, result = converge(sim, tmp_path, ARGS)
    assert run.rc == 0, run
    assert result["changed"] is True
    # The failed POST stored nothing: the module looked the name up (not found), then posted once more.
    assert write_calls(sim) == [("POST", status), ("POST", 201)]
    lists = [e for e in sim.requests() if e["method"] == "GET" and e["path"].endswith("/autoAttendants")]
    assert len(lists) == 2
    assert len(stored(sim)) == 1
    assert result["result"]["auto_attendant"]["id"] == stored(sim)[0]["id"]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_error_on_an_update(sim, tmp_path, status):
    create_directly(sim)
    sim.fault(method="PUT", path=ITEM, status=status)
    run, result = converge(sim, tmp_path, dict(ARGS, name_dialing="GROUP"))
    if status == 500:
        assert run.rc != 0, run
        assert_reported(result, 500)
        assert write_calls(sim) == [("PUT", 500)]
        assert stored(sim)[0]["nameDialing"] == "ENTERPRISE"  # unchanged; a re-run applies it
        run, result = converge(sim, tmp_path, dict(ARGS, name_dialing="GROUP"))
        assert run.rc == 0 and result["changed"] is True, run
    else:
        assert run.rc == 0, run
        assert write_calls(sim) == [("PUT", status), ("PUT", 200)]
    assert len(stored(sim)) == 1 and stored(sim)[0]["nameDialing"] == "GROUP"


def test_server_error_storm_longer_than_the_retry_budget(sim, tmp_path):
    create_directly(sim)
    sim.fault(method="PUT", path=ITEM, status=503, count=4)  # first try + 3 retries (1 s + 2 s + 4 s)
    run, result = converge(sim, tmp_path, dict(ARGS, name_dialing="GROUP", extension_dialing="GROUP"))
    assert run.rc != 0, run
    assert_reported(result, 503)
    assert write_calls(sim) == [("PUT", 503)] * 4
    details = stored(sim)
    assert (
        len(details) == 1
        and details[0]["nameDialing"] == "ENTERPRISE"
        and details[0]["extensionDialing"] == "ENTERPRISE"
    )


@pytest.mark.parametrize(
    "retry_after, minimum_wait", [("1", 1), ("rand(30),add(30)", 5), (None, 5)], ids=["seconds", "malformed", "missing"]
)
def test_rate_limit_is_waited_out(sim, tmp_path, retry_after, minimum_wait):
    create_directly(sim)
    spec = dict(method="PUT", path=ITEM, status=429)
    if retry_after is not None:
        spec["retry_after"] = retry_after
    sim.fault(**spec)
    started = time.monotonic()
    run, result = converge(sim, tmp_path, dict(ARGS, name_dialing="GROUP"))
    assert run.rc == 0, run
    assert time.monotonic() - started >= minimum_wait
    assert result["changed"] is True
    assert write_calls(sim) == [("PUT", 429), ("PUT", 200)]
    assert stored(sim)[0]["nameDialing"] == "GROUP"


def test_rate_limit_storm_longer_than_the_retry_budget(sim, tmp_path):
    # Six 429s: the first try and 5 retries; "0" keeps the test fast.
    sim.fault(method="POST", path=LIST, status=429, retry_after="0", count=6)
    run, result = converge(sim, tmp_path, ARGS)
    assert run.rc != 0, run
    assert_reported(result, 429)
    assert write_calls(sim) == [("POST", 429)] * 6
    assert stored(sim) == []
    # Nothing half-written: the next run creates it, once.
    sim.clear_requests()
    run, result = converge(sim, tmp_path, ARGS)
    assert run.rc == 0 and result["changed"] is True, run
    assert write_calls(sim) == [("POST", 201)] and len(stored(sim)) == 1


def test_timeout_on_a_read_is_retried(sim, tmp_path):
    sim.fault(method="GET", path=LIST, delay=3)
    run, result = converge(sim, tmp_path, dict(ARGS, timeout=2))
    assert run.rc == 0, run
    assert result["changed"] is True and len(stored(sim)) == 1


def test_timeout_on_a_create_ends_with_exactly_one(sim, tmp_path):
    # The first POST is held 6 s (the module gives up after 2 s); it commits later, when the module has already
    # looked the name up (nothing yet) and posted again: the service refuses the held one as a duplicate name.
    sim.fault(method="POST", path=LIST, delay=6)
    run, result = converge(sim, tmp_path, dict(ARGS, timeout=2))
    assert run.rc == 0, run
    assert result["changed"] is True
    for _attempt in range(100):  # the held POST is logged when it finishes
        if len(sim.writes()) == 2:
            break
        time.sleep(0.1)
    assert sorted(status for _method, status in write_calls(sim)) == [201, 409]
    assert len(stored(sim)) == 1
    assert result["result"]["auto_attendant"]["id"] == stored(sim)[0]["id"]


def test_connection_dropped_after_a_committed_create(sim, tmp_path):
    sim.fault(method="POST", path=LIST, drop_after_commit=True)
    run, result = converge(sim, tmp_path, ARGS)
    assert run.rc == 0, run
    assert write_calls(sim) == [("POST", None)]
    assert len(stored(sim)) == 1 and result["result"]["auto_attendant"]["id"] == stored(sim)[0]["id"]


def test_connection_dropped_after_a_committed_update(sim, tmp_path):
    create_directly(sim)
    sim.fault(method="PUT", path=ITEM, drop_after_commit=True)
    run, result = converge(sim, tmp_path, dict(ARGS, name_dialing="GROUP"))
    assert run.rc == 0, run
    assert result["changed"] is True
    # PUT is idempotent: sent again, same end state.
    assert write_calls(sim) == [("PUT", None), ("PUT", 200)]
    assert len(stored(sim)) == 1 and stored(sim)[0]["nameDialing"] == "GROUP"


def test_401_mid_run_without_refresh_credentials_fails_clearly(sim, tmp_path):
    create_directly(sim)
    sim.fault(method="GET", path=ITEM, status=401)  # the token stops working between the lookup and the details
    run, result = converge(sim, tmp_path, dict(ARGS, name_dialing="GROUP"))
    assert run.rc != 0, run
    assert_reported(result, 401)
    assert sim.writes() == [] and stored(sim)[0]["nameDialing"] == "ENTERPRISE"
    assert sim.token not in run.stdout + run.stderr


def _when_logged(sim, predicate, action):
    """Run ACTION in a thread as soon as the request log has an entry matching PREDICATE."""

    def watch():
        for _attempt in range(600):
            if any(predicate(entry) for entry in sim.requests()):
                action()
                return
            time.sleep(0.05)

    thread = threading.Thread(target=watch)
    thread.start()
    return thread


def test_401_mid_run_with_refresh_credentials_refreshes_once(sim, tmp_path):
    _location_id, auto_attendant_id = create_directly(sim)
    env = {
        "WEBEX_ACCESS_TOKEN": "",
        "WEBEX_CLIENT_ID": sim.client_id,
        "WEBEX_CLIENT_SECRET": sim.client_secret,
        "WEBEX_REFRESH_TOKEN": sim.refresh_token,
    }
    # The PUT is held 2 s; meanwhile the minted token expires, so the PUT is answered 401.
    sim.fault(method="PUT", path=ITEM, delay=2)
    watcher = _when_logged(
        sim,
        lambda e: e["method"] == "GET" and e["path"].endswith(auto_attendant_id),
        lambda: (time.sleep(0.5), sim.expire_tokens()),
    )
    run, result = converge(sim, tmp_path, dict(ARGS, name_dialing="GROUP"), env=env)
    watcher.join()
    assert run.rc == 0, run
    assert result["changed"] is True
    log = [(e["method"], e["path"].rsplit("/", 1)[-1], e["status"]) for e in sim.requests()]
    tokens = [entry for entry in log if entry[1] == "access_token"]
    assert tokens == [("POST", "access_token", 200)] * 2, log
    assert write_calls(sim)[1:] == [("PUT", 401), ("POST", 200), ("PUT", 200)]
    assert stored(sim)[0]["nameDialing"] == "GROUP"


def test_deleted_between_lookup_and_update_without_create_options_fails_clearly(sim, tmp_path):
    location_id, auto_attendant_id = create_directly(sim)
    item_path = "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, auto_attendant_id)
    sim.fault(method="PUT", path=ITEM, delay=2)
    watcher = _when_logged(
        sim,
        lambda e: e["method"] == "GET" and e["path"].endswith(auto_attendant_id),
        lambda: sim.api("DELETE", item_path),
    )
    args = {"location": "Headquarters", "name": "Reception", "name_dialing": "GROUP"}  # not enough to create it
    run, result = converge(sim, tmp_path, args)
    watcher.join()
    assert run.rc != 0, run
    assert (
        "was deleted by someone else while it was being updated; creating it again needs business_schedule"
        in result["result"]["msg"]
    )
    assert write_calls(sim) == [("DELETE", 204), ("PUT", 404)]
    assert stored(sim) == []


def test_every_fault_kind_in_one_run_leaves_no_duplicate(sim, tmp_path):
    """Three attendants through a 503 on a read, a dropped create and a 429: each exists exactly once."""
    sim.fault(method="GET", path=LIST, status=503)
    sim.fault(method="POST", path=LIST, drop_after_commit=True)
    sim.fault(method="POST", path=LIST, status=429, retry_after="0")
    tasks = [
        {"name": "Converge %d" % n, MODULE: dict(copy.deepcopy(ARGS), name="Reception %d" % n, extension="21%02d" % n)}
        for n in range(3)
    ]
    run = run_playbook(write_playbook(tmp_path, tasks), sim)
    assert run.rc == 0, run
    for n in range(3):
        assert len(stored(sim, "Reception %d" % n)) == 1
