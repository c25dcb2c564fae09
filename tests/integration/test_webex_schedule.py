"""webex_schedule run by real ansible-playbook against the simulator; asserts on what the simulator received."""

import ast
import copy
import os
import re
import textwrap

import pytest
import yaml

from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_schedule"
ROOT = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir)
DOCS = os.path.join(ROOT, "docs", "docsite", "rst", "schedules.rst")
MODULE_FILE = os.path.join(ROOT, "plugins", "modules", "webex_schedule.py")
WEEKDAYS = {
    "name": "Weekdays",
    "start_date": "2026-01-05",
    "end_date": "2026-01-05",
    "start_time": "08:30",
    "end_time": "17:30",
    "recurrence": {
        "recur_weekly": {"monday": True, "tuesday": True, "wednesday": True, "thursday": True, "friday": True}
    },
}
SATURDAY = {
    "name": "Saturday",
    "start_date": "2026-01-10",
    "end_date": "2026-01-10",
    "start_time": "09:00",
    "end_time": "12:00",
    "recurrence": {"recur_weekly": {"saturday": True}},
}
OFFICE = {"location": "Headquarters", "type": "business_hours", "name": "Office hours", "events": [WEEKDAYS, SATURDAY]}
HOLIDAYS = {
    "location": "Headquarters",
    "type": "holidays",
    "name": "Holidays 2026",
    "events": [
        {
            "name": "New Year",
            "start_date": "2026-01-01",
            "end_date": "2026-01-01",
            "recurrence": {"recur_yearly_by_date": {"day_of_month": 1, "month": "JANUARY"}},
        },
        {"name": "Closure", "start_date": "2026-12-24", "end_date": "2026-12-31"},
    ],
}
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}


def converge(sim, tmp_path, args, check=False, diff=False, module=MODULE):
    path = write_playbook(tmp_path, [{"name": "Converge", module: args, "register": "result"}])
    run = run_playbook(path, sim, check=check, diff=diff)
    return run, run.one("Converge")


def base(sim, location="Headquarters"):
    return "/telephony/config/locations/%s/schedules" % sim.location_id(location)


def stored(sim, name, kind="businessHours", location="Headquarters"):
    """The schedule details read straight from the simulator, or None."""
    items = sim.api("GET", base(sim, location), params={"type": kind, "max": 1000}).json()["schedules"]
    for item in items:
        if item["name"] == name:
            return sim.api("GET", "%s/%s/%s" % (base(sim, location), kind, item["id"])).json()
    return None


def calls(entries):
    """(method, last path segment kind) of each write: schedules, events, or the item."""
    return [(entry["method"], "events" if "/events" in entry["path"] else "schedule") for entry in entries]


def add_attendant(sim, tmp_path, **schedules):
    args = dict(
        {
            "location": "Headquarters",
            "name": "Reception",
            "extension": "2100",
            "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "business_hours_menu": MENU,
            "after_hours_menu": MENU,
        },
        **schedules,
    )
    run, _result = converge(sim, tmp_path, args, module="wxc.calling.webex_auto_attendant")
    assert run.rc == 0, run


