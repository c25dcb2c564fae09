"""One fault of each class through a real ansible-playbook run of webex_auto_attendant: what only the whole module
shows (the task's result, rc, the failed/changed Ansible reports, the secret scan of runner.py over the output).

Classes: a 503 retried, a 429 waited out, a 500 not retried (reported with the HTTP status, the Webex message and the
trackingId; a re-run applies the change), a create whose answer was lost after it committed (looked up, not posted
twice), and a 401 without refresh credentials. The fault matrix (every status on every kind of request, timeouts,
storms, the token refresh) is tests/component/test_faults.py; the retry rules request by request are
tests/unit/plugins/module_utils/test_webex_client.py.
"""

import re

from tests.builders import AA_MODULE, HQ, aa_options
from tests.integration.scenario import attendant, attendants_named, create_attendant, play, result_of, task

TASKS = ("Retried", "Rate limited", "Not retried", "Not retried, run again", "Answer lost", "Unauthorised")


def assert_reported(run, name, status):
    """A failure that says what failed: method, path, status, the Webex message and the trackingId."""
    entry = run.one(name)
    assert entry["failed"], entry
    error = entry["result"]["api_error"]
    assert error["status"] == status and error["message"] and error["tracking_id"], error
    msg = entry["result"]["msg"]
    assert "HTTP %d" % status in msg and error["tracking_id"] in msg and error["message"] in msg, msg


def test_one_fault_of_each_class_in_one_playbook(sim, tmp_path):
    location_id = sim.location_id(HQ)
    ids = {
        name: create_attendant(sim, name, extension)
        for name, extension in (("Retried", "2101"), ("Limited", "2102"), ("Internal", "2103"), ("Locked", "2104"))
    }
    sim.clear_requests()
    sim.fault(method="PUT", path="/autoAttendants/%s$" % re.escape(ids["Retried"]), status=503)
    sim.fault(method="PUT", path="/autoAttendants/%s$" % re.escape(ids["Limited"]), status=429, retry_after="0")
    sim.fault(method="PUT", path="/autoAttendants/%s$" % re.escape(ids["Internal"]), status=500)
    sim.fault(method="POST", path="/autoAttendants$", drop_after_commit=True)
    sim.fault(method="GET", path="/autoAttendants/%s$" % re.escape(ids["Locked"]), status=401)

    def update(name):
        return {"location": HQ, "name": name, "name_dialing": "GROUP"}

    run = play(
        sim,
        tmp_path,
        [
            task("Retried", AA_MODULE, update("Retried")),
            task("Rate limited", AA_MODULE, update("Limited")),
            task("Not retried", AA_MODULE, update("Internal"), ignore_errors=True),
            task("Not retried, run again", AA_MODULE, update("Internal")),
            task("Answer lost", AA_MODULE, aa_options("Lost answer", "2105")),
            task("Unauthorised", AA_MODULE, update("Locked"), ignore_errors=True),
        ],
    )
    assert run.rc == 0, run  # the two failures are ignored
    assert {name: run.one(name)["changed"] for name in TASKS} == {
        "Retried": True,
        "Rate limited": True,
        "Not retried": True,  # a 500 does not say the PUT was refused: it may have taken
        "Not retried, run again": True,
        "Answer lost": True,
        "Unauthorised": False,
    }
    assert_reported(run, "Not retried", 500)
    assert_reported(run, "Unauthorised", 401)
    puts = {
        name: [entry["status"] for entry in sim.writes() if entry["path"].endswith(auto_attendant_id)]
        for name, auto_attendant_id in ids.items()
    }
    assert puts == {"Retried": [503, 200], "Limited": [429, 200], "Internal": [500, 200], "Locked": []}
    assert [(e["method"], e["status"]) for e in sim.writes() if e["method"] == "POST"] == [("POST", None)]
    created = attendants_named(sim, "Lost answer", location_id)
    assert len(created) == 1 and result_of(run, "Answer lost")["auto_attendant"]["id"] == created[0]
    assert [attendant(sim, location_id, ids[name])["nameDialing"] for name in ("Retried", "Limited", "Internal")] == [
        "GROUP"
    ] * 3
    assert attendant(sim, location_id, ids["Locked"])["nameDialing"] == "ENTERPRISE"
