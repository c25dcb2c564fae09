"""Auto attendant call forwarding: settings, the switch-mode action, selective rules and the call-forward numbers.

Sources (public): the Webex Calling API reference ("Get/Update Call Forwarding Settings for an Auto Attendant", the
selective-rule routes, "Get Auto Attendant Call Forward Available Phone Numbers"), wxc_sdk 1.41.0
``wxc_sdk/telephony/forwarding.py``, and the live notes shipped in the wxcli 1.11.1 package (verified 2026-10-13).
The simulator README lists each behaviour with its source.

The forwarding of an auto attendant is stored in its record (``record["forwarding"]``), so it lives and dies with the
attendant and is saved in the state file with it.
"""

import copy
import re

from . import errors
from .errors import ApiError
from .ids import b64, webex_id
from .pagination import paginate
from .responses import Response
from .routes_auto_attendants import ID_SEGMENT, LOCATION_BASE

ITEM = LOCATION_BASE + "/" + ID_SEGMENT + "/callForwarding"
RULES = ITEM + "/selectiveRules"
RULE = RULES + r"/(?P<rule_id>[^/]+)"

ERR_RULE_DUPLICATE_NAME = 4830  # GUESS: a selective rule of that name already exists in the auto attendant (409)
ERR_RULE_NOT_FOUND = 4831  # GUESS: an unknown rule id in the forwarding settings PUT
ERR_MODE_NOT_AVAILABLE = 4832  # GUESS: an operating mode that is neither the organisation's nor the location's

SETTING_FIELDS = ("enabled", "destination", "ringReminderEnabled", "sendToVoicemailEnabled")
FORWARD_TO_SELECTIONS = ("FORWARD_TO_DEFAULT_NUMBER", "FORWARD_TO_SPECIFIED_NUMBER", "DO_NOT_FORWARD")
CALLS_FROM_SELECTIONS = ("ANY", "CUSTOM")
CALLS_TO_TYPES = ("PRIMARY", "ALTERNATE")
# DOC: the exception types of the current operating mode; only AUTOMATIC_SWITCH_BACK_STANDARD is normal operation.
EXCEPTION_TYPES = (
    "MANUAL_SWITCH_BACK",
    "AUTOMATIC_SWITCH_BACK_EARLY_START",
    "AUTOMATIC_SWITCH_BACK_EXTENSION",
    "AUTOMATIC_SWITCH_BACK_STANDARD",
)
NORMAL_OPERATION = "AUTOMATIC_SWITCH_BACK_STANDARD"
RULE_NAME_MAX_LENGTH = 80  # GUESS: undocumented, as for auto attendants
# A destination: an E.164 number (the service also writes NANP numbers as +1-NXXNXXXXXX), an extension or an ESN.
DESTINATION = re.compile(r"^(\+[1-9][0-9]{0,3}-?[0-9]{1,14}|[0-9]{2,17})\Z")
NANP = re.compile(r"^\+1-?([2-9][0-9]{9})\Z")


def rule_id(name):
    """Rule ids encode the rule name (the API reference examples decode that way), which is why a rename changes them."""
    return webex_id("CALL_FORWARDING_SELECTIVE_RULE", b64(name).rstrip("="))


def _default_setting():
    return {"enabled": False, "destination": "", "ringReminderEnabled": False, "sendToVoicemailEnabled": False}


def default_forwarding():
    """What an auto attendant that nobody touched answers (wxc_sdk CallForwarding.default(), operating modes off)."""
    return {
        "always": _default_setting(),
        "selective": _default_setting(),
        "rules": [],
        "operatingModes": {"enabled": False, "modes": []},
    }


def _stored(record, create=False):
    """The attendant's forwarding: created with the defaults on the first write, never by a read."""
    if create:
        return record.setdefault("forwarding", default_forwarding())
    return record.get("forwarding") or default_forwarding()


def _object(body, where="body"):
    if not isinstance(body, dict):
        raise ApiError(400, "The request %s must be a JSON object" % where, errors.ERR_MALFORMED_BODY)
    return body


def _boolean(obj, field, where):
    value = obj[field]
    if not isinstance(value, bool):
        raise errors.invalid(where + field, "%r is not a boolean" % (value,))
    return value


