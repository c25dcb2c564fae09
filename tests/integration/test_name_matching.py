"""Names and locations are matched exactly, against hostile data the test sets up itself (never the seed's order).

The Webex list filters match any name that *contains* the value, in any case. Each test creates the objects that a
loose match would pick first: a case variant, a name that contains the wanted one, the same name elsewhere, and
locations added in the order that exposes a "first name that contains it" match. Every write is then checked to
have gone to the one object the task names, and nothing else.
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


def absent(name, location="Headquarters"):
    return {"location": location, "name": name, "state": "absent"}


def update(name, location="Headquarters", **options):
    return dict({"location": location, "name": name}, **options)


def test_attendant_names_differing_only_in_case_are_different_attendants(sim, tmp_path):
    hq = sim.location_id("Headquarters")
    upper = create_attendant(sim, "RECEPTION", "2501")
    lower = create_attendant(sim, "reception", "2502")
    longer = create_attendant(sim, "Reception Desk", "2503")
    sim.clear_requests()

    check = play(
        sim,
        tmp_path,
        [
            task("Absent", AA_MODULE, absent("Reception")),
            task("Update", AA_MODULE, update("Reception", name_dialing="GROUP"), ignore_errors=True),
        ],
        check=True,
    )
    assert check.one("Absent")["changed"] is False
    assert check.one("Update")["failed"] and "does not exist" in result_of(check, "Update")["msg"]
    assert writes(sim) == []

    run = play(
        sim,
        tmp_path,
        [
            task("Absent", AA_MODULE, absent("Reception")),
            task("Create", AA_MODULE, aa_args("Reception", "2504")),
            task("Update", AA_MODULE, update("Reception", name_dialing="GROUP")),
            task("Read", INFO_MODULE, {"location": "Headquarters", "name": "Reception"}),
            task("Delete", AA_MODULE, absent("Reception")),
        ],
    )
    assert run.rc == 0, run
    assert [run.one(name)["changed"] for name in ("Absent", "Create", "Update", "Delete")] == [False, True, True, True]
    created = result_of(run, "Create")["auto_attendant"]["id"]
    base = aa_base(sim, hq)
    assert writes(sim) == [
        ("POST", base, 201),
        ("PUT", "%s/%s" % (base, created), 200),
        ("DELETE", "%s/%s" % (base, created), 204),
    ]
    assert [item["name"] for item in result_of(run, "Read")["auto_attendants"]] == ["Reception"]
    for other in (upper, lower, longer):
        assert attendant(sim, hq, other)["nameDialing"] == "ENTERPRISE"


def test_attendant_names_that_contain_one_another(sim, tmp_path):
    hq = sim.location_id("Headquarters")
    # Created before "Main", so that a match on the first name containing "Main" would take one of these.
    main_line = create_attendant(sim, "Main Line", "2511")
    main_line_2 = create_attendant(sim, "MAIN LINE 2", "2512")
    sim.clear_requests()
    run = play(
        sim,
        tmp_path,
        [
            task("Create Main", AA_MODULE, aa_args("Main", "2513")),
            task("Update Main", AA_MODULE, update("Main", extension_dialing="GROUP")),
            task("Update Main Line", AA_MODULE, update("Main Line", name_dialing="GROUP")),
            task("Absent Mai", AA_MODULE, absent("Mai")),
            task("Read Main", INFO_MODULE, {"location": "Headquarters", "name": "Main"}),
            task("Delete Main", AA_MODULE, absent("Main")),
        ],
    )
    assert run.rc == 0, run
    changed = [
        run.one(name)["changed"]
        for name in ("Create Main", "Update Main", "Update Main Line", "Absent Mai", "Delete Main")
    ]
    assert changed == [True, True, True, False, True]
    main = result_of(run, "Create Main")["auto_attendant"]["id"]
    base = aa_base(sim, hq)
    assert writes(sim) == [
        ("POST", base, 201),
        ("PUT", "%s/%s" % (base, main), 200),
        ("PUT", "%s/%s" % (base, main_line), 200),
        ("DELETE", "%s/%s" % (base, main), 204),
    ]
    assert [item["name"] for item in result_of(run, "Read Main")["auto_attendants"]] == ["Main"]
    assert attendant(sim, hq, main_line)["extensionDialing"] == "ENTERPRISE"
    assert attendant(sim, hq, main_line)["nameDialing"] == "GROUP"
    assert attendant(sim, hq, main_line_2)["nameDialing"] == "ENTERPRISE"


def test_the_same_attendant_name_in_two_locations(sim, tmp_path):
    hq, annex = sim.location_id("Headquarters"), sim.location_id("Headquarters Annex")
    in_annex = create_attendant(sim, "Reception", "2521", location="Headquarters Annex")  # listed first
    in_hq = create_attendant(sim, "Reception", "2521")
    sim.clear_requests()
    run = play(
        sim,
        tmp_path,
        [
            task("Update", AA_MODULE, update("Reception", name_dialing="GROUP")),
            task("Read", INFO_MODULE, {"location": "Headquarters", "name": "Reception"}),
            task("Read all", INFO_MODULE, {"name": "Reception"}),
            task("Delete", AA_MODULE, absent("Reception")),
            task("Delete again", AA_MODULE, absent("Reception")),
        ],
    )
    assert run.rc == 0, run
    base = aa_base(sim, hq)
    assert writes(sim) == [("PUT", "%s/%s" % (base, in_hq), 200), ("DELETE", "%s/%s" % (base, in_hq), 204)]
    assert [run.one(name)["changed"] for name in ("Update", "Delete", "Delete again")] == [True, True, False]
    assert [item["id"] for item in result_of(run, "Read")["auto_attendants"]] == [in_hq]
    assert sorted(item["id"] for item in result_of(run, "Read all")["auto_attendants"]) == sorted([in_hq, in_annex])
    assert attendant(sim, annex, in_annex)["nameDialing"] == "ENTERPRISE"


def test_a_location_name_resolves_only_to_exactly_that_name(sim, tmp_path):
    # Added in the order a "first location whose name contains it" match would get wrong: the longer name and a case
    # variant come first in the list.
    sim.add_location("Depot Annex")
    sim.add_location("DEPOT", first=True)
    depot = sim.add_location("Depot")
    sim.add_location("Depot Annex 2")
    west = sim.add_location("Headquarters West", first=True)
    sim.add_location("HEADQUARTERS", first=True)
    hq = sim.location_id("Headquarters")
    create_attendant(sim, "Front desk", "2531", location=west)
    sim.clear_requests()
    run = play(
        sim,
        tmp_path,
        [
            task("Attendant", AA_MODULE, aa_args("Front desk", "2531", location="Depot")),
            task(
                "Schedule",
                SCHEDULE_MODULE,
                {"location": "Depot", "type": "business_hours", "name": "Depot hours", "events": [SATURDAY]},
            ),
            task("Read", INFO_MODULE, {"location": "Depot"}),
            task("Attendant in HQ", AA_MODULE, aa_args("Front desk", "2532", location="Headquarters")),
            task("Read HQ", INFO_MODULE, {"location": "Headquarters", "name": "Front desk"}),
        ],
    )
    assert run.rc == 0, run
    assert [run.one(name)["changed"] for name in ("Attendant", "Schedule", "Attendant in HQ")] == [True, True, True]
    assert writes(sim) == [
        ("POST", aa_base(sim, depot), 201),
        ("POST", schedules_base(depot), 201),
        ("POST", aa_base(sim, hq), 201),
    ]
    assert [item["name"] for item in result_of(run, "Read")["auto_attendants"]] == ["Front desk"]
    read_hq = result_of(run, "Read HQ")["auto_attendants"]
    assert [item["extension"] for item in read_hq] == ["2532"]
    assert len(attendants_named(sim, "Front desk", west)) == 1


def test_a_location_in_another_case_or_with_a_duplicate_name_fails_before_any_write(sim, tmp_path):
    sim.add_location("Depot Annex")
    sim.add_location("Twin")
    sim.add_location("Twin")
    sim.clear_requests()
    tasks = []
    for location in ("depot", "Depot", "Twin"):
        tasks += [
            task(
                "Attendant in %s" % location, AA_MODULE, aa_args("Desk", "2541", location=location), ignore_errors=True
            ),
            task(
                "Schedule in %s" % location,
                SCHEDULE_MODULE,
                {"location": location, "type": "holidays", "name": "Days"},
                ignore_errors=True,
            ),
            task("Read %s" % location, INFO_MODULE, {"location": location}, ignore_errors=True),
        ]
    run = play(sim, tmp_path, tasks)
    assert writes(sim) == []
    for location in ("depot", "Depot"):
        for kind in ("Attendant in", "Schedule in", "Read"):
            result = run.one("%s %s" % (kind, location))
            assert result["failed"], result
            if kind != "Read":
                assert "location %r not found" % location in result["result"]["msg"], result
    for kind in ("Attendant in", "Schedule in"):
        result = run.one("%s Twin" % kind)
        assert (
            result["failed"] and "2 locations are called 'Twin' in the organization (ids: " in result["result"]["msg"]
        )
    assert run.one("Read Twin")["failed"] and "Twin" in result_of(run, "Read Twin")["msg"]


def test_schedule_names_match_exactly_by_type_and_case(sim, tmp_path):
    hq = sim.location_id("Headquarters")
    # Listed before "Office": names that contain it, a case variant, and the same name with the other type.
    longer = create_schedule(sim, hq, "Office Hours", events=[API_SATURDAY])
    upper = create_schedule(sim, hq, "OFFICE", events=[API_SATURDAY])
    holidays = create_schedule(sim, hq, "Office", kind="holidays")
    office = create_schedule(sim, hq, "Office", events=[API_SATURDAY])
    sim.clear_requests()
    late = dict(SATURDAY, end_time="13:00")
    run = play(
        sim,
        tmp_path,
        [
            task(
                "Absent office",
                SCHEDULE_MODULE,
                {"location": "Headquarters", "type": "business_hours", "name": "office", "state": "absent"},
            ),
            task(
                "Update Office",
                SCHEDULE_MODULE,
                {"location": "Headquarters", "type": "business_hours", "name": "Office", "events": [late]},
            ),
            task(
                "Rename onto a taken name",
                SCHEDULE_MODULE,
                {"location": "Headquarters", "type": "business_hours", "name": "Office", "new_name": "Office Hours"},
                ignore_errors=True,
            ),
            task(
                "Delete holidays Office",
                SCHEDULE_MODULE,
                {"location": "Headquarters", "type": "holidays", "name": "Office", "state": "absent"},
            ),
        ],
    )
    assert run.rc == 0, run
    assert run.one("Absent office")["changed"] is False
    assert run.one("Update Office")["changed"] is True
    assert run.one("Rename onto a taken name")["failed"]
    assert "already exists" in result_of(run, "Rename onto a taken name")["msg"]
    assert run.one("Delete holidays Office")["changed"] is True
    base = schedules_base(hq)
    saturday = schedule(sim, hq, "Office")["events"][0]
    assert writes(sim) == [
        ("PUT", "%s/businessHours/%s/events/%s" % (base, office, saturday["id"]), 200),
        ("DELETE", "%s/holidays/%s" % (base, holidays), 204),
    ]
    assert saturday["endTime"] == "13:00"
    for name, schedule_id in (("Office Hours", longer), ("OFFICE", upper)):
        assert (
            schedule(sim, hq, name)["id"] == schedule_id and schedule(sim, hq, name)["events"][0]["endTime"] == "12:00"
        )
