"""Saved plans: the plan of a check-mode run is data, and a run given that plan does exactly it or refuses."""

import datetime
import json

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._site import converge as site
from ansible_collections.wxc.calling.plugins.module_utils._site import saved
from ansible_collections.wxc.calling.plugins.module_utils._site.options import argument_spec
from tests.builders import HQ, aa_options, api_menu, key, menu
from tests.component.helpers import aa_path, create_aa, params_of


def declaration(**kinds):
    return params_of(argument_spec(), **kinds)


def converge(client, params, check_mode=False, clock=saved.now):
    return site.converge(client, params, check_mode=check_mode, warn=lambda message: None, clock=clock)


def declared_site():
    return declaration(
        auto_attendants=[
            aa_options(
                "Front", "2400", business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Back"))
            ),
            aa_options("Back", "2401"),
            dict(aa_options("Gone", "2402"), state="absent"),
        ]
    )


def test_the_plan_is_data_in_the_order_of_the_writes(sim, client, hq):
    create_aa(sim, hq, "Gone", "2402")
    result = converge(client, declared_site(), check_mode=True)
    plan = result["plan"]
    assert json.loads(json.dumps(plan)) == plan
    assert [(a["order"], a["name"], a["action"], a["risk"]) for a in plan["actions"]] == [
        (1, "Back", "create", "routing"),
        (2, "Front", "create", "routing"),
        (3, "Gone", "delete", "destructive"),
    ]
    assert plan["risk"] == "destructive" and plan["unchanged"] == 0 and plan["failed"] == []
    assert plan["declaration"].startswith("sha256:") and all(
        a["fingerprint"].startswith("sha256:") for a in plan["actions"]
    )
    front_menu = [change for change in plan["actions"][1]["changes"] if change["field"] == "business_hours_menu"][0]
    assert front_menu["old"] is None and front_menu["new"]["key_configurations"][0]["value"] == "2401"
    assert plan["actions"][2]["changes"] == [{"field": "-", "old": "exists", "new": "deleted"}]
    assert sim.token not in json.dumps(plan)


def test_a_run_given_its_plan_does_exactly_that(sim, client, hq):
    create_aa(sim, hq, "Gone", "2402")
    params = declared_site()
    plan = converge(client, params, check_mode=True)["plan"]
    sim.clear_requests()
    done = converge(client, dict(params, plan=json.dumps(plan)))
    assert [(e["name"], e["action"], e["order"]) for e in done["objects"]] == [
        ("Front", "create", 2),
        ("Back", "create", 1),
        ("Gone", "delete", 3),
    ]
    assert [w["method"] for w in sim.writes()] == ["POST", "POST", "DELETE"]


def test_a_plan_goes_stale_when_an_object_it_touches_moves(sim, client, hq):
    create_aa(sim, hq, "Back", "2401")
    params = declaration(auto_attendants=[aa_options("Back", "2401", name_dialing="GROUP")])
    plan = converge(client, params, check_mode=True)["plan"]
    stored = [
        item
        for item in sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"]
        if item["name"] == "Back"
    ][0]
    sim.api("PUT", aa_path(hq, stored["id"]), json={"extensionDialing": "GROUP"})  # someone else, in Control Hub
    sim.clear_requests()
    with pytest.raises(saved.StalePlan) as stale:
        converge(client, dict(params, plan=plan))
    assert str(stale.value) == (
        "stale plan: auto_attendants 'Back' (Headquarters) changed since the plan was made (nothing was written); plan again"
    )
    assert sim.writes() == []


def test_a_plan_goes_stale_when_the_declaration_changes_or_it_is_too_old(sim, client, hq):
    params = declaration(auto_attendants=[aa_options("Back", "2401")])
    made = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=datetime.timezone.utc)
    plan = converge(client, params, check_mode=True, clock=lambda: made)["plan"]
    assert plan["created"] == "2026-12-07T08:00:00Z"
    changed = declaration(auto_attendants=[aa_options("Back", "2402")])
    with pytest.raises(saved.StalePlan, match="the declaration changed since the plan was made"):
        converge(client, dict(changed, plan=plan), clock=lambda: made)
    with pytest.raises(saved.StalePlan, match=r"made 25\.0 hours ago, older than plan_max_age 24 hours"):
        converge(client, dict(params, plan=plan), clock=lambda: made + datetime.timedelta(hours=25))
    done = converge(client, dict(params, plan=plan, plan_max_age=0), clock=lambda: made + datetime.timedelta(hours=25))
    assert done["objects"][0]["action"] == "create" and sim.writes()


