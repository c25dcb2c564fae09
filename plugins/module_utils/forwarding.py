# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Call forwarding of an auto attendant: always, selective, and selective rules identified by name.

Everything above the ForwardingService class is pure (no HTTP) and unit-tested on its own. The data path:

    options -> validate_options() -> (resolve location, find the attendant) -> GET callForwarding (+ each declared
    rule) -> plan() -> pre-flight of schedules -> check mode stops here -> rule deletes, updates, creates (each read
    back) -> settings PUT -> one GET callForwarding (read-back and result)

What the service does that this file works around (Webex Calling API reference, wxc_sdk 1.41.0 ``forwarding.py``,
and live notes verified against a real organisation):

- the settings PUT is honoured only when its body is wrapped in ``callForwarding``; unwrapped, it answers 2xx and
  changes nothing, so every settings write is read back. Rule bodies are not wrapped;
- a rule update without ``name`` is refused, and a rename changes the rule's id (the PUT answers the new one);
- rules left out of the settings PUT are not deleted: a rule is deleted with its own DELETE;
- rule numbers come back without the ``+`` of a NANP number, ``callsTo: {selection: ANY}`` comes back as
  ``{numbers: []}``, and ``always.destination`` comes back as sent: numbers are compared in one canonical form.
"""

from __future__ import annotations

import copy
import re

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    Plan,
    ResourceError,
    api_path,
    create_once,
    delete,
    find_exact,
    name_problem,
    read_back,
    text_problem,
    without_none,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

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
# A number as the user may write it: separators are dropped, then E.164, or the digits of an extension or ESN.
SEPARATORS = re.compile(r"[\s\-().]")
E164 = re.compile(r"^\+[1-9][0-9]{1,14}\Z")
DIGITS = re.compile(r"^[0-9]{2,17}\Z")
NANP_NATIONAL = re.compile(r"^[2-9][0-9]{9}\Z")

AUTO_ATTENDANTS = "/telephony/config/autoAttendants"
ATTENDANT_PAGE_SIZE = 1000


# -- options ---------------------------------------------------------------------------------------------------------


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


def argument_spec():
    """The module's own options (the connection options come from webex_argument_spec())."""
    return dict(
        location=dict(type="str", required=True),
        auto_attendant=dict(type="str", required=True),
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
    )


# -- numbers -----------------------------------------------------------------------------------------------------------


def sendable_number(value):
    """VALUE without separators: +1 970-555-0006 -> +19705550006 (the service's own +1-9705550006 included)."""
    return SEPARATORS.sub("", str(value))


def number_problem(value):
    """Why VALUE is not a phone number (E.164), an extension or an ESN, or None."""
    text = sendable_number(value)
    if E164.match(text) or DIGITS.match(text):
        return None
    return "%r is not an E.164 number (like +19705550006), an extension or an ESN" % (value,)


def canonical_number(value):
    """The one form numbers are compared in: NANP numbers as +1NXXNXXXXXX however written or read back (+1-..., ten
    digits without the +), other numbers as +digits, extensions and ESNs as their digits; "" for none."""
    if value in (None, ""):
        return ""
    text = sendable_number(value)
    if NANP_NATIONAL.match(text):
        return "+1" + text
    return text


# -- validation: what argument_spec cannot express --------------------------------------------------------------------


def _check_number(where, value, errors):
    # Type raw: YAML turns an unquoted 0100 into 64, which must be refused, not sent as "64".
    problem = text_problem(where, value)
    if problem:
        errors.append(problem)
    elif value not in (None, "") and number_problem(value):
        errors.append("%s: %s" % (where, number_problem(value)))


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


def validate_options(params):
    """Return the problems argument_spec cannot see, each naming its option (an empty list when there are none)."""
    errors = []
    for option in ("location", "auto_attendant"):
        if not (params.get(option) or "").strip():
            errors.append("%s: must not be empty" % option)
    for part in PARTS:
        _check_number(part + ".destination", (params.get(part) or {}).get("destination"), errors)
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


# -- desired state (API shape, only what the user set) ---------------------------------------------------------------


