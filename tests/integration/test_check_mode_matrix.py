"""Check mode and --diff on every path of every module: create, update, delete, nothing (and, for schedules, rename,
rename already done, events left alone, a delete refused because the schedule is in use).

For each module one playbook run holds the whole matrix, one task per path, each on its own object set up through
the API, in three phases set by the task keywords check_mode and diff: check mode with diff, for real with diff, then
check mode again. Check mode must write nothing (the writes of the whole run are exactly the real
phase's, and an info task in the check phases still sees the state before), each check-mode task must report exactly
the changed and diff the real one then has, and the last phase reports nothing left to change. (The --check and
--diff command-line flags themselves are the per-module files' subject: tests/integration/test_webex_*.py; check mode
without diff, path by path, is tests/component/test_check_mode.py.)
"""

from tests.integration.scenario import (
    AA_MODULE,
    INFO_MODULE,
    SCHEDULE_MODULE,
    aa_args,
    aa_base,
    attendant,
    attendants_named,
    create_attendant,
    create_schedule,
    play,
    result_of,
    schedule,
    schedules_base,
    task,
    writes,
)

AA_PATHS = {"Create": True, "Update": True, "Nothing": False, "Delete": True, "Delete missing": False}


# (phase, task keywords): the phases of one run, in order.
PHASES = (
    ("Check diff", {"check_mode": True, "diff": True}),
    ("Real", {"diff": True}),
    ("Again", {"check_mode": True}),
)


def phased(tasks):
    """TASKS (name, module, args[, extra]) once per phase, named "PHASE: NAME", with the phase's keywords."""
    result = []
    for phase, keywords in PHASES:
        for name, module, args, *extra in tasks:
            result.append(task("%s: %s" % (phase, name), module, args, **dict(keywords, **(extra[0] if extra else {}))))
    return result


def outcome(run, phase, names):
    """{name: (changed, result)} of the tasks NAMES in PHASE."""
    return {
        name: (run.one("%s: %s" % (phase, name))["changed"], result_of(run, "%s: %s" % (phase, name))) for name in names
    }


def aa_tasks():
    return [
        ("Create", AA_MODULE, aa_args("New desk", "2201")),
        ("Update", AA_MODULE, {"location": "Headquarters", "name": "Existing", "name_dialing": "GROUP"}),
        ("Nothing", AA_MODULE, aa_args("Same", "2203")),
        ("Delete", AA_MODULE, {"location": "Headquarters", "name": "Doomed", "state": "absent"}),
        ("Delete missing", AA_MODULE, {"location": "Headquarters", "name": "Ghost", "state": "absent"}),
        ("Read back", INFO_MODULE, {"location": "Headquarters"}),
    ]


def set_up_attendants(sim):
    location_id = sim.location_id("Headquarters")
    ids = {
        name: create_attendant(sim, name, extension)
        for name, extension in (("Existing", "2202"), ("Same", "2203"), ("Doomed", "2204"))
    }
    sim.clear_requests()
    return location_id, ids


def read_back(run, phase):
    """{name: name_dialing} of the attendants the info task of PHASE read."""
    return {item["name"]: item["name_dialing"] for item in result_of(run, "%s: Read back" % phase)["auto_attendants"]}