def _destination(value, field):
    if not isinstance(value, str) or (value and not DESTINATION.match(value)):
        raise errors.invalid(field, "%r is not a phone number, extension or ESN" % (value,))
    return value


def _rule_number(value):
    """The platform keeps NANP numbers of a rule as ten digits: +19705550026 reads back as 9705550026 (wxc_sdk)."""
    match = NANP.match(value)
    return match.group(1) if match else value


# -- settings ------------------------------------------------------------------------------------------------------


def _summary_numbers(numbers):
    return ", ".join(numbers)


def rule_summary(rule):
    """The settings GET lists rules as {id, name, callsFrom, forwardTo, callsTo, enabled} with strings (our wording)."""
    calls_from = rule["callsFrom"]
    if calls_from["selection"] == "ANY":
        calls_from_text = "All Numbers"
    else:
        custom = calls_from.get("customNumbers") or {}
        parts = list(custom.get("numbers") or [])
        if custom.get("privateNumberEnabled"):
            parts.append("Any private number")
        if custom.get("unavailableNumberEnabled"):
            parts.append("Any unavailable number")
        calls_from_text = _summary_numbers(parts)
    forward_to = rule["forwardTo"]
    forward_to_text = {"FORWARD_TO_DEFAULT_NUMBER": "Default number", "DO_NOT_FORWARD": "Do not forward"}.get(
        forward_to["selection"], forward_to.get("phoneNumber") or ""
    )
    called = [number.get("phoneNumber") or number.get("extension") or "" for number in rule["callsTo"]["numbers"]]
    return {
        "id": rule["id"],
        "name": rule["name"],
        "callsFrom": calls_from_text,
        "forwardTo": forward_to_text,
        "callsTo": _summary_numbers(called) if called else "All Numbers",
        "enabled": rule["enabled"],
    }


def _mode_view(state, entry):
    """One mode as the GET shows it: what was set, with the operating mode's name, type, level and its own forwarding
    (defaultForwardToSelection, defaultDestination, defaultDestinationVoicemailEnabled). Fields given as they are kept
    (the control route may store anything)."""
    view = copy.deepcopy(entry)
    try:
        mode = state.operating_mode(entry.get("id"))
    except ApiError:
        return view
    for field in ("name", "type", "level"):
        view.setdefault(field, mode[field])
    own = mode["callForwarding"]
    forward_to = view.setdefault("forwardTo", {})
    if isinstance(forward_to, dict):
        forward_to.setdefault("destination", "")
        forward_to.setdefault("destinationVoicemailEnabled", False)
        forward_to.setdefault(
            "defaultForwardToSelection", "FORWARD_TO_SPECIFIED_NUMBER" if own["enabled"] else "DO_NOT_FORWARD"
        )
        forward_to.setdefault("defaultDestination", own["destination"])
        forward_to.setdefault("defaultDestinationVoicemailEnabled", own["destinationVoicemailEnabled"])
    return view


def normal_mode(modes):
    """The mode of normal operation (GUESS: the first mode with normalOperationEnabled, else the first mode)."""
    entries = [entry for entry in modes if isinstance(entry, dict)]
    for entry in entries:
        if entry.get("normalOperationEnabled") is True:
            return entry
    return entries[0] if entries else None


def operating_modes_view(state, operating):
    """operatingModes as the GET shows it: each mode filled in, and with modes the current one and its exception type
    (normal operation unless a switch made an exception)."""
    view = copy.deepcopy(operating)
    modes = view.get("modes")
    if not isinstance(modes, list):
        return view
    view["modes"] = [_mode_view(state, entry) if isinstance(entry, dict) else entry for entry in modes]
    normal = normal_mode(modes)
    if normal is not None and "currentOperatingModeId" not in view:
        view["currentOperatingModeId"] = normal.get("id")
        view.setdefault("exceptionType", NORMAL_OPERATION)
    return view


