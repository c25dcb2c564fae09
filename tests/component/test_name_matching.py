"""Names and locations are matched exactly, against hostile data the test sets up itself (never the seed's order).

The Webex list filters match any name that *contains* the value, in any case. Each test creates the objects that a
loose match would pick first: a case variant, a name that contains the wanted one, the same name elsewhere, and
locations added in the order that exposes a "first name that contains it" match. Every write is then checked to
have gone to the one object the task names, and nothing else. Each task is the module's work computed in this
process (helpers.task_result) against the simulator over HTTP.
"""

from tests.builders import AA_MODULE, ANNEX, HQ, INFO_MODULE, SATURDAY, SCHEDULE_MODULE, aa_options
from tests.component.helpers import task_result
from tests.integration.scenario import (
    aa_base,
    attendant,
    attendants_named,
    create_attendant,
    create_schedule,
    schedule,
    schedules_base,
    writes,
)

API_SATURDAY = {
    "name": "Saturday",
    "startDate": "2026-01-10",
    "endDate": "2026-01-10",
    "startTime": "09:00",
    "endTime": "12:00",
}


def absent(name, location=HQ):
    return {"location": location, "name": name, "state": "absent"}


def update(name, location=HQ, **options):
    return dict({"location": location, "name": name}, **options)


def run_tasks(client, tasks, check_mode=False):
    """{name: result} of TASKS ((name, module, args) in order), each run after the one before, as in one play."""
    return {name: task_result(client, module, args, check_mode=check_mode) for name, module, args in tasks}


def changed(results, *names):
    return [results[name]["changed"] for name in names]


def test_attendant_names_differing_only_in_case_are_different_attendants(sim, client):
    hq = sim.location_id(HQ)
    upper = create_attendant(sim, "RECEPTION", "2501")
    lower = create_attendant(sim, "reception", "2502")
    longer = create_attendant(sim, "Reception Desk", "2503")
    sim.clear_requests()

    check = run_tasks(
        client,
        [
            ("Absent", AA_MODULE, absent("Reception")),
            ("Update", AA_MODULE, update("Reception", name_dialing="GROUP")),
        ],
        check_mode=True,
    )
    assert check["Absent"]["changed"] is False and not check["Absent"]["failed"]
    assert check["Update"]["failed"] and "does not exist" in check["Update"]["msg"]
    assert writes(sim) == []

    run = run_tasks(
        client,
        [
            ("Absent", AA_MODULE, absent("Reception")),
            ("Create", AA_MODULE, aa_options("Reception", "2504")),
            ("Update", AA_MODULE, update("Reception", name_dialing="GROUP")),
            ("Read", INFO_MODULE, {"location": HQ, "name": "Reception"}),
            ("Delete", AA_MODULE, absent("Reception")),
        ],
    )
    assert not any(result["failed"] for result in run.values()), run
    assert changed(run, "Absent", "Create", "Update", "Delete") == [False, True, True, True]
    created = run["Create"]["auto_attendant"]["id"]
    base = aa_base(sim, hq)
    assert writes(sim) == [
        ("POST", base, 201),
        ("PUT", "%s/%s" % (base, created), 200),
        ("DELETE", "%s/%s" % (base, created), 204),
    ]
    assert [item["name"] for item in run["Read"]["auto_attendants"]] == ["Reception"]
    for other in (upper, lower, longer):
        assert attendant(sim, hq, other)["nameDialing"] == "ENTERPRISE"


