# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Call forwarding comparison (pure): what the user set in the API shape, compared in the read-back shapes the service
answers with (numbers in one canonical form, see numbers.py), and the plan of writes in the order they are made.

What the service does that this works around (Webex Calling API reference, wxc_sdk 1.41.0 ``forwarding.py``, and
live notes verified against a real organisation):

- the settings PUT is honoured only when its body is wrapped in ``callForwarding``; unwrapped, it answers 2xx and
  changes nothing, so every settings write is read back. Rule bodies are not wrapped;
- a rule update without ``name`` is refused, and a rename changes the rule's id (the PUT answers the new one);
- rules left out of the settings PUT are not deleted: a rule is deleted with its own DELETE;
- rule numbers come back without the ``+`` of a NANP number, ``callsTo: {selection: ANY}`` comes back as
  ``{numbers: []}``, and ``always.destination`` comes back as sent.
"""

from __future__ import annotations

import copy

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.wxc.calling.plugins.module_utils import numbers
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.options import (
    PARTS,
    RULE_FIELDS,
    RULE_OPTIONS,
    SCHEDULE_FIELDS,
    SETTING_FIELDS,
    SETTING_OPTIONS,
)
from ansible_collections.wxc.calling.plugins.module_utils.resource import Plan, ResourceError, without_none


def desired_settings(params):
    """{"always": {...}, "selective": {...}} with the fields the user set, camelCase; parts left out are absent."""
    result = {}
    for part in PARTS:
        given = params.get(part) or {}
        fields = {api: given[option] for option, api in SETTING_FIELDS.items() if given.get(option) is not None}
        if "destination" in fields:
            fields["destination"] = numbers.compact(fields["destination"]) if fields["destination"] else ""
        if fields:
            result[part] = fields
    return result


def desired_rule(rule):
    """One rules entry -> the rule fields the user set (camelCase, numbers without separators); name is the target."""
    result = {"name": rule.get("new_name") or rule["name"]}
    if rule.get("enabled") is not None:
        result["enabled"] = rule["enabled"]
    for api, option, _kind in SCHEDULE_FIELDS:
        if rule.get(option) is not None:
            result[api] = rule[option]
    forward_to = rule.get("forward_to")
    if forward_to:
        result["forwardTo"] = {"selection": forward_to["selection"]}
        if forward_to.get("phone_number"):
            result["forwardTo"]["phoneNumber"] = numbers.compact(forward_to["phone_number"])
    calls_from = rule.get("calls_from")
    if calls_from:
        result["callsFrom"] = {"selection": calls_from["selection"]}
        custom = without_none(calls_from.get("custom_numbers") or {})
        if custom:
            result["callsFrom"]["customNumbers"] = {
                "privateNumberEnabled": custom.get("private_number_enabled"),
                "unavailableNumberEnabled": custom.get("unavailable_number_enabled"),
                "numbers": None if custom.get("numbers") is None else [numbers.compact(n) for n in custom["numbers"]],
            }
            result["callsFrom"]["customNumbers"] = without_none(result["callsFrom"]["customNumbers"])
    calls_to = rule.get("calls_to")
    if calls_to is not None:
        called = []
        for number in calls_to.get("numbers") or []:
            entry = {"type": number["type"]}
            if number.get("phone_number"):
                entry["phoneNumber"] = numbers.compact(number["phone_number"])
            if number.get("extension"):
                entry["extension"] = numbers.compact(number["extension"])
            called.append(entry)
        result["callsTo"] = {"numbers": called}
    return result


def _setting_equal(field, want, have):
    if field == "destination":
        return numbers.canonical(want) == numbers.canonical(have)
    return bool(want) == bool(have)


def setting_changes(want, have):
    """The fields of one part (always or selective) the user set that differ from HAVE."""
    have = have or {}
    return [field for field in want if not _setting_equal(field, want[field], have.get(field))]


def _called_numbers(calls_to):
    """callsTo as a sorted list of (type, canonical number or extension); absent and {selection: ANY} are []."""
    called = (calls_to or {}).get("numbers") or []
    return sorted(
        (entry.get("type") or "", numbers.canonical(entry.get("phoneNumber") or entry.get("extension")))
        for entry in called
    )


def _calls_from_equal(want, have):
    have = have or {}
    if want.get("selection") != have.get("selection"):
        return False
    have_custom = have.get("customNumbers") or {}
    for field, value in (want.get("customNumbers") or {}).items():
        if field == "numbers":
            if sorted(numbers.canonical(n) for n in value) != sorted(
                numbers.canonical(n) for n in have_custom.get(field) or []
            ):
                return False
        elif bool(value) != bool(have_custom.get(field)):
            return False
    return True


def _forward_to_equal(want, have):
    have = have or {}
    if want.get("selection") != have.get("selection"):
        return False
    if want["selection"] != "FORWARD_TO_SPECIFIED_NUMBER":
        return True
    return numbers.canonical(want.get("phoneNumber")) == numbers.canonical(have.get("phoneNumber"))


def rule_field_equal(field, want, have):
    """Is the rule field FIELD the same in WANT (what the user set) and HAVE (as read back)?"""
    if field == "forwardTo":
        return _forward_to_equal(want, have)
    if field == "callsFrom":
        return _calls_from_equal(want, have)
    if field == "callsTo":
        return _called_numbers(want) == _called_numbers(have)
    if field == "enabled":
        return bool(want) == bool(have)
    return (want or "") == (have or "")


def rule_changes(want, have):
    """The fields of the rule the user set that differ from the rule HAVE (details as read back)."""
    return [
        field for field in RULE_FIELDS if field in want and not rule_field_equal(field, want[field], have.get(field))
    ]


def writable_rule(details):
    """A rule's details without the id: what an update sends back when the user leaves a field alone."""
    return {field: copy.deepcopy(details[field]) for field in RULE_FIELDS if details.get(field) is not None}