def get_forwarding(request, location_id, auto_attendant_id):
    """GET: {"callForwarding": {always, selective, rules (summaries), operatingModes}}."""
    forwarding = _stored(request.state.auto_attendant(location_id, auto_attendant_id))
    view = copy.deepcopy(forwarding)
    view["rules"] = [rule_summary(rule) for rule in forwarding["rules"]]
    view["operatingModes"] = operating_modes_view(request.state, forwarding["operatingModes"])
    return Response(200, {"callForwarding": view})


def _apply_setting(current, update, where):
    _object(update, where)
    changed = dict(current)
    for field in SETTING_FIELDS:
        if field not in update:
            continue
        if field == "destination":
            changed[field] = _destination(update[field], where + "destination")
        else:
            changed[field] = _boolean(update, field, where)
    if changed["enabled"] and not changed["destination"] and where.startswith("callForwarding.always"):
        raise errors.missing(where + "destination")
    return changed


def update_forwarding(request, location_id, auto_attendant_id):
    """PUT {"callForwarding": {always?, selective?, rules?[{id, enabled}], operatingModes?}}: 204.

    Without the callForwarding wrapper the answer is still 2xx and nothing changes (seen live). Only the rules'
    enabled flag is honoured; rules left out are not deleted. Destinations are stored as sent.
    """
    record = request.state.auto_attendant(location_id, auto_attendant_id)
    body = _object(request.body)
    if "callForwarding" not in body:
        return Response(204)
    update = _object(body["callForwarding"], "callForwarding")
    current = _stored(record)
    changed = copy.deepcopy(current)
    for part in ("always", "selective"):
        if update.get(part) is not None:
            changed[part] = _apply_setting(current[part], update[part], "callForwarding.%s." % part)
    rules = {rule["id"]: rule for rule in changed["rules"]}
    for index, entry in enumerate(update.get("rules") or []):
        where = "callForwarding.rules[%d]." % index
        _object(entry, where[:-1])
        if entry.get("id") not in rules:
            raise ApiError(
                400, "%sid: no selective rule %r in this auto attendant" % (where, entry.get("id")), ERR_RULE_NOT_FOUND
            )
        if "enabled" in entry:
            rules[entry["id"]]["enabled"] = _boolean(entry, "enabled", where)
    if update.get("operatingModes") is not None:
        changed["operatingModes"] = _operating_modes(
            request.state, location_id, update["operatingModes"], current["operatingModes"]
        )
    record["forwarding"] = changed
    return Response(204)


def _mode_forward_to(value, where):
    value = _object(value, where[:-1])
    selection = value.get("selection")
    if selection is None:
        raise errors.missing(where + "selection")
    if selection not in FORWARD_TO_SELECTIONS:
        raise errors.invalid(where + "selection", "%r is not one of %s" % (selection, ", ".join(FORWARD_TO_SELECTIONS)))
    result = {"selection": selection}
    destination = value.get("destination")
    if selection == "FORWARD_TO_SPECIFIED_NUMBER" and not destination:
        raise errors.missing(where + "destination")
    if destination is not None:
        result["destination"] = _destination(destination, where + "destination")
    if value.get("destinationVoicemailEnabled") is not None:
        result["destinationVoicemailEnabled"] = _boolean(value, "destinationVoicemailEnabled", where)
    return result


