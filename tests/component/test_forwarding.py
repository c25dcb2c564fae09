"""webex_auto_attendant_forwarding's converge() and ForwardingService, and the export of the forwarding, called in this
process against the simulator over HTTP: settings, rule creates, updates, renames and purges, check mode, the
pre-flight of schedules, writes that do not take, and the lost answers the service code recovers from; asserted on the
request log.
"""

import copy

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import service as aa_service
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import read_attendants as read_back
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import compare as fw_compare
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import converge as fw_converge
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as fw_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import service as fw_service
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError
from tests.builders import ANNEX, BUSINESS, DENVER, EXTENDED, HOLIDAYS, HQ, aa_body
from tests.component.helpers import Module, create, params_of
from tests.simulator.routes_forwarding import rule_id

ATTENDANT = "Minimal AA"  # the attendant helpers.create() makes
# What an attendant nobody configured answers, per part, in API form and as the diff shows it.
UNTOUCHED = {"enabled": False, "destination": "", "ringReminderEnabled": False, "sendToVoicemailEnabled": False}
UNTOUCHED_SNAKE = {
    "enabled": False,
    "destination": "",
    "ring_reminder_enabled": False,
    "send_to_voicemail_enabled": False,
}
OPERATING_MODES = {"enabled": False, "modes": []}

# The rule VIP as posted (API form), as read back (NANP numbers without their +), and as the settings GET lists it.
VIP = {
    "name": "VIP",
    "enabled": True,
    "businessSchedule": BUSINESS,
    "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"},
    "callsFrom": {
        "selection": "CUSTOM",
        "customNumbers": {"privateNumberEnabled": True, "unavailableNumberEnabled": False, "numbers": ["+14155550123"]},
    },
    "callsTo": {"numbers": [{"type": "PRIMARY", "phoneNumber": "+19705550026"}]},
}
VIP_READ = dict(
    VIP,
    id=rule_id("VIP"),
    callsFrom={
        "selection": "CUSTOM",
        "customNumbers": {"privateNumberEnabled": True, "unavailableNumberEnabled": False, "numbers": ["4155550123"]},
    },
    callsTo={"numbers": [{"type": "PRIMARY", "phoneNumber": "9705550026"}]},
)
VIP_SUMMARY = {
    "id": rule_id("VIP"),
    "name": "VIP",
    "callsFrom": "4155550123, Any private number",
    "forwardTo": "+19705550006",
    "callsTo": "9705550026",
    "enabled": True,
}
# VIP as the rules option gives it, numbers written with separators.
VIP_OPTION = {
    "name": "VIP",
    "enabled": True,
    "business_schedule": BUSINESS,
    "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+1 970-555-0006"},
    "calls_from": {
        "selection": "CUSTOM",
        "custom_numbers": {"private_number_enabled": True, "numbers": ["+1 (415) 555-0123"]},
    },
    "calls_to": {"numbers": [{"type": "PRIMARY", "phone_number": "+1.970.555.0026"}]},
}
# A second rule: forwards nothing, for any caller, whichever number is called; enabled left out (false).
NIGHT = {"name": "Night", "forwardTo": {"selection": "DO_NOT_FORWARD"}, "callsFrom": {"selection": "ANY"}}
NIGHT_OPTIONS = {"forward_to": {"selection": "DO_NOT_FORWARD"}, "calls_from": {"selection": "ANY"}}
NIGHT_READ = dict(NIGHT, id=rule_id("Night"), enabled=False, businessSchedule="", callsTo={"numbers": []})
NIGHT_SUMMARY = {
    "id": rule_id("Night"),
    "name": "Night",
    "callsFrom": "All Numbers",
    "forwardTo": "Do not forward",
    "callsTo": "All Numbers",
    "enabled": False,
}


def params(**options):
    """Module params as AnsibleModule makes them: every option present, defaults filled in at every depth."""
    return params_of(fw_options.argument_spec(), **dict({"location": HQ, "auto_attendant": ATTENDANT}, **options))


@pytest.fixture(name="service")
def fixture_service(client):
    return fw_service.ForwardingService(client)


@pytest.fixture(name="ids")
def fixture_ids(sim):
    """(location id, auto attendant id) of a new attendant in Headquarters; the request log starts empty."""
    location_id, auto_attendant_id = create(sim)
    sim.clear_requests()
    return location_id, auto_attendant_id


def fwd(location_id, auto_attendant_id, tail=""):
    return "/telephony/config/locations/%s/autoAttendants/%s/callForwarding%s" % (
        location_id,
        auto_attendant_id,
        tail,
    )


def rule_path(name):
    return "FWD/selectiveRules/" + rule_id(name)


def add_rule(sim, ids, body):
    response = sim.api("POST", fwd(*ids, "/selectiveRules"), json=body)
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return response.json()["id"]


def stored(sim, ids, tail=""):
    response = sim.api("GET", fwd(*ids, tail))
    assert response.status_code == 200, response.text
    return response.json()