def update_body(want, have):
    """The whole rule for the update PUT: the current rule with what the user set over it.

    Sent whole (name included, which the update requires) so that the result does not depend on whether the service
    merges or replaces. custom_numbers is merged field by field; a schedule set to "" is sent as "" (cleared; the
    reference allows no null there).
    """
    body = writable_rule(have)
    for field, value in want.items():
        if field == "callsFrom" and "customNumbers" in value:
            merged = dict((have.get("callsFrom") or {}).get("customNumbers") or {})
            merged.update(value["customNumbers"])
            body[field] = dict(value, customNumbers=merged)
        else:
            body[field] = copy.deepcopy(value)
    return body


CUSTOM_NUMBERS_DEFAULTS = {"privateNumberEnabled": False, "unavailableNumberEnabled": False, "numbers": []}


def create_body(want):
    """The create POST body: what the user set, schedules set to "" left out, customNumbers complete (the reference
    requires all three of its fields; those not given are sent as none/false)."""
    body = {
        field: copy.deepcopy(value)
        for field, value in want.items()
        if not (field in ("businessSchedule", "holidaySchedule") and value == "")
    }
    if "customNumbers" in body.get("callsFrom", {}):
        body["callsFrom"]["customNumbers"] = dict(CUSTOM_NUMBERS_DEFAULTS, **body["callsFrom"]["customNumbers"])
    return body


class ForwardingPlan(Plan):
    """The writes, in the order they are made: rule deletes (frees names), rule updates, rule creates, settings PUT."""

    def __init__(
        self,
        before=None,
        after=None,
        settings_body=None,
        rule_deletes=(),
        rule_updates=(),
        rule_creates=(),
        schedules_named=(),
    ):
        writes = settings_body or rule_deletes or rule_updates or rule_creates
        super().__init__(
            "update" if writes else "nothing", body=settings_body, before=before, after=after, to_snake=to_snake
        )
        self.settings_body = settings_body or {}
        self.rule_deletes = list(rule_deletes)  # rule summaries
        self.rule_updates = list(rule_updates)  # (index in rules, current details, body, desired)
        self.rule_creates = list(rule_creates)  # (index in rules, body, desired)
        # (option, schedule type, name) that the writes send and that were not sent before: the pre-flight checks them.
        self.schedules_named = list(schedules_named)


