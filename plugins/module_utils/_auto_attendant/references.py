# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""References between auto attendants by name: a key, or a call treatment, names an attendant instead of a number.

Option shape (in webex_auto_attendant options, snake_case):

    key_configurations:
      - {key: "2", action: TRANSFER_WITHOUT_PROMPT, auto_attendant: Support Menu}               # same location
      - {key: "3", action: TRANSFER_WITH_PROMPT, auto_attendant: {location: Branch, name: Desk}}  # another location
    call_treatment:
      action_to_be_performed: {action: TRANSFER_WITHOUT_PROMPT, auto_attendant: Support Menu}

`auto_attendant` replaces `value` (keys) or `transfer_call_to` (call treatment); it is resolved, before any write, to
the target's extension when the target is in the same location, its ESN (routing prefix + extension) when it is in
another location, and its phone number when it has no extension.

Everything here is pure except resolve(), which asks a LOOKUP callable (one call per distinct target) and so stays
testable without HTTP. order() is for callers that apply a list of attendants (the bulk module, the role): targets
before the attendants that refer to them, a cycle in two passes.
"""

from __future__ import annotations

import copy

from ansible_collections.wxc.calling.plugins.module_utils import menus
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError

OPTION = "auto_attendant"
# Only these actions send the caller to a number, so only these may name an attendant instead.
REFERENCE_ACTIONS = menus.ACTIONS_NEEDING_VALUE
TARGET_FIELDS = ("name", "location")


class UnresolvedReference(ResourceError):
    """A reference that cannot be resolved (missing, ambiguous, or without a number to dial); raised before any write."""


# -- the option -----------------------------------------------------------------------------------------------------


def parse(value):
    """(location or None, name) of a reference value; raises ValueError saying what is wrong with it."""
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("must be the name of an auto attendant, got an empty string")
        return None, value
    if isinstance(value, dict):
        unknown = sorted(set(value) - set(TARGET_FIELDS))
        if unknown:
            raise ValueError(
                "unknown field(s) %s; a reference has name and, for another location, location" % ", ".join(unknown)
            )
        name, location = value.get("name"), value.get("location")
        if not isinstance(name, str) or not name.strip():
            raise ValueError("needs name, the exact name of the auto attendant")
        if location is not None and (not isinstance(location, str) or not location.strip()):
            raise ValueError("location must be a location id or exact name")
        return location, name
    raise ValueError(
        "must be an auto attendant name, or a dictionary with name and location, got %s" % type(value).__name__
    )


class Reference:
    """One use of the option: where it is (a path naming the option), the target, and the dict that holds it."""

    def __init__(self, path, holder, number_field, action, location, name):
        self.path = path
        self.holder = holder
        self.number_field = number_field
        self.action = action
        self.location = location
        self.name = name

    def target(self, own_location):
        return (self.location if self.location is not None else own_location, self.name)


def _holders(params):
    """(path, holder dict, number field) of every place a reference may stand in PARAMS."""
    for place in menus.places(params, kinds=("key", "no_input")):
        yield "%s.%s" % (place.path, OPTION), place.holder, place.destination_field


def find(params):
    """Every reference in PARAMS, as Reference objects; a malformed one raises ValueError naming its path."""
    found = []
    for path, holder, number_field in _holders(params):
        if holder.get(OPTION) is None:
            continue
        try:
            location, name = parse(holder[OPTION])
        except ValueError as error:
            raise ValueError("%s: %s" % (path, error)) from None
        found.append(Reference(path, holder, number_field, holder.get("action"), location, name))
    return found


def validate(params):
    """Problems with the references of PARAMS (shape, action, exclusive with the number), as messages naming the option."""
    errors = []
    for path, holder, number_field in _holders(params):
        if holder.get(OPTION) is None:
            continue
        try:
            parse(holder[OPTION])
        except ValueError as error:
            errors.append("%s: %s" % (path, error))
            continue
        if holder.get(number_field) not in (None, ""):
            errors.append("%s: give either %s or %s, not both" % (path, OPTION, number_field))
        if holder.get("action") not in REFERENCE_ACTIONS:
            errors.append(
                "%s: action %s does not transfer, so it cannot name an auto attendant (only %s)"
                % (path, holder.get("action"), ", ".join(REFERENCE_ACTIONS))
            )
    return errors


def with_placeholders(params):
    """PARAMS with every reference given a stand-in number, so that the module's number checks pass before resolution.

    Used only to validate: the stand-in never reaches a request (resolve() replaces it, or the run stops).
    """
    result = copy.deepcopy(params)
    for reference in find(result):
        reference.holder[reference.number_field] = "00"
    return result


def targets(params, own_location):
    """The distinct (location, name) targets of PARAMS, sorted; a target without location is in OWN_LOCATION."""
    return sorted(set(reference.target(own_location) for reference in find(params)))


# -- resolution -----------------------------------------------------------------------------------------------------


def in_location(item, location, location_id=None):
    """Whether the list ITEM (camelCase, as the list returns it) is in LOCATION, given by id or by exact name.

    LOCATION_ID, when known, is the same location's id (the module resolves the attendant's own location anyway).
    """
    return location in (item.get("locationId"), item.get("locationName")) or (
        location_id is not None and item.get("locationId") == location_id
    )


def number_for(item, same_location):
    """The number a transfer to the attendant ITEM (a list item) dials: (number, None) or (None, why there is none).

    Same location: its extension; another location: its ESN (routing prefix + extension); no extension: its number.
    """
    if item.get("extension"):
        if same_location:
            return item["extension"], None
        if item.get("esn"):
            return item["esn"], None
        if item.get("phoneNumber"):
            return item["phoneNumber"], None
        return None, "it has extension %s but no ESN (its location has no routing prefix) and no phone number" % item[
            "extension"
        ]
    if item.get("phoneNumber"):
        return item["phoneNumber"], None
    return None, "it has neither an extension nor a phone number"


def _self_number(params, reference, own_location, own_name):
    """The attendant's own number when REFERENCE names the attendant itself and its options give one, else None."""
    if reference.target(own_location) != (own_location, own_name):
        return None
    return params.get("extension") or params.get("phone_number")