def desired_settings(params):
    """{"always": {...}, "selective": {...}} with the fields the user set, camelCase; parts left out are absent."""
    result = {}
    for part in PARTS:
        given = params.get(part) or {}
        fields = {api: given[option] for option, api in SETTING_FIELDS.items() if given.get(option) is not None}
        if "destination" in fields:
            fields["destination"] = sendable_number(fields["destination"]) if fields["destination"] else ""
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
            result["forwardTo"]["phoneNumber"] = sendable_number(forward_to["phone_number"])
    calls_from = rule.get("calls_from")
    if calls_from:
        result["callsFrom"] = {"selection": calls_from["selection"]}
        custom = without_none(calls_from.get("custom_numbers") or {})
        if custom:
            result["callsFrom"]["customNumbers"] = {
                "privateNumberEnabled": custom.get("private_number_enabled"),
                "unavailableNumberEnabled": custom.get("unavailable_number_enabled"),
                "numbers": None if custom.get("numbers") is None else [sendable_number(n) for n in custom["numbers"]],
            }
            result["callsFrom"]["customNumbers"] = without_none(result["callsFrom"]["customNumbers"])
    calls_to = rule.get("calls_to")
    if calls_to is not None:
        numbers = []
        for number in calls_to.get("numbers") or []:
            entry = {"type": number["type"]}
            if number.get("phone_number"):
                entry["phoneNumber"] = sendable_number(number["phone_number"])
            if number.get("extension"):
                entry["extension"] = sendable_number(number["extension"])
            numbers.append(entry)
        result["callsTo"] = {"numbers": numbers}
    return result


# -- comparison (one for the resource: canonical numbers, read-back shapes equal to what was sent) ---------------------


def _setting_equal(field, want, have):
    if field == "destination":
        return canonical_number(want) == canonical_number(have)
    return bool(want) == bool(have)


def setting_changes(want, have):
    """The fields of one part (always or selective) the user set that differ from HAVE."""
    have = have or {}
    return [field for field in want if not _setting_equal(field, want[field], have.get(field))]


def _called_numbers(calls_to):
    """callsTo as a sorted list of (type, canonical number or extension); absent and {selection: ANY} are []."""
    numbers = (calls_to or {}).get("numbers") or []
    return sorted(
        (entry.get("type") or "", canonical_number(entry.get("phoneNumber") or entry.get("extension")))
        for entry in numbers
    )


def _calls_from_equal(want, have):
    have = have or {}
    if want.get("selection") != have.get("selection"):
        return False
    have_custom = have.get("customNumbers") or {}
    for field, value in (want.get("customNumbers") or {}).items():
        if field == "numbers":
            if sorted(canonical_number(n) for n in value) != sorted(
                canonical_number(n) for n in have_custom.get(field) or []
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
    return canonical_number(want.get("phoneNumber")) == canonical_number(have.get("phoneNumber"))


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


# -- the plan ----------------------------------------------------------------------------------------------------


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
        references=(),
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
        self.references = list(references)
        self.warnings = []


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


def _references(index, want, have):
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
    if settings_body.get("always", {}).get("enabled") and not canonical_number(after["always"].get("destination")):
        raise ResourceError("always.enabled: forwarding every call needs always.destination (none is set)")

    rule_updates, rule_creates, references, kept = [], [], [], set()
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
            references += _references(index, want, None)
            after["rules"].append(body)
            continue
        kept.add(current["name"])
        before["rules"].append(writable_rule(current))
        if rule_changes(want, current):
            body = update_body(want, current)
            rule_updates.append((index, current, body, want))
            references += _references(index, want, current)
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
        references=references,
    )


def to_snake(api_object):
    """An API object in snake_case (for the diff and the return values)."""
    if api_object is None:
        return None
    return camel_dict_to_snake_dict(copy.deepcopy(api_object))


# -- read-back -------------------------------------------------------------------------------------------------------


def settings_not_applied(wanted, stored):
    """The option paths ("always.enabled") of WANTED (desired settings) that STORED (callForwarding) does not show."""
    missing = []
    for part, fields in wanted.items():
        missing += ["%s.%s" % (part, SETTING_OPTIONS[field]) for field in setting_changes(fields, stored.get(part))]
    return missing


def rule_not_applied(index, want, stored):
    """The option paths ("rules[0].enabled") of the rule WANT that the rule STORED does not show."""
    return ["rules[%d].%s" % (index, RULE_OPTIONS[field]) for field in rule_changes(want, stored)]


# -- export: what the service has -> the options that re-apply it with no change ------------------------------------


def _is_untouched(settings, rules):
    """True for forwarding nobody configured: both parts off with no destination and no options on, no rules."""
    parts = [settings.get(part) or {} for part in PARTS]
    return not rules and not any(value for part in parts for value in part.values())


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
    return options


def check_options(options):
    """Why webex_auto_attendant_forwarding would refuse OPTIONS; [] when it accepts them."""
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

    result = ArgumentSpecValidator(argument_spec()).validate(copy.deepcopy(options))
    problems = list(result.error_messages)
    return problems or validate_options(result.validated_parameters)


