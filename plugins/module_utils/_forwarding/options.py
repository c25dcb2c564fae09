# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Call forwarding options: always, selective, and selective rules identified by name; validation before any request.

The options are the same for every feature that forwards (auto attendants today; call queues and hunt groups use the
same API); only the option naming the feature differs (FEATURE.option, see service.py).
"""

from __future__ import annotations

import collections

from ansible_collections.wxc.calling.plugins.module_utils import numbers, resource
from ansible_collections.wxc.calling.plugins.module_utils.resource import name_problem, text_problem


class Feature(collections.namedtuple("Feature", "path option noun")):
    """A feature whose calls can be forwarded: its API path segment, the option naming it, how messages call it."""


AUTO_ATTENDANTS = Feature("autoAttendants", "auto_attendant", "auto attendant")
CALL_QUEUES = Feature("queues", "call_queue", "call queue")
HUNT_GROUPS = Feature("huntGroups", "hunt_group", "hunt group")

PARTS = ("always", "selective")

SETTING_FIELDS = {
    "enabled": "enabled",
    "destination": "destination",
    "ring_reminder_enabled": "ringReminderEnabled",
    "send_to_voicemail_enabled": "sendToVoicemailEnabled",
}

SETTING_OPTIONS = {api: option for option, api in SETTING_FIELDS.items()}

FORWARD_TO_SELECTIONS = ("FORWARD_TO_DEFAULT_NUMBER", "FORWARD_TO_SPECIFIED_NUMBER", "DO_NOT_FORWARD")

CALLS_FROM_SELECTIONS = ("ANY", "CUSTOM")

CALLS_TO_TYPES = ("PRIMARY", "ALTERNATE")

RULE_FIELDS = ("name", "enabled", "businessSchedule", "holidaySchedule", "forwardTo", "callsFrom", "callsTo")

RULE_OPTIONS = dict(
    zip(
        RULE_FIELDS,
        ("name", "enabled", "business_schedule", "holiday_schedule", "forward_to", "calls_from", "calls_to"),
    )
)

SCHEDULE_FIELDS = (
    ("businessSchedule", "business_schedule", "businessHours"),
    ("holidaySchedule", "holiday_schedule", "holidays"),
)

# A mode's forwarding as the 2026 request schema has it (ModesPatch.forwardTo), option -> API field.
MODE_FORWARD_FIELDS = {
    "selection": "selection",
    "destination": "destination",
    "destination_voicemail_enabled": "destinationVoicemailEnabled",
}
MODE_FORWARD_OPTIONS = {api: option for option, api in MODE_FORWARD_FIELDS.items()}
# The exception types of the current operating mode (the 2026 document): every one but this is a mode switched to, or
# extended, by hand; this one is normal operation.
NORMAL_OPERATION = "AUTOMATIC_SWITCH_BACK_STANDARD"


def _setting_spec():
    return dict(
        type="dict",
        options=dict(
            enabled=dict(type="bool"),
            destination=dict(type="raw"),
            ring_reminder_enabled=dict(type="bool"),
            send_to_voicemail_enabled=dict(type="bool"),
        ),
    )


def argument_spec(feature=AUTO_ATTENDANTS):
    """The options of the forwarding module of FEATURE (the connection options come from webex_argument_spec())."""
    spec = dict(location=dict(type="str", required=True))
    spec[feature.option] = dict(type="str", required=True)
    spec.update(
        always=_setting_spec(),
        selective=_setting_spec(),
        rules=dict(
            type="list",
            elements="dict",
            options=dict(
                name=dict(type="raw", required=True),
                new_name=dict(type="raw"),
                enabled=dict(type="bool"),
                business_schedule=dict(type="str"),
                holiday_schedule=dict(type="str"),
                forward_to=dict(
                    type="dict",
                    options=dict(
                        selection=dict(type="str", required=True, choices=list(FORWARD_TO_SELECTIONS)),
                        phone_number=dict(type="raw"),
                    ),
                ),
                calls_from=dict(
                    type="dict",
                    options=dict(
                        selection=dict(type="str", required=True, choices=list(CALLS_FROM_SELECTIONS)),
                        custom_numbers=dict(
                            type="dict",
                            options=dict(
                                private_number_enabled=dict(type="bool"),
                                unavailable_number_enabled=dict(type="bool"),
                                numbers=dict(type="list", elements="raw"),
                            ),
                        ),
                    ),
                ),
                calls_to=dict(
                    type="dict",
                    options=dict(
                        numbers=dict(
                            type="list",
                            elements="dict",
                            required=True,
                            options=dict(
                                type=dict(type="str", required=True, choices=list(CALLS_TO_TYPES)),
                                phone_number=dict(type="raw"),
                                extension=dict(type="raw"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        purge_rules=dict(type="bool", default=False),
        operating_modes=dict(
            type="dict",
            options=dict(
                enabled=dict(type="bool"),
                modes=dict(
                    type="list",
                    elements="dict",
                    options=dict(
                        name=dict(type="raw", required=True),
                        normal_operation_enabled=dict(type="bool"),
                        forward_to=dict(
                            type="dict",
                            options=dict(
                                selection=dict(type="str", required=True, choices=list(FORWARD_TO_SELECTIONS)),
                                destination=dict(type="raw"),
                                destination_voicemail_enabled=dict(type="bool"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        switch_mode=dict(type="bool", default=False),
    )
    return spec


def _check_number(where, value, errors):
    # Type raw: YAML turns an unquoted 0100 into 64, which must be refused, not sent as "64".
    problem = text_problem(where, value)
    if problem:
        errors.append(problem)
    elif value not in (None, "") and numbers.destination_problem(value):
        errors.append("%s: %s" % (where, numbers.destination_problem(value)))


def _validate_rule(where, rule, errors):
    for option in ("name", "new_name"):
        problem = text_problem("%s.%s" % (where, option), rule.get(option))
        if problem:
            errors.append(problem)
        elif rule.get(option) is not None and name_problem(rule[option]):
            errors.append("%s.%s: %s" % (where, option, name_problem(rule[option])))
    forward_to = rule.get("forward_to")
    if forward_to:
        if forward_to["selection"] == "FORWARD_TO_SPECIFIED_NUMBER" and not forward_to.get("phone_number"):
            errors.append("%s.forward_to: selection FORWARD_TO_SPECIFIED_NUMBER needs phone_number" % where)
        _check_number(where + ".forward_to.phone_number", forward_to.get("phone_number"), errors)
    calls_from = rule.get("calls_from")
    if calls_from:
        custom = calls_from.get("custom_numbers")
        if calls_from["selection"] == "CUSTOM" and not custom:
            errors.append("%s.calls_from: selection CUSTOM needs custom_numbers" % where)
        for index, number in enumerate((custom or {}).get("numbers") or []):
            _check_number("%s.calls_from.custom_numbers.numbers[%d]" % (where, index), number, errors)
    for index, number in enumerate((rule.get("calls_to") or {}).get("numbers") or []):
        at = "%s.calls_to.numbers[%d]" % (where, index)
        if bool(number.get("phone_number")) == bool(number.get("extension")):
            errors.append("%s: give phone_number or extension (one of them)" % at)
        _check_number(at + ".phone_number", number.get("phone_number"), errors)
        _check_number(at + ".extension", number.get("extension"), errors)


def _validate_modes(operating_modes, errors):
    seen = {}
    for index, mode in enumerate((operating_modes or {}).get("modes") or []):
        where = "operating_modes.modes[%d]" % index
        problem = text_problem(where + ".name", mode.get("name"))
        if problem:
            errors.append(problem)
            continue
        if name_problem(mode["name"]):
            errors.append("%s.name: %s" % (where, name_problem(mode["name"])))
        elif mode["name"] in seen:
            errors.append(
                "%s.name: operating mode %r is already listed as %s" % (where, mode["name"], seen[mode["name"]])
            )
        seen.setdefault(mode["name"], where)
        forward_to = mode.get("forward_to") or {}
        if forward_to.get("selection") == "FORWARD_TO_SPECIFIED_NUMBER" and not forward_to.get("destination"):
            errors.append("%s.forward_to: selection FORWARD_TO_SPECIFIED_NUMBER needs destination" % where)
        _check_number(where + ".forward_to.destination", forward_to.get("destination"), errors)


def validate_options(params, feature=AUTO_ATTENDANTS):
    """Return the problems argument_spec cannot see, each naming its option (an empty list when there are none)."""
    errors = []
    for option in ("location", feature.option):
        if not (params.get(option) or "").strip():
            errors.append("%s: must not be empty" % option)
    for part in PARTS:
        _check_number(part + ".destination", (params.get(part) or {}).get("destination"), errors)
    _validate_modes(params.get("operating_modes"), errors)
    rules = params.get("rules")
    if rules is None and params.get("purge_rules"):
        errors.append("purge_rules: needs rules (the rules to keep; rules: [] deletes every rule)")
    targets = {}
    for index, rule in enumerate(rules or []):
        where = "rules[%d]" % index
        _validate_rule(where, rule, errors)
        for option in ("name", "new_name"):
            value = rule.get(option)
            if value is None or (option == "new_name" and value == rule["name"]):
                continue
            if value in targets:
                errors.append("%s.%s: rule name %r is already used by %s" % (where, option, value, targets[value]))
            targets[value] = "%s.%s" % (where, option)
    return errors


def check_options(options, feature=AUTO_ATTENDANTS):
    """Why the forwarding module of FEATURE would refuse OPTIONS; [] when it accepts them."""
    return resource.check_options(argument_spec(feature), lambda params: validate_options(params, feature), options)