def _match_rules(desired_rules, current_by_name):
    """Pair each rules entry with the current rule it converges: by name, or by new_name when the rename is done."""
    pairs = []
    for index, rule in enumerate(desired_rules):
        name, new_name = rule["name"], rule.get("new_name")
        current = current_by_name.get(name)
        if new_name and new_name != name:
            renamed = current_by_name.get(new_name)
            if current and renamed:
                raise ResourceError(
                    "rules[%d]: cannot rename rule %r to %r: a rule called %r already exists"
                    % (index, name, new_name, new_name)
                )
            current = current or renamed
        pairs.append((index, rule, current))
    return pairs


def _schedules_named(index, want, have):
    """Schedules WANT sends that HAVE does not already name."""
    found = []
    for api, option, kind in SCHEDULE_FIELDS:
        if want.get(api) and want[api] != (have or {}).get(api):
            found.append(("rules[%d].%s" % (index, option), kind, want[api]))
    return found


def plan(params, current_settings, current_rules):
    """Decide what to write.

    CURRENT_SETTINGS: the callForwarding object (always, selective, rules as summaries). CURRENT_RULES: the details of
    the current rules that the rules option names, by name.
    """
    wanted_settings = desired_settings(params)
    settings_body, before, after = {}, {}, {}
    for part in PARTS:
        have = current_settings.get(part) or {}
        before[part] = copy.deepcopy(have)
        after[part] = dict(have, **wanted_settings.get(part, {}))
        if part in wanted_settings and setting_changes(wanted_settings[part], have):
            settings_body[part] = dict(wanted_settings[part])
    if settings_body.get("always", {}).get("enabled") and not numbers.canonical(after["always"].get("destination")):
        raise ResourceError("always.enabled: forwarding every call needs always.destination (none is set)")

    rule_updates, rule_creates, schedules_named, kept = [], [], [], set()
    before["rules"], after["rules"] = [], []
    declared = params.get("rules")
    for index, rule, current in _match_rules(declared or [], current_rules):
        want = desired_rule(rule)
        if current is None:
            missing = [option for option in ("forward_to", "calls_from") if not rule.get(option)]
            if missing:
                raise ResourceError(
                    "rules[%d]: rule %r does not exist, and creating it needs %s"
                    % (index, want["name"], " and ".join(missing))
                )
            body = create_body(want)
            rule_creates.append((index, body, want))
            schedules_named += _schedules_named(index, want, None)
            after["rules"].append(body)
            continue
        kept.add(current["name"])
        before["rules"].append(writable_rule(current))
        if rule_changes(want, current):
            body = update_body(want, current)
            rule_updates.append((index, current, body, want))
            schedules_named += _schedules_named(index, want, current)
            after["rules"].append(without_none(body))
        else:
            after["rules"].append(writable_rule(current))
    rule_deletes = []
    if params.get("purge_rules") and declared is not None:
        rule_deletes = [summary for summary in current_settings.get("rules") or [] if summary["name"] not in kept]
        before["rules"] += [{"name": summary["name"], "enabled": summary.get("enabled")} for summary in rule_deletes]
    if not declared:
        before.pop("rules")
        after.pop("rules")
    body = {"callForwarding": settings_body} if settings_body else {}
    return ForwardingPlan(
        before=before,
        after=after,
        settings_body=body,
        rule_deletes=rule_deletes,
        rule_updates=rule_updates,
        rule_creates=rule_creates,
        schedules_named=schedules_named,
    )


def to_snake(api_object):
    """An API object in snake_case (for the diff and the return values)."""
    if api_object is None:
        return None
    return camel_dict_to_snake_dict(copy.deepcopy(api_object))


def settings_not_applied(wanted, stored):
    """The option paths ("always.enabled") of WANTED (desired settings) that STORED (callForwarding) does not show."""
    missing = []
    for part, fields in wanted.items():
        missing += ["%s.%s" % (part, SETTING_OPTIONS[field]) for field in setting_changes(fields, stored.get(part))]
    return missing


def rule_not_applied(index, want, stored):
    """The option paths ("rules[0].enabled") of the rule WANT that the rule STORED does not show."""
    return ["rules[%d].%s" % (index, RULE_OPTIONS[field]) for field in rule_changes(want, stored)]
