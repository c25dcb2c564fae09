# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Call forwarding as the service has it -> the options that re-apply it with no change (export), and the info form."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._forwarding.compare import to_snake
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.options import (
    MODE_FORWARD_FIELDS,
    PARTS,
    SCHEDULE_FIELDS,
    SETTING_FIELDS,
)


def _is_untouched(settings, rules):
    """True for forwarding nobody configured: both parts off with no destination and no options on, no rules, no
    operating modes."""
    parts = [settings.get(part) or {} for part in PARTS]
    operating = settings.get("operatingModes") or {}
    return (
        not rules
        and not any(value for part in parts for value in part.values())
        and not operating.get("enabled")
        and not operating.get("modes")
    )


def mode_options(mode):
    """A mode as read (ModesGet) -> its operating_modes.modes entry: by name, with what the update sends of it."""
    forward_to = mode.get("forwardTo") or {}
    entry = {"name": mode.get("name"), "normal_operation_enabled": bool(mode.get("normalOperationEnabled"))}
    entry["forward_to"] = {
        option: forward_to[api] for option, api in MODE_FORWARD_FIELDS.items() if forward_to.get(api) not in (None, "")
    }
    return entry


def operating_modes_options(settings):
    """The operating_modes option that describes SETTINGS (callForwarding), or None when it has no modes and they are
    off (nothing to declare)."""
    operating = settings.get("operatingModes") or {}
    modes = [mode for mode in operating.get("modes") or [] if isinstance(mode, dict)]
    if not operating.get("enabled") and not modes:
        return None
    return {"enabled": bool(operating.get("enabled")), "modes": [mode_options(mode) for mode in modes]}


def rule_options(details):
    """A rule's details -> its rules entry, values as read (NANP numbers without their +: equal once compared)."""
    entry = {"name": details["name"], "enabled": bool(details.get("enabled"))}
    for api, option, _kind in SCHEDULE_FIELDS:
        if details.get(api):
            entry[option] = details[api]
    forward_to = details.get("forwardTo") or {}
    if forward_to.get("selection"):
        entry["forward_to"] = {"selection": forward_to["selection"]}
        if forward_to["selection"] == "FORWARD_TO_SPECIFIED_NUMBER" and forward_to.get("phoneNumber"):
            entry["forward_to"]["phone_number"] = forward_to["phoneNumber"]
    calls_from = details.get("callsFrom") or {}
    if calls_from.get("selection"):
        entry["calls_from"] = {"selection": calls_from["selection"]}
        custom = calls_from.get("customNumbers")
        if custom:
            entry["calls_from"]["custom_numbers"] = {
                "private_number_enabled": bool(custom.get("privateNumberEnabled")),
                "unavailable_number_enabled": bool(custom.get("unavailableNumberEnabled")),
                "numbers": list(custom.get("numbers") or []),
            }
    numbers = []
    for number in (details.get("callsTo") or {}).get("numbers") or []:
        item = {"type": number.get("type")}
        if number.get("phoneNumber"):
            item["phone_number"] = number["phoneNumber"]
        elif number.get("extension"):
            item["extension"] = number["extension"]
        numbers.append(item)
    entry["calls_to"] = {"numbers": numbers}
    return entry


def options_from_forwarding(settings, rules, location, auto_attendant):
    """The webex_auto_attendant_forwarding options that describe SETTINGS (callForwarding) and RULES (details).

    None for forwarding nobody configured (nothing to declare). Applying the result to the same attendant changes
    nothing; purge_rules is left out, so rules added later are left alone.
    """
    if _is_untouched(settings, rules):
        return None
    options = {"location": location, "auto_attendant": auto_attendant}
    for part in PARTS:
        have = settings.get(part) or {}
        options[part] = {option: have[api] for option, api in SETTING_FIELDS.items() if have.get(api) is not None}
    options["rules"] = [rule_options(details) for details in rules]
    modes = operating_modes_options(settings)
    if modes is not None:
        options["operating_modes"] = modes
    return options


def restoring_options(settings, rule_entries, location, auto_attendant):
    """The webex_auto_attendant_forwarding options that put SETTINGS (callForwarding as read) back over whatever the
    attendant's forwarding is now, with exactly RULE_ENTRIES as its rules (rule_options() of the details, or a
    rules entry naming a rule to keep as it is): every field of both parts set (unset ones off, no destination), the
    operating modes as read when there were any, purge_rules on.
    """
    options = {"location": location, "auto_attendant": auto_attendant}
    for part in PARTS:
        have = settings.get(part) or {}
        options[part] = {
            option: have.get(api) if have.get(api) is not None else ("" if option == "destination" else False)
            for option, api in SETTING_FIELDS.items()
        }
    modes = operating_modes_options(settings)
    if modes is not None:  # put back as read; modes a run adds where there were none stay (no option removes them)
        options["operating_modes"] = modes
    options["rules"] = list(rule_entries)
    options["purge_rules"] = True
    return options


def info_from_forwarding(settings, rules):
    """The forwarding as the info module returns it: always, selective, the rule details and the operating modes (as
    read), in snake_case."""
    info = {"always": settings.get("always") or {}, "selective": settings.get("selective") or {}, "rules": rules}
    if settings.get("operatingModes") is not None:
        info["operatingModes"] = settings["operatingModes"]
    return to_snake(info)
