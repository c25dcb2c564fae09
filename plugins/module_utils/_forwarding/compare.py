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
    MODE_FORWARD_FIELDS,
    MODE_FORWARD_OPTIONS,
    NORMAL_OPERATION,
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
    """The writes, in the order they are made: rule deletes (frees names), rule updates, rule creates, settings PUT
    (always, selective, operating modes), the switch back to normal operation."""

    def __init__(
        self,
        before=None,
        after=None,
        settings_body=None,
        rule_deletes=(),
        rule_updates=(),
        rule_creates=(),
        schedules_named=(),
        modes=None,
        switch_mode=False,
    ):
        writes = settings_body or rule_deletes or rule_updates or rule_creates or switch_mode
        super().__init__(
            "update" if writes else "nothing", body=settings_body, before=before, after=after, to_snake=to_snake
        )
        self.settings_body = settings_body or {}
        self.rule_deletes = list(rule_deletes)  # rule summaries
        self.rule_updates = list(rule_updates)  # (index in rules, current details, body, desired)
        self.rule_creates = list(rule_creates)  # (index in rules, body, desired)
        # (option, schedule type, name) that the writes send and that were not sent before: the pre-flight checks them.
        self.schedules_named = list(schedules_named)
        # The operating modes the options name (a ModesPlan), or None when the options name none.
        self.modes = modes
        # Whether the switch back to normal operation is made (a mode runs as an exception, and switch_mode is set).
        self.switch_mode = switch_mode


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