def resolve(params, own_location, lookup, check_mode=False, declared=(), warn=None, own_location_id=None):
    """PARAMS with every reference replaced by the number it resolves to, and the lookups made.

    OWN_LOCATION is the attendant's location as the options give it (id or exact name); LOOKUP(name) returns the list
    items (camelCase: name, locationId, locationName, extension, phoneNumber, esn) of the attendants with exactly that
    name in the organisation. It is called once per distinct target name, and not at all without references.
    A missing target raises UnresolvedReference naming the option and the value; in CHECK_MODE it is a warning instead
    (the real run fails unless the target is created first), silent when DECLARED (a set of (location, name)) holds
    it because the same run creates it, and the reference gets a stand-in value so that the plan reports the change.
    OWN_LOCATION_ID, when known, is OWN_LOCATION's id: targets in the same location are then matched by id too.
    """
    result = copy.deepcopy(params)
    found = find(result)
    if not found:
        return result
    own_name = result.get("name")
    by_name = {}
    for reference in found:
        number = _self_number(result, reference, own_location, own_name)
        if number is None and reference.name not in by_name:
            by_name[reference.name] = lookup(reference.name)
    declared = set(declared or ())
    for reference in found:
        target_location, target_name = reference.target(own_location)
        number = _self_number(result, reference, own_location, own_name)
        if number is None:
            number = _resolve_one(
                reference,
                (target_location, target_name),
                (own_location, own_location_id),
                by_name[reference.name],
                check_mode,
                declared,
                warn,
            )
        reference.holder.pop(OPTION)
        reference.holder[reference.number_field] = number
    return result