def calls(sim, ids, bodies=False):
    """The request log as (method, path, status[, body]); FWD stands for the attendant's callForwarding path."""
    location_id = ids[0]
    short = {
        "/v1/telephony/config/autoAttendants": "LIST",
        "/v1/telephony/config/locations/%s/schedules" % location_id: "SCHEDULES",
    }
    result = []
    for entry in sim.requests():
        path = entry["path"].replace("/v1" + fwd(*ids), "FWD")
        entry_tuple = (entry["method"], short.get(path, path), entry["status"])
        result.append(entry_tuple + (entry["body"],) if bodies else entry_tuple)
    return result


LOOKUP = [("GET", "LIST", 200), ("GET", "FWD", 200)]


# -- settings -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("check_mode", [True, False])
def test_settings_update_then_nothing(sim, service, ids, check_mode):
    location_id, auto_attendant_id = ids
    options = params(
        always={"enabled": True, "destination": "+1 970-555-0006", "ring_reminder_enabled": True},
        selective={"send_to_voicemail_enabled": False, "destination": ""},
    )
    warnings = []
    plan, result = fw_converge.converge(service, location_id, options, check_mode=check_mode, warn=warnings.append)
    sent = {"enabled": True, "destination": "+19705550006", "ringReminderEnabled": True}
    assert plan.action == "update" and plan.changed and warnings == []
    assert plan.settings_body == plan.body == {"callForwarding": {"always": sent}}
    assert plan.rule_deletes == plan.rule_updates == plan.rule_creates == plan.schedules_named == []
    assert plan.diff() == {
        "before": {"always": UNTOUCHED_SNAKE, "selective": UNTOUCHED_SNAKE},
        "after": {
            "always": {
                "enabled": True,
                "destination": "+19705550006",
                "ring_reminder_enabled": True,
                "send_to_voicemail_enabled": False,
            },
            "selective": UNTOUCHED_SNAKE,
        },
    }
    # Check mode predicts exactly what the real run reads back.
    assert result == {
        "feature_id": auto_attendant_id,
        "location_id": location_id,
        "forwarding": {
            "always": dict(UNTOUCHED, **sent),
            "selective": UNTOUCHED,
            "rules": [],
            "operatingModes": OPERATING_MODES,
        },
        "rules": [],
    }
    if check_mode:
        assert calls(sim, ids) == LOOKUP
        assert stored(sim, ids)["callForwarding"]["always"] == UNTOUCHED
        return
    assert calls(sim, ids, bodies=True) == [
        ("GET", "LIST", 200, None),
        ("GET", "FWD", 200, None),
        ("PUT", "FWD", 204, {"callForwarding": {"always": sent}}),
        ("GET", "FWD", 200, None),
    ]
    assert sim.requests()[0]["query"] == {"locationId": location_id, "name": ATTENDANT, "max": "1000"}
    sim.clear_requests()
    plan, again = fw_converge.converge(service, location_id, options)
    assert plan.action == "nothing" and not plan.changed and plan.settings_body == {}
    assert again == result and calls(sim, ids) == LOOKUP


def test_check_mode_keeps_the_fields_it_does_not_change(sim, service, ids):
    location_id, auto_attendant_id = ids
    body = {"callForwarding": {"selective": {"enabled": True, "destination": "2100", "ringReminderEnabled": True}}}
    assert sim.api("PUT", fwd(*ids), json=body).status_code == 204
    sim.clear_requests()
    plan, result = fw_converge.converge(
        service, location_id, params(selective={"ring_reminder_enabled": False}), check_mode=True
    )
    assert plan.settings_body == {"callForwarding": {"selective": {"ringReminderEnabled": False}}}
    assert result["forwarding"]["selective"] == {
        "enabled": True,
        "destination": "2100",
        "ringReminderEnabled": False,
        "sendToVoicemailEnabled": False,
    }
    assert result["forwarding"]["always"] == UNTOUCHED and result["feature_id"] == auto_attendant_id
    assert calls(sim, ids) == LOOKUP


def test_always_on_without_a_destination_is_refused_before_any_write(sim, service, ids):
    with pytest.raises(ResourceError) as caught:
        fw_converge.converge(service, ids[0], params(always={"enabled": True}))
    assert str(caught.value) == "always.enabled: forwarding every call needs always.destination (none is set)"
    assert calls(sim, ids) == LOOKUP