def _operating_modes(state, location_id, value, current):
    """operatingModes of the settings PUT: {enabled, modes: [{id, normalOperationEnabled, forwardTo}]}, both required
    (DOC). The list replaces the attendant's modes (GUESS: the update requires the whole object); each id must be an
    operating mode of the organisation or of the location. A mode switched to by hand stays current while it is listed.
    Other fields of a mode (name, type, level, the mode's own defaults: read only) are ignored."""
    where = "callForwarding.operatingModes."
    value = _object(value, where[:-1])
    for field in ("enabled", "modes"):
        if value.get(field) is None:
            raise errors.missing(where + field)
    if not isinstance(value["modes"], list):
        raise errors.invalid(where + "modes", "must be an array")
    available = {mode["id"] for mode in state.available_operating_modes(location_id)}
    result = {"enabled": _boolean(value, "enabled", where), "modes": []}
    for index, entry in enumerate(value["modes"]):
        at = "%smodes[%d]." % (where, index)
        entry = _object(entry, at[:-1])
        mode_id = entry.get("id")
        if not mode_id:
            raise errors.missing(at + "id")
        if mode_id not in available:
            raise ApiError(
                400,
                "%sid: %r is not an operating mode of this location or of the organisation" % (at, mode_id),
                ERR_MODE_NOT_AVAILABLE,
            )
        if any(mode["id"] == mode_id for mode in result["modes"]):
            raise errors.invalid(at + "id", "operating mode %r is listed twice" % mode_id)
        if entry.get("normalOperationEnabled") is None:
            raise errors.missing(at + "normalOperationEnabled")
        if entry.get("forwardTo") is None:
            raise errors.missing(at + "forwardTo")
        result["modes"].append(
            {
                "id": mode_id,
                "normalOperationEnabled": _boolean(entry, "normalOperationEnabled", at),
                "forwardTo": _mode_forward_to(entry["forwardTo"], at + "forwardTo."),
            }
        )
    if current.get("currentOperatingModeId") in {mode["id"] for mode in result["modes"]}:
        result["currentOperatingModeId"] = current["currentOperatingModeId"]
        result["exceptionType"] = current.get("exceptionType", NORMAL_OPERATION)
    return result


def switch_mode(request, location_id, auto_attendant_id):
    """POST the switch-mode action: back to normal operation (a mode switched to by hand is no longer current); 204."""
    record = request.state.auto_attendant(location_id, auto_attendant_id)
    operating = _stored(record)["operatingModes"]
    if "currentOperatingModeId" in operating or "exceptionType" in operating:
        operating = _stored(record, create=True)["operatingModes"]
        operating.pop("currentOperatingModeId", None)
        operating.pop("exceptionType", None)
    return Response(204)


# -- selective rules -----------------------------------------------------------------------------------------------


def _schedule(state, location, body, field, schedule_type):
    value = body.get(field)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise errors.invalid(field, "%r is not a string" % (value,))
    if state.schedule(location["id"], schedule_type, value) is None:
        raise ApiError(
            400,
            "%s: no %s schedule named %r in location %s" % (field, schedule_type, value, location["name"]),
            errors.ERR_SCHEDULE_NOT_FOUND,
        )
    return value


def _forward_to(value):
    value = _object(value, "forwardTo")
    selection = value.get("selection")
    if selection is None:
        raise errors.missing("forwardTo.selection")
    if selection not in FORWARD_TO_SELECTIONS:
        raise errors.invalid(
            "forwardTo.selection", "%r is not one of %s" % (selection, ", ".join(FORWARD_TO_SELECTIONS))
        )
    result = {"selection": selection}
    if selection == "FORWARD_TO_SPECIFIED_NUMBER":
        if not value.get("phoneNumber"):
            raise errors.missing("forwardTo.phoneNumber")
        result["phoneNumber"] = _destination(value["phoneNumber"], "forwardTo.phoneNumber")
    return result


def _calls_from(value):
    value = _object(value, "callsFrom")
    selection = value.get("selection")
    if selection is None:
        raise errors.missing("callsFrom.selection")
    if selection not in CALLS_FROM_SELECTIONS:
        raise errors.invalid(
            "callsFrom.selection", "%r is not one of %s" % (selection, ", ".join(CALLS_FROM_SELECTIONS))
        )
    custom = value.get("customNumbers")
    if custom is None:
        if selection == "CUSTOM":
            raise errors.missing("callsFrom.customNumbers")
        return {"selection": selection}
    _object(custom, "callsFrom.customNumbers")
    numbers = custom.get("numbers") or []
    if not isinstance(numbers, list):
        raise errors.invalid("callsFrom.customNumbers.numbers", "must be an array")
    stored = {"privateNumberEnabled": False, "unavailableNumberEnabled": False}
    for field in ("privateNumberEnabled", "unavailableNumberEnabled"):
        if field in custom:
            stored[field] = _boolean(custom, field, "callsFrom.customNumbers.")
    stored["numbers"] = [_rule_number(_destination(number, "callsFrom.customNumbers.numbers")) for number in numbers]
    return {"selection": selection, "customNumbers": stored}