def test_four_steps_check_apply_check_apply(sim, tmp_path):
    run, result = converge(sim, tmp_path, OFFICE, check=True, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True and sim.writes() == []
    predicted = result["result"]["schedule"]
    assert predicted["id"] is None and predicted["type"] == "business_hours"
    assert [e["name"] for e in predicted["events"]] == ["Weekdays", "Saturday"]
    assert result["result"]["diff"]["before"] == {} and stored(sim, "Office hours") is None

    sim.clear_requests()
    run, result = converge(sim, tmp_path, OFFICE, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True
    writes = sim.writes()
    assert calls(writes) == [("POST", "schedule")] and writes[0]["status"] == 201
    assert writes[0]["body"]["type"] == "businessHours" and writes[0]["body"]["events"][0]["startTime"] == "08:30"
    schedule = result["result"]["schedule"]
    assert schedule["id"] == stored(sim, "Office hours")["id"] and schedule["location_id"] == sim.location_id(
        "Headquarters"
    )
    assert schedule["events"][0]["recurrence"]["recur_weekly"]["monday"] is True

    for check in (True, False):
        sim.clear_requests()
        run, result = converge(sim, tmp_path, OFFICE, check=check, diff=True)
        assert run.rc == 0, run
        assert result["changed"] is False and sim.writes() == []
    # Calls at the floor for a no-op: location, list, details.
    assert [e["method"] for e in sim.requests()] == ["GET", "GET", "GET"]
    # Event order does not matter.
    run, result = converge(sim, tmp_path, dict(OFFICE, events=[SATURDAY, WEEKDAYS]))
    assert result["changed"] is False


def test_event_add_change_remove_are_the_minimal_calls(sim, tmp_path):
    converge(sim, tmp_path, OFFICE)
    evening = {
        "name": "Late Thursday",
        "start_date": "2026-01-08",
        "end_date": "2026-01-08",
        "start_time": "17:30",
        "end_time": "20:00",
        "recurrence": {"recur_weekly": {"thursday": True}},
    }
    changed = copy.deepcopy(WEEKDAYS)
    changed["end_time"] = "18:00"
    sim.clear_requests()
    run, result = converge(sim, tmp_path, dict(OFFICE, events=[changed, evening]), diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True
    writes = sim.writes()
    assert [(e["method"], e["status"]) for e in writes] == [("DELETE", 204), ("PUT", 200), ("POST", 201)]
    assert all("/events" in e["path"] for e in writes)
    assert writes[1]["body"]["name"] == "Weekdays" and writes[1]["body"]["endTime"] == "18:00"
    assert writes[2]["body"]["name"] == "Late Thursday"
    events = {e["name"]: e for e in stored(sim, "Office hours")["events"]}
    assert set(events) == {"Weekdays", "Late Thursday"} and events["Weekdays"]["endTime"] == "18:00"
    diff = result["result"]["diff"]
    assert [e["name"] for e in diff["before"]["events"]] == ["Weekdays", "Saturday"]
    assert [e["name"] for e in diff["after"]["events"]] == ["Weekdays", "Late Thursday"]
    # Events unset: left alone.
    sim.clear_requests()
    run, result = converge(
        sim, tmp_path, {"location": "Headquarters", "type": "business_hours", "name": "Office hours"}
    )
    assert result["changed"] is False and sim.writes() == []


def test_rename_uses_the_new_id_and_attendants_follow(sim, tmp_path):
    converge(sim, tmp_path, OFFICE)
    old_id = stored(sim, "Office hours")["id"]
    add_attendant(sim, tmp_path, business_schedule="Office hours")
    changed = copy.deepcopy(SATURDAY)
    changed["end_time"] = "13:00"
    renamed = dict(OFFICE, new_name="Winter hours", events=[WEEKDAYS, changed])
    sim.clear_requests()
    run, result = converge(sim, tmp_path, renamed, check=True)
    assert result["changed"] is True and sim.writes() == [] and result["result"]["schedule"]["id"] is None
    run, result = converge(sim, tmp_path, renamed)
    assert run.rc == 0, run
    writes = sim.writes()
    assert [(e["method"], e["status"]) for e in writes] == [("PUT", 200), ("PUT", 200)]
    assert writes[0]["body"] == {"name": "Winter hours"}
    new_id = stored(sim, "Winter hours")["id"]
    assert new_id != old_id and old_id not in writes[1]["path"] and new_id in writes[1]["path"]
    assert result["result"]["schedule"]["id"] == new_id and result["result"]["schedule"]["name"] == "Winter hours"
    assert stored(sim, "Office hours") is None
    aa = sim.api("GET", "/telephony/config/autoAttendants", params={"name": "Reception"}).json()["autoAttendants"][0]
    details = sim.api(
        "GET", "/telephony/config/locations/%s/autoAttendants/%s" % (sim.location_id("Headquarters"), aa["id"])
    )
    assert details.json()["businessSchedule"] == "Winter hours"
    sim.clear_requests()
    run, result = converge(sim, tmp_path, renamed)
    assert result["changed"] is False and sim.writes() == []
    # A rename onto a name that is taken fails before any write.
    converge(sim, tmp_path, dict(OFFICE, name="Summer hours"))
    sim.clear_requests()
    run, result = converge(sim, tmp_path, dict(OFFICE, name="Summer hours", new_name="Winter hours"))
    assert run.rc != 0 and "already exists" in result["result"]["msg"] and sim.writes() == []


def test_delete_then_delete_again(sim, tmp_path):
    converge(sim, tmp_path, HOLIDAYS)
    absent = {"location": "Headquarters", "type": "holidays", "name": "Holidays 2026", "state": "absent"}
    sim.clear_requests()
    run, result = converge(sim, tmp_path, absent, check=True)
    assert result["changed"] is True and sim.writes() == []
    run, result = converge(sim, tmp_path, absent, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True and calls(sim.writes()) == [("DELETE", "schedule")]
    assert result["result"]["schedule"] is None and result["result"]["diff"]["after"] == {}
    assert stored(sim, "Holidays 2026", "holidays") is None
    sim.clear_requests()
    run, result = converge(sim, tmp_path, absent)
    assert result["changed"] is False and sim.writes() == []


def test_delete_of_a_schedule_in_use_fails_naming_the_attendant(sim, tmp_path):
    converge(sim, tmp_path, HOLIDAYS)
    converge(sim, tmp_path, dict(OFFICE, name="Holidays 2026"))  # same name, business hours: not the one in use
    add_attendant(sim, tmp_path, holiday_schedule="Holidays 2026")
    absent = {"location": "Headquarters", "type": "holidays", "name": "Holidays 2026", "state": "absent"}
    for check in (True, False):
        sim.clear_requests()
        run, result = converge(sim, tmp_path, absent, check=check)
        assert run.rc != 0
        assert "used by auto attendant(s) 'Reception'" in result["result"]["msg"], result["result"]["msg"]
        assert sim.writes() == []
    assert stored(sim, "Holidays 2026", "holidays") is not None
    # Type-aware: the business hours schedule of the same name is not in use.
    run, result = converge(sim, tmp_path, dict(absent, type="business_hours"))
    assert run.rc == 0, run
    assert result["changed"] is True and stored(sim, "Holidays 2026") is None


@pytest.mark.parametrize(
    "change, message",
    [
        ({"start_date": "2026-02-30"}, "events[0].start_date: '2026-02-30' is not a date in YYYY-MM-DD format"),
        ({"end_date": "2026-01-04"}, "events[0].end_date: 2026-01-04 is before start_date 2026-01-05"),
        ({"start_time": "8:30"}, "events[0].start_time: '8:30' is not a time in HH:MM format"),
        ({"end_time": "08:00"}, "events[0].end_time: 08:00 is not after start_time 08:30"),
        ({"all_day_enabled": True}, "events[0]: all_day_enabled is true, so start_time and end_time must not be set"),
        ({"end_time": None}, "events[0]: start_time and end_time must be set together"),
        ({"recurrence": {"recur_weekly": {"sunday": False}}}, "events[0].recurrence.recur_weekly: at least one day"),
        ({"recurrence": {"recur_for_ever": True}}, "one of the following is required: recur_daily"),
        (
            {"recurrence": {"recur_daily": {}, "recur_weekly": {"monday": True}}},
            "mutually exclusive: recur_daily|recur_weekly",
        ),
        (
            {"recurrence": {"recur_yearly_by_date": {"day_of_month": 30, "month": "FEBRUARY"}}},
            "recur_yearly_by_date.day_of_month: 30 is not a day of FEBRUARY",
        ),
        (
            {"recurrence": {"recur_yearly_by_day": {"day": "THURSDAY", "week": "FIFTH", "month": "NOVEMBER"}}},
            "value of week must be one of: FIRST, SECOND, THIRD, FOURTH, LAST",
        ),
        ({"name": None}, "missing required arguments: name found in events"),
    ],
)
def test_bad_event_input_fails_clearly_without_any_call(sim, tmp_path, change, message):
    event = dict(copy.deepcopy(WEEKDAYS), **change)
    event = {key: value for key, value in event.items() if value is not None}
    run, result = converge(sim, tmp_path, dict(OFFICE, events=[event]))
    assert run.rc != 0
    assert message in result["result"]["msg"], result["result"]["msg"]
    assert sim.requests() == []


@pytest.mark.parametrize(
    "args, message",
    [
        ({"events": [WEEKDAYS, WEEKDAYS]}, "events[1].name: event 'Weekdays' is listed more than once"),
        ({"type": "weekly"}, "value of type must be one of: business_hours, holidays"),
        ({"name": "x" * 81}, "name: 81 characters, the maximum is 80"),
        ({"new_name": "Other", "state": "absent"}, "new_name: only with state=present"),
    ],
)
def test_bad_options_fail_clearly_without_any_call(sim, tmp_path, args, message):
    run, result = converge(sim, tmp_path, dict(OFFICE, **args))
    assert run.rc != 0
    assert message in result["result"]["msg"], result["result"]["msg"]
    assert sim.requests() == []


def test_unknown_location_fails_without_writing(sim, tmp_path):
    run, result = converge(sim, tmp_path, dict(OFFICE, location="headquarters"))
    assert run.rc != 0 and "location 'headquarters' not found" in result["result"]["msg"]
    assert sim.writes() == []


def _docs_playbook(tmp_path):
    text = open(DOCS, encoding="utf-8").read()
    block = textwrap.dedent(re.search(r"\.\. code-block:: yaml\n\n((?: +.*\n|\n)+)", text).group(1))
    assert yaml.safe_load(block)[0]["tasks"][0]["wxc.calling.webex_schedule"]
    path = tmp_path / "docs_schedules.yml"
    path.write_text(block, encoding="utf-8")
    return str(path)


def test_docs_playbook_schedules_then_attendant(sim, tmp_path):
    path = _docs_playbook(tmp_path)
    run = run_playbook(path, sim, check=True, diff=True)
    assert run.rc == 0, run
    assert run.changed == 3 and sim.writes() == []
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    assert run.changed == 3
    writes = sim.writes()
    assert [(e["method"], e["path"].rsplit("/", 1)[-1]) for e in writes] == [
        ("POST", "schedules"),
        ("POST", "schedules"),
        ("POST", "autoAttendants"),
    ]
    assert (
        writes[2]["body"]["businessSchedule"] == "Office hours" and writes[2]["body"]["holidaySchedule"] == "Holidays"
    )
    for check in (True, False):
        sim.clear_requests()
        run = run_playbook(path, sim, check=check)
        assert run.rc == 0, run
        assert run.changed == 0 and sim.writes() == []


def test_module_examples_run(sim, tmp_path):
    tree = ast.parse(open(MODULE_FILE, encoding="utf-8").read())
    examples = [
        node.value.value for node in tree.body if isinstance(node, ast.Assign) and node.targets[0].id == "EXAMPLES"
    ][0]
    path = write_playbook(tmp_path, yaml.safe_load(examples))
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    assert run.changed == 6  # two schedules, the two holiday calendars, the rename, the delete
    assert stored(sim, "Office hours (winter)") is not None and stored(sim, "Holidays", "holidays") is None
    company = stored(sim, "Company holidays", "holidays")["events"]
    names = [event["name"] for event in company]  # {next: 2}: this year and next, whichever they are
    assert "Year-end closure" in names and len([name for name in names if name.startswith("Cesar Chavez Day ")]) == 2
    texas = stored(sim, "Texas holidays", "holidays", "Branch Office Austin")["events"]
    assert "Texas Independence Day 2027" in {event["name"] for event in texas}
