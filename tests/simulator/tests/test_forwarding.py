"""Call forwarding of an auto attendant: settings, switch mode, selective rules and call-forward numbers."""

import base64

from tests.simulator import errors
from tests.simulator.routes_forwarding import rule_id

from .helpers import assert_webex_error, create, minimal_body


def forwarding_path(location_id, auto_attendant_id, tail=""):
    return "/telephony/config/locations/%s/autoAttendants/%s/callForwarding%s" % (location_id, auto_attendant_id, tail)


def settings(sim, location_id, auto_attendant_id):
    response = sim.api("GET", forwarding_path(location_id, auto_attendant_id))
    assert response.status_code == 200, response.text
    return response.json()["callForwarding"]


RULE = {
    "name": "VIP",
    "enabled": True,
    "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"},
    "callsFrom": {
        "selection": "CUSTOM",
        "customNumbers": {
            "privateNumberEnabled": True,
            "unavailableNumberEnabled": False,
            "numbers": ["+14155550123", "4554"],
        },
    },
    "callsTo": {"numbers": [{"type": "PRIMARY", "phoneNumber": "+19705550026"}]},
}


def add_rule(sim, location_id, auto_attendant_id, body=None):
    response = sim.api("POST", forwarding_path(location_id, auto_attendant_id, "/selectiveRules"), json=body or RULE)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_defaults_then_wrapped_put_changes_and_reads_back_as_sent(sim):
    location_id, aa_id = create(sim)
    before = settings(sim, location_id, aa_id)
    assert before["always"] == {
        "enabled": False,
        "destination": "",
        "ringReminderEnabled": False,
        "sendToVoicemailEnabled": False,
    }
    assert before["selective"] == before["always"] and before["rules"] == []
    assert before["operatingModes"] == {"enabled": False, "modes": []}
    body = {
        "callForwarding": {"always": {"enabled": True, "destination": "+1-9705550006", "ringReminderEnabled": True}}
    }
    response = sim.api("PUT", forwarding_path(location_id, aa_id), json=body)
    assert response.status_code == 204 and not response.content
    after = settings(sim, location_id, aa_id)
    assert after["always"] == {
        "enabled": True,
        "destination": "+1-9705550006",
        "ringReminderEnabled": True,
        "sendToVoicemailEnabled": False,
    }
    assert after["selective"] == before["selective"]


def test_unwrapped_put_answers_2xx_and_changes_nothing(sim):
    location_id, aa_id = create(sim)
    before = settings(sim, location_id, aa_id)
    response = sim.api(
        "PUT", forwarding_path(location_id, aa_id), json={"always": {"enabled": True, "destination": "+19705550006"}}
    )
    assert response.status_code == 204
    sim.forget_openapi_mismatches()  # the reference requires the wrapper: this body breaks it on purpose
    assert settings(sim, location_id, aa_id) == before


def test_always_enabled_needs_a_destination_and_bad_values_are_refused(sim):
    location_id, aa_id = create(sim)
    path = forwarding_path(location_id, aa_id)
    assert_webex_error(
        sim.api("PUT", path, json={"callForwarding": {"always": {"enabled": True}}}), 400, errors.ERR_MISSING_FIELD
    )
    assert_webex_error(
        sim.api("PUT", path, json={"callForwarding": {"always": {"enabled": "yes", "destination": "2100"}}}),
        400,
        errors.ERR_INVALID_VALUE,
    )
    assert_webex_error(
        sim.api("PUT", path, json={"callForwarding": {"always": {"destination": "call me"}}}),
        400,
        errors.ERR_INVALID_VALUE,
    )
    assert settings(sim, location_id, aa_id)["always"]["enabled"] is False