def _calls_to(value):
    """callsTo has only numbers; anything else in it (a selection: ANY seen live) is dropped: reads back {numbers: []}."""
    if value is None:
        return {"numbers": []}
    numbers = _object(value, "callsTo").get("numbers") or []
    if not isinstance(numbers, list):
        raise errors.invalid("callsTo.numbers", "must be an array")
    stored = []
    for index, number in enumerate(numbers):
        where = "callsTo.numbers[%d]." % index
        _object(number, where[:-1])
        if number.get("type") not in CALLS_TO_TYPES:
            raise errors.invalid(
                where + "type", "%r is not one of %s" % (number.get("type"), ", ".join(CALLS_TO_TYPES))
            )
        entry = {"type": number["type"]}
        if number.get("phoneNumber"):
            entry["phoneNumber"] = _rule_number(_destination(number["phoneNumber"], where + "phoneNumber"))
        if number.get("extension"):
            entry["extension"] = _destination(number["extension"], where + "extension")
        if len(entry) == 1:
            raise errors.missing(where + "phoneNumber")
        stored.append(entry)
    return {"numbers": stored}


def _rule_name(body, forwarding, own_id=None):
    name = body.get("name")
    if name in (None, ""):
        raise errors.missing("name")
    if not isinstance(name, str) or len(name) > RULE_NAME_MAX_LENGTH or re.search(r"[\x00-\x1f\x7f]", name):
        raise errors.invalid(
            "name", "must be a string of 1 to %d characters without control characters" % RULE_NAME_MAX_LENGTH
        )
    if any(rule["name"] == name and rule["id"] != own_id for rule in forwarding["rules"]):
        raise ApiError(
            409, "A selective rule named %r already exists in this auto attendant" % name, ERR_RULE_DUPLICATE_NAME
        )
    return name


def _rule(state, location, body, forwarding, current=None):
    """The rule to store from a create body, or from an update body over CURRENT (fields left out are kept)."""
    current = current or {}
    name = _rule_name(body, forwarding, current.get("id"))
    rule = {"id": rule_id(name), "name": name, "enabled": bool(current.get("enabled", False))}
    if "enabled" in body:
        rule["enabled"] = _boolean(body, "enabled", "")
    for field, schedule_type in (("businessSchedule", "businessHours"), ("holidaySchedule", "holidays")):
        value = _schedule(state, location, body, field, schedule_type) if field in body else current.get(field)
        if value:
            rule[field] = value
    # The reference lists businessSchedule among the fields a rule always has: none reads back as "" (GUESS).
    rule.setdefault("businessSchedule", "")
    for field, parse in (("forwardTo", _forward_to), ("callsFrom", _calls_from)):
        if body.get(field) is not None:
            rule[field] = parse(body[field])
        elif field in current:
            rule[field] = current[field]
        else:
            raise errors.missing(field)
    rule["callsTo"] = _calls_to(body["callsTo"]) if "callsTo" in body else current.get("callsTo", {"numbers": []})
    return rule


def _find_rule(forwarding, ident):
    for rule in forwarding["rules"]:
        if rule["id"] == ident:
            return rule
    raise errors.not_found("Selective rule not found: %s" % ident)


def create_rule(request, location_id, auto_attendant_id):
    """POST {name, forwardTo, callsFrom, ...}: 201 {"id"}."""
    state = request.state
    record = state.auto_attendant(location_id, auto_attendant_id)
    body = _object(request.body)
    rule = _rule(state, state.location(location_id), body, _stored(record))
    _stored(record, create=True)["rules"].append(rule)
    return Response(201, {"id": rule["id"]})


def get_rule(request, location_id, auto_attendant_id, rule_id):  # pylint: disable=redefined-outer-name
    """GET one rule with every field; NANP numbers without their +."""
    forwarding = _stored(request.state.auto_attendant(location_id, auto_attendant_id))
    return Response(200, copy.deepcopy(_find_rule(forwarding, rule_id)))