def test_attendant_names_that_contain_one_another(sim, client):
    hq = sim.location_id(HQ)
    # Created before "Main", so that a match on the first name containing "Main" would take one of these.
    main_line = create_attendant(sim, "Main Line", "2511")
    main_line_2 = create_attendant(sim, "MAIN LINE 2", "2512")
    sim.clear_requests()
    run = run_tasks(
        client,
        [
            ("Create Main", AA_MODULE, aa_options("Main", "2513")),
            ("Update Main", AA_MODULE, update("Main", extension_dialing="GROUP")),
            ("Update Main Line", AA_MODULE, update("Main Line", name_dialing="GROUP")),
            ("Absent Mai", AA_MODULE, absent("Mai")),
            ("Read Main", INFO_MODULE, {"location": HQ, "name": "Main"}),
            ("Delete Main", AA_MODULE, absent("Main")),
        ],
    )
    assert not any(result["failed"] for result in run.values()), run
    assert changed(run, "Create Main", "Update Main", "Update Main Line", "Absent Mai", "Delete Main") == [
        True,
        True,
        True,
        False,
        True,
    ]
    main = run["Create Main"]["auto_attendant"]["id"]
    base = aa_base(sim, hq)
    assert writes(sim) == [
        ("POST", base, 201),
        ("PUT", "%s/%s" % (base, main), 200),
        ("PUT", "%s/%s" % (base, main_line), 200),
        ("DELETE", "%s/%s" % (base, main), 204),
    ]
    assert [item["name"] for item in run["Read Main"]["auto_attendants"]] == ["Main"]
    assert attendant(sim, hq, main_line)["extensionDialing"] == "ENTERPRISE"
    assert attendant(sim, hq, main_line)["nameDialing"] == "GROUP"
    assert attendant(sim, hq, main_line_2)["nameDialing"] == "ENTERPRISE"


def test_the_same_attendant_name_in_two_locations(sim, client):
    hq, annex = sim.location_id(HQ), sim.location_id(ANNEX)
    in_annex = create_attendant(sim, "Reception", "2521", location=ANNEX)  # listed first
    in_hq = create_attendant(sim, "Reception", "2521")
    sim.clear_requests()
    run = run_tasks(
        client,
        [
            ("Update", AA_MODULE, update("Reception", name_dialing="GROUP")),
            ("Read", INFO_MODULE, {"location": HQ, "name": "Reception"}),
            ("Read all", INFO_MODULE, {"name": "Reception"}),
            ("Delete", AA_MODULE, absent("Reception")),
            ("Delete again", AA_MODULE, absent("Reception")),
        ],
    )
    assert not any(result["failed"] for result in run.values()), run
    base = aa_base(sim, hq)
    assert writes(sim) == [("PUT", "%s/%s" % (base, in_hq), 200), ("DELETE", "%s/%s" % (base, in_hq), 204)]
    assert changed(run, "Update", "Delete", "Delete again") == [True, True, False]
    assert [item["id"] for item in run["Read"]["auto_attendants"]] == [in_hq]
    assert sorted(item["id"] for item in run["Read all"]["auto_attendants"]) == sorted([in_hq, in_annex])
    assert attendant(sim, annex, in_annex)["nameDialing"] == "ENTERPRISE"


def test_a_location_name_resolves_only_to_exactly_that_name(sim, client):
    # Added in the order a "first location whose name contains it" match would get wrong: the longer name and a case
    # variant come first in the list.
    sim.add_location("Depot Annex")
    sim.add_location("DEPOT", first=True)
    depot = sim.add_location("Depot")
    sim.add_location("Depot Annex 2")
    west = sim.add_location("Headquarters West", first=True)
    sim.add_location("HEADQUARTERS", first=True)
    hq = sim.location_id(HQ)
    create_attendant(sim, "Front desk", "2531", location=west)
    sim.clear_requests()
    run = run_tasks(
        client,
        [
            ("Attendant", AA_MODULE, aa_options("Front desk", "2531", location="Depot")),
            (
                "Schedule",
                SCHEDULE_MODULE,
                {"location": "Depot", "type": "business_hours", "name": "Depot hours", "events": [SATURDAY]},
            ),
            ("Read", INFO_MODULE, {"location": "Depot"}),
            ("Attendant in HQ", AA_MODULE, aa_options("Front desk", "2532", location=HQ)),
            ("Read HQ", INFO_MODULE, {"location": HQ, "name": "Front desk"}),
        ],
    )
    assert not any(result["failed"] for result in run.values()), run
    assert changed(run, "Attendant", "Schedule", "Attendant in HQ") == [True, True, True]
    assert writes(sim) == [
        ("POST", aa_base(sim, depot), 201),
        ("POST", schedules_base(depot), 201),
        ("POST", aa_base(sim, hq), 201),
    ]
    assert [item["name"] for item in run["Read"]["auto_attendants"]] == ["Front desk"]
    assert [item["extension"] for item in run["Read HQ"]["auto_attendants"]] == ["2532"]
    assert len(attendants_named(sim, "Front desk", west)) == 1