def test_auto_attendant_every_path(sim, tmp_path):
    location_id, ids = set_up_attendants(sim)
    run = play(sim, tmp_path, phased(aa_tasks()))
    assert run.rc == 0, run

    phase = "Check diff"
    check = outcome(run, phase, AA_PATHS)
    assert {name: changed for name, (changed, _result) in check.items()} == AA_PATHS, phase
    assert run.one("%s: Read back" % phase)["changed"] is False
    # Nothing changed: the info module, run after them in check mode, still sees the state before.
    assert read_back(run, phase) == {"Doomed": "ENTERPRISE", "Existing": "ENTERPRISE", "Same": "ENTERPRISE"}
    predicted = {name: result for name, (_changed, result) in check.items()}
    assert predicted["Create"]["auto_attendant"]["id"] is None
    assert predicted["Create"]["auto_attendant"]["name"] == "New desk"
    assert predicted["Update"]["auto_attendant"]["name_dialing"] == "GROUP"
    assert all("diff" in result for result in predicted.values()), phase
    # What the check mode run with diff predicted, path by path.
    assert predicted["Create"]["diff"]["before"] == {}
    assert predicted["Create"]["diff"]["after"]["name"] == "New desk"
    assert predicted["Create"]["diff"]["after"]["extension"] == "2201"
    assert predicted["Update"]["diff"] == {
        "before": {"name": "Existing", "name_dialing": "ENTERPRISE"},
        "after": {"name": "Existing", "name_dialing": "GROUP"},
    }
    assert predicted["Nothing"]["diff"]["before"] == predicted["Nothing"]["diff"]["after"]
    assert predicted["Delete"]["diff"]["before"]["name"] == "Doomed"
    assert predicted["Delete"]["diff"]["before"]["extension"] == "2204"
    assert predicted["Delete"]["diff"]["after"] == {}
    assert predicted["Delete missing"]["diff"] == {"before": {}, "after": {}}

    # The writes of the whole run: only the real phase's, exactly the predicted ones.
    base = aa_base(sim, location_id)
    created = attendants_named(sim, "New desk", location_id)
    assert len(created) == 1
    assert list(writes(sim)) == [
        ("POST", base, 201),
        ("PUT", "%s/%s" % (base, ids["Existing"]), 200),
        ("DELETE", "%s/%s" % (base, ids["Doomed"]), 204),
    ]
    real = outcome(run, "Real", AA_PATHS)
    for name in AA_PATHS:
        assert real[name][0] is predicted[name]["changed"], name
        assert real[name][1]["diff"] == predicted[name]["diff"], name
    assert read_back(run, "Real") == {"Existing": "GROUP", "New desk": "ENTERPRISE", "Same": "ENTERPRISE"}
    assert attendant(sim, location_id, ids["Doomed"]) is None

    again = outcome(run, "Again", AA_PATHS)
    assert {name: changed for name, (changed, _result) in again.items()} == dict.fromkeys(AA_PATHS, False)


WEEKDAYS = {
    "name": "Weekdays",
    "start_date": "2026-01-05",
    "end_date": "2026-01-05",
    "start_time": "09:00",
    "end_time": "17:00",
    "recurrence": {"recur_weekly": {"monday": True, "friday": True}},
}
API_WEEKDAYS = {
    "name": "Weekdays",
    "startDate": "2026-01-05",
    "endDate": "2026-01-05",
    "startTime": "09:00",
    "endTime": "17:00",
    "recurrence": {"recurWeekly": {"sunday": False, "monday": True, "friday": True}},
}
SATURDAY = {
    "name": "Saturday",
    "start_date": "2026-01-10",
    "end_date": "2026-01-10",
    "start_time": "09:00",
    "end_time": "12:00",
}
API_SATURDAY = {
    "name": "Saturday",
    "startDate": "2026-01-10",
    "endDate": "2026-01-10",
    "startTime": "09:00",
    "endTime": "12:00",
}
API_SUNDAY = {"name": "Sunday", "startDate": "2026-01-11", "endDate": "2026-01-11", "allDayEnabled": True}
LATE = {
    "name": "Late",
    "start_date": "2026-01-08",
    "end_date": "2026-01-08",
    "start_time": "17:00",
    "end_time": "20:00",
}
CLOSED = {"name": "Closed", "start_date": "2026-12-24", "end_date": "2026-12-26"}
SCHEDULE_PATHS = {
    "Create": True,
    "Create holidays": True,
    "Events": True,
    "Rename": True,
    "Rename done": False,
    "Rename and events": True,
    "Nothing": False,
    "Events left alone": False,
    "Delete": True,
    "Delete missing": False,
}


def schedule_args(name, kind="business_hours", **options):
    return dict({"location": "Headquarters", "type": kind, "name": name}, **options)


