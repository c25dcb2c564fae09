"""Saved plans: the plan of a check-mode run is data, and a run given that plan does exactly it or refuses."""

import datetime
import json

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._site import converge as site
from ansible_collections.wxc.calling.plugins.module_utils._site import saved
from ansible_collections.wxc.calling.plugins.module_utils._site.options import argument_spec
from tests.builders import API_SATURDAY, HQ, WEEKDAYS, aa_options, api_menu, event, key, menu
from tests.component.helpers import aa_path, create_aa, create_schedule, params_of


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


# -- undo: the inverse of an applied plan -----------------------------------------------------------------------------

SCHEDULES_PATH = "/telephony/config/locations/%s/schedules"
RULE = {
    "name": "Evenings",
    "enabled": True,
    "business_schedule": "Opening hours",
    "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "2901"},
    "calls_from": {"selection": "ANY"},
}


def location_state(sim, hq):
    """What a caller's path is made of in HQ, read through the simulator's API (not the collection's code), by name:
    every attendant's details, call forwarding and rules, and every schedule with its events, ids left out."""

    def without_ids(value):
        if isinstance(value, dict):
            return {key: without_ids(item) for key, item in value.items() if key != "id"}
        if isinstance(value, list):
            return [without_ids(item) for item in value]
        return value

    attendants = {}
    for item in sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": hq}).json()["autoAttendants"]:
        path = aa_path(hq, item["id"])
        forwarding = sim.api("GET", path + "/callForwarding").json()["callForwarding"]
        rules = {
            summary["name"]: sim.api("GET", path + "/callForwarding/selectiveRules/" + summary["id"]).json()
            for summary in forwarding.get("rules") or []
        }
        attendants[item["name"]] = without_ids(
            {"details": sim.api("GET", path).json(), "forwarding": forwarding, "rules": rules}
        )
    schedules = {}
    for item in sim.api("GET", SCHEDULES_PATH % hq).json()["schedules"]:
        details = sim.api("GET", "%s/%s/%s" % (SCHEDULES_PATH % hq, item["type"], item["id"])).json()
        schedules[(item["type"], item["name"])] = without_ids(details)
    return {"attendants": attendants, "schedules": schedules}