def plan(params, current_settings, current_rules, available_modes=None):
    """Decide what to write.

    CURRENT_SETTINGS: the callForwarding object (always, selective, rules as summaries, operating modes). CURRENT_RULES:
    the details of the current rules that the rules option names, by name. AVAILABLE_MODES: the operating modes the
    location offers ([{id, name}]), or None when they were not read (a mode the object does not have yet is then
    resolved by name just before the write).
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
    modes = plan_modes(params.get("operating_modes"), current_settings.get("operatingModes"), available_modes)
    switch = bool(params.get("switch_mode")) and runs_an_exception(current_settings)
    if modes is not None:
        before["operatingModes"], after["operatingModes"] = modes.before, modes.after
        if modes.body is not None:
            settings_body["operatingModes"] = modes.body
    if switch:
        operating = current_settings.get("operatingModes") or {}
        before.setdefault("operatingModes", {})["exceptionType"] = operating.get("exceptionType")
        after.setdefault("operatingModes", {})["exceptionType"] = NORMAL_OPERATION
    body = {"callForwarding": settings_body} if settings_body else {}
    return ForwardingPlan(
        before=before,
        after=after,
        settings_body=body,
        rule_deletes=rule_deletes,
        rule_updates=rule_updates,
        rule_creates=rule_creates,
        schedules_named=schedules_named,
        modes=modes,
        switch_mode=switch,
    )


# -- operating modes ------------------------------------------------------------------------------------------------


def runs_an_exception(settings):
    """Whether the current operating mode of SETTINGS (callForwarding) runs as an exception: switched to, or extended,
    by hand (every exception type of the 2026 document but normal operation)."""
    exception = (settings.get("operatingModes") or {}).get("exceptionType")
    return exception not in (None, "", NORMAL_OPERATION)


def desired_mode(mode):
    """One operating_modes.modes entry -> the fields the user set, in the API shape ({normalOperationEnabled?,
    forwardTo?}); destinations without separators."""
    result = {}
    if mode.get("normal_operation_enabled") is not None:
        result["normalOperationEnabled"] = mode["normal_operation_enabled"]
    forward_to = without_none(mode.get("forward_to") or {})
    if forward_to:
        result["forwardTo"] = {MODE_FORWARD_FIELDS[option]: value for option, value in forward_to.items()}
        if "destination" in result["forwardTo"]:
            destination = result["forwardTo"]["destination"]
            result["forwardTo"]["destination"] = numbers.compact(destination) if destination else ""
    return result


def mode_changes(want, have):
    """The option paths (relative to the mode) of WANT (desired_mode()) that the mode HAVE (as read) does not show."""
    have = have or {}
    changes = []
    if "normalOperationEnabled" in want and bool(want["normalOperationEnabled"]) != bool(
        have.get("normalOperationEnabled")
    ):
        changes.append("normal_operation_enabled")
    have_forward = have.get("forwardTo") or {}
    for field, value in (want.get("forwardTo") or {}).items():
        actual = have_forward.get(field)
        if field == "destination":
            same = numbers.canonical(value) == numbers.canonical(actual)
        elif field == "destinationVoicemailEnabled":
            same = bool(value) == bool(actual)
        else:
            same = value == actual
        if not same:
            changes.append("forward_to." + MODE_FORWARD_OPTIONS[field])
    return changes


def mode_patch(mode):
    """A mode as read (ModesGet) -> as the update sends it (ModesPatch: id, normalOperationEnabled, forwardTo with
    selection, destination and destinationVoicemailEnabled), so that a mode the options leave alone is sent as it is."""
    forward_to = mode.get("forwardTo") or {}
    patch = {"selection": forward_to.get("selection")}
    if forward_to.get("destination"):
        patch["destination"] = forward_to["destination"]
    if forward_to.get("destinationVoicemailEnabled") is not None:
        patch["destinationVoicemailEnabled"] = bool(forward_to["destinationVoicemailEnabled"])
    return {
        "id": mode.get("id"),
        "normalOperationEnabled": bool(mode.get("normalOperationEnabled")),
        "forwardTo": patch,
    }


def _merged_patch(have, want):
    patch = mode_patch(have)
    if "normalOperationEnabled" in want:
        patch["normalOperationEnabled"] = want["normalOperationEnabled"]
    patch["forwardTo"].update(copy.deepcopy(want.get("forwardTo") or {}))
    return patch


def _mode_view(patch, name):
    """A mode in the diff: its name, then what the update sends."""
    return dict({"name": name}, **{key: copy.deepcopy(value) for key, value in patch.items() if key != "id"})


def _ids(modes):
    return ", ".join(str(mode.get("id")) for mode in modes)


def find_mode(where, name, current_modes, available):
    """(id, the mode as read or None) of the operating mode called exactly NAME: one of the object's modes, else one
    the location offers (AVAILABLE; None when not read: the id is then None and found before the write). Two modes of
    that name, or none the location offers, raise ResourceError naming WHERE."""
    own = [mode for mode in current_modes if mode.get("name") == name]
    if len(own) > 1:
        raise ResourceError(
            "%s.name: %d operating modes of the auto attendant are called %r (ids: %s); rename one in Control Hub"
            % (where, len(own), name, _ids(own))
        )
    if own:
        return own[0].get("id"), own[0]
    if available is None:
        return None, None
    offered = [mode for mode in available if mode.get("name") == name]
    if len(offered) > 1:
        raise ResourceError(
            "%s.name: %d operating modes the location offers are called %r (ids: %s), one of the organisation and one "
            "of the location; rename one in Control Hub" % (where, len(offered), name, _ids(offered))
        )
    if not offered:
        raise ResourceError(
            "%s.name: no operating mode called %r is available to the location (available: %s)"
            % (where, name, ", ".join(sorted({str(mode.get("name")) for mode in available})) or "none")
        )
    return offered[0].get("id"), None


class ModesPlan:
    """What the operating_modes option asks: BODY (the operatingModes object of the update, or None when nothing
    changes), BEFORE and AFTER (for the diff), DECLARED [(index, name, desired mode, id or None)] and UNRESOLVED [(index
    in BODY's modes, name)]: modes added by name whose id is found just before the write."""

    def __init__(self, body, before, after, declared, unresolved):
        self.body = body
        self.before = before
        self.after = after
        self.declared = declared
        self.unresolved = unresolved


def plan_modes(wanted, current, available):
    """The ModesPlan of the operating_modes option WANTED against CURRENT (operatingModes as read), or None when the
    option is not set. Every mode the object has is sent again (the update replaces the list); a declared mode it has
    is changed in place, one it does not have is added and needs normal_operation_enabled and forward_to."""
    if not wanted:
        return None
    current = current or {}
    current_modes = [mode for mode in current.get("modes") or [] if isinstance(mode, dict)]
    names = [mode.get("name") for mode in current_modes]
    patches = [mode_patch(mode) for mode in current_modes]
    enabled = bool(current.get("enabled"))
    changed = wanted.get("enabled") is not None and bool(wanted["enabled"]) != enabled
    declared, unresolved = [], []
    for index, mode in enumerate(wanted.get("modes") or []):
        where = "operating_modes.modes[%d]" % index
        want = desired_mode(mode)
        mode_id, have = find_mode(where, mode["name"], current_modes, available)
        declared.append((index, mode["name"], want, mode_id))
        if have is not None:
            if mode_changes(want, have):
                changed = True
                patches[current_modes.index(have)] = _merged_patch(have, want)
            continue
        missing = [
            option
            for option, field in (("normal_operation_enabled", "normalOperationEnabled"), ("forward_to", "forwardTo"))
            if field not in want
        ]
        if missing:
            raise ResourceError(
                "%s: operating mode %r is not one of the auto attendant's, and adding it needs %s"
                % (where, mode["name"], " and ".join(missing))
            )
        changed = True
        if mode_id is None:
            unresolved.append((len(patches), mode["name"]))
        patches.append(dict({"id": mode_id}, **copy.deepcopy(want)))
        names.append(mode["name"])
    after_enabled = enabled if wanted.get("enabled") is None else bool(wanted["enabled"])
    before = {
        "enabled": enabled,
        "modes": [_mode_view(mode_patch(mode), name) for mode, name in zip(current_modes, names)],
    }
    after = {"enabled": after_enabled, "modes": [_mode_view(patch, name) for patch, name in zip(patches, names)]}
    body = {"enabled": after_enabled, "modes": patches} if changed else None
    return ModesPlan(body, before, after, declared, unresolved)


def modes_not_applied(modes_plan, switched, stored):
    """The option paths of what the plan's operating modes ask (and the switch, when SWITCHED) that STORED
    (callForwarding as read back) does not show."""
    operating = stored.get("operatingModes") or {}
    missing = []
    if modes_plan is not None and modes_plan.body is not None:
        if bool(operating.get("enabled")) != bool(modes_plan.body["enabled"]):
            missing.append("operating_modes.enabled")
        by_id = {mode.get("id"): mode for mode in operating.get("modes") or [] if isinstance(mode, dict)}
        for index, _name, want, mode_id in modes_plan.declared:
            where = "operating_modes.modes[%d]" % index
            if mode_id not in by_id:
                missing.append(where)
                continue
            missing += ["%s.%s" % (where, field) for field in mode_changes(want, by_id[mode_id])]
    if switched and runs_an_exception(stored):
        missing.append("switch_mode")
    return missing


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