# -- rules --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("check_mode", [True, False])
def test_rule_creates(sim, service, ids, check_mode):
    location_id, auto_attendant_id = ids
    night = {"name": "Night", "forward_to": {"selection": "DO_NOT_FORWARD"}, "calls_from": {"selection": "ANY"}}
    warnings = []
    plan, result = fw_converge.converge(
        service,
        location_id,
        params(rules=[VIP_OPTION, dict(night, holiday_schedule=HOLIDAYS)]),
        check_mode,
        warn=warnings.append,
    )
    night_body = dict(NIGHT, holidaySchedule=HOLIDAYS)
    assert plan.action == "update" and warnings == [] and plan.settings_body == {}
    assert [(index, body) for index, body, _want in plan.rule_creates] == [(0, VIP), (1, night_body)]
    assert plan.schedules_named == [
        ("rules[0].business_schedule", "businessHours", BUSINESS),
        ("rules[1].holiday_schedule", "holidays", HOLIDAYS),
    ]
    assert plan.diff()["before"]["rules"] == []
    assert [rule["name"] for rule in plan.diff()["after"]["rules"]] == ["VIP", "Night"]
    assert result["feature_id"] == auto_attendant_id and result["location_id"] == location_id
    assert result["forwarding"]["always"] == result["forwarding"]["selective"] == UNTOUCHED
    if check_mode:
        assert calls(sim, ids) == LOOKUP + [("GET", "SCHEDULES", 200)]
        assert result["forwarding"]["rules"] == [
            {"id": None, "name": "VIP", "enabled": True},
            {"id": None, "name": "Night", "enabled": False},
        ]
        assert result["rules"] == [dict(VIP, id=None), dict(night_body, id=None)]
        assert stored(sim, ids)["callForwarding"]["rules"] == []
        return
    assert calls(sim, ids, bodies=True) == [
        ("GET", "LIST", 200, None),
        ("GET", "FWD", 200, None),
        ("GET", "SCHEDULES", 200, None),
        ("POST", "FWD/selectiveRules", 201, VIP),
        ("GET", rule_path("VIP"), 200, None),
        ("POST", "FWD/selectiveRules", 201, night_body),
        ("GET", rule_path("Night"), 200, None),
        ("GET", "FWD", 200, None),
    ]
    assert result["forwarding"]["rules"] == [VIP_SUMMARY, NIGHT_SUMMARY]
    assert result["rules"] == [VIP_READ, dict(NIGHT_READ, holidaySchedule=HOLIDAYS)]
    sim.clear_requests()
    plan, again = fw_converge.converge(service, location_id, params(rules=[VIP_OPTION, night]))
    assert plan.action == "nothing" and again["rules"] == [VIP_READ, dict(NIGHT_READ, holidaySchedule=HOLIDAYS)]
    assert calls(sim, ids) == LOOKUP + [("GET", rule_path("VIP"), 200), ("GET", rule_path("Night"), 200)]


@pytest.mark.parametrize("check_mode", [True, False])
def test_rule_update_and_rename(sim, service, ids, check_mode):
    location_id = ids[0]
    add_rule(sim, ids, VIP)
    add_rule(sim, ids, NIGHT)
    options = params(
        rules=[
            {"name": "Night", "enabled": True},
            {"name": "VIP", "new_name": "VIP callers", "business_schedule": ""},
        ]
    )
    plan, result = fw_converge.converge(service, location_id, options, check_mode)
    night_body = dict(NIGHT, enabled=True, businessSchedule="", callsTo={"numbers": []})
    vip_body = dict(VIP_READ, name="VIP callers", businessSchedule="")
    del vip_body["id"]
    assert [(index, current["id"], body) for index, current, body, _want in plan.rule_updates] == [
        (0, rule_id("Night"), night_body),
        (1, rule_id("VIP"), vip_body),
    ]
    assert plan.schedules_named == [] and plan.rule_creates == plan.rule_deletes == []
    assert plan.diff()["before"]["rules"][0] == {
        "name": "Night",
        "enabled": False,
        "business_schedule": "",
        "forward_to": {"selection": "DO_NOT_FORWARD"},
        "calls_from": {"selection": "ANY"},
        "calls_to": {"numbers": []},
    }
    assert plan.diff()["after"]["rules"][1]["name"] == "VIP callers"
    if check_mode:
        # The schedules are not read: the writes name none that was not named before.
        assert calls(sim, ids) == LOOKUP + [("GET", rule_path("VIP"), 200), ("GET", rule_path("Night"), 200)]
        # The summaries the real run reads back below: Night enabled, VIP renamed (its new id not known yet).
        assert result["forwarding"]["rules"] == [
            dict(VIP_SUMMARY, id=None, name="VIP callers"),
            dict(NIGHT_SUMMARY, enabled=True),
        ]
        # A rename gives a new id (not known before the write); an update of the same name keeps it.
        assert result["rules"] == [dict(night_body, id=rule_id("Night")), dict(vip_body, id=None)]
        return
    assert calls(sim, ids, bodies=True) == [
        ("GET", "LIST", 200, None),
        ("GET", "FWD", 200, None),
        ("GET", rule_path("VIP"), 200, None),
        ("GET", rule_path("Night"), 200, None),
        ("PUT", rule_path("Night"), 201, night_body),
        ("GET", rule_path("Night"), 200, None),
        ("PUT", rule_path("VIP"), 201, vip_body),
        ("GET", rule_path("VIP callers"), 200, None),
        ("GET", "FWD", 200, None),
    ]
    assert result["forwarding"]["rules"] == [
        dict(VIP_SUMMARY, id=rule_id("VIP callers"), name="VIP callers"),
        dict(NIGHT_SUMMARY, enabled=True),
    ]
    assert result["rules"] == [
        dict(NIGHT_READ, enabled=True),
        dict(VIP_READ, id=rule_id("VIP callers"), name="VIP callers", businessSchedule=""),
    ]
    # The rename is done: the same options find the rule by its new name and change nothing.
    sim.clear_requests()
    plan, again = fw_converge.converge(service, location_id, options)
    assert plan.action == "nothing" and again["rules"] == result["rules"]
    assert calls(sim, ids) == LOOKUP + [("GET", rule_path("VIP callers"), 200), ("GET", rule_path("Night"), 200)]