def _resolve_one(reference, target, own, items, check_mode, declared, warn):
    (target_location, target_name), (own_location, own_location_id) = target, own
    target_id = own_location_id if target_location == own_location else None
    matches = [
        item for item in items if item.get("name") == target_name and in_location(item, target_location, target_id)
    ]
    where = "%s: %r" % (
        reference.path,
        target_name if reference.location is None else {"location": target_location, "name": target_name},
    )
    if len(matches) > 1:
        ids = ", ".join(sorted(item.get("id", "?") for item in matches))
        raise UnresolvedReference(
            "%s: %d auto attendants match in location %s (ids %s)" % (where, len(matches), target_location, ids)
        )
    if not matches:
        problem = "no auto attendant %r in location %s" % (target_name, target_location)
        if not check_mode:
            raise UnresolvedReference("%s: %s" % (where, problem))
        if (target_location, target_name) not in declared and warn:
            warn("%s: %s; the real run fails unless it is created first" % (where, problem))
        return "<auto attendant %s>" % target_name
    number, problem = number_for(matches[0], in_location(matches[0], own_location, own_location_id))
    if number is None:
        raise UnresolvedReference("%s: %s, so a transfer cannot reach it" % (where, problem))
    return number


# -- export: numbers back to references ------------------------------------------------------------------------------


def reference_for(number, own_item, items, location_form):
    """The reference value that resolves to exactly NUMBER from the attendant OWN_ITEM, or None.

    ITEMS are the list items of the attendants the export read; LOCATION_FORM(location id) gives the location as
    the export writes it. Only a target that is unique by (location, name) among ITEMS and whose number_for() is
    NUMBER qualifies, and only one such target: re-applying the reference then writes nothing.
    """
    if not number:
        return None
    names = {}
    for item in items:
        key = (item.get("locationId"), item.get("name"))
        names[key] = names.get(key, 0) + 1
    candidates = []
    for item in items:
        if names[(item.get("locationId"), item.get("name"))] != 1:
            continue
        same_location = item.get("locationId") == own_item.get("locationId")
        if number_for(item, same_location)[0] == number:
            candidates.append((item, same_location))
    if len(candidates) != 1:
        return None
    item, same_location = candidates[0]
    if same_location:
        return item["name"]
    return {"location": location_form(item["locationId"]), "name": item["name"]}


def references_from_numbers(options, own_item, items, location_form):
    """OPTIONS (export form) with every transfer to another attendant's number written as a reference by name.

    Transfers only (keys and call treatments): a TRANSFER_TO_MAILBOX keeps its number (the mailbox of the attendant's
    own extension is a mailbox, not a menu). Returns the new options.
    """
    result = copy.deepcopy(options)
    for place in menus.places(result, kinds=("key", "no_input")):
        if place.holder.get("action") not in menus.TRANSFER_ACTIONS:
            continue
        reference = reference_for(place.holder.get(place.destination_field), own_item, items, location_form)
        if reference is None:
            continue
        place.holder.pop(place.destination_field)
        if place.kind == "key":
            _insert_after(place.holder, "action", OPTION, reference)
        else:
            place.holder[OPTION] = reference
    return result


def _insert_after(entry, after, key, value):
    items = list(entry.items())
    entry.clear()
    for name, item in items:
        entry[name] = item
        if name == after:
            entry[key] = value
    if key not in entry:
        entry[key] = value


def without(params, own_location, deferred):
    """PARAMS without the keys (and call-treatment actions) that refer to a target in DEFERRED: the first pass of a cycle.

    A menu needs at least one key: when every key of a menu refers to a deferred target, the first of them is kept as
    EXIT for the first pass (the second pass sets it).
    """
    result = copy.deepcopy(params)
    deferred = set(deferred)
    dropped = [
        place
        for place in menus.places(result, kinds=("key", "no_input"))
        if place.holder.get(OPTION) is not None and _target(place.holder[OPTION], own_location) in deferred
    ]
    for menu in menus.places(result, kinds=("menu",)):
        here = [place for place in dropped if place.menu == menu.menu]
        keys = menu.holder.get("key_configurations")
        if isinstance(keys, list):
            kept = [entry for entry in keys if not any(place.holder is entry for place in here)]
            if keys and not kept:
                kept = [{"key": keys[0]["key"], "action": "EXIT"}]
            menu.holder["key_configurations"] = kept
        if any(place.kind == "no_input" for place in here):
            menu.holder["call_treatment"].pop("action_to_be_performed")
    return result


def _target(value, own_location):
    location, name = parse(value)
    return (location if location is not None else own_location, name)