def schedule_tasks():
    saturday_later = dict(SATURDAY, end_time="13:00")
    return [
        ("Create", SCHEDULE_MODULE, schedule_args("Office", events=[WEEKDAYS, SATURDAY])),
        ("Create holidays", SCHEDULE_MODULE, schedule_args("Closures", "holidays", events=[CLOSED])),
        # Weekdays kept, Saturday changed, Sunday removed, Late added.
        ("Events", SCHEDULE_MODULE, schedule_args("Shifts", events=[WEEKDAYS, saturday_later, LATE])),
        ("Rename", SCHEDULE_MODULE, schedule_args("Old name", new_name="New name")),
        ("Rename done", SCHEDULE_MODULE, schedule_args("Earlier name", new_name="Renamed before")),
        ("Rename and events", SCHEDULE_MODULE, schedule_args("Winter", new_name="Summer", events=[SATURDAY])),
        ("Nothing", SCHEDULE_MODULE, schedule_args("Same", events=[SATURDAY, WEEKDAYS])),
        ("Events left alone", SCHEDULE_MODULE, schedule_args("Loose")),
        ("Delete", SCHEDULE_MODULE, schedule_args("Doomed", state="absent")),
        ("Delete missing", SCHEDULE_MODULE, schedule_args("Ghost", "holidays", state="absent")),
        ("Delete in use", SCHEDULE_MODULE, schedule_args("In use", state="absent"), {"ignore_errors": True}),
    ]


def set_up_schedules(sim):
    location_id = sim.location_id("Headquarters")
    ids = {
        "Shifts": create_schedule(sim, location_id, "Shifts", events=[API_WEEKDAYS, API_SATURDAY, API_SUNDAY]),
        "Old name": create_schedule(sim, location_id, "Old name", events=[API_SATURDAY]),
        "Renamed before": create_schedule(sim, location_id, "Renamed before"),
        "Winter": create_schedule(sim, location_id, "Winter", events=[API_WEEKDAYS]),
        "Same": create_schedule(sim, location_id, "Same", events=[API_WEEKDAYS, API_SATURDAY]),
        "Loose": create_schedule(sim, location_id, "Loose", events=[API_SUNDAY]),
        "Doomed": create_schedule(sim, location_id, "Doomed", events=[API_SUNDAY]),
        "In use": create_schedule(sim, location_id, "In use"),
    }
    create_attendant(sim, "Uses it", "2301", businessSchedule="In use")
    sim.clear_requests()
    return location_id, ids


def event_id(sim, location_id, schedule_name, event_name):
    return {event["name"]: event["id"] for event in schedule(sim, location_id, schedule_name)["events"]}[event_name]