@pytest.mark.parametrize("check_mode", [True, False])
def test_purge_deletes_the_rules_left_out(sim, service, ids, check_mode):
    location_id = ids[0]
    add_rule(sim, ids, VIP)
    add_rule(sim, ids, NIGHT)
    plan, result = fw_converge.converge(
        service, location_id, params(rules=[{"name": "Night"}], purge_rules=True), check_mode
    )
    assert plan.action == "update" and plan.rule_deletes == [VIP_SUMMARY] and plan.rule_updates == []
    night_writable = {key: value for key, value in NIGHT_READ.items() if key != "id"}
    assert plan.diff() == {
        "before": {
            "always": UNTOUCHED_SNAKE,
            "selective": UNTOUCHED_SNAKE,
            "rules": [fw_compare.to_snake(night_writable), {"name": "VIP", "enabled": True}],
        },
        "after": {
            "always": UNTOUCHED_SNAKE,
            "selective": UNTOUCHED_SNAKE,
            "rules": [fw_compare.to_snake(night_writable)],
        },
    }
    assert result["forwarding"]["rules"] == [NIGHT_SUMMARY] and result["rules"] == [NIGHT_READ]
    assert calls(sim, ids) == LOOKUP + [("GET", rule_path("Night"), 200)] + (
        [] if check_mode else [("DELETE", rule_path("VIP"), 204), ("GET", "FWD", 200)]
    )


@pytest.mark.parametrize("check_mode", [True, False])
def test_purge_with_no_rules_deletes_every_rule(sim, service, ids, check_mode):
    add_rule(sim, ids, VIP)
    add_rule(sim, ids, NIGHT)
    plan, result = fw_converge.converge(service, ids[0], params(rules=[], purge_rules=True), check_mode)
    assert plan.rule_deletes == [VIP_SUMMARY, NIGHT_SUMMARY] and "rules" not in plan.diff()["before"]
    assert result["forwarding"]["rules"] == [] and result["rules"] == []
    deletes = [("DELETE", rule_path("VIP"), 204), ("DELETE", rule_path("Night"), 204), ("GET", "FWD", 200)]
    assert calls(sim, ids) == LOOKUP + ([] if check_mode else deletes)


def test_rules_as_read_back_are_no_change(sim, service, ids):
    add_rule(sim, ids, VIP)
    add_rule(sim, ids, NIGHT)
    warnings = []
    plan, result = fw_converge.converge(service, ids[0], params(rules=[VIP_OPTION]), True, warn=warnings.append)
    assert plan.action == "nothing" and warnings == []
    assert result["forwarding"] == dict(stored(sim, ids)["callForwarding"], rules=[VIP_SUMMARY, NIGHT_SUMMARY])
    assert result["rules"] == [VIP_READ]
    assert calls(sim, ids)[:3] == LOOKUP + [("GET", rule_path("VIP"), 200)] and len(calls(sim, ids)) == 4


def test_creating_a_rule_needs_forward_to_and_calls_from(sim, service, ids):
    with pytest.raises(ResourceError) as caught:
        fw_converge.converge(service, ids[0], params(rules=[{"name": "New", "enabled": True}]))
    assert str(caught.value) == "rules[0]: rule 'New' does not exist, and creating it needs forward_to and calls_from"
    assert calls(sim, ids) == LOOKUP


# -- the attendant ------------------------------------------------------------------------------------------------


def test_a_missing_attendant_fails_before_any_write(sim, service, ids):
    with pytest.raises(ResourceError) as caught:
        fw_converge.converge(service, ids[0], params(auto_attendant="Ghost", always={"enabled": False}))
    assert str(caught.value) == "auto_attendant: no auto attendant called 'Ghost' in the location"
    assert calls(sim, ids) == [("GET", "LIST", 200)]


def test_check_mode_plans_a_missing_attendant_as_untouched(sim, service, ids):
    options = params(
        auto_attendant="Ghost",
        always={"enabled": True, "destination": "2100"},
        rules=[dict(VIP_OPTION, business_schedule="Evenings")],
    )
    warnings = []
    plan, result = fw_converge.converge(service, ids[0], options, check_mode=True, warn=warnings.append)
    assert warnings == [
        "auto_attendant: no auto attendant called 'Ghost' in the location (the real run fails unless it is created "
        "first)",
        "rules[0].business_schedule: no business_hours schedule named 'Evenings' in the location (the real run fails "
        "unless it is created first)",
    ]
    assert plan.diff()["before"] == {"always": {}, "selective": {}, "rules": []}
    assert result == {
        "feature_id": None,
        "location_id": ids[0],
        "forwarding": {
            "always": {"enabled": True, "destination": "2100"},
            "selective": {},
            "rules": [{"id": None, "name": "VIP", "enabled": True}],
        },
        "rules": [dict(VIP, businessSchedule="Evenings", id=None)],
    }
    assert calls(sim, ids) == [("GET", "LIST", 200), ("GET", "SCHEDULES", 200)]


