"""What the tests of _forwarding/ share: options as AnsibleModule hands them over, and a rule and the settings as the
service reads them back."""


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
        "operating_modes": None,
        "switch_mode": False,
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
