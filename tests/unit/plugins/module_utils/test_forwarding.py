"""Pure steps of the forwarding resource: numbers, validation, desired state, comparison and plan."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils import forwarding as fw
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError


def rule(name="VIP", **fields):
    """A rules entry as AnsibleModule hands it over: every suboption present, unset ones None."""
    entry = {
        "name": name,
        "new_name": None,
        "enabled": None,
        "business_schedule": None,
        "holiday_schedule": None,
        "forward_to": None,
        "calls_from": None,
        "calls_to": None,
    }
    entry.update(fields)
    return entry


def options(**overrides):
    params = {
        "location": "Headquarters",
        "auto_attendant": "Reception",
        "always": None,
        "selective": None,
        "rules": None,
        "purge_rules": False,
    }
    params.update(overrides)
    return params


SPECIFIED = {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+1 970-555-0006"}
CUSTOM = {
    "selection": "CUSTOM",
    "custom_numbers": {
        "private_number_enabled": True,
        "unavailable_number_enabled": None,
        "numbers": ["+14155550123", "4554"],
    },
}
CALLS_TO = {"numbers": [{"type": "PRIMARY", "phone_number": "+19705550026", "extension": None}]}
# The same rule as the service reads it back: NANP numbers without their +, callsTo of "any" as an empty list.
READ_BACK = {
    "id": "R1",
    "name": "VIP",
    "enabled": True,
    "businessSchedule": "Office",
    "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"},
    "callsFrom": {
        "selection": "CUSTOM",
        "customNumbers": {
            "privateNumberEnabled": True,
            "unavailableNumberEnabled": False,
            "numbers": ["4554", "4155550123"],
        },
    },
    "callsTo": {"numbers": [{"type": "PRIMARY", "phoneNumber": "9705550026"}]},
}
SETTINGS = {
    "always": {"enabled": False, "destination": "", "ringReminderEnabled": False, "sendToVoicemailEnabled": False},
    "selective": {"enabled": False, "destination": "", "ringReminderEnabled": False, "sendToVoicemailEnabled": False},
    "rules": [{"id": "R1", "name": "VIP", "enabled": True}, {"id": "R2", "name": "Old", "enabled": False}],
}


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("+19705550006", "+19705550006"),
        ("+1-9705550006", "+19705550006"),
        ("9705550006", "+19705550006"),
        ("+1 (970) 555-0006", "+19705550006"),
        ("+496567123456", "+496567123456"),
        ("4554", "4554"),
        ("80012100", "80012100"),
        (None, ""),
        ("", ""),
    ],
)
def test_canonical_number(written, canonical):
    assert fw.canonical_number(written) == canonical


@pytest.mark.parametrize("value", ["+19705550006", "+1-970-555-0006", "2100", "80012100"])
def test_numbers_that_pass(value):
    assert fw.number_problem(value) is None


@pytest.mark.parametrize("value", ["call me", "+0123", "1", "+1970abc", "+12345678901234567"])
def test_numbers_that_fail(value):
    assert "is not an E.164 number" in fw.number_problem(value)


def test_valid_options_have_no_errors():
    assert fw.validate_options(options(always={"enabled": True, "destination": "+19705550006"})) == []
    assert fw.validate_options(options(rules=[rule(forward_to=SPECIFIED, calls_from=CUSTOM, calls_to=CALLS_TO)])) == []
    assert fw.validate_options(options(rules=[], purge_rules=True)) == []


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"location": " "}, "location: must not be empty"),
        ({"selective": {"destination": "somewhere"}}, "selective.destination: 'somewhere' is not"),
        ({"purge_rules": True}, "purge_rules: needs rules"),
        ({"rules": [rule(name="")]}, "rules[0].name: must not be empty"),
        ({"rules": [rule(new_name="x" * 81)]}, "rules[0].new_name: 81 characters"),
        ({"rules": [rule(), rule()]}, "rules[1].name: rule name 'VIP' is already used by rules[0].name"),
        ({"rules": [rule(), rule(name="Other", new_name="VIP")]}, "rules[1].new_name: rule name 'VIP' is already used"),
        (
            {"rules": [rule(forward_to={"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": None})]},
            "rules[0].forward_to: selection FORWARD_TO_SPECIFIED_NUMBER needs phone_number",
        ),
        (
            {"rules": [rule(forward_to={"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "x"})]},
            "rules[0].forward_to.phone_number: 'x' is not",
        ),
        (
            {"rules": [rule(calls_from={"selection": "CUSTOM", "custom_numbers": None})]},
            "rules[0].calls_from: selection CUSTOM needs custom_numbers",
        ),
        (
            {"rules": [rule(calls_from={"selection": "CUSTOM", "custom_numbers": {"numbers": ["ok?"]}})]},
            "rules[0].calls_from.custom_numbers.numbers[0]: 'ok?' is not",
        ),
        (
            {"rules": [rule(calls_to={"numbers": [{"type": "PRIMARY", "phone_number": None, "extension": None}]})]},
            "rules[0].calls_to.numbers[0]: give phone_number or extension",
        ),
        (
            {
                "rules": [
                    rule(
                        calls_to={"numbers": [{"type": "PRIMARY", "phone_number": "+19705550026", "extension": "2100"}]}
                    )
                ]
            },
            "rules[0].calls_to.numbers[0]: give phone_number or extension",
        ),
    ],
)
def test_invalid_options_name_the_option(overrides, message):
    errors = fw.validate_options(options(**overrides))
    assert any(message in error for error in errors), errors


def test_renaming_to_the_same_name_is_not_a_duplicate():
    assert fw.validate_options(options(rules=[rule(new_name="VIP")])) == []


def test_desired_keeps_only_what_is_set_in_api_names():
    params = options(
        always={
            "enabled": True,
            "destination": "+1 970 555 0006",
            "ring_reminder_enabled": None,
            "send_to_voicemail_enabled": False,
        }
    )
    assert fw.desired_settings(params) == {
        "always": {"enabled": True, "destination": "+19705550006", "sendToVoicemailEnabled": False}
    }
    assert fw.desired_settings(options()) == {}
    assert fw.desired_rule(
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


def test_read_back_shapes_are_never_a_change():
    want = fw.desired_rule(
        rule(enabled=True, business_schedule="Office", forward_to=SPECIFIED, calls_from=CUSTOM, calls_to=CALLS_TO)
    )
    assert fw.rule_changes(want, READ_BACK) == []
    # callsTo {selection: ANY} reads back as {numbers: []}; an absent callsTo is the same.
    assert fw.rule_field_equal("callsTo", {"numbers": []}, {"numbers": []})
    assert fw.rule_field_equal("callsTo", {"numbers": []}, None)
    # forwardTo other than a specified number ignores a leftover phoneNumber.
    assert fw.rule_field_equal(
        "forwardTo", {"selection": "DO_NOT_FORWARD"}, {"selection": "DO_NOT_FORWARD", "phoneNumber": "+19705550006"}
    )
    assert (
        fw.setting_changes(
            {"destination": "+19705550006", "enabled": True}, {"destination": "+1-9705550006", "enabled": True}
        )
        == []
    )


def test_real_differences_are_changes():
    want = fw.desired_rule(
        rule(
            enabled=False,
            calls_to={"numbers": []},
            calls_from={"selection": "CUSTOM", "custom_numbers": {"numbers": ["+14155550123"]}},
        )
    )
    assert fw.rule_changes(want, READ_BACK) == ["enabled", "callsFrom", "callsTo"]
    assert fw.rule_changes({"name": "VIP", "holidaySchedule": "Holidays"}, READ_BACK) == ["holidaySchedule"]
    assert fw.rule_changes({"name": "VIP", "businessSchedule": ""}, READ_BACK) == ["businessSchedule"]
    assert fw.setting_changes({"enabled": True, "ringReminderEnabled": False}, SETTINGS["always"]) == ["enabled"]


def test_plan_nothing_to_do():
    params = options(always={"enabled": False}, rules=[rule(enabled=True)])
    the_plan = fw.plan(params, SETTINGS, {"VIP": READ_BACK})
    assert the_plan.action == "nothing" and not the_plan.changed
    assert the_plan.settings_body == {} and the_plan.rule_updates == [] and the_plan.rule_deletes == []


def test_plan_settings_are_wrapped_and_only_the_set_fields_sent():
    the_plan = fw.plan(options(always={"enabled": True, "destination": "+19705550006"}), SETTINGS, {})
    assert the_plan.changed
    assert the_plan.settings_body == {"callForwarding": {"always": {"enabled": True, "destination": "+19705550006"}}}
    assert (
        the_plan.diff()["after"]["always"]["enabled"] is True
        and the_plan.diff()["before"]["always"]["enabled"] is False
    )


def test_plan_always_on_without_any_destination_is_refused():
    with pytest.raises(ResourceError, match="always.enabled: forwarding every call needs always.destination"):
        fw.plan(options(always={"enabled": True}), SETTINGS, {})


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
    the_plan = fw.plan(params, SETTINGS, {"VIP": READ_BACK})
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
    assert the_plan.references == []


def test_plan_rename_already_done_and_rename_onto_another_rule():
    done = fw.plan(options(rules=[rule(name="Old name", new_name="VIP", enabled=True)]), SETTINGS, {"VIP": READ_BACK})
    assert not done.changed
    with pytest.raises(ResourceError, match="cannot rename rule 'VIP' to 'Old'"):
        fw.plan(options(rules=[rule(new_name="Old")]), SETTINGS, {"VIP": READ_BACK, "Old": dict(READ_BACK, name="Old")})


def test_plan_create_needs_forward_to_and_calls_from_and_lists_its_schedules():
    with pytest.raises(ResourceError, match="creating it needs forward_to and calls_from"):
        fw.plan(options(rules=[rule(name="New")]), SETTINGS, {})
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
    the_plan = fw.plan(params, SETTINGS, {})
    ((_index, body, _want),) = the_plan.rule_creates
    assert body == {
        "name": "New",
        "businessSchedule": "Office",
        "forwardTo": {"selection": "DO_NOT_FORWARD"},
        "callsFrom": {"selection": "ANY"},
    }
    assert the_plan.references == [("rules[0].business_schedule", "businessHours", "Office")]


def test_plan_purge_deletes_only_undeclared_rules_and_never_without_rules():
    the_plan = fw.plan(options(rules=[rule(enabled=True)], purge_rules=True), SETTINGS, {"VIP": READ_BACK})
    assert [summary["id"] for summary in the_plan.rule_deletes] == ["R2"] and the_plan.changed
    renamed = fw.plan(options(rules=[rule(new_name="VIP callers")], purge_rules=True), SETTINGS, {"VIP": READ_BACK})
    assert [summary["id"] for summary in renamed.rule_deletes] == ["R2"]
    assert not fw.plan(options(always={"enabled": False}), SETTINGS, {}).rule_deletes


def test_settings_not_applied_names_the_fields():
    wanted = {"always": {"enabled": True, "destination": "+19705550006"}}
    assert fw.settings_not_applied(wanted, SETTINGS) == ["always.enabled", "always.destination"]
    assert fw.settings_not_applied({"always": {"ringReminderEnabled": True}}, SETTINGS) == [
        "always.ring_reminder_enabled"
    ]
    assert fw.rule_not_applied(2, {"name": "VIP", "enabled": False, "businessSchedule": "Office"}, READ_BACK) == [
        "rules[2].enabled"
    ]
    applied = dict(SETTINGS, always={"enabled": True, "destination": "+1-9705550006"})
    assert fw.settings_not_applied(wanted, applied) == []


def test_export_of_untouched_forwarding_is_nothing():
    untouched = {"always": SETTINGS["always"], "selective": SETTINGS["selective"], "rules": []}
    assert fw.options_from_forwarding(untouched, [], "Headquarters", "Reception") is None


def test_export_reapplies_with_no_change_and_is_accepted():
    settings = dict(
        SETTINGS,
        always={
            "enabled": True,
            "destination": "+1-9705550006",
            "ringReminderEnabled": False,
            "sendToVoicemailEnabled": False,
        },
    )
    any_rule = {
        "id": "R2",
        "name": "Old",
        "enabled": False,
        "forwardTo": {"selection": "DO_NOT_FORWARD"},
        "callsFrom": {"selection": "ANY"},
        "callsTo": {"numbers": []},
    }
    options = fw.options_from_forwarding(settings, [READ_BACK, any_rule], "Headquarters", "Reception")
    assert options["always"] == {
        "enabled": True,
        "destination": "+1-9705550006",
        "ring_reminder_enabled": False,
        "send_to_voicemail_enabled": False,
    }
    assert options["rules"][0] == {
        "name": "VIP",
        "enabled": True,
        "business_schedule": "Office",
        "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+19705550006"},
        "calls_from": {
            "selection": "CUSTOM",
            "custom_numbers": {
                "private_number_enabled": True,
                "unavailable_number_enabled": False,
                "numbers": ["4554", "4155550123"],
            },
        },
        "calls_to": {"numbers": [{"type": "PRIMARY", "phone_number": "9705550026"}]},
    }
    assert options["rules"][1] == {
        "name": "Old",
        "enabled": False,
        "forward_to": {"selection": "DO_NOT_FORWARD"},
        "calls_from": {"selection": "ANY"},
        "calls_to": {"numbers": []},
    }
    assert "purge_rules" not in options
    assert fw.check_options(options) == []
    # Applied to what it was read from, nothing changes.
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

    params = ArgumentSpecValidator(fw.argument_spec()).validate(options).validated_parameters
    the_plan = fw.plan(params, settings, {"VIP": READ_BACK, "Old": any_rule})
    assert not the_plan.changed


def test_info_form_is_snake_case():
    info = fw.info_from_forwarding(SETTINGS, [READ_BACK])
    assert info["always"]["ring_reminder_enabled"] is False
    assert info["rules"][0]["calls_from"]["custom_numbers"]["private_number_enabled"] is True