def test_the_attendant_is_found_by_its_exact_name(sim, service, ids):
    create(sim, body=aa_body(ATTENDANT + " 2", "2101"))
    create(sim, ANNEX)
    found = fw_converge.find_feature(service, ids[0], ATTENDANT)
    assert found["id"] == ids[1] and found["name"] == ATTENDANT
    assert fw_converge.find_feature(service, ids[0], "minimal aa") is None


def test_duplicate_attendants_are_refused(sim, service, ids):
    twin = sim.store_auto_attendant(ids[0], {"name": ATTENDANT})
    with pytest.raises(ResourceError) as caught:
        fw_converge.converge(service, ids[0], params())
    assert str(caught.value) == (
        "2 auto attendants are called 'Minimal AA' in this location (ids: %s, %s); remove the duplicates first"
        % (ids[1], twin)
    )


class ListingClient:
    """A client whose attendant list ignores the location filter, as a service that honours only name= would."""

    def __init__(self, items):
        self.items = items

    def get_all(self, path, item_key, params=None):
        assert (path, item_key) == (aa_service.LIST_PATH, "autoAttendants")
        return list(self.items)


def test_attendants_of_other_locations_are_never_matched():
    items = [{"id": "a", "name": "Desk", "locationId": "other"}, {"id": "b", "name": "Desk", "locationId": "here"}]

    def find(client):
        return fw_converge.find_feature(fw_service.ForwardingService(client), "here", "Desk")

    assert find(ListingClient(items)) == items[1]
    assert find(ListingClient(items[:1])) is None
    # An item without locationId is taken to be of the location asked for.
    assert find(ListingClient([{"id": "c", "name": "Desk"}]))["id"] == "c"


# -- pre-flight of schedules ----------------------------------------------------------------------------------------


def test_missing_schedules_fail_before_any_write(sim, service, ids):
    rules = [
        dict(VIP_OPTION, business_schedule="Evenings", holiday_schedule=BUSINESS),
        {"name": "Night", "business_schedule": EXTENDED, "holiday_schedule": HOLIDAYS, **NIGHT_OPTIONS},
    ]
    with pytest.raises(ResourceError) as caught:
        fw_converge.converge(service, ids[0], params(rules=rules, always={"ring_reminder_enabled": True}))
    # A schedule of the other type does not count.
    assert str(caught.value) == (
        "rules[0].business_schedule: no business_hours schedule named 'Evenings' in the location; "
        "rules[0].holiday_schedule: no holidays schedule named 'AUTOATTENDANT-BUSINESS-HOURS' in the location"
    )
    assert caught.value.changed is False
    assert calls(sim, ids) == LOOKUP + [("GET", "SCHEDULES", 200)]


def test_check_mode_warns_of_missing_schedules(sim, service, ids):
    add_rule(sim, ids, VIP)
    warnings = []
    plan, _result = fw_converge.converge(
        service, ids[0], params(rules=[{"name": "VIP", "holiday_schedule": "Winter"}]), True, warn=warnings.append
    )
    assert plan.schedules_named == [("rules[0].holiday_schedule", "holidays", "Winter")]
    assert warnings == [
        "rules[0].holiday_schedule: no holidays schedule named 'Winter' in the location (the real run fails unless "
        "it is created first)"
    ]
    assert calls(sim, ids) == LOOKUP + [("GET", rule_path("VIP"), 200), ("GET", "SCHEDULES", 200)]


def test_schedules_lists_type_and_name(sim, service, ids):
    def schedules(location_id):
        return {(item["type"], item["name"]) for item in ScheduleService(service.client).list(location_id)}

    assert schedules(ids[0]) == {
        ("businessHours", BUSINESS),
        ("holidays", HOLIDAYS),
        ("businessHours", EXTENDED),
    }
    assert schedules(sim.location_id(DENVER)) == {
        ("businessHours", BUSINESS),
        ("holidays", HOLIDAYS),
    }


# -- writes that do not take --------------------------------------------------------------------------------------


def test_a_settings_write_that_does_not_take(sim, service, ids):
    sim.fault(method="PUT", path="callForwarding$", ignore_write=True)
    with pytest.raises(WriteNotApplied) as caught:
        fw_converge.converge(
            service, ids[0], params(always={"destination": "+19705550006", "send_to_voicemail_enabled": True})
        )
    error = caught.value
    assert error.fields == ["always.destination", "always.send_to_voicemail_enabled"] and error.changed
    assert str(error) == (
        "the service answered 2xx but did not apply always.destination, always.send_to_voicemail_enabled of the "
        "call forwarding (trackingId %s)" % error.tracking_id
    )


def test_a_rule_update_that_does_not_take(sim, service, ids):
    add_rule(sim, ids, VIP)
    add_rule(sim, ids, NIGHT)
    sim.fault(method="PUT", path="selectiveRules", ignore_write=True)
    with pytest.raises(WriteNotApplied) as caught:
        fw_converge.converge(service, ids[0], params(rules=[{"name": "Night"}, {"name": "VIP", "enabled": False}]))
    assert caught.value.fields == ["rules[1].enabled"]
    assert str(caught.value) == (
        "the service answered 2xx but did not apply rules[1].enabled of selective rule 'VIP' (trackingId %s)"
        % caught.value.tracking_id
    )


