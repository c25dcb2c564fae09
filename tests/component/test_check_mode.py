"""Check mode on every path of webex_auto_attendant and webex_schedule, in this process (helpers.task_result): each
check-mode task, with and without diff, reports exactly the changed the real task then has, writes nothing, and
shows a diff only when diff is asked for; after the real run, check mode finds nothing left to change.

tests/integration/test_check_mode_matrix.py runs the same matrix as one playbook per module (check mode with diff,
for real, check mode again): what Ansible's check_mode and diff keywords make of it.
"""

import pytest

from tests.builders import (
    AA_MODULE,
    API_SATURDAY,
    API_SUNDAY,
    API_WEEKDAYS,
    HQ,
    SATURDAY,
    SCHEDULE_MODULE,
    WEEKDAYS,
    aa_options,
)
from tests.component.helpers import task_result
from tests.integration.scenario import create_attendant, create_schedule, writes

LATE = {
    "name": "Late",
    "start_date": "2026-01-08",
    "end_date": "2026-01-08",
    "start_time": "17:00",
    "end_time": "20:00",
}
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
    for name, extension in (("Existing", "2202"), ("Same", "2203"), ("Doomed", "2204")):
        create_attendant(sim, name, extension)
    sim.clear_requests()


def set_up_schedules(sim):
    location_id = sim.location_id(HQ)
    create_schedule(sim, location_id, "Shifts", events=[API_WEEKDAYS, API_SATURDAY, API_SUNDAY])
    create_schedule(sim, location_id, "Old name", events=[API_SATURDAY])
    create_schedule(sim, location_id, "Renamed before")
    create_schedule(sim, location_id, "Winter", events=[API_WEEKDAYS])
    create_schedule(sim, location_id, "Same", events=[API_WEEKDAYS, API_SATURDAY])
    create_schedule(sim, location_id, "Loose", events=[API_SUNDAY])
    create_schedule(sim, location_id, "Doomed", events=[API_SUNDAY])
    sim.clear_requests()


@pytest.mark.parametrize(
    "module, paths, set_up",
    [(AA_MODULE, AA_PATHS, set_up_attendants), (SCHEDULE_MODULE, SCHEDULE_PATHS, set_up_schedules)],
    ids=["auto-attendant", "schedule"],
)
def test_check_mode_predicts_every_path_writes_nothing_and_diffs_only_when_asked(sim, client, module, paths, set_up):
    set_up(sim)
    predicted = {}
    for diff in (False, True):
        for name, (args, changed) in paths.items():
            result = task_result(client, module, args, check_mode=True, diff=diff)
            assert (result["failed"], result["changed"], "diff" in result) == (False, changed, diff), (name, result)
            predicted[name] = result
        assert writes(sim) == [], "check mode wrote"
    for name, (args, changed) in paths.items():
        result = task_result(client, module, args, diff=True)
        assert (result["failed"], result["changed"]) == (False, changed), (name, result)
        assert result["diff"] == predicted[name]["diff"], name
    written = len(writes(sim))
    assert written >= sum(changed for _args, changed in paths.values())
    for name, (args, _changed) in paths.items():
        result = task_result(client, module, args, check_mode=True)
        assert (result["failed"], result["changed"]) == (False, False), (name, result)
    assert len(writes(sim)) == written
