"""Check mode on every path of webex_auto_attendant and webex_schedule, in this process (helpers.task_result): each
check-mode task, with and without diff, reports exactly the changed, the object and the diff the real task then has,
path by path, and writes nothing; it shows a diff only when diff is asked for; the real run writes exactly the
requests of the paths predicted to change; after it, check mode finds nothing left to change.

tests/integration/test_check_mode_matrix.py shows what Ansible's check_mode and diff keywords make of it, on a few
paths of both modules in one playbook.
"""

import pytest

from tests.builders import (
    AA_MODULE,
    API_SATURDAY,
    API_SUNDAY,
    API_WEEKDAYS,
    HQ,
    LATE,
    SATURDAY,
    SCHEDULE_MODULE,
    WEEKDAYS,
    aa_options,
)
from tests.component.helpers import task_result
from tests.integration.scenario import aa_base, create_attendant, create_schedule, schedule, schedules_base, writes

CLOSED = {"name": "Closed", "start_date": "2026-12-24", "end_date": "2026-12-26"}

# name: (args, changed)
AA_PATHS = {
    "Create": (aa_options("New desk", "2201"), True),
    "Update": ({"location": HQ, "name": "Existing", "name_dialing": "GROUP"}, True),
    "Nothing": (aa_options("Same", "2203"), False),
    "Delete": ({"location": HQ, "name": "Doomed", "state": "absent"}, True),
    "Delete missing": ({"location": HQ, "name": "Ghost", "state": "absent"}, False),
}


def schedule_args(name, kind="business_hours", **options):
    return dict({"location": HQ, "type": kind, "name": name}, **options)


SCHEDULE_PATHS = {
    "Create": (schedule_args("Office", events=[WEEKDAYS, SATURDAY]), True),
    "Create holidays": (schedule_args("Closures", "holidays", events=[CLOSED]), True),
    # Weekdays kept, Saturday changed, Sunday removed, Late added.
    "Events": (schedule_args("Shifts", events=[WEEKDAYS, dict(SATURDAY, end_time="13:00"), LATE]), True),
    "Rename": (schedule_args("Old name", new_name="New name"), True),
    "Rename done": (schedule_args("Earlier name", new_name="Renamed before"), False),
    "Rename and events": (schedule_args("Winter", new_name="Summer", events=[SATURDAY]), True),
    "Nothing": (schedule_args("Same", events=[SATURDAY, WEEKDAYS]), False),
    "Events left alone": (schedule_args("Loose"), False),
    "Delete": (schedule_args("Doomed", state="absent"), True),
    "Delete missing": (schedule_args("Ghost", "holidays", state="absent"), False),
}


def set_up_attendants(sim):
    """Create the attendants the paths find; return a function that tells the writes the real run makes of the paths
    that change."""
    ids = {
        name: create_attendant(sim, name, extension)
        for name, extension in (("Existing", "2202"), ("Same", "2203"), ("Doomed", "2204"))
    }
    sim.clear_requests()
    base = aa_base(sim, sim.location_id(HQ))
    return lambda: [
        ("POST", base, 201),
        ("PUT", "%s/%s" % (base, ids["Existing"]), 200),
        ("DELETE", "%s/%s" % (base, ids["Doomed"]), 204),
    ]


def set_up_schedules(sim):
    """Create the schedules the paths find; return a function that tells, after the real run, the writes it makes of
    the paths that change (the service gives a renamed schedule a new id: "Summer"'s events are written under it)."""
    location_id = sim.location_id(HQ)
    ids = {
        "Shifts": create_schedule(sim, location_id, "Shifts", events=[API_WEEKDAYS, API_SATURDAY, API_SUNDAY]),
        "Old name": create_schedule(sim, location_id, "Old name", events=[API_SATURDAY]),
        "Renamed before": create_schedule(sim, location_id, "Renamed before"),
        "Winter": create_schedule(sim, location_id, "Winter", events=[API_WEEKDAYS]),
        "Same": create_schedule(sim, location_id, "Same", events=[API_WEEKDAYS, API_SATURDAY]),
        "Loose": create_schedule(sim, location_id, "Loose", events=[API_SUNDAY]),
        "Doomed": create_schedule(sim, location_id, "Doomed", events=[API_SUNDAY]),
    }
    shifts = {event["name"]: event["id"] for event in schedule(sim, location_id, "Shifts")["events"]}
    winter = {event["name"]: event["id"] for event in schedule(sim, location_id, "Winter")["events"]}
    sim.clear_requests()
    base = schedules_base(location_id)
    business = base + "/businessHours/"
    return lambda: [
        ("POST", base, 201),
        ("POST", base, 201),
        ("DELETE", business + ids["Shifts"] + "/events/" + shifts["Sunday"], 204),
        ("PUT", business + ids["Shifts"] + "/events/" + shifts["Saturday"], 200),
        ("POST", business + ids["Shifts"] + "/events", 201),
        ("PUT", business + ids["Old name"], 200),
        ("PUT", business + ids["Winter"], 200),
        ("DELETE", business + schedule(sim, location_id, "Summer")["id"] + "/events/" + winter["Weekdays"], 204),
        ("POST", business + schedule(sim, location_id, "Summer")["id"] + "/events", 201),
        ("DELETE", business + ids["Doomed"], 204),
    ]


