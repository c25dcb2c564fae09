# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Read existing auto attendants back, and turn their details into webex_auto_attendant options ("export form").

The conversion is pure and built on auto_attendant.py: writable() drops the read-only fields and sorts the keys,
to_snake() gives the option names, argument_spec() says which options (and suboptions) the module accepts.
The data path: list (every page, exact name) -> details per attendant -> info form (snake_case, read-only fields kept)
and export form (options only) -> YAML text that keeps every string a string.
"""

from __future__ import annotations

import copy
import json
import re

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.compare import (
    legacy_key_warnings,
    operator_value_warnings,
    to_snake,
    with_e164_numbers,
    writable,
)
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.options import (
    FIELDS,
    argument_spec,
    check_options,
)
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as forwarding_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.export import (
    info_from_forwarding,
    options_from_forwarding,
)
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.service import ForwardingService
from ansible_collections.wxc.calling.plugins.module_utils._location.service import LocationNotFound, resolve_location
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

# Suboptions the module accepts but that the service derives: never exported (the module only compares them when set).
NOT_EXPORTED = ("alternate_numbers.toll_free_number",)


# -- details -> info form ------------------------------------------------------------------------------------------


def info_from_details(details, list_item):
    """The details in snake_case, read-only fields included, with location_id and location_name from LIST_ITEM.

    Numbers in E.164, as everywhere in the collection (the service reads some back as +1-NXXNXXXXXX).
    """
    snake = to_snake(with_e164_numbers(details))
    result = {}
    for field in ("id", "name"):
        if field in snake:
            result[field] = snake.pop(field)
    result["location_id"] = list_item.get("locationId")
    result["location_name"] = list_item.get("locationName")
    result.update(snake)
    return result


# -- details -> export form ----------------------------------------------------------------------------------------


def _coerce(value, option_type):
    """VALUE as the option type expects it: the service sends some numbers as strings (noInputTimer)."""
    if option_type == "int" and isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return value
    if option_type == "str" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _prune(value, spec, path, dropped):
    """VALUE (snake_case) with only what SPEC (an argument_spec options dict) knows, in the order of SPEC, no None.

    Fields the module does not know (a field Webex added later, a beta field) are listed in DROPPED by their path.
    """
    result = {}
    for key in value:
        if key not in spec:
            dropped.append(path + key)
    for key, option in spec.items():
        item = value.get(key)
        if item is None or path + key in NOT_EXPORTED:
            continue
        suboptions = option.get("options")
        if suboptions and option.get("type") == "list" and isinstance(item, list):
            item = [
                _prune(entry, suboptions, "%s%s." % (path, key), dropped) if isinstance(entry, dict) else entry
                for entry in item
            ]
        elif suboptions and isinstance(item, dict):
            item = _prune(item, suboptions, "%s%s." % (path, key), dropped)
        else:
            item = _coerce(copy.deepcopy(item), option.get("type", "str"))
        result[key] = item
    return result


def options_from_details(details, location, dropped=None):
    """The webex_auto_attendant options that describe DETAILS (as the API returns them), in LOCATION (id or name).

    Only writable options the attendant has: no id, enabled, esn, routing_prefix, toll_free_number, language, no audio
    file_size/is_text_to_speech, no alternate number toll_free_number, nothing None, no TRANSFER_TO_OPERATOR value,
    numbers in E.164 (never the read-back form +1-NXXNXXXXXX). Top-level options in the order of
    the Create body, menu keys in key order ("0"-"9", "*", "#"). Applying the result to the same attendant changes nothing.
    DROPPED, when given, receives the paths of the fields the module has no option for.
    """
    dropped = [] if dropped is None else dropped
    snake = to_snake(writable(details))
    spec = argument_spec()
    known = {field: spec[field] for field in FIELDS}
    options = {"location": location}
    options.update(_prune(snake, known, "", dropped))
    return options


def sort_key(list_item):
    """Attendants sorted by location name, then name."""
    return (list_item.get("locationName") or "", list_item.get("name") or "", list_item.get("id") or "")


# -- reading (HTTP) ------------------------------------------------------------------------------------------------


class LocationUnknown(ResourceError):
    """The location given by id does not exist."""


def list_auto_attendants(client, location_id=None, name=None):
    """The list items of the organisation (or of LOCATION_ID), every page, called exactly NAME when given."""
    try:
        items = AutoAttendantService(client).list(location_id, name)
    except WebexApiError as error:
        if location_id and error.status == 404:
            raise LocationUnknown("location %r not found (no location has that id)" % location_id) from error
        raise
    return sorted(items, key=sort_key)


# -- YAML that keeps its types, and keeps data from being templated ---------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _.,/()'&@+=-]*")
_RESERVED = ("y", "n", "yes", "no", "on", "off", "true", "false", "null")
# Characters a YAML reader folds, drops or refuses inside a double-quoted scalar although JSON leaves them raw: DEL and
# the C1 controls (U+0085 is a YAML 1.1 line break), the line and paragraph separators, the byte order mark, the
# non-characters and lone surrogates. Written as escapes, every name round-trips exactly.
_YAML_UNSAFE_CHARACTERS = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
UNSAFE_TAG = "!unsafe"
# ansible-core resolves an !unsafe scalar again as if it were plain, quotes or not: `!unsafe "0100"` is read as 64,
# `!unsafe ""` as null, `!unsafe "*"` fails. A template needs "{" (or a "#jinja2:" header), which no number, boolean,
# null, date or YAML indicator holds: strings made only of the characters below (or one of those indicators) are
# left untagged, every other string is tagged.
_CANNOT_BE_A_TEMPLATE = re.compile(r"[-+0-9A-Za-z.:_~ ]*|<<|=|!|&|\*")


def _quoted(text):
    # A JSON string is a valid YAML double-quoted scalar: "0028", "*", "+19705550026" stay strings in every reader.
    return _YAML_UNSAFE_CHARACTERS.sub(
        lambda match: "\\u%04x" % ord(match.group(0)), json.dumps(text, ensure_ascii=False)
    )


def _string(text, unsafe):
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and text.lower() not in _RESERVED:
        written = text
    else:
        written = _quoted(text)
    # Data read from the service is data: Ansible never templates an !unsafe string ({{ }}, {% %}, {# #} stay text).
    return "%s %s" % (UNSAFE_TAG, written) if unsafe and not _CANNOT_BE_A_TEMPLATE.fullmatch(text) else written


def _scalar(value, unsafe=False):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return _string(str(value), unsafe)


def _is_block(value):
    return isinstance(value, (dict, list)) and bool(value)


def _lines(value, indent, unsafe):
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if _is_block(item):
                lines.append("%s%s:" % (pad, _scalar(key)))
                lines.extend(_lines(item, indent + 2, unsafe))
            else:
                lines.append("%s%s: %s" % (pad, _scalar(key), _empty_or_scalar(item, unsafe)))
    else:
        for item in value:
            if isinstance(item, dict) and item:
                nested = _lines(item, indent + 2, unsafe)
                nested_indent = indent + 2
                lines.append("%s- %s" % (pad, nested[0][nested_indent:]))
                lines.extend(nested[1:])
            elif _is_block(item):
                lines.append("%s-" % pad)
                lines.extend(_lines(item, indent + 2, unsafe))
            else:
                lines.append("%s- %s" % (pad, _empty_or_scalar(item, unsafe)))
    return lines


def _empty_or_scalar(value, unsafe):
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value, unsafe)


def to_yaml(value, unsafe=True):
    """VALUE (dicts, lists, strings, numbers, booleans, None) as block-style YAML text, ending with a newline.

    Strings are plain only when no YAML reader (1.1 or 1.2) can take them for anything else; all others are
    double-quoted, so keys ("0", "*", "#"), numbers and extensions ("0028") stay strings, and characters a reader
    would fold (U+0085, U+2028) are escaped. Keys keep their order. With UNSAFE every string value is tagged
    !unsafe: the text came from the service, and whoever can edit an attendant must not be able to make the
    controller that applies the export run a template (a lookup, a command).
    """
    if not _is_block(value):
        return _empty_or_scalar(value, unsafe) + "\n"
    return "\n".join(_lines(value, 0, unsafe)) + "\n"


def _export_locations(client, items, export_location, known, warn):
    """Location id -> what the export gives as location: the name when exactly that location has it, else the id."""
    result = {}
    for item in items:
        location_id, location_name = item["locationId"], item.get("locationName")
        if location_id in result:
            continue
        result[location_id] = location_id
        if export_location != "name" or not location_name:
            continue
        if known.get(location_name) == location_id:
            result[location_id] = location_name
            continue
        try:
            resolved = resolve_location(client, location_name)[0]
        except LocationNotFound as error:
            resolved = None
            warn("the export gives location %r by its id: %s" % (location_name, error))
        if resolved == location_id:
            result[location_id] = location_name
    return result


def read_attendants(client, location=None, name=None, export_location="name", warn=None, forwarding_export=None):
    """The auto attendants (of the org, or of LOCATION, optionally only NAME) as (details for info, export options).

    One list walk, then one details GET per attendant; locations are named in the export only when unambiguous.
    FORWARDING_EXPORT, when a list: each attendant's call forwarding is read too (one GET, and one per selective
    rule), added to its info as forwarding, and its webex_auto_attendant_forwarding options appended to the list
    (attendants whose forwarding nobody configured are left out).
    A transfer to one of the attendants read is exported as a reference by name (see references.reference_for).
    """
    warn = warn or (lambda message: None)
    service = AutoAttendantService(client)
    location_id, known = None, {}
    if location:
        location_id, location_name = resolve_location(client, location)
        if location_name:  # resolved by exact, unambiguous name
            known[location_name] = location_id
    items = list_auto_attendants(client, location_id=location_id, name=name)
    locations = _export_locations(client, items, export_location, known, warn)
    attendants, export = [], []
    for item in items:
        details = service.details(item["locationId"], item["id"])
        attendants.append(info_from_details(details, item))
        dropped = []
        options = options_from_details(details, locations[item["locationId"]], dropped)
        # A transfer to another attendant read here becomes a reference by name, when it resolves back to that number.
        options = references.references_from_numbers(options, item, items, locations.get)
        where = "auto attendant %r in %s" % (item["name"], item.get("locationName") or item["locationId"])
        if dropped:
            warn("%s: not exported, webex_auto_attendant has no option for: %s" % (where, ", ".join(dropped)))
        for message in operator_value_warnings(details, where) + legacy_key_warnings(details, where):
            warn(message)
        problems = check_options(options)
        if problems:
            warn("%s: webex_auto_attendant would refuse the export: %s" % (where, "; ".join(problems)))
        export.append(options)
        if forwarding_export is not None:
            _read_forwarding(client, item, locations[item["locationId"]], attendants[-1], forwarding_export, warn)
    return attendants, export


def _read_forwarding(client, item, location, info, exported, warn):
    settings, rules = ForwardingService(client, forwarding_options.AUTO_ATTENDANTS).read(item["locationId"], item["id"])
    info["forwarding"] = info_from_forwarding(settings, rules)
    options = options_from_forwarding(settings, rules, location, item["name"])
    if options is None:
        return
    problems = forwarding_options.check_options(options)
    if problems:
        warn(
            "call forwarding of auto attendant %r: webex_auto_attendant_forwarding would refuse the export: %s"
            % (item["name"], "; ".join(problems))
        )
    exported.append(options)


# -- the info module -------------------------------------------------------------------------------------------------


def info_argument_spec():
    """The options of webex_auto_attendant_info (the connection options come from webex_argument_spec())."""
    return dict(
        location=dict(type="str"),
        name=dict(type="str"),
        export_location=dict(type="str", default="name", choices=["name", "id"]),
        forwarding=dict(type="bool", default=True),
    )


def run_info(module, client):
    """webex_auto_attendant_info's work (run_module calls it): read, and export as options and as YAML text."""
    params = module.params
    forwarding = [] if params["forwarding"] else None
    attendants, export = read_attendants(
        client, params["location"], params["name"], params["export_location"], module.warn, forwarding_export=forwarding
    )
    result = dict(changed=False, auto_attendants=attendants, export=export, export_yaml=to_yaml(export))
    if forwarding is not None:
        result.update(export_forwarding=forwarding, export_forwarding_yaml=to_yaml(forwarding))
    return result
