"""The site engine against the simulator: one plan across schedules, greetings, attendants and forwarding."""

from ansible_collections.wxc.calling.plugins.module_utils._site import converge as site
from ansible_collections.wxc.calling.plugins.module_utils._site.options import argument_spec
from tests.builders import HQ, aa_options, key, menu
from tests.component.helpers import params_of, writes


def declaration(**kinds):
    return params_of(argument_spec(), **kinds)


def run(client, params, check_mode=False, diff=False):
    warnings = []
    result = site.converge(client, params, check_mode=check_mode, diff=diff, warn=warnings.append)
    return result, warnings


def test_a_site_from_nothing_then_no_change(sim, client):
    params = declaration(
        schedules=[{"location": HQ, "type": "business_hours", "name": "Site hours", "events": [
            {"name": "Weekdays", "start_date": "2026-01-05", "end_date": "2026-01-05", "start_time": "08:00",
             "end_time": "17:00", "recurrence": {"recur_weekly": {"monday": True}}}]}],
        auto_attendants=[
            aa_options("Main", "2300", business_schedule="Site hours",
                       business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Support"))),
            aa_options("Support", "2301", business_schedule="Site hours"),
        ],
        forwarding=[{"location": HQ, "auto_attendant": "Main", "always": {"enabled": True, "destination": "2301"}}],
    )
    planned, warnings = run(client, params, check_mode=True)
    assert sim.writes() == [], sim.writes()
    print(planned["objects"])
    assert [(e["kind"], e["name"], e["action"]) for e in planned["objects"]] == [
        ("schedules", "Site hours", "create"), ("auto_attendants", "Main", "create"),
        ("auto_attendants", "Support", "create"), ("forwarding", "Main", "update")]
    done, warnings = run(client, params)
    assert not done.get("failed"), done
    print([w for w in sim.writes()])
    again, _ = run(client, params, check_mode=True)
    assert [(e["name"], e["action"]) for e in again["objects"]] == [(e["name"], "nothing") for e in again["objects"]], again["objects"]


from tests.simulator.seed import ORG_ID  # noqa: E402
from tests.component.helpers import create_aa  # noqa: E402
from tests.builders import api_menu  # noqa: E402


def actions(result):
    return [(e["kind"], e["name"], e["action"]) for e in result["objects"]]


def test_an_organisation_spelled_two_ways_is_one_with_purge(sim, client, hq):
    create_aa(sim, hq, "Old", "2390")
    params = declaration(
        auto_attendants=[aa_options("One", "2391", org_id=ORG_ID), aa_options("Two", "2392")],
        purge={"auto_attendants": True},
        purge_limit=0,
    )
    done, _ = run(client, params)
    assert not done.get("failed"), done
    names = {e["name"]: e["action"] for e in done["objects"]}
    assert names["One"] == "create" and names["Two"] == "create" and names["Old"] == "delete", names
    again, _ = run(client, params, check_mode=True)
    assert {e["name"]: e["action"] for e in again["objects"]} == {"One": "nothing", "Two": "nothing"}


def test_a_changed_extension_reaches_its_referrers_in_one_run(sim, client, hq):
    first = declaration(auto_attendants=[
        aa_options("Front", "2400", business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Back"))),
        aa_options("Back", "2401")])
    run(client, first)
    second = declaration(auto_attendants=[
        aa_options("Front", "2400", business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Back"))),
        aa_options("Back", "2411")])
    planned, _ = run(client, second, check_mode=True)
    assert actions(planned) == [("auto_attendants", "Front", "update"), ("auto_attendants", "Back", "update")], planned["objects"]
    done, _ = run(client, second)
    assert not done.get("failed"), done
    again, _ = run(client, second, check_mode=True)
    assert [a for _, _, a in actions(again)] == ["nothing", "nothing"], again["objects"]


def test_a_cycle_of_new_attendants_in_one_run(sim, client, hq):
    params = declaration(auto_attendants=[
        aa_options("Ping", "2500", business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Pong"))),
        aa_options("Pong", "2501", business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Ping")))])
    done, _ = run(client, params)
    assert not done.get("failed"), done
    assert [(w["method"]) for w in sim.writes()] == ["POST", "POST", "PUT"]
    again, _ = run(client, params, check_mode=True)
    assert [a for _, _, a in actions(again)] == ["nothing", "nothing"], again["objects"]


def test_a_delete_waits_for_its_referrer_and_an_undeclared_referrer_refuses(sim, client, hq):
    run(client, declaration(auto_attendants=[
        aa_options("Front", "2600", business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Back"))),
        aa_options("Back", "2601")]))
    sim.clear_requests()
    params = declaration(auto_attendants=[aa_options("Front", "2600"), dict(aa_options("Back", "2601"), state="absent")])
    done, _ = run(client, params)
    assert not done.get("failed"), done
    assert [w["method"] for w in sim.writes()] == ["PUT", "DELETE"]
    # Someone else's attendant transfers to Gone: deleting it is refused, naming both.
    create_aa(sim, hq, "Gone", "2602")
    create_aa(sim, hq, "Theirs", "2603", businessHoursMenu=api_menu({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2602"}))
    import pytest
    with pytest.raises(site.SiteRefused) as refused:
        run(client, declaration(auto_attendants=[dict(aa_options("Gone", "2602"), state="absent")]))
    assert "'Theirs'" in str(refused.value) and "Gone" in str(refused.value)
    assert sim.writes() == []


def test_a_rename_through_purge_frees_the_extension_first(sim, client, hq):
    create_aa(sim, hq, "Main", "2700")
    params = declaration(auto_attendants=[aa_options("Main Line", "2700")], purge={"auto_attendants": True}, purge_limit=0)
    planned, _ = run(client, params, check_mode=True)
    assert [(e["name"], e["action"], e["order"]) for e in planned["objects"]] == [("Main Line", "create", 2), ("Main", "delete", 1)]
    done, _ = run(client, params)
    assert not done.get("failed"), done
    assert [w["method"] for w in sim.writes()] == ["DELETE", "POST"]
    again, _ = run(client, params, check_mode=True)
    assert actions(again) == [("auto_attendants", "Main Line", "nothing")]


def test_a_schedule_renamed_in_the_run_is_followed_by_its_attendants(sim, client, hq):
    from tests.component.helpers import create_schedule

    create_schedule(sim, hq, "Office")
    create_aa(sim, hq, "Desk", "2800", businessSchedule="Office")
    params = declaration(
        schedules=[{"location": HQ, "type": "business_hours", "name": "Office", "new_name": "Office 2"}],
        auto_attendants=[aa_options("Desk", "2800", business_schedule="Office 2")],
    )
    planned, _ = run(client, params, check_mode=True)
    assert actions(planned) == [("schedules", "Office", "update"), ("auto_attendants", "Desk", "nothing")], planned["objects"]
    done, _ = run(client, params)
    assert not done.get("failed"), done
    assert [w["method"] for w in sim.writes()] == ["PUT"]
    again, _ = run(client, params, check_mode=True)
    assert [a for _, _, a in actions(again)] == ["nothing", "nothing"], again["objects"]


def test_a_schedule_an_undeclared_attendant_uses_is_not_deleted(sim, client, hq):
    import pytest
    from tests.component.helpers import create_schedule

    create_schedule(sim, hq, "Night")
    create_aa(sim, hq, "Theirs", "2810", businessSchedule="Night")
    with pytest.raises(site.SiteRefused) as refused:
        run(client, declaration(schedules=[{"location": HQ, "type": "business_hours", "name": "Night", "state": "absent"}]))
    assert "'Theirs'" in str(refused.value) and "Night" in str(refused.value)
    assert sim.writes() == []


def test_a_greeting_is_uploaded_before_the_menu_that_plays_it(sim, client, hq):
    greeting = {"greeting": "CUSTOM", "audio_announcement_file": {"name": "Welcome HQ", "level": "LOCATION"}}
    params = declaration(
        announcements=[{"name": "Welcome HQ", "location": HQ, "text": "Welcome to headquarters", "voice": "ashley"}],
        auto_attendants=[aa_options("Greeter", "2820", business_hours_menu=menu(**greeting))],
    )
    planned, _ = run(client, params, check_mode=True)
    assert actions(planned) == [("announcements", "Welcome HQ", "create"), ("auto_attendants", "Greeter", "create")], planned["objects"]
    done, _ = run(client, params)
    assert not done.get("failed"), done
    again, _ = run(client, params, check_mode=True)
    assert [a for _, _, a in actions(again)] == ["nothing", "nothing"], again["objects"]
