"""What Ansible's check_mode and diff task keywords make of the modules: one playbook, a few paths of
webex_auto_attendant and webex_schedule (create, update, delete, a schedule's events and its rename) and an info task,
in three phases: check mode with diff, for real with diff, then check mode again. Check mode writes nothing (the writes
of the whole run are exactly the real phase's, and the info task in the check phase still sees the state before),
each check-mode task reports the changed and diff the real one then has, and the last phase finds nothing to change.

Every path of each module, the object and the diff check mode predicts for each, is tests/component/test_check_mode.py
(in this process); the --check and --diff command-line flags are the per-module files' subject
(tests/integration/test_webex_*.py).
"""

from tests.builders import API_SATURDAY, API_SUNDAY, API_WEEKDAYS, HQ, LATE, SATURDAY, WEEKDAYS
from tests.integration.scenario import (
    AA_MODULE,
    INFO_MODULE,
    SCHEDULE_MODULE,
    aa_args,
    aa_base,
    create_attendant,
    create_schedule,
    play,
    result_of,
    schedule,
    schedules_base,
    task,
    writes,
)

# name: (module, options, changed)
PATHS = {
    "Create": (AA_MODULE, aa_args("New desk", "2201"), True),
    "Update": (AA_MODULE, {"location": HQ, "name": "Existing", "name_dialing": "GROUP"}, True),
    "Nothing": (AA_MODULE, aa_args("Same", "2203"), False),
    "Delete": (AA_MODULE, {"location": HQ, "name": "Doomed", "state": "absent"}, True),
    # Weekdays kept, Saturday changed, Sunday removed, Late added.
    "Events": (
        SCHEDULE_MODULE,
        {
            "location": HQ,
            "type": "business_hours",
            "name": "Shifts",
            "events": [WEEKDAYS, dict(SATURDAY, end_time="13:00"), LATE],
        },
        True,
    ),
    "Rename": (
        SCHEDULE_MODULE,
        {"location": HQ, "type": "business_hours", "name": "Old name", "new_name": "New name"},
        True,
    ),
}
# (phase, task keywords): the phases of one run, in order.
PHASES = (
    ("Check diff", {"check_mode": True, "diff": True}),
    ("Real", {"diff": True}),
    ("Again", {"check_mode": True}),
)


def phased_tasks():
    """Each path, then the info task, once per phase, named "PHASE: NAME", with the phase's keywords."""
    return [
        task("%s: %s" % (phase, name), module, options, **keywords)
        for phase, keywords in PHASES
        for name, (module, options) in [(name, path[:2]) for name, path in PATHS.items()]
        + [("Read back", (INFO_MODULE, {"location": HQ}))]
    ]


def outcome(run, phase):
    """{name: (changed, result)} of the paths' tasks in PHASE."""
    return {
        name: (run.one("%s: %s" % (phase, name))["changed"], result_of(run, "%s: %s" % (phase, name))) for name in PATHS
    }


def read_back(run, phase):
    """{name: name_dialing} of the attendants the info task of PHASE read."""
    return {item["name"]: item["name_dialing"] for item in result_of(run, "%s: Read back" % phase)["auto_attendants"]}


def test_check_mode_then_real_then_check_mode_again_in_one_playbook(sim, tmp_path):
    location_id = sim.location_id(HQ)
    attendants = {
        name: create_attendant(sim, name, extension)
        for name, extension in (("Existing", "2202"), ("Same", "2203"), ("Doomed", "2204"))
    }
    schedules = {
        "Shifts": create_schedule(sim, location_id, "Shifts", events=[API_WEEKDAYS, API_SATURDAY, API_SUNDAY]),
        "Old name": create_schedule(sim, location_id, "Old name", events=[API_SATURDAY]),
    }
    shifts = {event["name"]: event["id"] for event in schedule(sim, location_id, "Shifts")["events"]}
    sim.clear_requests()

    run = play(sim, tmp_path, phased_tasks())
    assert run.rc == 0, run

    predicted = outcome(run, "Check diff")
    assert {name: changed for name, (changed, _result) in predicted.items()} == {
        name: path[2] for name, path in PATHS.items()
    }
    assert all("diff" in result for _changed, result in predicted.values())
    # Nothing changed: the info task, run after them in check mode, still sees the state before.
    assert run.one("Check diff: Read back")["changed"] is False
    assert read_back(run, "Check diff") == {"Doomed": "ENTERPRISE", "Existing": "ENTERPRISE", "Same": "ENTERPRISE"}

    # The writes of the whole run: only the real phase's.
    attendants_base, business = aa_base(sim, location_id), schedules_base(location_id) + "/businessHours/"
    assert sorted(writes(sim)) == sorted(
        [
            ("POST", attendants_base, 201),
            ("PUT", "%s/%s" % (attendants_base, attendants["Existing"]), 200),
            ("DELETE", "%s/%s" % (attendants_base, attendants["Doomed"]), 204),
            ("DELETE", business + schedules["Shifts"] + "/events/" + shifts["Sunday"], 204),
            ("PUT", business + schedules["Shifts"] + "/events/" + shifts["Saturday"], 200),
            ("POST", business + schedules["Shifts"] + "/events", 201),
            ("PUT", business + schedules["Old name"], 200),
        ]
    )
    real = outcome(run, "Real")
    for name, (changed, result) in predicted.items():
        assert real[name][0] is changed and real[name][1]["diff"] == result["diff"], name
    assert read_back(run, "Real") == {"Existing": "GROUP", "New desk": "ENTERPRISE", "Same": "ENTERPRISE"}
    assert schedule(sim, location_id, "New name") and schedule(sim, location_id, "Old name") is None

    again = outcome(run, "Again")
    assert {name: changed for name, (changed, _result) in again.items()} == dict.fromkeys(PATHS, False)


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