def assert_attendant_predictions(predicted):
    """What check mode with diff predicts, path by path."""
    assert predicted["Create"]["auto_attendant"]["id"] is None
    assert predicted["Create"]["auto_attendant"]["name"] == "New desk"
    assert predicted["Update"]["auto_attendant"]["name_dialing"] == "GROUP"
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


def assert_schedule_predictions(predicted):
    """What check mode with diff predicts, path by path."""
    assert predicted["Create"]["schedule"]["id"] is None
    assert [event["id"] for event in predicted["Create"]["schedule"]["events"]] == [None, None]
    assert predicted["Rename"]["schedule"]["name"] == "New name"
    assert predicted["Delete"]["schedule"] is None
    assert predicted["Create"]["diff"]["before"] == {}
    assert [event["name"] for event in predicted["Create"]["diff"]["after"]["events"]] == ["Weekdays", "Saturday"]
    events = predicted["Events"]["diff"]
    assert [event["name"] for event in events["before"]["events"]] == ["Weekdays", "Saturday", "Sunday"]
    assert [event["name"] for event in events["after"]["events"]] == ["Weekdays", "Saturday", "Late"]
    assert events["after"]["events"][1]["end_time"] == "13:00"
    assert predicted["Rename"]["diff"]["before"]["name"] == "Old name"
    assert predicted["Rename"]["diff"]["after"]["name"] == "New name"
    assert predicted["Rename"]["diff"]["before"]["events"] == predicted["Rename"]["diff"]["after"]["events"]
    for unchanged in ("Rename done", "Nothing", "Events left alone"):
        assert predicted[unchanged]["diff"]["before"] == predicted[unchanged]["diff"]["after"], unchanged
    assert predicted["Delete"]["diff"]["before"]["name"] == "Doomed" and predicted["Delete"]["diff"]["after"] == {}
    assert predicted["Delete missing"]["diff"] == {"before": {}, "after": {}}


@pytest.mark.parametrize(
    "module, paths, set_up, assert_predictions",
    [
        (AA_MODULE, AA_PATHS, set_up_attendants, assert_attendant_predictions),
        (SCHEDULE_MODULE, SCHEDULE_PATHS, set_up_schedules, assert_schedule_predictions),
    ],
    ids=["auto-attendant", "schedule"],
)
def test_check_mode_predicts_every_path_writes_nothing_and_diffs_only_when_asked(
    sim, client, module, paths, set_up, assert_predictions
):
    expected_writes = set_up(sim)
    predicted = {}
    for diff in (False, True):
        for name, (args, changed) in paths.items():
            result = task_result(client, module, args, check_mode=True, diff=diff)
            assert (result["failed"], result["changed"], "diff" in result) == (False, changed, diff), (name, result)
            predicted[name] = result
        assert writes(sim) == [], "check mode wrote"
    assert_predictions(predicted)
    for name, (args, changed) in paths.items():
        result = task_result(client, module, args, diff=True)
        assert (result["failed"], result["changed"]) == (False, changed), (name, result)
        assert result["diff"] == predicted[name]["diff"], name
    written = writes(sim)
    assert sorted(written) == sorted(expected_writes())
    for name, (args, _changed) in paths.items():
        result = task_result(client, module, args, check_mode=True)
        assert (result["failed"], result["changed"]) == (False, False), (name, result)
    assert writes(sim) == written