def test_schedule_every_path(sim, tmp_path):
    location_id, ids = set_up_schedules(sim)
    shifts_events = {event["name"]: event["id"] for event in schedule(sim, location_id, "Shifts")["events"]}
    winter_event = event_id(sim, location_id, "Winter", "Weekdays")
    sim.clear_requests()
    run = play(sim, tmp_path, phased(schedule_tasks()))
    assert run.rc == 0, run

    phase = "Check diff"
    check = outcome(run, phase, SCHEDULE_PATHS)
    assert {name: changed for name, (changed, _result) in check.items()} == SCHEDULE_PATHS, phase
    refused = run.one("%s: Delete in use" % phase)
    assert refused["failed"] and "'Uses it'" in refused["result"]["msg"] and refused["changed"] is False
    predicted = {name: result for name, (_changed, result) in check.items()}
    assert predicted["Create"]["schedule"]["id"] is None
    assert [event["id"] for event in predicted["Create"]["schedule"]["events"]] == [None, None]
    assert predicted["Rename"]["schedule"]["name"] == "New name"
    assert predicted["Delete"]["schedule"] is None
    assert all("diff" in result for result in predicted.values()), phase
    # What the check mode run with diff predicted, path by path.
    assert predicted["Create"]["diff"]["before"] == {}
    assert [e["name"] for e in predicted["Create"]["diff"]["after"]["events"]] == ["Weekdays", "Saturday"]
    events_diff = predicted["Events"]["diff"]
    assert [e["name"] for e in events_diff["before"]["events"]] == ["Weekdays", "Saturday", "Sunday"]
    assert [e["name"] for e in events_diff["after"]["events"]] == ["Weekdays", "Saturday", "Late"]
    assert events_diff["after"]["events"][1]["end_time"] == "13:00"
    assert predicted["Rename"]["diff"]["before"]["name"] == "Old name"
    assert predicted["Rename"]["diff"]["after"]["name"] == "New name"
    assert predicted["Rename"]["diff"]["before"]["events"] == predicted["Rename"]["diff"]["after"]["events"]
    for unchanged in ("Rename done", "Nothing", "Events left alone"):
        assert predicted[unchanged]["diff"]["before"] == predicted[unchanged]["diff"]["after"], unchanged
    assert predicted["Delete"]["diff"]["before"]["name"] == "Doomed" and predicted["Delete"]["diff"]["after"] == {}
    assert predicted["Delete missing"]["diff"] == {"before": {}, "after": {}}

    # The writes of the whole run: only the real phase's, exactly the predicted ones.
    base = schedules_base(location_id)
    office, closures, summer = (
        schedule(sim, location_id, "Office"),
        schedule(sim, location_id, "Closures", "holidays"),
        schedule(sim, location_id, "Summer"),
    )
    new_name = schedule(sim, location_id, "New name")
    assert office and closures and summer and new_name
    business = base + "/businessHours/"
    expected = [
        ("POST", base, 201),
        ("POST", base, 201),
        ("DELETE", business + ids["Shifts"] + "/events/" + shifts_events["Sunday"], 204),
        ("PUT", business + ids["Shifts"] + "/events/" + shifts_events["Saturday"], 200),
        ("POST", business + ids["Shifts"] + "/events", 201),
        ("PUT", business + ids["Old name"], 200),
        ("PUT", business + ids["Winter"], 200),
        ("DELETE", business + summer["id"] + "/events/" + winter_event, 204),
        ("POST", business + summer["id"] + "/events", 201),
        ("DELETE", business + ids["Doomed"], 204),
    ]
    assert sorted(writes(sim)) == sorted(expected)
    real = outcome(run, "Real", SCHEDULE_PATHS)
    for name in SCHEDULE_PATHS:
        assert real[name][0] is predicted[name]["changed"], name
        assert real[name][1]["diff"] == predicted[name]["diff"], name
    assert run.one("Real: Delete in use")["failed"]
    assert schedule(sim, location_id, "Doomed") is None and schedule(sim, location_id, "In use")
    assert [e["name"] for e in schedule(sim, location_id, "Loose")["events"]] == ["Sunday"]

    again = outcome(run, "Again", SCHEDULE_PATHS)
    assert {name: changed for name, (changed, _result) in again.items()} == dict.fromkeys(SCHEDULE_PATHS, False)


def test_info_is_read_only_and_the_same_in_check_mode(sim, tmp_path):
    location_id = sim.location_id("Headquarters")
    create_attendant(sim, "Listed", "2401")
    sim.clear_requests()
    tasks = [
        ("Organisation", INFO_MODULE, {}),
        ("One location", INFO_MODULE, {"location": location_id}),
        ("One name", INFO_MODULE, {"location": "Headquarters", "name": "Listed"}),
    ]
    run = play(
        sim,
        tmp_path,
        [task(name, module, args) for name, module, args in tasks]
        + [task("Check diff: " + name, module, args, check_mode=True, diff=True) for name, module, args in tasks],
    )
    assert run.rc == 0, run
    assert writes(sim) == []
    for prefix in ("", "Check diff: "):
        assert [run.one(prefix + name)["changed"] for name, _module, _args in tasks] == [False] * 3
        assert "diff" not in result_of(run, prefix + "One name")
        assert [item["name"] for item in result_of(run, prefix + "One name")["auto_attendants"]] == ["Listed"]
    for name, _module, _args in tasks:
        assert result_of(run, name)["export"] == result_of(run, "Check diff: " + name)["export"], name
