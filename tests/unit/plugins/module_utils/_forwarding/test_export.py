"""_forwarding/export.py: the export form (nothing for untouched forwarding; applied again, no change) and the info
form."""

from ansible_collections.wxc.calling.plugins.module_utils._forwarding import compare as fw_compare
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import export as fw_export
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as fw_options
from tests.unit.plugins.module_utils._forwarding.shared import READ_BACK, SETTINGS


def test_export_of_untouched_forwarding_is_nothing():
    untouched = {"always": SETTINGS["always"], "selective": SETTINGS["selective"], "rules": []}
    assert fw_export.options_from_forwarding(untouched, [], "Headquarters", "Reception") is None


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
    options = fw_export.options_from_forwarding(settings, [READ_BACK, any_rule], "Headquarters", "Reception")
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
    assert fw_options.check_options(options) == []
    # Applied to what it was read from, nothing changes.
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

    params = ArgumentSpecValidator(fw_options.argument_spec()).validate(options).validated_parameters
    the_plan = fw_compare.plan(params, settings, {"VIP": READ_BACK, "Old": any_rule})
    assert not the_plan.changed


def test_export_edges():
    assert fw_export._is_untouched({}, []) is True
    assert fw_export._is_untouched({"always": {"ringReminderEnabled": True}}, []) is False
    assert fw_export._is_untouched({"selective": {"destination": "2100"}}, []) is False
    assert fw_export._is_untouched({}, [READ_BACK]) is False
    assert fw_export.rule_options({"name": "Bare"}) == {"name": "Bare", "enabled": False, "calls_to": {"numbers": []}}
    assert fw_export.rule_options(
        {
            "name": "Odd",
            "enabled": 1,
            "businessSchedule": "",
            "holidaySchedule": "Winter",
            "forwardTo": {"selection": "FORWARD_TO_DEFAULT_NUMBER", "phoneNumber": "+19705550006"},
            "callsFrom": {"selection": "CUSTOM", "customNumbers": {"numbers": None}},
            "callsTo": {"numbers": [{"type": "ALTERNATE", "extension": "2100"}, {"type": "PRIMARY"}]},
        }
    ) == {
        "name": "Odd",
        "enabled": True,
        "holiday_schedule": "Winter",
        "forward_to": {"selection": "FORWARD_TO_DEFAULT_NUMBER"},
        "calls_from": {
            "selection": "CUSTOM",
            "custom_numbers": {"private_number_enabled": False, "unavailable_number_enabled": False, "numbers": []},
        },
        "calls_to": {"numbers": [{"type": "ALTERNATE", "extension": "2100"}, {"type": "PRIMARY"}]},
    }
    unavailable = {"selection": "CUSTOM", "customNumbers": {"unavailableNumberEnabled": True, "numbers": ["2100"]}}
    assert fw_export.rule_options({"name": "U", "callsFrom": unavailable})["calls_from"] == {
        "selection": "CUSTOM",
        "custom_numbers": {"private_number_enabled": False, "unavailable_number_enabled": True, "numbers": ["2100"]},
    }
    assert fw_export.rule_options({"name": "Any", "callsFrom": {"selection": "ANY", "customNumbers": {}}})[
        "calls_from"
    ] == {"selection": "ANY"}
    # Untouched settings with a rule: the rule is declared.
    assert fw_export.options_from_forwarding({}, [{"name": "R"}], "L", "A") == {
        "location": "L",
        "auto_attendant": "A",
        "always": {},
        "selective": {},
        "rules": [{"name": "R", "enabled": False, "calls_to": {"numbers": []}}],
    }
    assert fw_export.options_from_forwarding({"always": {"enabled": True, "destination": None}}, [], "L", "A") == {
        "location": "L",
        "auto_attendant": "A",
        "always": {"enabled": True},
        "selective": {},
        "rules": [],
    }


def test_info_form_is_snake_case():
    info = fw_export.info_from_forwarding(SETTINGS, [READ_BACK])
    assert info["always"]["ring_reminder_enabled"] is False
    assert info["rules"][0]["calls_from"]["custom_numbers"]["private_number_enabled"] is True


def test_info_form_of_missing_parts():
    assert fw_export.info_from_forwarding({"rules": [{"id": "R1"}]}, [{"callsTo": {"numbers": []}}]) == {
        "always": {},
        "selective": {},
        "rules": [{"calls_to": {"numbers": []}}],
    }