def test_a_location_in_another_case_or_with_a_duplicate_name_fails_before_any_write(sim, client):
    sim.add_location("Depot Annex")
    sim.add_location("Twin")
    sim.add_location("Twin")
    sim.clear_requests()
    tasks = []
    for location in ("depot", "Depot", "Twin"):
        tasks += [
            ("Attendant in %s" % location, AA_MODULE, aa_options("Desk", "2541", location=location)),
            ("Schedule in %s" % location, SCHEDULE_MODULE, {"location": location, "type": "holidays", "name": "Days"}),
            ("Read %s" % location, INFO_MODULE, {"location": location}),
        ]
    run = run_tasks(client, tasks)
    assert writes(sim) == []
    for location in ("depot", "Depot"):
        for kind in ("Attendant in", "Schedule in", "Read"):
            result = run["%s %s" % (kind, location)]
            assert result["failed"], result
            if kind != "Read":
                assert "location %r not found" % location in result["msg"], result
    for kind in ("Attendant in", "Schedule in"):
        result = run["%s Twin" % kind]
        assert result["failed"] and "2 locations are called 'Twin' in the organization (ids: " in result["msg"]
    assert run["Read Twin"]["failed"] and "Twin" in run["Read Twin"]["msg"]


def test_schedule_names_match_exactly_by_type_and_case(sim, client):
    hq = sim.location_id(HQ)
    # Listed before "Office": names that contain it, a case variant, and the same name with the other type.
    longer = create_schedule(sim, hq, "Office Hours", events=[API_SATURDAY])
    upper = create_schedule(sim, hq, "OFFICE", events=[API_SATURDAY])
    holidays = create_schedule(sim, hq, "Office", kind="holidays")
    office = create_schedule(sim, hq, "Office", events=[API_SATURDAY])
    sim.clear_requests()
    late = dict(SATURDAY, end_time="13:00")
    business = {"location": HQ, "type": "business_hours"}
    run = run_tasks(
        client,
        [
            ("Absent office", SCHEDULE_MODULE, dict(business, name="office", state="absent")),
            ("Update Office", SCHEDULE_MODULE, dict(business, name="Office", events=[late])),
            ("Rename onto a taken name", SCHEDULE_MODULE, dict(business, name="Office", new_name="Office Hours")),
            (
                "Delete holidays Office",
                SCHEDULE_MODULE,
                {"location": HQ, "type": "holidays", "name": "Office", "state": "absent"},
            ),
        ],
    )
    assert run["Absent office"]["changed"] is False and not run["Absent office"]["failed"]
    assert run["Update Office"]["changed"] is True and not run["Update Office"]["failed"]
    assert run["Rename onto a taken name"]["failed"]
    assert "already exists" in run["Rename onto a taken name"]["msg"]
    assert run["Delete holidays Office"]["changed"] is True and not run["Delete holidays Office"]["failed"]
    base = schedules_base(hq)
    saturday = schedule(sim, hq, "Office")["events"][0]
    assert writes(sim) == [
        ("PUT", "%s/businessHours/%s/events/%s" % (base, office, saturday["id"]), 200),
        ("DELETE", "%s/holidays/%s" % (base, holidays), 204),
    ]
    assert saturday["endTime"] == "13:00"
    for name, schedule_id in (("Office Hours", longer), ("OFFICE", upper)):
        stored = schedule(sim, hq, name)
        assert stored["id"] == schedule_id and stored["events"][0]["endTime"] == "12:00"