def test_a_plan_goes_stale_when_the_run_now_needs_more(sim, client, hq):
    params = declaration(auto_attendants=[aa_options("Back", "2401")], purge={"auto_attendants": True})
    plan = converge(client, params, check_mode=True)["plan"]
    create_aa(sim, hq, "By hand", "2499")
    with pytest.raises(saved.StalePlan) as stale:
        converge(client, dict(params, plan=plan))
    assert "auto_attendants 'By hand' (None): delete is needed now, which the plan does not hold" in str(
        stale.value
    ) or ("'By hand'" in str(stale.value) and "delete is needed now" in str(stale.value))
    assert [w for w in sim.writes() if "autoAttendants" in w["path"] and w["method"] != "POST"] == []


def test_the_services_rewrite_of_a_number_does_not_make_a_plan_stale(sim, client, hq):
    """The service reads +19195559876 back as +1-9195559876: fingerprints are over the compared form, so a read in
    the other spelling of the same number is the same state."""
    back = create_aa(
        sim,
        hq,
        "Back",
        "2401",
        businessHoursMenu=api_menu({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19195559876"}),
    )
    params = declaration(auto_attendants=[aa_options("Back", "2401", name_dialing="GROUP")])
    plan = converge(client, params, check_mode=True)["plan"]
    details = sim.api("GET", aa_path(hq, back)).json()
    assert details["businessHoursMenu"]["keyConfigurations"][0]["value"] == "+1-9195559876"
    details["businessHoursMenu"]["keyConfigurations"][0]["value"] = "+19195559876"
    sim.fault(method="GET", path="autoAttendants/[^/]+$", status=200, body=details, count=1)
    done = converge(client, dict(params, plan=plan))
    assert done["objects"][0]["action"] == "update" and done["objects"][0]["changed"]


def test_risk_classes(sim, client, hq):
    create_aa(
        sim,
        hq,
        "Desk",
        "2410",
        businessHoursMenu=api_menu(
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2400", "description": "Sales"}
        ),
    )
    cosmetic = declaration(
        auto_attendants=[
            aa_options(
                "Desk",
                "2410",
                first_name="Front",
                business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", value="2400", description="Sales team")),
            )
        ]
    )
    plan = converge(client, cosmetic, check_mode=True)["plan"]
    assert [(a["fields"], a["risk"]) for a in plan["actions"]] == [
        (["first_name", "business_hours_menu.key_configurations (key 1)"], "cosmetic")
    ]
    routing = declaration(
        auto_attendants=[
            aa_options(
                "Desk",
                "2410",
                business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", value="2401", description="Sales")),
            )
        ]
    )
    assert converge(client, routing, check_mode=True)["plan"]["risk"] == "routing"
    nothing = converge(
        client,
        declaration(
            auto_attendants=[
                aa_options(
                    "Desk",
                    "2410",
                    business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", value="2400", description="Sales")),
                )
            ]
        ),
        check_mode=True,
    )["plan"]
    assert nothing["risk"] == "none" and nothing["actions"] == [] and nothing["unchanged"] == 1


def test_a_greeting_counts_by_its_name_and_content_never_its_path(sim, client, tmp_path):
    from tests.audio_fixtures import pcm_wav

    wav = tmp_path / "welcome.wav"
    wav.write_bytes(pcm_wav(seconds=6))
    params = declaration(announcements=[{"name": "Welcome", "path": str(wav), "location": HQ}])
    plan = converge(client, params, check_mode=True)["plan"]
    assert str(tmp_path) not in json.dumps(plan)
    wav.write_bytes(pcm_wav(seconds=7))
    with pytest.raises(saved.StalePlan, match="the declaration changed"):
        converge(client, dict(params, plan=plan))