def read_forwarding(client, location_id, auto_attendant_id):
    """(callForwarding settings, details of every rule): one GET, then one per rule."""
    service = ForwardingService(client)
    settings = service.settings(location_id, auto_attendant_id)
    rules = [service.rule(location_id, auto_attendant_id, summary["id"]) for summary in settings.get("rules") or []]
    return settings, rules


def info_from_forwarding(settings, rules):
    """The forwarding as the info module returns it: always, selective and the rule details, in snake_case."""
    return to_snake(
        {"always": settings.get("always") or {}, "selective": settings.get("selective") or {}, "rules": rules}
    )


# -- the service (HTTP) --------------------------------------------------------------------------------------------


def _attendant_path(location_id, auto_attendant_id, tail=""):
    return (
        api_path("/telephony/config/locations/%s/autoAttendants/%s/callForwarding", location_id, auto_attendant_id)
        + tail
    )


class ForwardingService:
    """The forwarding endpoints of one location's auto attendants, plus the lookups the module needs."""

    def __init__(self, client):
        self.client = client

    def find_attendant(self, location_id, name):
        """The list item of the auto attendant called exactly NAME in the location, or None."""
        matches = find_exact(
            self.client,
            AUTO_ATTENDANTS,
            "autoAttendants",
            {"locationId": location_id, "name": name, "max": ATTENDANT_PAGE_SIZE},
            lambda item: item.get("name") == name and item.get("locationId", location_id) == location_id,
        )
        if len(matches) > 1:
            raise ResourceError(
                "%d auto attendants are called %r in this location (ids: %s)"
                % (len(matches), name, ", ".join(item["id"] for item in matches))
            )
        return matches[0] if matches else None

    def settings(self, location_id, auto_attendant_id):
        return self.client.get(_attendant_path(location_id, auto_attendant_id)).get("callForwarding") or {}

    def update_settings(self, location_id, auto_attendant_id, body):
        """PUT the settings, BODY wrapped in callForwarding (unwrapped, the service answers 2xx and changes nothing)."""
        self.client.put(_attendant_path(location_id, auto_attendant_id), json=body)

    def rule(self, location_id, auto_attendant_id, rule_id):
        return self.client.get(_attendant_path(location_id, auto_attendant_id, api_path("/selectiveRules/%s", rule_id)))

    def rule_by_name(self, location_id, auto_attendant_id, name):
        for summary in self.settings(location_id, auto_attendant_id).get("rules") or []:
            if summary.get("name") == name:
                return summary
        return None

    def create_rule(self, location_id, auto_attendant_id, body):
        """POST the rule (never twice: after an ambiguous failure the name is looked up) and return its id."""
        return create_once(
            self.client,
            _attendant_path(location_id, auto_attendant_id, "/selectiveRules"),
            body,
            lambda: self.rule_by_name(location_id, auto_attendant_id, body["name"]),
        )

    def update_rule(self, location_id, auto_attendant_id, rule_id, body):
        """PUT the whole rule and return its id afterwards: a new name means a new id, which the answer carries."""
        path = _attendant_path(location_id, auto_attendant_id, api_path("/selectiveRules/%s", rule_id))
        try:
            answer = self.client.put(path, json=body)
        except WebexApiError as error:
            # A PUT retried after a lost answer finds the old id gone when the first one renamed the rule.
            found = self.rule_by_name(location_id, auto_attendant_id, body["name"]) if error.status == 404 else None
            if not found:
                raise
            return found["id"]
        if isinstance(answer, dict) and answer.get("id"):
            return answer["id"]
        found = self.rule_by_name(location_id, auto_attendant_id, body["name"])
        if not found:
            raise ResourceError(
                "selective rule %r was updated but is not found under that name" % body["name"], changed=True
            )
        return found["id"]

    def delete_rule(self, location_id, auto_attendant_id, rule_id):
        delete(self.client, _attendant_path(location_id, auto_attendant_id, api_path("/selectiveRules/%s", rule_id)))

    def schedules(self, location_id):
        """{(type, name)} of the location's schedules."""
        items = self.client.get_all(api_path("/telephony/config/locations/%s/schedules", location_id), "schedules")
        return {(item.get("type"), item.get("name")) for item in items}


# -- converge --------------------------------------------------------------------------------------------------------

KIND_OPTION = {"businessHours": "business_hours", "holidays": "holidays"}


def _preflight(service, location_id, the_plan, check_mode):
    """Every schedule the writes name must exist in the location: fail before any write, or warn in check mode."""
    if not the_plan.references:
        return
    existing = service.schedules(location_id)
    problems = [
        "%s: no %s schedule named %r in the location" % (option, KIND_OPTION[kind], name)
        for option, kind, name in the_plan.references
        if (kind, name) not in existing
    ]
    if not problems:
        return
    if not check_mode:
        raise ResourceError("; ".join(problems))
    the_plan.warnings += [problem + " (the real run fails unless it is created first)" for problem in problems]