def test_a_rule_create_that_does_not_take(sim, service, ids):
    sim.fault(method="POST", path="selectiveRules", ignore_write=True)
    with pytest.raises(WriteNotApplied) as caught:
        fw_converge.converge(service, ids[0], params(rules=[dict(NIGHT_OPTIONS, name="Night")]))
    assert caught.value.fields == [] and caught.value.changed
    assert str(caught.value) == (
        "the service answered 2xx but selective rule 'Night' was not created: it cannot be read back (trackingId %s)"
        % caught.value.tracking_id
    )


def test_a_rule_delete_that_does_not_take(sim, service, ids):
    add_rule(sim, ids, VIP)
    add_rule(sim, ids, NIGHT)
    sim.fault(method="DELETE", path="selectiveRules", ignore_write=True)
    with pytest.raises(WriteNotApplied) as caught:
        fw_converge.converge(service, ids[0], params(rules=[], purge_rules=True, selective={"enabled": False}))
    assert caught.value.fields == ["purge_rules (rule 'VIP')"]


# -- lost answers and the service calls ---------------------------------------------------------------------------


def test_a_rename_whose_answer_is_lost_finds_the_rule_by_its_new_name(sim, service, ids):
    add_rule(sim, ids, NIGHT)
    sim.fault(method="PUT", path="selectiveRules", drop_after_commit=True)
    _plan, result = fw_converge.converge(service, ids[0], params(rules=[{"name": "Night", "new_name": "Late"}]))
    assert result["rules"] == [dict(NIGHT_READ, id=rule_id("Late"), name="Late")]
    # The PUT is sent again (a PUT may be), the old id is gone by then: the new name finds the rule.
    assert calls(sim, ids)[3:] == [
        ("PUT", rule_path("Night"), None),
        ("PUT", rule_path("Night"), 404),
        ("GET", "FWD", 200),
        ("GET", rule_path("Late"), 200),
        ("GET", "FWD", 200),
    ]


def test_a_create_whose_answer_is_lost_is_not_sent_again(sim, service, ids):
    sim.fault(method="POST", path="selectiveRules", drop_after_commit=True)
    _plan, result = fw_converge.converge(service, ids[0], params(rules=[dict(NIGHT_OPTIONS, name="Night")]))
    assert result["rules"] == [NIGHT_READ]
    assert calls(sim, ids)[2:] == [
        ("POST", "FWD/selectiveRules", None),
        ("GET", "FWD", 200),
        ("GET", rule_path("Night"), 200),
        ("GET", "FWD", 200),
    ]


def test_update_rule_errors(sim, service, ids):
    night = add_rule(sim, ids, NIGHT)
    body = dict(NIGHT, enabled=True)
    # Gone, and no rule has the name either: the 404 is raised.
    with pytest.raises(WebexApiError) as caught:
        service.update_rule(ids[0], ids[1], rule_id("Gone"), dict(body, name="Gone"))
    assert caught.value.status == 404
    # Another failure is raised without a lookup.
    sim.fault(method="PUT", path="selectiveRules", status=400)
    sim.clear_requests()
    with pytest.raises(WebexApiError) as caught:
        service.update_rule(ids[0], ids[1], night, body)
    assert caught.value.status == 400 and calls(sim, ids) == [("PUT", rule_path("Night"), 400)]
    # A 404 for the old id while the name finds the rule: its id.
    assert service.update_rule(ids[0], ids[1], rule_id("Old"), body) == night


@pytest.mark.parametrize("answer", [{}, {"id": ""}, None, ["id"]])
def test_update_rule_without_an_id_in_the_answer(sim, service, ids, monkeypatch, answer):
    night = add_rule(sim, ids, NIGHT)
    original = service.client.put
    monkeypatch.setattr(service.client, "put", lambda path, json: original(path, json=json) and answer)
    assert service.update_rule(ids[0], ids[1], night, dict(NIGHT, enabled=True)) == night
    assert calls(sim, ids) == [("PUT", rule_path("Night"), 201), ("GET", "FWD", 200)]
    monkeypatch.setattr(service, "rule_by_name", lambda location_id, auto_attendant_id, name: None)
    with pytest.raises(ResourceError) as caught:
        service.update_rule(ids[0], ids[1], night, dict(NIGHT, name="Late"))
    assert str(caught.value) == "selective rule 'Late' was updated but is not found under that name"
    assert caught.value.changed is True


