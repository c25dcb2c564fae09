"""_forwarding/compare.py: the desired settings and rules, how they compare with what the service reads back, the bodies
sent, the plan (with the schedules its pre-flight checks and the rules a purge deletes), and what did not take."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._forwarding import compare as fw_compare
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from tests.unit.plugins.module_utils._forwarding.shared import (
    CALLS_TO,
    CUSTOM,
    READ_BACK,
    SETTINGS,
    SPECIFIED,
    options,
    rule,
)


def test_desired_keeps_only_what_is_set_in_api_names():
    params = options(
        always={
            "enabled": True,
            "destination": "+1 970 555 0006",
            "ring_reminder_enabled": None,
            "send_to_voicemail_enabled": False,
        }
    )
    assert fw_compare.desired_settings(params) == {
        "always": {"enabled": True, "destination": "+19705550006", "sendToVoicemailEnabled": False}
    }
    assert fw_compare.desired_settings(options()) == {}
    assert fw_compare.desired_rule(
        rule(new_name="VIP callers", forward_to=SPECIFIED, calls_from=CUSTOM, calls_to=CALLS_TO, holiday_schedule="")
    ) == {
        "name": "VIP callers",
        "holidaySchedule": "",
        "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"},
        "callsFrom": {
            "selection": "CUSTOM",
            "customNumbers": {"privateNumberEnabled": True, "numbers": ["+14155550123", "4554"]},
        },
        "callsTo": {"numbers": [{"type": "PRIMARY", "phoneNumber": "+19705550026"}]},
    }


def test_desired_settings_of_both_parts_and_a_cleared_destination():
    params = options(
        always={"enabled": False, "destination": "", "ring_reminder_enabled": True, "send_to_voicemail_enabled": None},
        selective={
            "enabled": None,
            "destination": None,
            "ring_reminder_enabled": None,
            "send_to_voicemail_enabled": None,
        },
    )
    assert fw_compare.desired_settings(params) == {
        "always": {"enabled": False, "destination": "", "ringReminderEnabled": True}
    }
    assert fw_compare.desired_settings(options(selective={"destination": "(970) 555-0006"})) == {
        "selective": {"destination": "9705550006"}
    }


def test_desired_rule_of_every_shape():
    assert fw_compare.desired_rule(rule()) == {"name": "VIP"}
    assert fw_compare.desired_rule(rule(enabled=False, business_schedule="", holiday_schedule="Winter")) == {
        "name": "VIP",
        "enabled": False,
        "businessSchedule": "",
        "holidaySchedule": "Winter",
    }
    assert fw_compare.desired_rule(
        rule(
            forward_to={"selection": "FORWARD_TO_DEFAULT_NUMBER", "phone_number": None},
            calls_from={
                "selection": "ANY",
                "custom_numbers": {"private_number_enabled": None, "unavailable_number_enabled": None, "numbers": None},
            },
            calls_to={
                "numbers": [
                    {"type": "ALTERNATE", "phone_number": None, "extension": "21-00"},
                    {"type": "PRIMARY", "phone_number": "", "extension": "2101"},
                ]
            },
        )
    ) == {
        "name": "VIP",
        "forwardTo": {"selection": "FORWARD_TO_DEFAULT_NUMBER"},
        "callsFrom": {"selection": "ANY"},
        "callsTo": {"numbers": [{"type": "ALTERNATE", "extension": "2100"}, {"type": "PRIMARY", "extension": "2101"}]},
    }
    assert fw_compare.desired_rule(
        rule(
            calls_from={
                "selection": "CUSTOM",
                "custom_numbers": {"private_number_enabled": False, "unavailable_number_enabled": True, "numbers": []},
            },
            calls_to={"numbers": None},
        )
    ) == {
        "name": "VIP",
        "callsFrom": {
            "selection": "CUSTOM",
            "customNumbers": {"privateNumberEnabled": False, "unavailableNumberEnabled": True, "numbers": []},
        },
        "callsTo": {"numbers": []},
    }


def test_read_back_shapes_are_never_a_change():
    want = fw_compare.desired_rule(
        rule(enabled=True, business_schedule="Office", forward_to=SPECIFIED, calls_from=CUSTOM, calls_to=CALLS_TO)
    )
    assert fw_compare.rule_changes(want, READ_BACK) == []
    # callsTo {selection: ANY} reads back as {numbers: []}; an absent callsTo is the same.
    assert fw_compare.rule_field_equal("callsTo", {"numbers": []}, {"numbers": []})
    assert fw_compare.rule_field_equal("callsTo", {"numbers": []}, None)
    # forwardTo other than a specified number ignores a leftover phoneNumber.
    assert fw_compare.rule_field_equal(
        "forwardTo", {"selection": "DO_NOT_FORWARD"}, {"selection": "DO_NOT_FORWARD", "phoneNumber": "+19705550006"}
    )
    assert (
        fw_compare.setting_changes(
            {"destination": "+19705550006", "enabled": True}, {"destination": "+1-9705550006", "enabled": True}
        )
        == []
    )


def test_real_differences_are_changes():
    want = fw_compare.desired_rule(
        rule(
            enabled=False,
            calls_to={"numbers": []},
            calls_from={"selection": "CUSTOM", "custom_numbers": {"numbers": ["+14155550123"]}},
        )
    )
    assert fw_compare.rule_changes(want, READ_BACK) == ["enabled", "callsFrom", "callsTo"]
    assert fw_compare.rule_changes({"name": "VIP", "holidaySchedule": "Holidays"}, READ_BACK) == ["holidaySchedule"]
    assert fw_compare.rule_changes({"name": "VIP", "businessSchedule": ""}, READ_BACK) == ["businessSchedule"]
    assert fw_compare.setting_changes({"enabled": True, "ringReminderEnabled": False}, SETTINGS["always"]) == [
        "enabled"
    ]


def test_setting_comparison():
    assert fw_compare.setting_changes({"destination": "", "enabled": False}, None) == []
    assert fw_compare.setting_changes({"destination": "2100"}, {"destination": None}) == ["destination"]
    assert fw_compare.setting_changes({"destination": "2100"}, {"destination": "2101"}) == ["destination"]
    both = {"always": {"enabled": True}, "selective": {"enabled": True, "destination": "2100"}}
    assert fw_compare.settings_not_applied(both, SETTINGS) == [
        "always.enabled",
        "selective.enabled",
        "selective.destination",
    ]
    assert fw_compare.setting_changes({"ringReminderEnabled": False, "enabled": True}, {"enabled": 1}) == []
    assert fw_compare.setting_changes({"sendToVoicemailEnabled": True}, {"sendToVoicemailEnabled": False}) == [
        "sendToVoicemailEnabled"
    ]


def test_rule_field_comparison():
    equal = fw_compare.rule_field_equal
    assert equal("callsTo", {"numbers": [{"type": "PRIMARY", "phoneNumber": "+19705550026"}]}, {"numbers": []}) is False
    assert equal(
        "callsTo",
        {"numbers": [{"type": "ALTERNATE", "extension": "2100"}, {"type": "PRIMARY", "phoneNumber": "+19705550026"}]},
        {"numbers": [{"type": "PRIMARY", "phoneNumber": "9705550026"}, {"type": "ALTERNATE", "extension": "2100"}]},
    )
    assert not equal(
        "callsTo",
        {"numbers": [{"type": "PRIMARY", "extension": "2100"}]},
        {"numbers": [{"type": "ALTERNATE", "extension": "2100"}]},
    )
    assert not equal("callsTo", {"numbers": [{"extension": "2100"}]}, {"numbers": [{"extension": "2101"}]})
    assert not equal(
        "callsTo",
        {"numbers": [{"type": "PRIMARY", "phoneNumber": "+19705550026"}]},
        {"numbers": [{"type": "PRIMARY", "phoneNumber": "9705550027"}]},
    )
    assert equal("callsTo", {"numbers": [{"extension": "2100"}]}, {"numbers": [{"type": "", "extension": "2100"}]})
    assert not equal("forwardTo", {"selection": "DO_NOT_FORWARD"}, None)
    assert not equal(
        "forwardTo",
        {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"},
        {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550007"},
    )
    assert equal(
        "forwardTo",
        {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"},
        {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "9705550006"},
    )
    assert not equal("callsFrom", {"selection": "ANY"}, {"selection": "CUSTOM"})
    assert equal("callsFrom", {"selection": "ANY"}, {"selection": "ANY", "customNumbers": {"numbers": ["2100"]}})
    assert not equal("callsFrom", {"selection": "ANY"}, None)
    custom = {"selection": "CUSTOM", "customNumbers": {"numbers": ["+14155550123", "2100"]}}
    assert equal("callsFrom", custom, {"selection": "CUSTOM", "customNumbers": {"numbers": ["2100", "4155550123"]}})
    assert not equal("callsFrom", custom, {"selection": "CUSTOM", "customNumbers": {"numbers": ["2100"]}})
    assert not equal("callsFrom", custom, {"selection": "CUSTOM"})
    assert equal("callsFrom", {"selection": "CUSTOM", "customNumbers": {"numbers": []}}, {"selection": "CUSTOM"})
    private = {"selection": "CUSTOM", "customNumbers": {"privateNumberEnabled": True}}
    assert not equal("callsFrom", private, {"selection": "CUSTOM", "customNumbers": {"privateNumberEnabled": False}})
    assert equal("callsFrom", private, {"selection": "CUSTOM", "customNumbers": {"privateNumberEnabled": 1}})
    assert not equal("enabled", True, None) and equal("enabled", False, None)
    assert equal("businessSchedule", "", None) and not equal("businessSchedule", "Office", "office")
    assert equal("name", "VIP", "VIP") and not equal("name", "VIP", "VIP callers")


def test_bodies_of_update_and_create():
    assert fw_compare.writable_rule(dict(READ_BACK, holidaySchedule=None)) == {
        key: value for key, value in READ_BACK.items() if key != "id"
    }
    body = fw_compare.update_body({"name": "VIP", "callsFrom": {"selection": "ANY"}}, READ_BACK)
    assert body["callsFrom"] == {"selection": "ANY"} and body["name"] == "VIP"
    body = fw_compare.update_body(
        {"name": "VIP", "callsFrom": {"selection": "CUSTOM", "customNumbers": {"numbers": ["2100"]}}},
        {"name": "VIP", "callsFrom": {"selection": "ANY"}},
    )
    assert body == {"name": "VIP", "callsFrom": {"selection": "CUSTOM", "customNumbers": {"numbers": ["2100"]}}}
    want = {"name": "VIP", "forwardTo": {"selection": "DO_NOT_FORWARD"}}
    body = fw_compare.update_body(want, READ_BACK)
    body["forwardTo"]["selection"] = "changed"
    assert want["forwardTo"] == {"selection": "DO_NOT_FORWARD"} and READ_BACK["forwardTo"]["selection"] != "changed"
    assert fw_compare.create_body(
        {
            "name": "New",
            "businessSchedule": "",
            "holidaySchedule": "",
            "callsFrom": {"selection": "CUSTOM", "customNumbers": {"numbers": ["2100"]}},
        }
    ) == {
        "name": "New",
        "callsFrom": {
            "selection": "CUSTOM",
            "customNumbers": {"privateNumberEnabled": False, "unavailableNumberEnabled": False, "numbers": ["2100"]},
        },
    }
    # The desired rule is left as the user gave it: the read-back compares against it.
    want = {"name": "New", "callsFrom": {"selection": "CUSTOM", "customNumbers": {"numbers": ["2100"]}}}
    fw_compare.create_body(want)
    assert want == {"name": "New", "callsFrom": {"selection": "CUSTOM", "customNumbers": {"numbers": ["2100"]}}}
    assert fw_compare.create_body({"name": "New", "businessSchedule": "Office", "enabled": False}) == {
        "name": "New",
        "businessSchedule": "Office",
        "enabled": False,
    }
    assert fw_compare.CUSTOM_NUMBERS_DEFAULTS == {
        "privateNumberEnabled": False,
        "unavailableNumberEnabled": False,
        "numbers": [],
    }


def test_references_name_only_schedules_not_sent_before():
    want = {"name": "VIP", "businessSchedule": "Office", "holidaySchedule": "Winter"}
    assert fw_compare._schedules_named(3, want, None) == [
        ("rules[3].business_schedule", "businessHours", "Office"),
        ("rules[3].holiday_schedule", "holidays", "Winter"),
    ]
    assert fw_compare._schedules_named(0, want, {"businessSchedule": "Office"}) == [
        ("rules[0].holiday_schedule", "holidays", "Winter")
    ]
    assert fw_compare._schedules_named(0, {"name": "VIP", "businessSchedule": ""}, None) == []


def test_plan_actions():
    assert fw_compare.ForwardingPlan().action == "nothing" and fw_compare.ForwardingPlan().settings_body == {}
    assert fw_compare.ForwardingPlan(rule_deletes=[{"id": "R1"}]).action == "update"
    assert fw_compare.ForwardingPlan(rule_updates=[(0, {}, {}, {})]).action == "update"
    assert fw_compare.ForwardingPlan(rule_creates=[(0, {}, {})]).action == "update"
    the_plan = fw_compare.ForwardingPlan(
        settings_body={"callForwarding": {}}, before={"rules": []}, after={"ruleName": "x"}
    )
    assert the_plan.action == "update" and the_plan.diff() == {"before": {"rules": []}, "after": {"rule_name": "x"}}
    assert fw_compare.to_snake(None) is None


def test_plan_nothing_to_do():
    params = options(always={"enabled": False}, rules=[rule(enabled=True)])
    the_plan = fw_compare.plan(params, SETTINGS, {"VIP": READ_BACK})
    assert the_plan.action == "nothing" and not the_plan.changed
    assert the_plan.settings_body == {} and the_plan.rule_updates == [] and the_plan.rule_deletes == []


def test_plan_settings_are_wrapped_and_only_the_set_fields_sent():
    the_plan = fw_compare.plan(options(always={"enabled": True, "destination": "+19705550006"}), SETTINGS, {})
    assert the_plan.changed
    assert the_plan.settings_body == {"callForwarding": {"always": {"enabled": True, "destination": "+19705550006"}}}
    assert (
        the_plan.diff()["after"]["always"]["enabled"] is True
        and the_plan.diff()["before"]["always"]["enabled"] is False
    )


def test_plan_always_on_without_any_destination_is_refused():
    with pytest.raises(ResourceError) as caught:
        fw_compare.plan(options(always={"enabled": True}), SETTINGS, {})
    assert str(caught.value) == "always.enabled: forwarding every call needs always.destination (none is set)"
    # A destination already set is enough; an enabled selective part needs none.
    with_destination = dict(SETTINGS, always=dict(SETTINGS["always"], destination="+1-9705550006"))
    assert fw_compare.plan(options(always={"enabled": True}), with_destination, {}).settings_body == {
        "callForwarding": {"always": {"enabled": True}}
    }
    assert fw_compare.plan(options(selective={"enabled": True}), SETTINGS, {}).changed


def test_plan_of_a_missing_part_and_no_rules():
    the_plan = fw_compare.plan(options(selective={"enabled": True}), {"rules": []}, {})
    assert the_plan.before == {"always": {}, "selective": {}}
    assert the_plan.after == {"always": {}, "selective": {"enabled": True}}
    assert the_plan.settings_body == {"callForwarding": {"selective": {"enabled": True}}}
    assert the_plan.action == "update" and the_plan.schedules_named == []


def test_plan_rule_update_is_the_whole_rule_named_and_merged():
    params = options(
        rules=[
            rule(
                new_name="VIP callers",
                business_schedule="",
                calls_from={"selection": "CUSTOM", "custom_numbers": {"unavailable_number_enabled": True}},
            )
        ]
    )
    the_plan = fw_compare.plan(params, SETTINGS, {"VIP": READ_BACK})
    ((index, current, body, want),) = the_plan.rule_updates
    assert index == 0
    assert current is READ_BACK and want["name"] == "VIP callers"
    assert body["name"] == "VIP callers" and body["businessSchedule"] == "" and "id" not in body
    assert body["callsFrom"]["customNumbers"] == {
        "privateNumberEnabled": True,
        "unavailableNumberEnabled": True,
        "numbers": ["4554", "4155550123"],
    }
    assert body["forwardTo"] == READ_BACK["forwardTo"] and body["callsTo"] == READ_BACK["callsTo"]
    assert the_plan.schedules_named == []


def test_plan_rename_already_done_and_rename_onto_another_rule():
    done = fw_compare.plan(
        options(rules=[rule(name="Old name", new_name="VIP", enabled=True)]), SETTINGS, {"VIP": READ_BACK}
    )
    assert not done.changed
    with pytest.raises(ResourceError) as caught:
        fw_compare.plan(
            options(rules=[rule(name="Free"), rule(new_name="Old")]),
            SETTINGS,
            {"VIP": READ_BACK, "Old": dict(READ_BACK, name="Old")},
        )
    assert str(caught.value) == "rules[1]: cannot rename rule 'VIP' to 'Old': a rule called 'Old' already exists"


def test_plan_create_needs_forward_to_and_calls_from_and_lists_its_schedules():
    with pytest.raises(ResourceError) as caught:
        fw_compare.plan(options(rules=[rule(name="New")]), SETTINGS, {})
    assert str(caught.value) == "rules[0]: rule 'New' does not exist, and creating it needs forward_to and calls_from"
    with pytest.raises(ResourceError) as caught:
        fw_compare.plan(options(rules=[rule(name="New", calls_from={"selection": "ANY"})]), SETTINGS, {})
    assert str(caught.value) == "rules[0]: rule 'New' does not exist, and creating it needs forward_to"
    with pytest.raises(ResourceError) as caught:
        fw_compare.plan(options(rules=[rule(name="New", new_name="Newer", forward_to=SPECIFIED)]), SETTINGS, {})
    assert str(caught.value) == "rules[0]: rule 'Newer' does not exist, and creating it needs calls_from"
    params = options(
        rules=[
            rule(
                name="New",
                forward_to={"selection": "DO_NOT_FORWARD", "phone_number": None},
                calls_from={"selection": "ANY", "custom_numbers": None},
                business_schedule="Office",
                holiday_schedule="",
            )
        ]
    )
    the_plan = fw_compare.plan(params, SETTINGS, {})
    ((_index, body, _want),) = the_plan.rule_creates
    assert body == {
        "name": "New",
        "businessSchedule": "Office",
        "forwardTo": {"selection": "DO_NOT_FORWARD"},
        "callsFrom": {"selection": "ANY"},
    }
    assert the_plan.schedules_named == [("rules[0].business_schedule", "businessHours", "Office")]


def test_plan_purge_deletes_only_undeclared_rules_and_never_without_rules():
    the_plan = fw_compare.plan(options(rules=[rule(enabled=True)], purge_rules=True), SETTINGS, {"VIP": READ_BACK})
    assert [summary["id"] for summary in the_plan.rule_deletes] == ["R2"] and the_plan.changed
    renamed = fw_compare.plan(
        options(rules=[rule(new_name="VIP callers")], purge_rules=True), SETTINGS, {"VIP": READ_BACK}
    )
    assert [summary["id"] for summary in renamed.rule_deletes] == ["R2"]
    assert not fw_compare.plan(options(always={"enabled": False}), SETTINGS, {}).rule_deletes


def test_plan_of_rules_keeps_order_and_before_after():
    params = options(
        rules=[
            rule(name="Old", enabled=True, business_schedule="Office"),
            rule(name="New", forward_to={"selection": "DO_NOT_FORWARD"}, calls_from={"selection": "ANY"}),
            rule(enabled=True),
        ],
        purge_rules=True,
    )
    old = {"id": "R2", "name": "Old", "enabled": False, "businessSchedule": "Office", "holidaySchedule": None}
    the_plan = fw_compare.plan(params, SETTINGS, {"VIP": READ_BACK, "Old": old})
    assert [(index, current["id"], body) for index, current, body, _want in the_plan.rule_updates] == [
        (0, "R2", {"name": "Old", "enabled": True, "businessSchedule": "Office"})
    ]
    assert [(index, body) for index, body, _want in the_plan.rule_creates] == [
        (1, {"name": "New", "forwardTo": {"selection": "DO_NOT_FORWARD"}, "callsFrom": {"selection": "ANY"}})
    ]
    assert the_plan.rule_deletes == [] and the_plan.schedules_named == []
    assert the_plan.before["rules"] == [
        {"name": "Old", "enabled": False, "businessSchedule": "Office"},
        fw_compare.writable_rule(READ_BACK),
    ]
    assert the_plan.after["rules"] == [
        {"name": "Old", "enabled": True, "businessSchedule": "Office"},
        {"name": "New", "forwardTo": {"selection": "DO_NOT_FORWARD"}, "callsFrom": {"selection": "ANY"}},
        fw_compare.writable_rule(READ_BACK),
    ]
    only_deletes = fw_compare.plan(options(rules=[], purge_rules=True), SETTINGS, {})
    assert only_deletes.action == "update" and only_deletes.rule_deletes == SETTINGS["rules"]
    assert only_deletes.before == {"always": SETTINGS["always"], "selective": SETTINGS["selective"]}


def test_settings_not_applied_names_the_fields():
    wanted = {"always": {"enabled": True, "destination": "+19705550006"}}
    assert fw_compare.settings_not_applied(wanted, SETTINGS) == ["always.enabled", "always.destination"]
    assert fw_compare.settings_not_applied({"always": {"ringReminderEnabled": True}}, SETTINGS) == [
        "always.ring_reminder_enabled"
    ]
    assert fw_compare.rule_not_applied(
        2, {"name": "VIP", "enabled": False, "businessSchedule": "Office"}, READ_BACK
    ) == ["rules[2].enabled"]
    applied = dict(SETTINGS, always={"enabled": True, "destination": "+1-9705550006"})
    assert fw_compare.settings_not_applied(wanted, applied) == []


# -- where a detail of the plan reaches the user --------------------------------------------------------------------


DO_NOT_FORWARD = {"selection": "DO_NOT_FORWARD", "phone_number": None}


ANY = {"selection": "ANY", "custom_numbers": None}


def test_a_new_name_equal_to_the_name_is_no_rename():
    """new_name equal to name (allowed by the validation) converges the rule of that name, not a refused rename."""
    the_plan = fw_compare.plan(options(rules=[rule(new_name="VIP", enabled=False)]), SETTINGS, {"VIP": READ_BACK})
    body = dict(fw_compare.writable_rule(READ_BACK), enabled=False)
    assert [(index, current["id"], sent) for index, current, sent, _want in the_plan.rule_updates] == [(0, "R1", body)]
    assert the_plan.rule_creates == [] and the_plan.rule_deletes == [] and the_plan.schedules_named == []


def test_the_schedules_of_every_rule_are_checked_before_the_writes():
    """The pre-flight list holds the new schedules of each rule, a created one and an updated one after it."""
    params = options(
        rules=[
            rule(name="New", forward_to=DO_NOT_FORWARD, calls_from=ANY, business_schedule="Night"),
            rule(holiday_schedule="Winter"),
        ]
    )
    the_plan = fw_compare.plan(params, SETTINGS, {"VIP": READ_BACK})
    assert the_plan.schedules_named == [
        ("rules[0].business_schedule", "businessHours", "Night"),
        ("rules[1].holiday_schedule", "holidays", "Winter"),
    ]


def test_a_purged_rule_shows_its_name_and_enabled_in_the_diff_before():
    """purge_rules: the diff's before lists each rule it deletes by name and enabled, after the declared ones."""
    the_plan = fw_compare.plan(options(rules=[rule(enabled=True)], purge_rules=True), SETTINGS, {"VIP": READ_BACK})
    assert the_plan.before == {
        "always": SETTINGS["always"],
        "selective": SETTINGS["selective"],
        "rules": [fw_compare.writable_rule(READ_BACK), {"name": "Old", "enabled": False}],
    }
    assert the_plan.diff()["before"]["rules"] == [
        fw_compare.to_snake(fw_compare.writable_rule(READ_BACK)),
        {"name": "Old", "enabled": False},
    ]


