"""The site engine against the simulator: one plan across schedules, greetings, attendants and forwarding.

Every scenario of SCENARIOS is held to the engine's contract (test_check_mode_is_the_plan_and_one_run_converges):
check mode writes nothing; the real run does per object exactly what check mode planned (action, differing fields,
place in the order); a second run plans nothing. The other tests hold what a scenario's plan must be, and the
refusals before any write.
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._site import converge as site
from ansible_collections.wxc.calling.plugins.module_utils._site.options import argument_spec
from tests.audio_fixtures import pcm_wav, write
from tests.builders import HQ, aa_options, api_menu, key, menu
from tests.component.helpers import create_aa, create_schedule, params_of
from tests.simulator.seed import ORG_ID

WEEKDAYS = {
    "name": "Weekdays",
    "start_date": "2026-01-05",
    "end_date": "2026-01-05",
    "start_time": "08:00",
    "end_time": "17:00",
    "recurrence": {"recur_weekly": {"monday": True}},
}


def declaration(**kinds):
    return params_of(argument_spec(), **kinds)


def run(client, params, check_mode=False, diff=False):
    warnings = []
    result = site.converge(client, params, check_mode=check_mode, diff=diff, warn=warnings.append)
    return result, warnings


def transfer_to(name):
    return menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant=name))


def plan_of(result):
    return [(e["kind"], e["name"], e["action"], e["differing_fields"], e["order"]) for e in result["objects"]]


def actions(result):
    return [(e["kind"], e["name"], e["action"]) for e in result["objects"]]


# -- the scenarios: (set-up through the API, the declaration) --------------------------------------------------------


def nothing(sim, hq):
    """An empty Headquarters."""


def site_from_nothing(sim, hq):
    return declaration(
        schedules=[{"location": HQ, "type": "business_hours", "name": "Site hours", "events": [WEEKDAYS]}],
        auto_attendants=[
            aa_options("Main", "2300", business_schedule="Site hours", business_hours_menu=transfer_to("Support")),
            aa_options("Support", "2301", business_schedule="Site hours"),
        ],
        forwarding=[{"location": HQ, "auto_attendant": "Main", "always": {"enabled": True, "destination": "2301"}}],
    )


def org_two_spellings_with_purge(sim, hq):
    create_aa(sim, hq, "Old", "2390")
    return declaration(
        auto_attendants=[aa_options("One", "2391", org_id=ORG_ID), aa_options("Two", "2392")],
        purge={"auto_attendants": True},
        purge_limit=0,
    )


def changed_extension_of_a_target(sim, hq):
    create_aa(sim, hq, "Back", "2401")
    create_aa(
        sim,
        hq,
        "Front",
        "2400",
        businessHoursMenu=api_menu({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2401"}),
    )
    return declaration(
        auto_attendants=[
            aa_options("Front", "2400", business_hours_menu=transfer_to("Back")),
            aa_options("Back", "2411"),
        ]
    )


def cycle_of_new_attendants(sim, hq):
    return declaration(
        auto_attendants=[
            aa_options("Ping", "2500", business_hours_menu=transfer_to("Pong")),
            aa_options("Pong", "2501", business_hours_menu=transfer_to("Ping")),
        ]
    )


def delete_of_a_referred_target(sim, hq):
    create_aa(sim, hq, "Back", "2601")
    create_aa(
        sim,
        hq,
        "Front",
        "2600",
        businessHoursMenu=api_menu({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2601"}),
    )
    return declaration(auto_attendants=[aa_options("Front", "2600"), dict(aa_options("Back", "2601"), state="absent")])


def rename_through_purge(sim, hq):
    create_aa(sim, hq, "Main", "2700")
    return declaration(
        auto_attendants=[aa_options("Main Line", "2700")], purge={"auto_attendants": True}, purge_limit=0
    )


def schedule_renamed_and_followed(sim, hq):
    create_schedule(sim, hq, "Office")
    create_aa(sim, hq, "Desk", "2800", businessSchedule="Office")
    return declaration(
        schedules=[{"location": HQ, "type": "business_hours", "name": "Office", "new_name": "Office 2"}],
        auto_attendants=[aa_options("Desk", "2800", business_schedule="Office 2")],
    )


def greeting_before_its_menu(sim, hq):
    greeting = {"greeting": "CUSTOM", "audio_announcement_file": {"name": "Welcome HQ", "level": "LOCATION"}}
    return declaration(
        announcements=[{"name": "Welcome HQ", "location": HQ, "text": "Welcome to headquarters", "voice": "ashley"}],
        auto_attendants=[aa_options("Greeter", "2820", business_hours_menu=menu(**greeting))],
    )


def forwarding_rule_on_a_new_schedule(sim, hq):
    rule = {
        "name": "Evenings",
        "business_schedule": "Evenings",
        "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "2901"},
        "calls_from": {"selection": "ANY"},
    }
    return declaration(
        schedules=[{"location": HQ, "type": "business_hours", "name": "Evenings", "events": [WEEKDAYS]}],
        auto_attendants=[aa_options("Night desk", "2900")],
        forwarding=[{"location": HQ, "auto_attendant": "Night desk", "rules": [rule]}],
    )


def a_target_nobody_has(sim, hq):
    create_aa(sim, hq, "Kept", "2950")
    return declaration(
        auto_attendants=[
            aa_options("Lost", "2951", business_hours_menu=transfer_to("Nobody")),
            aa_options("Kept", "2950", name_dialing="GROUP"),
        ]
    )


SCENARIOS = [
    site_from_nothing,
    org_two_spellings_with_purge,
    changed_extension_of_a_target,
    cycle_of_new_attendants,
    delete_of_a_referred_target,
    rename_through_purge,
    schedule_renamed_and_followed,
    greeting_before_its_menu,
    forwarding_rule_on_a_new_schedule,
    a_target_nobody_has,
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.__name__ for scenario in SCENARIOS])
def test_check_mode_is_the_plan_and_one_run_converges(sim, client, hq, scenario):
    params = scenario(sim, hq)
    sim.clear_requests()
    planned, _warnings = run(client, params, check_mode=True)
    assert sim.writes() == []
    done, _warnings = run(client, params)
    assert plan_of(done) == plan_of(planned)
    changed = [e for e in done["objects"] if e["action"] not in ("nothing", None) and not e.get("failed")]
    assert bool(sim.writes()) == bool(changed) and all(e["changed"] for e in changed)
    assert planned["summary"] == done["summary"]
    again, _warnings = run(client, params, check_mode=True)
    assert [e["action"] for e in again["objects"] if not e.get("failed")] == [
        "nothing" for e in again["objects"] if not e.get("failed")
    ]
    assert [e["name"] for e in again["objects"] if e.get("failed")] == [
        e["name"] for e in done["objects"] if e.get("failed")
    ]


# -- what the plans are --------------------------------------------------------------------------------------------


def test_a_site_from_nothing_is_written_targets_first(sim, client, hq):
    planned, _warnings = run(client, site_from_nothing(sim, hq), check_mode=True)
    assert [(e["kind"], e["name"], e["action"], e["order"]) for e in planned["objects"]] == [
        ("schedules", "Site hours", "create", 1),
        ("auto_attendants", "Main", "create", 3),
        ("auto_attendants", "Support", "create", 2),
        ("forwarding", "Main", "update", 4),
    ]
    assert planned["objects"][1]["auto_attendant"]["business_hours_menu"]["key_configurations"] == [
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2301"}
    ]
    assert planned["summary"]["total"] == {
        "created": 3,
        "updated": 1,
        "deleted": 0,
        "unchanged": 0,
        "failed": 0,
        "skipped": 0,
    }


def test_what_the_run_leaves_unchanged_is_returned_as_it_is(sim, client, hq):
    """After the run, as check mode shows it: an object without a write is returned as read, not as null."""
    params = site_from_nothing(sim, hq)
    run(client, params)
    planned, _warnings = run(client, params, check_mode=True)
    done, _warnings = run(client, params)
    fields = {"schedules": "schedule", "auto_attendants": "auto_attendant", "forwarding": "forwarding"}
    assert [e["action"] for e in done["objects"]] == ["nothing"] * 4
    assert all(e[fields[e["kind"]]] for e in done["objects"])
    assert [e[fields[e["kind"]]] for e in done["objects"]] == [e[fields[e["kind"]]] for e in planned["objects"]]


def test_an_organisation_spelled_two_ways_is_one_organisation(sim, client, hq):
    """The bug of the bulk module: purge deleted the declared attendants when one item named the organisation."""
    planned, _warnings = run(client, org_two_spellings_with_purge(sim, hq), check_mode=True)
    assert actions(planned) == [
        ("auto_attendants", "One", "create"),
        ("auto_attendants", "Two", "create"),
        ("auto_attendants", "Old", "delete"),
    ]
    assert planned["objects"][2]["purged"] is True
    assert [entry["name"] for entry in planned["undeclared"]] == ["Old"]


def test_one_attendant_declared_under_two_spellings_of_its_location_is_refused(sim, client, hq):
    params = declaration(auto_attendants=[aa_options("Main", "2100"), aa_options("Main", "2100", location=hq)])
    with pytest.raises(site.SiteRefused) as refused:
        run(client, params, check_mode=True)
    assert str(refused.value) == (
        "auto_attendants[1] ('Main'): the same auto attendant as auto_attendants[0] ('Main') (location %r is "
        "'Headquarters'); declare each auto attendant once (nothing was written)" % hq
    )


def test_a_changed_extension_reaches_its_referrers_in_the_same_run(sim, client, hq):
    planned, _warnings = run(client, changed_extension_of_a_target(sim, hq), check_mode=True)
    assert [(e["name"], e["action"], e["order"]) for e in planned["objects"]] == [
        ("Front", "update", 2),
        ("Back", "update", 1),
    ]
    front = planned["objects"][0]
    assert front["differing_fields"] == ["business_hours_menu.key_configurations (key 1)"]
    assert front["auto_attendant"]["business_hours_menu"]["key_configurations"][0]["value"] == "2411"


def test_a_cycle_of_new_attendants_is_written_in_two_passes(sim, client, hq):
    done, _warnings = run(client, cycle_of_new_attendants(sim, hq))
    assert [w["method"] for w in sim.writes()] == ["POST", "POST", "PUT"]
    assert [(e["name"], e["action"]) for e in done["objects"]] == [("Ping", "create"), ("Pong", "create")]
    assert done["steps"] == 3


def test_a_delete_waits_for_the_referrer_the_same_run_rewrites(sim, client, hq):
    params = delete_of_a_referred_target(sim, hq)
    sim.clear_requests()
    run(client, params)
    assert [(w["method"], w["path"].rsplit("/", 2)[-2]) for w in sim.writes()] == [
        ("PUT", "autoAttendants"),
        ("DELETE", "autoAttendants"),
    ]


def test_a_delete_waits_only_for_a_referrer_so_an_unrelated_failure_does_not_hold_it_back(sim, client, hq):
    """Side's update fails; it does not dial Back, so Back's delete does not wait for it and is made."""
    create_aa(sim, hq, "Back", "2601")
    create_aa(sim, hq, "Side", "2604")
    sim.fault(method="PUT", path="autoAttendants", status=400, count=1)
    params = declaration(
        auto_attendants=[
            aa_options("Side", "2604", name_dialing="GROUP"),
            dict(aa_options("Back", "2601"), state="absent"),
        ]
    )
    sim.clear_requests()
    done, _warnings = run(client, params)
    assert [(e["name"], e["action"], bool(e.get("failed")), bool(e.get("skipped"))) for e in done["objects"]] == [
        ("Side", "update", True, False),
        ("Back", "delete", False, False),
    ]
    assert [(w["method"], w["status"]) for w in sim.writes()] == [("PUT", 400), ("DELETE", 204)]


def test_a_delete_an_undeclared_referrer_still_needs_is_refused_naming_both(sim, client, hq):
    create_aa(sim, hq, "Gone", "2602")
    create_aa(
        sim,
        hq,
        "Theirs",
        "2603",
        businessHoursMenu=api_menu({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2602"}),
    )
    with pytest.raises(site.SiteRefused) as refused:
        run(client, declaration(auto_attendants=[dict(aa_options("Gone", "2602"), state="absent")]))
    assert str(refused.value) == (
        "auto_attendants[0] ('Gone'): auto attendant 'Theirs' still refers to it; declare that auto attendant too, "
        "or leave auto attendant 'Gone' (nothing was written)"
    )
    assert sim.writes() == []


def test_purge_keeps_what_a_declared_attendant_refers_to(sim, client, hq):
    create_aa(sim, hq, "Target", "2610")
    params = declaration(
        auto_attendants=[aa_options("Front", "2611", business_hours_menu=transfer_to("Target"))],
        purge={"auto_attendants": True},
    )
    planned, warnings = run(client, params, check_mode=True)
    assert actions(planned) == [("auto_attendants", "Front", "create")]
    assert warnings == [
        "purge keeps auto attendant 'Target' (a key of auto_attendants[0] ('Front') transfers to it): a declared object "
        "refers to it"
    ]


def test_purge_beyond_its_limit_is_refused_before_any_write(sim, client, hq):
    for number in range(3):
        create_aa(sim, hq, "Extra %d" % number, "26%02d" % (20 + number))
    params = declaration(auto_attendants=[aa_options("Front", "2630")], purge={"auto_attendants": True}, purge_limit=2)
    planned, warnings = run(client, params, check_mode=True)
    assert [e["action"] for e in planned["objects"]] == ["create", "delete", "delete", "delete"]
    assert warnings[0].startswith(
        "purge would delete 3 auto attendants, more than purge_limit 2: Extra 0 (Headquarters)"
    )
    with pytest.raises(site.SiteRefused):
        run(client, params)
    assert sim.writes() == []


def test_a_rename_through_purge_frees_the_extension_first(sim, client, hq):
    params = rename_through_purge(sim, hq)
    planned, _warnings = run(client, params, check_mode=True)
    assert [(e["name"], e["action"], e["order"]) for e in planned["objects"]] == [
        ("Main Line", "create", 2),
        ("Main", "delete", 1),
    ]
    sim.clear_requests()
    run(client, params)
    assert [w["method"] for w in sim.writes()] == ["DELETE", "POST"]


def test_a_schedule_renamed_in_the_run_is_followed_by_its_attendants(sim, client, hq):
    planned, _warnings = run(client, schedule_renamed_and_followed(sim, hq), check_mode=True)
    assert actions(planned) == [("schedules", "Office", "update"), ("auto_attendants", "Desk", "nothing")]


def test_a_schedule_an_undeclared_attendant_uses_is_not_deleted(sim, client, hq):
    create_schedule(sim, hq, "Night")
    create_aa(sim, hq, "Theirs", "2810", businessSchedule="Night")
    with pytest.raises(site.SiteRefused) as refused:
        run(
            client,
            declaration(schedules=[{"location": HQ, "type": "business_hours", "name": "Night", "state": "absent"}]),
        )
    assert "auto attendant 'Theirs' still refers to it" in str(refused.value)
    assert sim.writes() == []


def test_a_greeting_is_uploaded_before_the_menu_that_plays_it(sim, client, hq):
    planned, _warnings = run(client, greeting_before_its_menu(sim, hq), check_mode=True)
    assert [(e["name"], e["action"], e["order"]) for e in planned["objects"]] == [
        ("Welcome HQ", "create", 1),
        ("Greeter", "create", 2),
    ]


def test_a_greeting_file_a_menu_plays_by_file_name_is_uploaded_before_it(sim, client, hq, tmp_path):
    """The role gives a greeting_file as the audio file's file_name, not the announcement's name: still a target."""
    write(tmp_path, "welcome.wav", pcm_wav(seconds=2, rate=16000))
    audio = {"file_name": "welcome.wav", "media_file_type": "WAV", "level": "LOCATION"}
    params = declaration(
        announcements=[{"name": "welcome.wav", "location": HQ, "path": str(tmp_path / "welcome.wav")}],
        auto_attendants=[
            aa_options("Greeter", "2820", business_hours_menu=menu(greeting="CUSTOM", audio_announcement_file=audio))
        ],
    )
    done, _warnings = run(client, params)
    assert [(e["name"], e["action"], e.get("failed", False)) for e in done["objects"]] == [
        ("welcome.wav", "create", False),
        ("Greeter", "create", False),
    ]
    assert [(e["method"], e["path"].rsplit("/", 1)[-1]) for e in sim.writes()] == [
        ("POST", "announcements"),
        ("POST", "autoAttendants"),
    ]


def test_a_failed_object_fails_what_needs_it_and_the_others_converge(sim, client, hq):
    params = declaration(
        auto_attendants=[
            aa_options("Lost", "2951", business_hours_menu=transfer_to("Nobody")),
            aa_options("Kept", "2952"),
        ],
        forwarding=[{"location": HQ, "auto_attendant": "Lost", "always": {"enabled": False}}],
    )
    done, _warnings = run(client, params)
    by_name = {(e["kind"], e["name"]): e for e in done["objects"]}
    assert (
        by_name[("auto_attendants", "Lost")]["failed"]
        and "no auto attendant 'Nobody'" in by_name[("auto_attendants", "Lost")]["msg"]
    )
    assert by_name[("forwarding", "Lost")]["skipped"] is True
    assert by_name[("forwarding", "Lost")]["msg"] == "not attempted: auto_attendants[0] ('Lost') failed"
    assert (
        by_name[("auto_attendants", "Kept")]["action"] == "create" and by_name[("auto_attendants", "Kept")]["changed"]
    )
    assert done["failed"] and done["summary"]["total"]["failed"] == 1 and done["summary"]["total"]["skipped"] == 1


def test_undeclared_objects_where_the_declaration_manages_their_kind(sim, client, hq):
    create_aa(sim, hq, "By hand", "2960")
    create_schedule(sim, hq, "Ad hoc")
    planned, _warnings = run(client, declaration(auto_attendants=[aa_options("Main", "2961")]), check_mode=True)
    assert [(entry["kind"], entry["name"]) for entry in planned["undeclared"]] == [("auto_attendants", "By hand")]
    planned, _warnings = run(
        client,
        declaration(
            schedules=[{"location": HQ, "type": "holidays", "name": "Closed"}],
            auto_attendants=[aa_options("Main", "2961")],
        ),
        check_mode=True,
    )
    assert ("schedules", "Ad hoc") in [(entry["kind"], entry["name"]) for entry in planned["undeclared"]]


def test_diff_has_one_entry_per_changed_object(sim, client, hq):
    planned, _warnings = run(client, site_from_nothing(sim, hq), check_mode=True, diff=True)
    assert [entry["before_header"] for entry in planned["diff"]] == [
        "webex_schedule Site hours (Headquarters)",
        "webex_auto_attendant Main (Headquarters)",
        "webex_auto_attendant Support (Headquarters)",
        "webex_auto_attendant_forwarding Main (Headquarters)",
    ]
