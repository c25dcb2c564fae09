# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Converge the call forwarding of one feature object, and the module's run().

options -> validate_options() -> (resolve location, find the object by name) -> GET callForwarding (+ each
declared rule) -> plan() -> pre-flight of schedules -> check mode stops here -> rule deletes, updates, creates
(each read back) -> settings PUT -> one GET callForwarding (read-back and result)
"""

from __future__ import annotations

import copy

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.compare import (
    NORMAL_OPERATION,
    desired_settings,
    find_mode,
    modes_not_applied,
    plan,
    rule_not_applied,
    settings_not_applied,
    to_snake,
)
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.options import AUTO_ATTENDANTS
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.service import ForwardingService
from ansible_collections.wxc.calling.plugins.module_utils._location.service import resolve_location
from ansible_collections.wxc.calling.plugins.module_utils._operating_mode.service import OperatingModeService
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, read_back, without_none

KIND_OPTION = {"businessHours": "business_hours", "holidays": "holidays"}


def check_schedules(service, location_id, the_plan, check_mode, warn, planned=None):
    """Every schedule the writes name must exist in the location: fail before any write, or warn in check mode.

    PLANNED, when given (the site engine's plan), answers planned.has_schedule(location id, type, name) True for the
    schedules the same run makes exist first.
    """
    named = [
        (option, kind, name)
        for option, kind, name in the_plan.schedules_named
        if not (planned and planned.has_schedule(location_id, kind, name))
    ]
    if not named:
        return
    existing = {(item.get("type"), item.get("name")) for item in ScheduleService(service.client).list(location_id)}
    problems = [
        "%s: no %s schedule named %r in the location" % (option, KIND_OPTION[kind], name)
        for option, kind, name in named
        if (kind, name) not in existing
    ]
    if problems and not check_mode:
        raise ResourceError("; ".join(problems))
    for problem in problems:
        warn(problem + " (the real run fails unless it is created first)")


def find_feature(service, location_id, name):
    """The list item of the object called exactly NAME whose forwarding SERVICE manages, asked of its own service."""
    if service.feature == AUTO_ATTENDANTS:
        return AutoAttendantService(service.client).find(location_id, name)
    raise ValueError("no service finds %s objects by name yet" % service.feature.noun)


def resolve_modes(service, location_id, the_plan):
    """(settings body, ModesPlan) of THE_PLAN with the operating modes it adds by name given their ids, asked of the
    operating mode service (one read, only when the plan has such modes); a name the location does not offer, or
    offers twice, raises ResourceError before any write."""
    body = copy.deepcopy(the_plan.settings_body)
    modes = the_plan.modes
    if modes is None or not modes.unresolved:
        return body, modes
    available = OperatingModeService(service.client).available(location_id)
    # Mode names are unique in the options (validate_options), so a name stands for its declared mode.
    ids = {
        name: find_mode("operating_modes.modes[%d]" % index, name, [], available)[0]
        for index, name, _want, mode_id in modes.declared
        if mode_id is None
    }
    for position, name in modes.unresolved:
        body["callForwarding"]["operatingModes"]["modes"][position]["id"] = ids[name]
    resolved = copy.copy(modes)
    resolved.declared = [
        (index, name, want, ids[name] if mode_id is None else mode_id) for index, name, want, mode_id in modes.declared
    ]
    return body, resolved


def _execute(service, location_id, feature_id, the_plan, wanted_settings):
    """Make the writes, read each back; return (final settings, {rule name: details after the writes})."""
    client, rules = service.client, {}
    settings_body, modes = resolve_modes(service, location_id, the_plan)
    for summary in the_plan.rule_deletes:
        service.delete_rule(location_id, feature_id, summary["id"])
    for index, current, body, want in the_plan.rule_updates:
        rule_id = service.update_rule(location_id, feature_id, current["id"], body)
        rules[want["name"]] = read_back(
            client,
            "selective rule %r" % want["name"],
            lambda rule_id=rule_id: service.rule(location_id, feature_id, rule_id),
            lambda stored, index=index, want=want: rule_not_applied(index, want, stored),
        )
    for index, body, want in the_plan.rule_creates:
        rule_id = service.create_rule(location_id, feature_id, body)
        rules[want["name"]] = read_back(
            client,
            "selective rule %r" % want["name"],
            lambda rule_id=rule_id: service.rule(location_id, feature_id, rule_id),
            lambda stored, index=index, want=want: rule_not_applied(index, want, stored),
        )
    if settings_body:
        service.update_settings(location_id, feature_id, settings_body)
    if the_plan.switch_mode:
        service.switch_mode(location_id, feature_id)
    sent = {part: wanted_settings[part] for part in settings_body.get("callForwarding", {}) if part in wanted_settings}
    deleted = {summary["id"] for summary in the_plan.rule_deletes}

    def differences(stored):
        still_there = [
            "purge_rules (rule %r)" % summary.get("name")
            for summary in stored.get("rules") or []
            if summary.get("id") in deleted
        ]
        return settings_not_applied(sent, stored) + still_there + modes_not_applied(modes, the_plan.switch_mode, stored)

    final = read_back(client, "the call forwarding", lambda: service.settings(location_id, feature_id), differences)
    return final, rules


def _predicted_settings(current_settings, the_plan):
    """What a check-mode run reports: the current settings with the planned changes, new rules without an id."""
    predicted = copy.deepcopy(current_settings)
    for part, fields in the_plan.settings_body.get("callForwarding", {}).items():
        predicted[part] = dict(predicted.get(part) or {}, **fields)
    deleted = {summary["id"] for summary in the_plan.rule_deletes}
    updated = {current["id"]: (want["name"], body) for _index, current, body, want in the_plan.rule_updates}
    rules = []
    for summary in predicted.get("rules") or []:
        if summary["id"] in deleted:
            continue
        if summary["id"] in updated:
            name, body = updated[summary["id"]]
            if body.get("enabled") is not None:
                summary = dict(summary, enabled=bool(body["enabled"]))
            if name != summary.get("name"):
                summary = dict(summary, id=None, name=name)  # a renamed rule gets a new id
        rules.append(summary)
    rules += [
        {"id": None, "name": want["name"], "enabled": bool(body.get("enabled"))}
        for _index, body, want in the_plan.rule_creates
    ]
    predicted["rules"] = rules
    modes = the_plan.settings_body.get("callForwarding", {}).get("operatingModes")
    if modes is not None or the_plan.switch_mode:
        operating = dict(predicted.get("operatingModes") or {})
        if modes is not None:
            operating["enabled"] = modes["enabled"]
            operating["modes"] = [
                dict(copy.deepcopy(patch), name=view["name"])
                for patch, view in zip(modes["modes"], the_plan.modes.after["modes"])
            ]
        if the_plan.switch_mode:
            # Back to normal operation: which mode that is, the service's schedules decide.
            operating.pop("currentOperatingModeId", None)
            operating["exceptionType"] = NORMAL_OPERATION
        predicted["operatingModes"] = operating
    return predicted


UNTOUCHED = {"always": {}, "selective": {}, "rules": []}


class Current:
    """What was read of one object's forwarding: the object's id (FEATURE_ID, None when it does not exist), its
    callForwarding SETTINGS (rules as summaries) and the details of the current RULES the options name, by name."""

    def __init__(self, feature_id=None, settings=None, rules=None, available_modes=None):
        self.feature_id = feature_id
        self.settings = copy.deepcopy(UNTOUCHED) if settings is None else settings
        self.rules = rules or {}
        # The operating modes the location offers ([{id, name}]), read only when the options name a mode the object
        # does not have yet; None when not read.
        self.available_modes = available_modes


def declared_rule_names(params):
    """The rule names the options name (name and new_name of every rules entry)."""
    names = set()
    for rule in params.get("rules") or []:
        names.update(filter(None, (rule["name"], rule.get("new_name"))))
    return names


def read(service, location_id, params, feature_id=None):
    """The object's lookup (unless FEATURE_ID is known), its settings, each declared rule that exists, and the operating
    modes the location offers when the options name a mode the object does not have yet."""
    if feature_id is None:
        found = find_feature(service, location_id, params[service.feature.option])
        if found is None:
            return Current()
        feature_id = found["id"]
    settings = service.settings(location_id, feature_id)
    names = declared_rule_names(params)
    rules = {
        summary["name"]: service.rule(location_id, feature_id, summary["id"])
        for summary in settings.get("rules") or []
        if summary.get("name") in names
    }
    own = {
        mode.get("name") for mode in (settings.get("operatingModes") or {}).get("modes") or [] if isinstance(mode, dict)
    }
    wanted = [mode["name"] for mode in (params.get("operating_modes") or {}).get("modes") or []]
    available = None
    if any(name not in own for name in wanted):
        available = OperatingModeService(service.client).available(location_id)
    return Current(feature_id, settings, rules, available)


def plan_for(params, current):
    """The plan for PARAMS against CURRENT (a Current); pure but for the refusals plan() makes."""
    return plan(params, current.settings, current.rules, current.available_modes)


def _result(params, location_id, current, the_plan, final, written=None):
    rules_after = dict(current.rules)
    for _index, rule, body, want in the_plan.rule_updates:
        rules_after.pop(rule["name"], None)
        rules_after[want["name"]] = dict(without_none(body), id=None if rule["name"] != want["name"] else rule["id"])
    for _index, body, want in the_plan.rule_creates:
        rules_after[want["name"]] = dict(body, id=None)
    rules_after.update(written or {})
    declared = [
        rules_after.get(rule.get("new_name") or rule["name"]) or rules_after.get(rule["name"])
        for rule in params.get("rules") or []
    ]
    return {
        "feature_id": current.feature_id,
        "location_id": location_id,
        "forwarding": final,
        "rules": [rule for rule in declared if rule is not None],
    }


def predicted(params, the_plan, current, location_id):
    """What a check-mode run returns: the current settings with the planned changes, new rules without an id."""
    return _result(params, location_id, current, the_plan, _predicted_settings(current.settings, the_plan))


def apply(service, location_id, params, the_plan, current):
    """Make the plan's writes (each read back); return (plan, result)."""
    if not the_plan.changed:
        return the_plan, predicted(params, the_plan, current, location_id)
    final, written = _execute(service, location_id, current.feature_id, the_plan, desired_settings(params))
    return the_plan, _result(params, location_id, current, the_plan, final, written)


def converge(service, location_id, params, check_mode=False, diff=False, warn=None):  # pylint: disable=unused-argument
    """Bring the forwarding of SERVICE's feature object named in PARAMS to what PARAMS describe; return (plan, result).

    RESULT: {feature_id, location_id, forwarding (always, selective, rules as summaries), rules (details of the
    declared rules, in the declared order; id None for a rule a check-mode run would create)}.
    Calls when nothing changes: the object's lookup, the settings GET, one GET per declared rule that exists.
    WARN(message) receives what check mode cannot know yet (an object or schedule the same run may create first).
    """
    warn = warn or (lambda message: None)
    option, noun = service.feature.option, service.feature.noun
    current = read(service, location_id, params)
    if current.feature_id is None:
        name = params[option]
        if not check_mode:
            raise ResourceError("%s: no %s called %r in the location" % (option, noun, name))
        # Check mode of a run that creates the object first: plan against untouched forwarding.
        warn(
            "%s: no %s called %r in the location (the real run fails unless it is created first)" % (option, noun, name)
        )
    the_plan = plan_for(params, current)
    if the_plan.changed:
        check_schedules(service, location_id, the_plan, check_mode, warn)
    if check_mode:
        return the_plan, predicted(params, the_plan, current, location_id)
    return apply(service, location_id, params, the_plan, current)


def run(module, client):
    """The module's work (run_module calls it): resolve the location, converge, the result in snake_case."""
    location_id = resolve_location(client, module.params["location"])[0]
    the_plan, forwarding = converge(
        ForwardingService(client, AUTO_ATTENDANTS),
        location_id,
        module.params,
        check_mode=module.check_mode,
        diff=module._diff,  # pylint: disable=protected-access
        warn=module.warn,
    )
    result = dict(
        changed=the_plan.changed,
        auto_attendant_id=forwarding["feature_id"],
        location_id=forwarding["location_id"],
        forwarding=to_snake(forwarding["forwarding"]),
        rules=[to_snake(rule) for rule in forwarding["rules"]],
    )
    if module._diff:  # pylint: disable=protected-access
        result["diff"] = the_plan.diff()
    return result