# -- operating modes ------------------------------------------------------------------------------------------------

DAY_READ = {
    "id": "M-DAY",
    "name": "Day",
    "type": "SAME_HOURS_DAILY",
    "level": "LOCATION",
    "normalOperationEnabled": True,
    "forwardTo": {
        "selection": "DO_NOT_FORWARD",
        "destination": "",
        "destinationVoicemailEnabled": False,
        "defaultForwardToSelection": "DO_NOT_FORWARD",
        "defaultDestination": "",
        "defaultDestinationVoicemailEnabled": False,
    },
}
DAY_SENT = {
    "id": "M-DAY",
    "normalOperationEnabled": True,
    "forwardTo": {"selection": "DO_NOT_FORWARD", "destinationVoicemailEnabled": False},
}
AVAILABLE = [{"id": "M-DAY", "name": "Day"}, {"id": "M-OUT", "name": "Outage"}]


def mode(name, normal=None, **forward_to):
    return {"name": name, "normal_operation_enabled": normal, "forward_to": forward_to or None}


def test_a_read_mode_is_sent_back_in_the_request_schema_only():
    assert fw_compare.mode_patch(DAY_READ) == DAY_SENT
    assert fw_compare.mode_patch(
        {"id": "X", "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "destination": "+19705550006"}}
    ) == {
        "id": "X",
        "normalOperationEnabled": False,
        "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "destination": "+19705550006"},
    }


@pytest.mark.parametrize(
    "wanted,changes",
    [
        (mode("Day", True, selection="DO_NOT_FORWARD"), []),
        (mode("Day", False), ["normal_operation_enabled"]),
        (mode("Day", selection="FORWARD_TO_DEFAULT_NUMBER"), ["forward_to.selection"]),
        (mode("Day", selection="DO_NOT_FORWARD", destination="", destination_voicemail_enabled=False), []),
        (mode("Day", selection="DO_NOT_FORWARD", destination="1000"), ["forward_to.destination"]),
        (
            mode("Day", selection="DO_NOT_FORWARD", destination_voicemail_enabled=True),
            ["forward_to.destination_voicemail_enabled"],
        ),
    ],
)
def test_a_mode_compares_only_what_is_set(wanted, changes):
    assert fw_compare.mode_changes(fw_compare.desired_mode(wanted), DAY_READ) == changes


def test_plan_modes_changes_in_place_adds_by_name_and_keeps_the_others():
    current = {"enabled": True, "modes": [DAY_READ]}
    assert fw_compare.plan_modes(None, current, AVAILABLE) is None
    unchanged = fw_compare.plan_modes({"enabled": True, "modes": [mode("Day", True)]}, current, None)
    assert unchanged.body is None and unchanged.before == unchanged.after
    added = fw_compare.plan_modes(
        {
            "enabled": None,
            "modes": [mode("Outage", False, selection="FORWARD_TO_SPECIFIED_NUMBER", destination="+1 970 555 0006")],
        },
        current,
        AVAILABLE,
    )
    assert added.body == {
        "enabled": True,
        "modes": [
            DAY_SENT,
            {
                "id": "M-OUT",
                "normalOperationEnabled": False,
                "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "destination": "+19705550006"},
            },
        ],
    }
    assert [view["name"] for view in added.after["modes"]] == ["Day", "Outage"] and added.unresolved == []
    # Not read yet (the site engine plans an attendant the run creates): the id is found before the write.
    later = fw_compare.plan_modes(
        {"enabled": True, "modes": [mode("Outage", False, selection="DO_NOT_FORWARD")]}, {}, None
    )
    assert later.body["modes"] == [
        {"id": None, "normalOperationEnabled": False, "forwardTo": {"selection": "DO_NOT_FORWARD"}}
    ]
    assert later.unresolved == [(0, "Outage")] and later.declared[0][3] is None


def test_plan_modes_refuses_an_ambiguous_or_unknown_name_and_an_incomplete_new_mode():
    twice = [{"id": "A", "name": "Storm"}, {"id": "B", "name": "Storm"}]
    with pytest.raises(ResourceError, match=r"2 operating modes the location offers are called 'Storm' \(ids: A, B\)"):
        fw_compare.plan_modes({"modes": [mode("Storm", True, selection="DO_NOT_FORWARD")]}, {}, twice)
    with pytest.raises(ResourceError, match=r"2 operating modes of the auto attendant are called 'Day'"):
        fw_compare.plan_modes({"modes": [mode("Day", True)]}, {"modes": [DAY_READ, dict(DAY_READ, id="M2")]}, None)
    with pytest.raises(ResourceError, match=r"no operating mode called 'Lunch' is available .*available: Day, Outage"):
        fw_compare.plan_modes({"modes": [mode("Lunch", True, selection="DO_NOT_FORWARD")]}, {}, AVAILABLE)
    with pytest.raises(ResourceError, match="adding it needs normal_operation_enabled and forward_to"):
        fw_compare.plan_modes({"modes": [mode("Outage")]}, {}, AVAILABLE)


@pytest.mark.parametrize(
    "exception,runs",
    [
        (None, False),
        ("", False),
        ("AUTOMATIC_SWITCH_BACK_STANDARD", False),
        ("MANUAL_SWITCH_BACK", True),
        ("AUTOMATIC_SWITCH_BACK_EARLY_START", True),
        ("AUTOMATIC_SWITCH_BACK_EXTENSION", True),
    ],
)
def test_only_a_mode_switched_to_or_extended_by_hand_is_switched_back(exception, runs):
    settings = dict(SETTINGS, operatingModes={"enabled": True, "modes": [DAY_READ], "exceptionType": exception})
    assert fw_compare.runs_an_exception(settings) is runs
    the_plan = fw_compare.plan(options(switch_mode=True), settings, {})
    assert (the_plan.switch_mode, the_plan.changed) == (runs, runs)
    assert fw_compare.plan(options(), settings, {}).switch_mode is False


def test_what_a_mode_write_did_not_apply_is_named():
    the_plan = fw_compare.plan_modes({"enabled": True, "modes": [mode("Day", False)]}, {"modes": [DAY_READ]}, None)
    assert fw_compare.modes_not_applied(the_plan, False, {"operatingModes": {"modes": [DAY_READ]}}) == [
        "operating_modes.enabled",
        "operating_modes.modes[0].normal_operation_enabled",
    ]
    assert fw_compare.modes_not_applied(
        the_plan, True, {"operatingModes": {"enabled": True, "modes": [], "exceptionType": "MANUAL_SWITCH_BACK"}}
    ) == [
        "operating_modes.modes[0]",
        "switch_mode",
    ]