def test_rule_create_get_and_numbers_read_back_without_plus(sim):
    location_id, aa_id = create(sim)
    ident = add_rule(sim, location_id, aa_id)
    assert base64.b64decode(ident + "==").decode().startswith("ciscospark://us/CALL_FORWARDING_SELECTIVE_RULE/")
    rule = sim.api("GET", forwarding_path(location_id, aa_id, "/selectiveRules/" + ident)).json()
    assert rule["id"] == ident and rule["name"] == "VIP" and rule["enabled"] is True
    assert rule["businessSchedule"] == "AUTOATTENDANT-BUSINESS-HOURS" and "holidaySchedule" not in rule
    assert rule["forwardTo"] == {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"}
    assert rule["callsFrom"]["customNumbers"]["numbers"] == ["4155550123", "4554"]
    assert rule["callsFrom"]["customNumbers"]["unavailableNumberEnabled"] is False
    assert rule["callsTo"] == {"numbers": [{"type": "PRIMARY", "phoneNumber": "9705550026"}]}
    summary = settings(sim, location_id, aa_id)["rules"]
    assert summary == [
        {
            "id": ident,
            "name": "VIP",
            "callsFrom": "4155550123, 4554, Any private number",
            "forwardTo": "+19705550006",
            "callsTo": "9705550026",
            "enabled": True,
        }
    ]


def test_calls_to_any_reads_back_as_empty_numbers(sim):
    location_id, aa_id = create(sim)
    body = {
        "name": "All",
        "forwardTo": {"selection": "DO_NOT_FORWARD"},
        "callsFrom": {"selection": "ANY"},
        "callsTo": {"selection": "ANY"},
    }
    ident = add_rule(sim, location_id, aa_id, body)
    rule = sim.api("GET", forwarding_path(location_id, aa_id, "/selectiveRules/" + ident)).json()
    assert rule["callsTo"] == {"numbers": []} and rule["enabled"] is False and rule["businessSchedule"] == ""
    assert rule["callsFrom"] == {"selection": "ANY"}


def test_rule_create_validation(sim):
    location_id, aa_id = create(sim)
    path = forwarding_path(location_id, aa_id, "/selectiveRules")
    no_name = {key: value for key, value in RULE.items() if key != "name"}
    assert_webex_error(sim.api("POST", path, json=no_name), 400, errors.ERR_MISSING_FIELD)
    assert_webex_error(
        sim.api("POST", path, json={"name": "X", "callsFrom": {"selection": "ANY"}}), 400, errors.ERR_MISSING_FIELD
    )
    assert_webex_error(
        sim.api("POST", path, json=dict(RULE, businessSchedule="Nope")), 400, errors.ERR_SCHEDULE_NOT_FOUND
    )
    assert_webex_error(
        sim.api("POST", path, json=dict(RULE, holidaySchedule="AUTOATTENDANT-BUSINESS-HOURS")),
        400,
        errors.ERR_SCHEDULE_NOT_FOUND,
    )
    assert_webex_error(
        sim.api("POST", path, json=dict(RULE, forwardTo={"selection": "FORWARD_TO_SPECIFIED_NUMBER"})),
        400,
        errors.ERR_MISSING_FIELD,
    )
    assert_webex_error(
        sim.api("POST", path, json=dict(RULE, callsFrom={"selection": "CUSTOM"})), 400, errors.ERR_MISSING_FIELD
    )
    assert_webex_error(
        sim.api("POST", path, json=dict(RULE, forwardTo={"selection": "SOMEWHERE"})), 400, errors.ERR_INVALID_VALUE
    )
    assert settings(sim, location_id, aa_id)["rules"] == []
    add_rule(sim, location_id, aa_id)
    assert sim.api("POST", path, json=RULE).status_code == 409


def test_rule_update_needs_name_keeps_fields_and_rename_changes_the_id(sim):
    location_id, aa_id = create(sim)
    ident = add_rule(sim, location_id, aa_id)
    path = forwarding_path(location_id, aa_id, "/selectiveRules/" + ident)
    assert_webex_error(sim.api("PUT", path, json={"enabled": False}), 400, errors.ERR_MISSING_FIELD)
    response = sim.api("PUT", path, json={"name": "VIP", "enabled": False})
    assert response.status_code == 201 and response.json() == {"id": ident}
    kept = sim.api("GET", path).json()
    assert kept["enabled"] is False and kept["callsTo"]["numbers"][0]["phoneNumber"] == "9705550026"
    response = sim.api("PUT", path, json={"name": "VIP callers", "businessSchedule": ""})
    new_id = response.json()["id"]
    assert response.status_code == 201 and new_id == rule_id("VIP callers") != ident
    assert_webex_error(sim.api("GET", path), 404)
    renamed = sim.api("GET", forwarding_path(location_id, aa_id, "/selectiveRules/" + new_id)).json()
    assert renamed["name"] == "VIP callers" and renamed["businessSchedule"] == ""


def test_settings_put_only_toggles_rules_and_never_deletes_them(sim):
    location_id, aa_id = create(sim)
    first = add_rule(sim, location_id, aa_id)
    second = add_rule(sim, location_id, aa_id, dict(RULE, name="Second"))
    body = {"callForwarding": {"rules": [{"id": first, "enabled": False, "name": "ignored"}]}}
    assert sim.api("PUT", forwarding_path(location_id, aa_id), json=body).status_code == 204
    rules = settings(sim, location_id, aa_id)["rules"]
    assert [(rule["id"], rule["name"], rule["enabled"]) for rule in rules] == [
        (first, "VIP", False),
        (second, "Second", True),
    ]
    unknown = {"callForwarding": {"rules": [{"id": "bm9wZQ", "enabled": True}]}}
    assert sim.api("PUT", forwarding_path(location_id, aa_id), json=unknown).status_code == 400


def test_rule_delete_switch_mode_and_unknown_ids(sim):
    location_id, aa_id = create(sim)
    ident = add_rule(sim, location_id, aa_id)
    path = forwarding_path(location_id, aa_id, "/selectiveRules/" + ident)
    assert sim.api("DELETE", path).status_code == 204
    assert_webex_error(sim.api("DELETE", path), 404)
    assert settings(sim, location_id, aa_id)["rules"] == []
    assert sim.api("POST", forwarding_path(location_id, aa_id, "/actions/switchMode/invoke")).status_code == 204
    assert_webex_error(sim.api("GET", forwarding_path(location_id, "bm9wZQ")), 404)
    other_location = sim.location_id("Branch Office Denver")
    assert_webex_error(sim.api("GET", forwarding_path(other_location, aa_id)), 404)


def test_forwarding_goes_with_the_attendant(sim):
    location_id, aa_id = create(sim)
    add_rule(sim, location_id, aa_id)
    aa_path = "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, aa_id)
    assert sim.api("DELETE", aa_path).status_code == 204
    assert_webex_error(sim.api("GET", forwarding_path(location_id, aa_id)), 404)


def test_call_forward_available_numbers_are_the_assigned_ones(sim):
    location_id, aa_id = create(sim, body=minimal_body(phoneNumber="+19705550026"))
    path = "/telephony/config/locations/%s/autoAttendants/callForwarding/availableNumbers" % location_id
    numbers = sim.api("GET", path).json()["phoneNumbers"]
    assert [(item["phoneNumber"], item.get("extension"), item["owner"]["id"]) for item in numbers] == [
        ("+19705550026", "2100", aa_id)
    ]
    assert numbers[0]["owner"] == {"id": aa_id, "type": "AUTO_ATTENDANT", "displayName": "Minimal AA"}
    assert sim.api("GET", path, params={"ownerName": "nobody"}).json()["phoneNumbers"] == []
    assert sim.api("GET", path, params={"extension": "2100"}).json()["phoneNumbers"] == numbers