def update_rule(request, location_id, auto_attendant_id, rule_id):  # pylint: disable=redefined-outer-name
    """PUT: name required (400 25008 without it); fields left out are kept; 201 {"id": the id after the update}."""
    state = request.state
    record = state.auto_attendant(location_id, auto_attendant_id)
    forwarding = _stored(record)
    current = _find_rule(forwarding, rule_id)
    body = _object(request.body)
    updated = _rule(state, state.location(location_id), body, forwarding, current)
    rules = _stored(record, create=True)["rules"]
    rules[rules.index(current)] = updated
    return Response(201, {"id": updated["id"]})


def delete_rule(request, location_id, auto_attendant_id, rule_id):  # pylint: disable=redefined-outer-name
    """DELETE: 204; 404 when unknown."""
    record = request.state.auto_attendant(location_id, auto_attendant_id)
    rule = _find_rule(_stored(record), rule_id)
    _stored(record, create=True)["rules"].remove(rule)
    return Response(204)


# -- numbers that can be a forward destination ----------------------------------------------------------------------


def available_numbers(request, location_id):
    """The location's numbers that are assigned (here: to its auto attendants), with owner and extension."""
    state = request.state
    location = state.location(location_id)
    wanted = {number.strip() for number in (request.query.get("phoneNumber") or "").split(",") if number.strip()}
    owner_name = (request.query.get("ownerName") or "").lower()
    extension = request.query.get("extension")
    items = []
    for record in state.auto_attendants.values():
        if record["locationId"] != location_id:
            continue
        data = record["data"]
        numbers = ([data["phoneNumber"]] if data.get("phoneNumber") else []) + [
            alternate["phoneNumber"] for alternate in data.get("alternateNumbers") or []
        ]
        for index, number in enumerate(numbers):
            item = {
                "phoneNumber": number,
                "state": "ACTIVE",
                "isMainNumber": False,
                "tollFreeNumber": number in location["tollFreeNumbers"],
                "telephonyType": "PSTN_NUMBER",
                "isServiceNumber": False,
                "owner": {"id": record["id"], "type": "AUTO_ATTENDANT", "displayName": data["name"]},
            }
            if index == 0 and data.get("phoneNumber") and data.get("extension"):
                item["extension"] = data["extension"]
            if wanted and number not in wanted:
                continue
            if owner_name and owner_name not in data["name"].lower():
                continue
            if extension and item.get("extension") != extension:
                continue
            items.append(item)
    body, headers = paginate(request, items, "phoneNumbers", ("orgId", "phoneNumber", "ownerName", "extension"))
    return Response(200, body, headers)


# -- control ------------------------------------------------------------------------------------------------------------

FORWARDING_PARTS = ("always", "selective", "operatingModes")


def store_forwarding(request, auto_attendant_id):
    """PUT /_sim/auto_attendants/{id}/forwarding {part: value}: each part given (always, selective, operatingModes)
    replaces the stored one as given, without validation: what the API cannot make (a mode switched to by hand in
    Control Hub, with its currentOperatingModeId and exceptionType; a field of the wrong type). 200 with the view."""
    body = request.body if isinstance(request.body, dict) else None
    if not body or set(body) - set(FORWARDING_PARTS):
        raise errors.bad_request("the body is an object with some of %s" % ", ".join(FORWARDING_PARTS))
    state = request.state
    with state.lock:
        record = state.auto_attendants.get(auto_attendant_id)
        if record is None:
            raise errors.not_found("Auto Attendant not found: %s" % auto_attendant_id)
        forwarding = _stored(record, create=True)
        forwarding.update(copy.deepcopy(body))
        state.save()
        view = dict(copy.deepcopy(forwarding), rules=[rule["id"] for rule in forwarding["rules"]])
    return Response(200, view)


CONTROL_ROUTES = [("PUT", r"/_sim/auto_attendants/(?P<auto_attendant_id>[^/]+)/forwarding", store_forwarding)]

ROUTES = [
    ("GET", LOCATION_BASE + "/callForwarding/availableNumbers", available_numbers),
    ("GET", ITEM, get_forwarding),
    ("PUT", ITEM, update_forwarding),
    ("POST", ITEM + "/actions/switchMode/invoke", switch_mode),
    ("POST", RULES, create_rule),
    ("GET", RULE, get_rule),
    ("PUT", RULE, update_rule),
    ("DELETE", RULE, delete_rule),
]
