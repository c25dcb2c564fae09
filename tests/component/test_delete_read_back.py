"""Every delete is read back (issue 33): a DELETE answered 204 that the service did not carry out (the simulator's
ignore_write fault) fails naming the object, changed (the DELETE was sent), in every module that deletes and in the
engine (webex_site, its purge, webex_auto_attendants' purge). One helper, resource.delete_confirmed(), behind the
attendant, schedule and announcement services. A schedule's events and a forwarding's rules are parts of one object:
their deletes are verified by the one read-back of that object (resource.read_back, which every write of it ends
with), and a part still there fails naming it.

Each task is the module's work computed in this process as run_module() computes it (helpers.task_result), against
the simulator over HTTP.
"""

import pytest
import requests

from tests.audio_fixtures import pcm_wav
from tests.builders import (
    AA_BULK_MODULE,
    AA_MODULE,
    ANNOUNCEMENT_MODULE,
    BUSINESS,
    FORWARDING_MODULE,
    HQ,
    SATURDAY,
    SCHEDULE_MODULE,
    SITE_MODULE,
    aa_options,
    schedule_options,
)
from tests.component.helpers import create_aa, create_schedule, task_result


def upload(sim):
    response = requests.post(
        sim.url + "/telephony/config/announcements",
        data={"name": "Old greeting"},
        files={"file": ("old.wav", pcm_wav(seconds=6), "audio/wav")},
        headers={"Authorization": "Bearer %s" % sim.token},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    sim.clear_requests()


def attendants(sim):
    return [item["name"] for item in sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"]]


ABSENT_ATTENDANT = {"location": HQ, "name": "Reception", "state": "absent"}
ABSENT_SCHEDULE = {"location": HQ, "type": "business_hours", "name": "Office hours", "state": "absent"}
ABSENT_GREETING = {"name": "Old greeting", "state": "absent"}

# (set-up, module, task arguments, the DELETE's path regex, the object the message names)
CASES = {
    "webex_auto_attendant": (
        lambda sim: create_aa(sim, sim.location_id(HQ)),
        AA_MODULE,
        ABSENT_ATTENDANT,
        "/autoAttendants/",
        "auto attendant 'Reception'",
    ),
    "webex_schedule": (
        lambda sim: create_schedule(sim, sim.location_id(HQ), "Office hours"),
        SCHEDULE_MODULE,
        ABSENT_SCHEDULE,
        "/schedules/",
        "business_hours schedule 'Office hours'",
    ),
    "webex_announcement": (
        upload,
        ANNOUNCEMENT_MODULE,
        ABSENT_GREETING,
        "/announcements/",
        "announcement 'Old greeting'",
    ),
    "webex_site attendant": (
        lambda sim: create_aa(sim, sim.location_id(HQ)),
        SITE_MODULE,
        {"auto_attendants": [ABSENT_ATTENDANT]},
        "/autoAttendants/",
        "auto attendant 'Reception'",
    ),
    "webex_site schedule": (
        lambda sim: create_schedule(sim, sim.location_id(HQ), "Office hours"),
        SITE_MODULE,
        {"schedules": [ABSENT_SCHEDULE]},
        "/schedules/",
        "business_hours schedule 'Office hours'",
    ),
    "webex_site announcement": (
        upload,
        SITE_MODULE,
        {"announcements": [ABSENT_GREETING]},
        "/announcements/",
        "announcement 'Old greeting'",
    ),
    "webex_site purge": (
        lambda sim: create_aa(sim, sim.location_id(HQ), name="Old menu", extension="2199"),
        SITE_MODULE,
        {"auto_attendants": [aa_options()], "purge": {"auto_attendants": True}, "purge_limit": 0},
        "/autoAttendants/",
        "auto attendant 'Old menu'",
    ),
    "webex_auto_attendants purge": (
        lambda sim: create_aa(sim, sim.location_id(HQ), name="Old menu", extension="2199"),
        AA_BULK_MODULE,
        {"auto_attendants": [aa_options()], "purge": True},
        "/autoAttendants/",
        "auto attendant 'Old menu'",
    ),
}


def failures(result):
    """(msg, changed) of the task, or of its failed objects or items."""
    entries = result.get("objects") or result.get("results")
    if entries is None:
        return [(result["msg"], result["changed"])]
    return [(entry["msg"], entry["changed"]) for entry in entries if entry.get("failed")]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_delete_the_service_answers_but_does_not_carry_out_fails_naming_the_object(sim, client, case):
    set_up, module, args, path, what = CASES[case]
    set_up(sim)
    sim.fault(method="DELETE", path=path, ignore_write=True)
    result = task_result(client, module, args)
    assert result["failed"] and result["changed"] is True, result
    message = "the service answered the DELETE of %s, but it is still there: the delete did not take" % what
    assert [(msg.split(" (trackingId")[0], changed) for msg, changed in failures(result)] == [(message, True)]
    deletes = [entry for entry in sim.writes() if entry["method"] == "DELETE"]
    assert len(deletes) == 1 and deletes[0]["status"] == 204
    reads_after = [
        entry["status"]
        for entry in sim.requests()[sim.requests().index(deletes[0]) + 1 :]
        if entry["method"] == "GET" and entry["path"] == deletes[0]["path"]
    ]
    assert reads_after == [200]  # the read-back found it


OTHER_EVENT = dict(SATURDAY, name="Sunday", start_date="2026-01-11", end_date="2026-01-11")
EVENTS_PURGED = schedule_options(events=[OTHER_EVENT], purge_events=True)
RULE = {
    "name": "Night",
    "business_schedule": BUSINESS,
    "forward_to": {"selection": "DO_NOT_FORWARD"},
    "calls_from": {"selection": "ANY"},
}
RULES_PURGED = {"location": HQ, "auto_attendant": "Reception", "rules": [], "purge_rules": True}


def with_a_rule(sim, client):
    create_aa(sim, sim.location_id(HQ))
    assert task_result(client, FORWARDING_MODULE, dict(RULES_PURGED, rules=[RULE]))["changed"] is True
    sim.clear_requests()


# (set-up, module, task arguments, the DELETE's path regex, what did not apply (the part named), of what)
PART_CASES = {
    "webex_schedule event": (
        lambda sim, _client: create_schedule(sim, sim.location_id(HQ), "Office hours"),
        SCHEDULE_MODULE,
        EVENTS_PURGED,
        "/events/",
        "events (Saturday)",
        "business_hours schedule 'Office hours'",
    ),
    "webex_site event": (
        lambda sim, _client: create_schedule(sim, sim.location_id(HQ), "Office hours"),
        SITE_MODULE,
        {"schedules": [EVENTS_PURGED]},
        "/events/",
        "events (Saturday)",
        "business_hours schedule 'Office hours'",
    ),
    "webex_auto_attendant_forwarding rule": (
        with_a_rule,
        FORWARDING_MODULE,
        RULES_PURGED,
        "/selectiveRules/",
        "purge_rules (rule 'Night')",
        "the call forwarding",
    ),
    "webex_site forwarding rule": (
        with_a_rule,
        SITE_MODULE,
        {"forwarding": [RULES_PURGED]},
        "/selectiveRules/",
        "purge_rules (rule 'Night')",
        "the call forwarding",
    ),
}


@pytest.mark.parametrize("case", sorted(PART_CASES))
def test_a_delete_of_an_event_or_rule_that_does_not_take_fails_naming_it(sim, client, case):
    set_up, module, args, path, part, of_what = PART_CASES[case]
    set_up(sim, client)
    sim.fault(method="DELETE", path=path, ignore_write=True)
    result = task_result(client, module, args)
    assert result["failed"] and result["changed"] is True, result
    message = "the service answered 2xx but did not apply %s of %s" % (part, of_what)
    assert [(msg.split(" (trackingId")[0], changed) for msg, changed in failures(result)] == [(message, True)]
    deletes = [entry for entry in sim.writes() if entry["method"] == "DELETE"]
    assert [entry["status"] for entry in deletes] == [204]
    after = sim.requests()[sim.requests().index(deletes[0]) + 1 :]
    assert [entry["method"] for entry in after if entry["method"] == "GET"], "no read-back after the DELETE"


def test_a_delete_that_took_is_read_back_once_and_is_ok(sim, client):
    create_aa(sim, sim.location_id(HQ))
    result = task_result(client, AA_MODULE, ABSENT_ATTENDANT)
    assert not result["failed"] and result["changed"] is True and attendants(sim) == []
    delete = [entry for entry in sim.requests() if entry["method"] == "DELETE"][0]
    assert [(entry["method"], entry["status"]) for entry in sim.requests() if entry["path"] == delete["path"]] == [
        ("DELETE", 204),
        ("GET", 404),
    ]