def _execute(service, location_id, auto_attendant_id, the_plan, wanted_settings):
    """Make the writes, read each back; return (final settings, {rule name: details after the writes})."""
    client, rules = service.client, {}
    for summary in the_plan.rule_deletes:
        service.delete_rule(location_id, auto_attendant_id, summary["id"])
    for index, current, body, want in the_plan.rule_updates:
        rule_id = service.update_rule(location_id, auto_attendant_id, current["id"], body)
        rules[want["name"]] = read_back(
            client,
            "selective rule %r" % want["name"],
            lambda rule_id=rule_id: service.rule(location_id, auto_attendant_id, rule_id),
            lambda stored, index=index, want=want: rule_not_applied(index, want, stored),
        )
    for index, body, want in the_plan.rule_creates:
        rule_id = service.create_rule(location_id, auto_attendant_id, body)
        rules[want["name"]] = read_back(
            client,
            "selective rule %r" % want["name"],
            lambda rule_id=rule_id: service.rule(location_id, auto_attendant_id, rule_id),
            lambda stored, index=index, want=want: rule_not_applied(index, want, stored),
        )
    if the_plan.settings_body:
        service.update_settings(location_id, auto_attendant_id, the_plan.settings_body)
    sent = {part: wanted_settings[part] for part in the_plan.settings_body.get("callForwarding", {})}
    deleted = {summary["id"] for summary in the_plan.rule_deletes}

    def differences(stored):
        still_there = [
            "purge_rules (rule %r)" % summary.get("name")
            for summary in stored.get("rules") or []
            if summary.get("id") in deleted
        ]
        return settings_not_applied(sent, stored) + still_there

    final = read_back(
        client, "the call forwarding", lambda: service.settings(location_id, auto_attendant_id), differences
    )
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
    return predicted


def converge(service, location_id, params, check_mode=False, diff=False):  # pylint: disable=unused-argument
    """Bring the attendant's forwarding to what PARAMS describe; return (plan, result).

    RESULT: {auto_attendant_id, location_id, forwarding (always, selective, rules as summaries), rules (details of the
    declared rules, in the declared order; id None for a rule a check-mode run would create)}.
    Calls when nothing changes: the attendant lookup, the settings GET, one GET per declared rule that exists.
    """
    name = params["auto_attendant"]
    found = service.find_attendant(location_id, name)
    warnings = []
    if found is None:
        if not check_mode:
            raise ResourceError("auto_attendant: no auto attendant called %r in the location" % name)
        # Check mode of a run that creates the attendant first: plan against an untouched attendant.
        warnings.append(
            "auto_attendant: no auto attendant called %r in the location (the real run fails unless it is "
            "created first)" % name
        )
        current_settings = {"always": {}, "selective": {}, "rules": []}
        auto_attendant_id = None
    else:
        auto_attendant_id = found["id"]
        current_settings = service.settings(location_id, auto_attendant_id)
    names = set()
    for rule in params.get("rules") or []:
        names.update(filter(None, (rule["name"], rule.get("new_name"))))
    current_rules = {
        summary["name"]: service.rule(location_id, auto_attendant_id, summary["id"])
        for summary in current_settings.get("rules") or []
        if summary.get("name") in names
    }
    the_plan = plan(params, current_settings, current_rules)
    the_plan.warnings += warnings
    if the_plan.changed:
        _preflight(service, location_id, the_plan, check_mode)

    rules_after = dict(current_rules)
    for _index, current, body, want in the_plan.rule_updates:
        rules_after.pop(current["name"], None)
        rules_after[want["name"]] = dict(
            without_none(body), id=None if current["name"] != want["name"] else current["id"]
        )
    for _index, body, want in the_plan.rule_creates:
        rules_after[want["name"]] = dict(body, id=None)
    if check_mode or not the_plan.changed:
        final = _predicted_settings(current_settings, the_plan)
    else:
        final, written = _execute(service, location_id, auto_attendant_id, the_plan, desired_settings(params))
        rules_after.update(written)
    declared = [
        rules_after.get(rule.get("new_name") or rule["name"]) or rules_after.get(rule["name"])
        for rule in params.get("rules") or []
    ]
    result = {
        "auto_attendant_id": auto_attendant_id,
        "location_id": location_id,
        "forwarding": final,
        "rules": [rule for rule in declared if rule is not None],
    }
    return the_plan, result