def test_restoring_options_put_every_setting_back_and_exactly_the_rules_given():
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

    untouched = {"always": {"enabled": False}, "selective": {"enabled": False, "ringReminderEnabled": True}}
    options = fw_export.restoring_options(untouched, [{"name": "VIP"}], "Headquarters", "Reception")
    assert options == {
        "location": "Headquarters",
        "auto_attendant": "Reception",
        "always": {
            "enabled": False,
            "destination": "",
            "ring_reminder_enabled": False,
            "send_to_voicemail_enabled": False,
        },
        "selective": {
            "enabled": False,
            "destination": "",
            "ring_reminder_enabled": True,
            "send_to_voicemail_enabled": False,
        },
        "rules": [{"name": "VIP"}],
        "purge_rules": True,
    }
    assert fw_options.check_options(options) == []
    params = ArgumentSpecValidator(fw_options.argument_spec()).validate(options).validated_parameters
    # Over what the run left (always on to a number, a new rule), it turns always off and deletes the new rule.
    now = dict(
        untouched,
        always={"enabled": True, "destination": "2499"},
        rules=[{"id": "R1", "name": "VIP"}, {"id": "R9", "name": "New"}],
    )
    the_plan = fw_compare.plan(params, now, {"VIP": READ_BACK})
    assert the_plan.settings_body == {
        "callForwarding": {
            "always": {
                "enabled": False,
                "destination": "",
                "ringReminderEnabled": False,
                "sendToVoicemailEnabled": False,
            }
        }
    }
    assert [summary["name"] for summary in the_plan.rule_deletes] == ["New"] and not the_plan.rule_updates
    # Over what it was read from, nothing.
    assert not fw_compare.plan(params, dict(untouched, rules=[{"id": "R1", "name": "VIP"}]), {"VIP": READ_BACK}).changed


def test_operating_modes_are_exported_by_name_and_apply_again_with_no_change():
    mode = {
        "id": "M-OUT",
        "name": "Outage",
        "normalOperationEnabled": False,
        "forwardTo": {
            "selection": "FORWARD_TO_SPECIFIED_NUMBER",
            "destination": "+19705550006",
            "destinationVoicemailEnabled": True,
            "defaultDestination": "+19705550007",
        },
    }
    settings = dict(SETTINGS, operatingModes={"enabled": True, "modes": [mode], "exceptionType": "MANUAL_SWITCH_BACK"})
    exported = fw_export.options_from_forwarding(settings, [], "Headquarters", "Reception")
    assert exported["operating_modes"] == {
        "enabled": True,
        "modes": [
            {
                "name": "Outage",
                "normal_operation_enabled": False,
                "forward_to": {
                    "selection": "FORWARD_TO_SPECIFIED_NUMBER",
                    "destination": "+19705550006",
                    "destination_voicemail_enabled": True,
                },
            }
        ],
    }
    assert fw_options.check_options(exported) == []
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator  # pylint: disable=import-outside-toplevel

    params = ArgumentSpecValidator(fw_options.argument_spec()).validate(exported).validated_parameters
    assert fw_compare.plan(params, settings, {}).changed is False
    # Enabled without modes is still something to declare; off and empty is not.
    enabled_only = dict(SETTINGS, operatingModes={"enabled": True, "modes": []})
    assert fw_export.options_from_forwarding(enabled_only, [], "HQ", "R")["operating_modes"] == {
        "enabled": True,
        "modes": [],
    }
    untouched = dict(SETTINGS, operatingModes={"enabled": False, "modes": []})
    assert fw_export.options_from_forwarding(untouched, [], "HQ", "R") is None


def test_restoring_options_put_the_operating_modes_back_as_read():
    settings = {
        "always": {"enabled": False},
        "operatingModes": {
            "enabled": True,
            "modes": [{"id": "M-OUT", "name": "Outage", "normalOperationEnabled": True}],
        },
    }
    options = fw_export.restoring_options(settings, [], "Headquarters", "Reception")
    assert options["operating_modes"] == fw_export.operating_modes_options(settings)
    assert options["operating_modes"]["enabled"] is True and options["operating_modes"]["modes"][0]["name"] == "Outage"
    assert "operating_modes" not in fw_export.restoring_options({"always": {}}, [], "Headquarters", "Reception")