def test_service_reads_and_delete(sim, service, ids):
    add_rule(sim, ids, VIP)
    add_rule(sim, ids, NIGHT)
    assert service.rule_by_name(ids[0], ids[1], "Night") == NIGHT_SUMMARY
    assert service.rule_by_name(ids[0], ids[1], "night") is None
    assert service.rule(ids[0], ids[1], rule_id("VIP")) == VIP_READ
    settings = service.settings(ids[0], ids[1])
    assert settings == {
        "always": UNTOUCHED,
        "selective": UNTOUCHED,
        "rules": [VIP_SUMMARY, NIGHT_SUMMARY],
        "operatingModes": OPERATING_MODES,
    }
    assert service.read(ids[0], ids[1]) == (settings, [VIP_READ, NIGHT_READ])
    sim.clear_requests()
    service.delete_rule(ids[0], ids[1], rule_id("VIP"))
    service.delete_rule(ids[0], ids[1], rule_id("VIP"))  # already gone: fine
    assert calls(sim, ids) == [("DELETE", rule_path("VIP"), 204), ("DELETE", rule_path("VIP"), 404)]
    assert service.read(ids[0], ids[1]) == (dict(settings, rules=[NIGHT_SUMMARY]), [NIGHT_READ])
    service.update_settings(ids[0], ids[1], {"callForwarding": {"selective": {"enabled": True, "destination": "2100"}}})
    assert service.settings(ids[0], ids[1])["selective"] == dict(UNTOUCHED, enabled=True, destination="2100")


def test_settings_of_an_untouched_attendant_and_of_none(sim, service, ids, monkeypatch):
    monkeypatch.setattr(service.client, "get", lambda path: {"callForwarding": None})
    assert service.settings(ids[0], ids[1]) == {}
    assert service.read(ids[0], ids[1]) == ({}, [])


def test_a_copy_of_the_inputs_is_left_alone(sim, service, ids):
    options = params(rules=[VIP_OPTION], always={"destination": "2100"})
    kept = copy.deepcopy(options)
    fw_converge.converge(service, ids[0], options, check_mode=True)
    assert options == kept


# -- the export of the forwarding (webex_auto_attendant_info) ------------------------------------------------------


def test_export_reads_the_forwarding_of_each_attendant(sim, client, ids):
    create(sim, body=aa_body("Quiet", "2101"))
    add_rule(sim, ids, VIP)
    body = {"callForwarding": {"always": {"enabled": True, "destination": "+1-9705550006"}}}
    assert sim.api("PUT", fwd(*ids), json=body).status_code == 204
    export, warnings = [], []
    attendants, _options = read_back(client, "Headquarters", forwarding_export=export, warn=warnings.append)
    always = dict(UNTOUCHED_SNAKE, enabled=True, destination="+1-9705550006")
    no_modes = {"enabled": False, "modes": []}
    assert {info["name"]: info["forwarding"] for info in attendants} == {
        ATTENDANT: {
            "always": always,
            "selective": UNTOUCHED_SNAKE,
            "rules": [fw_compare.to_snake(VIP_READ)],
            "operating_modes": no_modes,
        },
        "Quiet": {"always": UNTOUCHED_SNAKE, "selective": UNTOUCHED_SNAKE, "rules": [], "operating_modes": no_modes},
    }
    # The untouched attendant has nothing to declare; the other one applies again with no change.
    assert export == [
        {
            "location": "Headquarters",
            "auto_attendant": ATTENDANT,
            "always": {
                "enabled": True,
                "destination": "+1-9705550006",
                "ring_reminder_enabled": False,
                "send_to_voicemail_enabled": False,
            },
            "selective": {
                "enabled": False,
                "destination": "",
                "ring_reminder_enabled": False,
                "send_to_voicemail_enabled": False,
            },
            "rules": [
                {
                    "name": "VIP",
                    "enabled": True,
                    "business_schedule": BUSINESS,
                    "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+19705550006"},
                    "calls_from": {
                        "selection": "CUSTOM",
                        "custom_numbers": {
                            "private_number_enabled": True,
                            "unavailable_number_enabled": False,
                            "numbers": ["4155550123"],
                        },
                    },
                    "calls_to": {"numbers": [{"type": "PRIMARY", "phone_number": "9705550026"}]},
                }
            ],
        }
    ]
    assert warnings == []
    sim.clear_requests()
    plan, _result = fw_converge.converge(fw_service.ForwardingService(client), ids[0], params(**export[0]))
    assert plan.action == "nothing" and [entry["method"] for entry in sim.writes()] == []


def test_export_warns_of_forwarding_the_module_would_refuse(sim, client, ids):
    # The service takes a destination of 16 digits, which is not E.164.
    body = {"callForwarding": {"selective": {"destination": "+999-12345678901234"}}}
    assert sim.api("PUT", fwd(*ids), json=body).status_code == 204
    export, warnings = [], []
    read_back(client, ids[0], ATTENDANT, export_location="id", forwarding_export=export, warn=warnings.append)
    assert warnings == [
        "call forwarding of auto attendant 'Minimal AA': webex_auto_attendant_forwarding would refuse the export: "
        "selective.destination: '+999-12345678901234' is not an E.164 number (like +19705550006), an extension or "
        "an ESN"
    ]
    assert [options["selective"]["destination"] for options in export] == ["+999-12345678901234"]
    assert export[0]["location"] == ids[0] and export[0]["auto_attendant"] == ATTENDANT


