"""Trust but verify: every write is read back, and a write the service answered 2xx but did not apply is reported.

The simulator's ignore_write fault answers a write as usual (201 with a new id, 200/204) and stores nothing, as the
live service does with a forwarding update missing its wrapper or a PUT of a field it does not know. The task must
fail with changed=true (the service may have changed something), name what did not take, and quote the trackingId.
A normal update costs exactly one GET more than before (the read-back); a no-op costs nothing extra. Each task is
the module's work computed in this process (helpers.task_result) against the simulator over HTTP.
"""

import copy

import pytest

from tests.builders import AA_BULK_MODULE as BULK
from tests.builders import AA_MODULE as AA
from tests.builders import ANNOUNCEMENT_MODULE as ANNOUNCEMENT
from tests.builders import SCHEDULE_MODULE as SCHEDULE
from tests.component.helpers import task_result

MENU = {
    "greeting": "DEFAULT",
    "extension_enabled": True,
    "key_configurations": [{"key": "0", "action": "EXIT"}, {"key": "2", "action": "REPEAT_MENU"}],
}
ATTENDANT = {
    "location": "Headquarters",
    "name": "Verify Desk",
    "extension": "2480",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours_menu": MENU,
    "after_hours_menu": MENU,
}
OFFICE = {
    "location": "Headquarters",
    "type": "business_hours",
    "name": "Verify hours",
    "events": [
        {
            "name": "Weekdays",
            "start_date": "2026-01-05",
            "end_date": "2026-01-05",
            "start_time": "08:30",
            "end_time": "17:30",
        }
    ],
}
ATTENDANT_WRITES = r"/autoAttendants"
SCHEDULE_WRITES = r"/schedules"


def one_task(client, module, args):
    return task_result(client, module, args)


def changed_menu():
    menu = copy.deepcopy(MENU)
    menu["key_configurations"][1] = {"key": "2", "action": "EXIT", "description": "Bye"}
    return menu


@pytest.mark.parametrize(
    "module, args, writes, what",
    [
        pytest.param(AA, ATTENDANT, ATTENDANT_WRITES, "auto attendant 'Verify Desk' was not created", id="attendant"),
        pytest.param(
            SCHEDULE, OFFICE, SCHEDULE_WRITES, "business_hours schedule 'Verify hours' was not created", id="schedule"
        ),
    ],
)
def test_an_ignored_create_fails_saying_it_was_not_created(sim, client, module, args, writes, what):
    sim.fault(method="POST", path=writes, ignore_write=True)
    result = one_task(client, module, args)
    assert result["failed"] and result["changed"] is True
    assert what in result["msg"] and "trackingId" in result["msg"]
    assert [entry["method"] for entry in sim.writes()] == ["POST"]


def test_an_ignored_attendant_update_names_the_key_that_did_not_take(sim, client):
    one_task(client, AA, ATTENDANT)
    sim.clear_requests()
    sim.fault(method="PUT", path=ATTENDANT_WRITES, ignore_write=True)
    result = one_task(client, AA, dict(ATTENDANT, business_hours_menu=changed_menu()))
    assert result["failed"] and result["changed"] is True
    assert "did not apply business_hours_menu.key_configurations (key 2)" in result["msg"]
    assert result["not_applied"] == ["business_hours_menu.key_configurations (key 2)"]
    assert "trackingId" in result["msg"]


def test_an_ignored_schedule_update_names_the_event(sim, client):
    one_task(client, SCHEDULE, OFFICE)
    sim.clear_requests()
    sim.fault(method="PUT", path=SCHEDULE_WRITES, ignore_write=True)
    moved = dict(OFFICE, events=[dict(OFFICE["events"][0], end_time="18:00")])
    result = one_task(client, SCHEDULE, moved)
    assert result["failed"] and result["changed"] is True
    assert result["not_applied"] == ["events (Weekdays)"]


@pytest.mark.parametrize(
    "module, args, changed_args, gets_before",
    [
        # attendant by location name: location, list, details, then one PUT and the read-back
        pytest.param(AA, ATTENDANT, dict(ATTENDANT, business_hours_menu=changed_menu()), 3, id="attendant"),
        # schedule: location, list, details, then one event PUT and the read-back
        pytest.param(
            SCHEDULE, OFFICE, dict(OFFICE, events=[dict(OFFICE["events"][0], end_time="18:00")]), 3, id="schedule"
        ),
    ],
)
def test_an_update_costs_one_read_back_and_a_no_op_nothing_extra(sim, client, module, args, changed_args, gets_before):
    one_task(client, module, args)
    sim.clear_requests()
    result = one_task(client, module, changed_args)
    assert result["changed"] and not result["failed"]
    methods = [entry["method"] for entry in sim.requests()]
    assert methods == ["GET"] * gets_before + ["PUT", "GET"], methods
    sim.clear_requests()
    result = one_task(client, module, changed_args)
    assert not result["changed"]
    assert [entry["method"] for entry in sim.requests()] == ["GET"] * gets_before


# -- the other resources: the announcement repository and the bulk module ------------------------------------------


def test_an_ignored_greeting_upload_and_replace_are_reported(sim, client, tmp_path):
    from tests.audio_fixtures import pcm_wav, write

    greeting = write(tmp_path, "verify.wav", pcm_wav(seconds=3, rate=8000))
    args = {"name": "Verify greeting", "path": greeting}
    sim.fault(method="POST", path=r"/announcements", ignore_write=True)
    result = one_task(client, ANNOUNCEMENT, args)
    assert result["failed"] and result["changed"] is True and "was not created" in result["msg"]
    result = one_task(client, ANNOUNCEMENT, args)
    assert not result["failed"] and result["changed"]
    write(tmp_path, "verify.wav", pcm_wav(seconds=5, rate=16000))
    sim.fault(method="PUT", path=r"/announcements", ignore_write=True)
    result = one_task(client, ANNOUNCEMENT, args)
    assert result["failed"] and result["changed"] is True and result["not_applied"], result


def test_the_bulk_module_fails_the_ignored_item_and_converges_the_others(sim, client):
    items = [dict(ATTENDANT, name="Verify %d" % index, extension="249%d" % index) for index in range(3)]
    one_task(client, BULK, {"auto_attendants": items, "concurrency": 1})
    changed = [dict(item, business_hours_menu=changed_menu()) for item in items]
    sim.clear_requests()
    # The second attendant's update is answered 200 and stored nowhere.
    second = "/autoAttendants/"
    sim.fault(method="PUT", path=second, ignore_write=True, count=1)
    result = one_task(client, BULK, {"auto_attendants": changed, "concurrency": 1})
    assert result["failed"] and result["changed"] is True
    outcome = {entry["name"]: entry for entry in result["results"]}
    failed = [name for name, entry in outcome.items() if entry.get("failed")]
    assert len(failed) == 1, outcome
    assert "did not apply business_hours_menu.key_configurations (key 2)" in outcome[failed[0]]["msg"]
    assert all(
        entry["action"] == "update" and not entry.get("failed") for name, entry in outcome.items() if name not in failed
    )
    assert result["summary"]["failed"] == 1 and result["summary"]["update"] == 2