def undo_site(sim, hq):
    """A site where a plan updates an attendant (Desk), creates one (Fresh), deletes one (Gone) that Desk's key 2
    reaches, changes Desk's forwarding (always on, a new rule) and a schedule (renamed, which its attendants follow;
    one event changed, one added)."""
    create_schedule(sim, hq, "Office hours", events=(API_SATURDAY,))
    create_aa(sim, hq, "Gone", "2402", businessSchedule="Office hours")
    create_aa(
        sim,
        hq,
        "Desk",
        "2410",
        businessSchedule="Office hours",
        businessHoursMenu=api_menu(
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2400", "description": "Sales"},
            {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2402"},
        ),
    )
    return declaration(
        schedules=[
            {
                "location": HQ,
                "type": "business_hours",
                "name": "Office hours",
                "new_name": "Opening hours",
                "events": [event(start_time="08:00"), WEEKDAYS],
            }
        ],
        auto_attendants=[
            aa_options(
                "Desk",
                "2410",
                business_schedule="Opening hours",
                extension_dialing="GROUP",
                business_hours_menu=menu(
                    key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Fresh", description="Sales"),
                    key(2, "EXIT"),
                ),
            ),
            aa_options("Fresh", "2411", business_schedule="Opening hours"),
            dict(aa_options("Gone", "2402"), state="absent"),
        ],
        forwarding=[
            {
                "location": HQ,
                "auto_attendant": "Desk",
                "always": {"enabled": True, "destination": "2499"},
                "rules": [RULE],
            }
        ],
    )


MADE = datetime.datetime(2026, 12, 7, 22, 5, tzinfo=datetime.timezone.utc)


def applied_with_its_inverse(sim, client, hq):
    params = undo_site(sim, hq)
    before = location_state(sim, hq)
    plan = converge(client, params, check_mode=True)["plan"]
    done = converge(client, dict(params, plan=plan), clock=lambda: MADE)
    assert location_state(sim, hq) != before
    return before, done["inverse"]


def test_the_inverse_of_an_applied_plan_puts_back_what_it_changed(sim, client, hq):
    before, inverse = applied_with_its_inverse(sim, client, hq)
    assert [(a["kind"], a["name"], a["action"]) for a in inverse["actions"]] == [
        ("schedules", "Opening hours", "update"),
        ("auto_attendants", "Gone", "create"),
        ("auto_attendants", "Desk", "update"),
        ("forwarding", "Desk", "update"),
        ("auto_attendants", "Fresh", "delete"),
    ]
    assert inverse["risk"] == "destructive" and inverse["site"]["auto_attendants"][1] == {
        "location": HQ,
        "name": "Fresh",
        "state": "absent",
    }
    # Stable: verified in check mode against the same state, it is the same plan, byte for byte.
    verified = converge(client, dict(declaration(), plan=inverse), check_mode=True, clock=lambda: MADE)["plan"]
    assert json.dumps(dict(verified, site=inverse["site"], not_inverted=inverse["not_inverted"])) == json.dumps(inverse)
    sim.clear_requests()
    undone = converge(client, dict(declaration(), plan=json.dumps(inverse)))
    assert undone["summary"]["total"] == {
        "created": 1,
        "updated": 3,
        "deleted": 1,
        "unchanged": 0,
        "failed": 0,
        "skipped": 0,
    }
    after = location_state(sim, hq)
    for part in ("attendants", "schedules"):
        assert sorted(after[part]) == sorted(before[part])
        for name, was in before[part].items():
            assert after[part][name] == was, name
    # A following check of the inverse's own declaration shows no change.
    check = converge(client, inverse_declaration(inverse), check_mode=True)
    assert check["changed"] is False and check["plan"]["actions"] == []


def inverse_declaration(inverse):
    return declaration(**inverse["site"])


def test_what_the_inverse_cannot_put_back_is_listed(sim, client, hq):
    _before, inverse = applied_with_its_inverse(sim, client, hq)
    assert inverse["not_inverted"] == [
        {
            "kind": "auto_attendants",
            "name": "Gone",
            "location": HQ,
            "action": "delete",
            "inverted": "partly",
            "reason": "re-created from what was read: it gets a new id; its call forwarding and an audio file stored"
            " on the attendant itself were not read and are not put back",
        }
    ]
    assert sim.token not in json.dumps(inverse)


def test_an_inverse_made_stale_by_an_out_of_band_change_is_refused(sim, client, hq):
    _before, inverse = applied_with_its_inverse(sim, client, hq)
    fresh = [
        item
        for item in sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"]
        if item["name"] == "Fresh"
    ][0]
    sim.api("PUT", aa_path(hq, fresh["id"]), json={"extensionDialing": "GROUP"})
    sim.clear_requests()
    with pytest.raises(saved.StalePlan) as stale:
        converge(client, dict(declaration(), plan=inverse))
    assert str(stale.value) == (
        "stale plan: auto_attendants 'Fresh' (Headquarters) changed since the plan was made (nothing was written);"
        " plan again"
    )
    assert sim.writes() == []


def test_every_change_the_inverse_cannot_put_back_is_listed_with_why(sim, client, hq):
    greeting = {"name": "Welcome HQ", "location": HQ, "text": "Welcome to headquarters", "voice": "ashley"}
    old_rule = dict(RULE, name="Old rule", business_schedule=None)
    converge(
        client,
        declaration(
            announcements=[greeting],
            auto_attendants=[aa_options("Desk", "2410")],
            forwarding=[{"location": HQ, "auto_attendant": "Desk", "rules": [old_rule]}],
        ),
    )
    params = declaration(
        announcements=[dict(greeting, text="Welcome back")],
        auto_attendants=[aa_options("Desk", "2410", first_name="Front")],
        forwarding=[{"location": HQ, "auto_attendant": "Desk", "rules": [], "purge_rules": True}],
    )
    plan = converge(client, params, check_mode=True)["plan"]
    inverse = converge(client, dict(params, plan=plan))["inverse"]
    assert [
        (entry["kind"], entry["name"], entry["action"], entry["inverted"]) for entry in inverse["not_inverted"]
    ] == [
        ("announcements", "Welcome HQ", "update", "no"),
        ("auto_attendants", "Desk", "update", "partly"),
        ("forwarding", "Desk", "update", "partly"),
    ]
    reasons = [entry["reason"] for entry in inverse["not_inverted"]]
    assert reasons[0] == "a greeting's audio cannot be read back from the service: the inverse leaves it as it is"
    assert reasons[1].startswith("first_name had no value before the run, and webex_auto_attendant cannot take a value")
    assert reasons[2].startswith("selective rule 'Old rule' was deleted (purge_rules); the run reads only the rules")
    # What it can put back, it declares: Desk as it was (no first name), its forwarding without the deleted rule.
    assert inverse["site"]["announcements"] == []
    assert "first_name" not in inverse["site"]["auto_attendants"][0]
    assert inverse["site"]["forwarding"][0]["rules"] == [] and inverse["site"]["forwarding"][0]["purge_rules"]


def test_an_inverse_that_cannot_be_planned_is_null_with_a_warning(sim, client, hq, monkeypatch):
    from ansible_collections.wxc.calling.plugins.module_utils._site import inverse as undo

    params = declaration(auto_attendants=[aa_options("Back", "2401")])
    plan = converge(client, params, check_mode=True)["plan"]
    monkeypatch.setattr(undo, "declaration", lambda site: ({"auto_attendants": [{"name": "no location"}]}, []))
    warnings = []
    done = site.converge(client, dict(params, plan=plan), warn=warnings.append)
    assert done["inverse"] is None and done["objects"][0]["changed"]
    assert warnings == [
        "no inverse: planning it against the state after the run failed: invalid options reached the run: "
        "auto_attendants[0] ('no location'): missing required arguments: location"
    ]


def test_a_run_without_a_plan_returns_no_inverse_and_check_mode_none(sim, client, hq):
    params = declaration(auto_attendants=[aa_options("Back", "2401")])
    assert "inverse" not in converge(client, params, check_mode=True)
    assert "inverse" not in converge(client, params)