def test_a_rule_create_changed_before_its_read_back(sim, service, ids, monkeypatch):
    original = service.create_rule

    def create_then_disable(location_id, auto_attendant_id, body):
        rule_id_created = original(location_id, auto_attendant_id, body)
        # Someone else disables the new rule before it is read back.
        path = fwd(*ids, "/selectiveRules/" + rule_id_created)
        assert sim.api("PUT", path, json={"name": body["name"], "enabled": False}).status_code == 201
        return rule_id_created

    monkeypatch.setattr(service, "create_rule", create_then_disable)
    add_rule(sim, ids, VIP)
    with pytest.raises(WriteNotApplied) as caught:
        fw_converge.converge(
            service, ids[0], params(rules=[VIP_OPTION, dict(NIGHT_OPTIONS, name="Night", enabled=True)])
        )
    assert caught.value.fields == ["rules[1].enabled"]
    assert str(caught.value) == (
        "the service answered 2xx but did not apply rules[1].enabled of selective rule 'Night' (trackingId %s)"
        % caught.value.tracking_id
    )


# -- run(): what the module returns, and the faults of its one settings write ---------------------------------------


def test_run_returns_snake_case_and_the_diff_only_when_asked(sim, client, ids):
    location_id, auto_attendant_id = ids
    options = params(always={"enabled": True, "destination": "+1-970-555-0006"}, rules=[VIP_OPTION])
    module = Module(copy.deepcopy(options), check_mode=True, diff=True)
    predicted = fw_converge.run(module, client)
    assert predicted["changed"] is True and sim.writes() == [] and module.warnings == []
    assert predicted["auto_attendant_id"] == auto_attendant_id and predicted["location_id"] == location_id
    assert predicted["rules"][0]["id"] is None and predicted["rules"][0]["calls_to"] == VIP_OPTION_SENT_CALLS_TO
    assert predicted["diff"]["before"]["always"]["enabled"] is False
    assert predicted["diff"]["after"]["always"]["enabled"] is True
    assert predicted["diff"]["after"]["rules"][0]["name"] == "VIP"
    module = Module(copy.deepcopy(options), diff=True)
    applied = fw_converge.run(module, client)
    assert applied["changed"] is True and applied["diff"] == predicted["diff"]
    assert applied["forwarding"]["always"] == {
        "enabled": True,
        "destination": "+19705550006",
        "ring_reminder_enabled": False,
        "send_to_voicemail_enabled": False,
    }
    assert applied["rules"][0]["id"] == rule_id("VIP") and applied["forwarding"]["rules"][0]["id"] == rule_id("VIP")
    sim.clear_requests()
    again = fw_converge.run(Module(copy.deepcopy(options)), client)
    assert again["changed"] is False and "diff" not in again and sim.writes() == []
    # The no-op floor: the location by name, the attendant by name, the settings, the one rule declared.
    assert [entry["method"] for entry in sim.requests()] == ["GET"] * 4


VIP_OPTION_SENT_CALLS_TO = {"numbers": [{"type": "PRIMARY", "phone_number": "+19705550026"}]}


@pytest.mark.parametrize("written", ["+19705550006", "9705550006", "+1 970 555 0006", "+1-970-555-0006"])
def test_a_destination_read_back_in_another_form_is_not_a_change(sim, service, ids, written):
    body = {"callForwarding": {"always": {"enabled": True, "destination": "+1-9705550006"}}}
    assert sim.api("PUT", fwd(*ids), json=body).status_code == 204
    sim.clear_requests()
    plan, _result = fw_converge.converge(service, ids[0], params(always={"enabled": True, "destination": written}))
    assert plan.action == "nothing" and sim.writes() == []


def test_a_rate_limited_settings_write_is_sent_again(sim, service, ids):
    sim.fault(method="PUT", path="callForwarding$", status=429, retry_after="0")
    plan, result = fw_converge.converge(service, ids[0], params(always={"enabled": True, "destination": "2100"}))
    assert plan.changed and result["forwarding"]["always"]["enabled"] is True
    assert [(entry["method"], entry["status"]) for entry in sim.writes()] == [("PUT", 429), ("PUT", 204)]


def test_a_settings_write_refused_with_a_5xx_is_raised_and_changes_nothing(sim, service, ids):
    sim.fault(method="PUT", path="callForwarding$", status=500)
    with pytest.raises(WebexApiError) as caught:
        fw_converge.converge(service, ids[0], params(always={"enabled": True, "destination": "2100"}))
    error = caught.value.as_dict()
    assert error["status"] == 500 and error["method"] == "PUT" and error["tracking_id"]
    assert "PUT" in str(caught.value) and "HTTP 500" in str(caught.value)
    assert stored(sim, ids)["callForwarding"]["always"] == UNTOUCHED


def test_a_settings_write_answered_2xx_but_not_applied_names_the_fields(sim, service, ids):
    # A 2xx answer that changed nothing: what the service does with a body not wrapped in callForwarding.
    sim.fault(method="PUT", path="callForwarding$", status=204)
    with pytest.raises(WriteNotApplied) as caught:
        fw_converge.converge(service, ids[0], params(always={"enabled": True, "destination": "+19705550006"}))
    assert caught.value.fields == ["always.enabled", "always.destination"] and caught.value.changed is True
    assert "did not apply" in str(caught.value)
