# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The auto attendant resource: options, validation, option <-> API mapping, normalisation, comparison and plan.

Everything above the AutoAttendantService class is pure (no HTTP) and unit-tested on its own.
The data path: options -> validate_options() -> desired_from_options() -> (lookup, details) -> plan() -> execute
-> read back. The HTTP patterns (exact lookup, create once, delete, read-back) are the shared ones of resource.py.
"""

from __future__ import annotations

import copy
import re
import threading

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict, snake_dict_to_camel_dict

from ansible_collections.wxc.calling.plugins.module_utils import announcements, references
from ansible_collections.wxc.calling.plugins.module_utils.phone_numbers import normalise as normalise_number
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

MENU_KEYS = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#")
KEY_ACTIONS = (
    "PLAY_ANNOUNCEMENT",
    "TRANSFER_WITH_PROMPT",
    "TRANSFER_WITHOUT_PROMPT",
    "TRANSFER_TO_OPERATOR",
    "TRANSFER_TO_MAILBOX",
    "NAME_DIALING",
    "EXTENSION_DIALING",
    "REPEAT_MENU",
    "EXIT",
    # Legacy: read back from attendants made elsewhere (wxc_sdk knows it); accepted so an export re-applies.
    "RETURN_TO_PREVIOUS_MENU",
)
# Audio file levels; ENTITY is a file one attendant owns (made in Control Hub, listed by the attendant's announcements).
AUDIO_LEVELS = ("ORGANIZATION", "LOCATION", "ENTITY")
# The levels of the announcement repository, where a file given by its announcement name is looked up.
REPOSITORY_LEVELS = ("ORGANIZATION", "LOCATION")
# The fields of a key the module manages; any other field the service shows is kept when a menu is sent whole.
KEY_FIELDS = ("key", "action", "value", "description", "audioAnnouncementFile")
# Actions that send the caller somewhere and so need a destination in value.
ACTIONS_NEEDING_VALUE = ("TRANSFER_WITH_PROMPT", "TRANSFER_WITHOUT_PROMPT", "TRANSFER_TO_MAILBOX")
RING_PATTERNS = ("NORMAL", "LONG_LONG", "SHORT_SHORT_LONG", "SHORT_LONG_SHORT")
DIALING_SCOPES = ("ENTERPRISE", "GROUP")
NO_INPUT_RETRIES = ("NO_REPEAT", "ONE_TIME", "TWO_TIMES", "THREE_TIMES")
NO_INPUT_ACTIONS = (
    "PLAY_MESSAGE_AND_DISCONNECT",
    "TRANSFER_WITHOUT_PROMPT",
    "TRANSFER_WITH_PROMPT",
    "TRANSFER_TO_OPERATOR",
    "TRANSFER_TO_MAILBOX",
    "DISCONNECT",
)

# Writable top-level fields, in the order of the Create an Auto Attendant body; diffs and returns follow it.
FIELDS = (
    "name",
    "phone_number",
    "extension",
    "first_name",
    "last_name",
    "alternate_numbers",
    "language_code",
    "business_schedule",
    "holiday_schedule",
    "extension_dialing",
    "name_dialing",
    "time_zone",
    "dial_by_name",
    "direct_line_caller_id_name",
    "business_hours_menu",
    "after_hours_menu",
)
MENU_FIELDS = ("greeting", "extension_enabled", "audio_announcement_file", "key_configurations", "call_treatment")
MENUS = ("business_hours_menu", "after_hours_menu")
# Set by the service, never sent: dropped before comparing and from every request body.
READ_ONLY_FIELDS = ("id", "enabled", "language", "esn", "routingPrefix", "tollFreeNumber", "locationId", "locationName")
READ_ONLY_AUDIO_FIELDS = ("fileSize", "isTextToSpeech")

E164 = re.compile(r"^\+[1-9][0-9]{1,14}\Z")
EXTENSION = re.compile(r"^[0-9]{2,10}\Z")
# A transfer destination: an E.164 number, or an extension or ESN (routing prefix + extension).
DESTINATION = re.compile(r"^(\+[1-9][0-9]{1,14}|[0-9]{2,17})\Z")
DIAL_BY_NAME_FORBIDDEN = re.compile(r"[%+\\\"]|[^\x00-\x7f]")


# -- options ---------------------------------------------------------------------------------------------------------


def _text_option(**kwargs):
    """An option that holds text the service keeps as text (digits included): `type: raw`, checked by text_problem().

    `type: str` would convert before the module sees the value, and YAML has already read an unquoted 0100 as 64 and
    an unquoted no as False: the attendant would get extension "64", or be called "False".
    """
    return dict(type="raw", **kwargs)


def _audio_file_spec():
    return dict(
        type="dict",
        options=dict(
            id=dict(type="str"),
            name=_text_option(),
            file_name=dict(type="str"),
            media_file_type=dict(type="str", choices=["WAV", "WMA", "3GP"]),
            level=dict(type="str", choices=list(AUDIO_LEVELS)),
        ),
    )


def _menu_spec():
    return dict(
        type="dict",
        options=dict(
            greeting=dict(type="str", required=True, choices=["DEFAULT", "CUSTOM"]),
            extension_enabled=dict(type="bool", required=True),
            audio_announcement_file=_audio_file_spec(),
            key_configurations=dict(
                type="list",
                elements="dict",
                required=True,
                no_log=False,
                options=dict(
                    key=dict(type="str", required=True, choices=list(MENU_KEYS)),
                    action=dict(type="str", required=True, choices=list(KEY_ACTIONS)),
                    description=_text_option(),
                    value=_text_option(),
                    auto_attendant=dict(type="raw"),
                    audio_announcement_file=_audio_file_spec(),
                ),
            ),
            call_treatment=dict(
                type="dict",
                options=dict(
                    retry_attempt_for_no_input=dict(type="str", choices=list(NO_INPUT_RETRIES)),
                    no_input_timer=dict(type="int"),
                    action_to_be_performed=dict(
                        type="dict",
                        options=dict(
                            action=dict(type="str", required=True, choices=list(NO_INPUT_ACTIONS)),
                            greeting=dict(type="str", choices=["DEFAULT", "CUSTOM"]),
                            audio_announcement_file=_audio_file_spec(),
                            transfer_call_to=_text_option(),
                            auto_attendant=dict(type="raw"),
                        ),
                    ),
                ),
            ),
        ),
    )


def argument_spec():
    """The resource options of webex_auto_attendant; no defaults for anything the service owns."""
    return dict(
        name=_text_option(required=True),
        location=_text_option(required=True),
        state=dict(type="str", default="present", choices=["present", "absent"]),
        phone_number=_text_option(),
        extension=_text_option(),
        first_name=_text_option(),
        last_name=_text_option(),
        alternate_numbers=dict(
            type="list",
            elements="dict",
            options=dict(
                phone_number=_text_option(required=True),
                ring_pattern=dict(type="str", required=True, choices=list(RING_PATTERNS)),
                toll_free_number=dict(type="bool"),
            ),
        ),
        language_code=dict(type="str"),
        business_schedule=_text_option(),
        holiday_schedule=_text_option(),
        extension_dialing=dict(type="str", choices=list(DIALING_SCOPES)),
        name_dialing=dict(type="str", choices=list(DIALING_SCOPES)),
        time_zone=dict(type="str"),
        dial_by_name=_text_option(),
        direct_line_caller_id_name=dict(
            type="dict",
            options=dict(
                selection=dict(type="str", required=True, choices=["CUSTOM_NAME", "DISPLAY_NAME"]),
                custom_name=_text_option(),
            ),
        ),
        business_hours_menu=_menu_spec(),
        after_hours_menu=_menu_spec(),
    )


# -- validation: what argument_spec cannot express --------------------------------------------------------------------


def _validate_audio_file(where, audio, errors):
    if audio is None:
        return
    if audio.get("name") is not None:
        _validate_audio_name(where, audio, errors)
    elif not audio.get("id") and not all(audio.get(k) for k in ("file_name", "media_file_type", "level")):
        errors.append(
            "%s: give the announcement id, or name and level, or all of file_name, media_file_type and level" % where
        )


def _validate_audio_name(where, audio, errors):
    """An audio file given by its announcement name: name and level only, the level one of the repository's."""
    mixed = [option for option in ("id", "file_name", "media_file_type") if audio.get(option)]
    if mixed:
        errors.append(
            "%s: name cannot be combined with %s; name the file one way: id, or name and level, or file_name, "
            "media_file_type and level" % (where, ", ".join(mixed))
        )
    problem = name_problem(audio["name"], announcements.NAME_MAX_LENGTH)
    if problem:
        errors.append("%s.name: %s" % (where, problem))
    level = audio.get("level")
    if not level:
        errors.append("%s.level: required with name (ORGANIZATION or LOCATION, the attendant's location)" % where)
    elif level not in REPOSITORY_LEVELS:
        errors.append(
            "%s.level: %s cannot be used with name; the announcement repository holds ORGANIZATION and LOCATION "
            "announcements (give an attendant's own file by id, or by file_name, media_file_type and level)"
            % (where, level)
        )


def _validate_menu(option, menu, errors):
    keys = menu.get("key_configurations") or []
    if not keys:
        errors.append("%s.key_configurations: a menu needs at least one key" % option)
    seen = set()
    for entry in keys:
        key, action, value = entry["key"], entry["action"], entry.get("value")
        where = "%s.key_configurations (key %s)" % (option, key)
        if key in seen:
            errors.append("%s: key %s is used more than once in the menu" % (where, key))
        seen.add(key)
        if action in ACTIONS_NEEDING_VALUE:
            if not value:
                errors.append("%s: action %s needs a value (the number or extension to transfer to)" % (where, action))
            elif not DESTINATION.fullmatch(value):
                errors.append(
                    "%s: value %r is neither an E.164 number (+15551234567) nor an extension (digits)" % (where, value)
                )
        elif value:
            hint = ""
            if action == "TRANSFER_TO_OPERATOR":
                hint = (
                    " (the service rejects it with error 4806; to send callers to a given operator, use "
                    "TRANSFER_WITHOUT_PROMPT with that number as value)"
                )
            errors.append("%s: action %s takes no value, got %r%s" % (where, action, value, hint))
        if action == "PLAY_ANNOUNCEMENT" and not entry.get("audio_announcement_file"):
            errors.append("%s: action PLAY_ANNOUNCEMENT needs an audio_announcement_file" % where)
        elif action != "PLAY_ANNOUNCEMENT" and entry.get("audio_announcement_file"):
            errors.append(
                "%s: audio_announcement_file is only used with action PLAY_ANNOUNCEMENT, not %s" % (where, action)
            )
        _validate_audio_file(where + ".audio_announcement_file", entry.get("audio_announcement_file"), errors)
    _validate_audio_file(option + ".audio_announcement_file", menu.get("audio_announcement_file"), errors)
    treatment = menu.get("call_treatment") or {}
    timer = treatment.get("no_input_timer")
    if timer is not None and not 1 <= timer <= 60:
        errors.append("%s.call_treatment.no_input_timer: %s is out of range (1 to 60 seconds)" % (option, timer))
    todo = treatment.get("action_to_be_performed") or {}
    if todo.get("action") in ACTIONS_NEEDING_VALUE and not todo.get("transfer_call_to"):
        errors.append(
            "%s.call_treatment.action_to_be_performed: action %s needs transfer_call_to" % (option, todo["action"])
        )
    _validate_audio_file(
        option + ".call_treatment.action_to_be_performed.audio_announcement_file",
        todo.get("audio_announcement_file"),
        errors,
    )


def _audio_holders(menu_option, menu):
    """(option path, holder) of every place an audio file may stand in MENU (options form): the menu itself, each key,
    the call treatment's action. The holder is the dict whose audio_announcement_file it is, so it can be replaced."""
    holders = [("%s.audio_announcement_file" % menu_option, menu)]
    for entry in menu.get("key_configurations") or []:
        if isinstance(entry, dict):
            holders.append(
                ("%s.key_configurations (key %s).audio_announcement_file" % (menu_option, entry.get("key")), entry)
            )
    todo = (menu.get("call_treatment") or {}).get("action_to_be_performed")
    if isinstance(todo, dict):
        holders.append(("%s.call_treatment.action_to_be_performed.audio_announcement_file" % menu_option, todo))
    return holders


TOP_LEVEL_TEXT_OPTIONS = (
    "name",
    "location",
    "phone_number",
    "extension",
    "first_name",
    "last_name",
    "business_schedule",
    "holiday_schedule",
    "dial_by_name",
)


def _text_values(params):
    """(option path, value) of every text option in PARAMS (the `type: raw` ones), at any depth."""
    for option in TOP_LEVEL_TEXT_OPTIONS:
        yield option, params.get(option)
    for index, entry in enumerate(params.get("alternate_numbers") or []):
        if isinstance(entry, dict):
            yield "alternate_numbers[%d].phone_number" % index, entry.get("phone_number")
    yield "direct_line_caller_id_name.custom_name", (params.get("direct_line_caller_id_name") or {}).get("custom_name")
    for menu_option in MENUS:
        menu = params.get(menu_option) or {}
        for entry in menu.get("key_configurations") or []:
            if isinstance(entry, dict):
                for field in ("value", "description"):
                    yield "%s.key_configurations (key %s).%s" % (menu_option, entry.get("key"), field), entry.get(field)
        todo = (menu.get("call_treatment") or {}).get("action_to_be_performed") or {}
        yield "%s.call_treatment.action_to_be_performed.transfer_call_to" % menu_option, todo.get("transfer_call_to")
        for where, holder in _audio_holders(menu_option, menu):
            audio = holder.get("audio_announcement_file")
            if isinstance(audio, dict):
                yield where + ".name", audio.get("name")


def validate_options(params):
    """Every problem with PARAMS that argument_spec cannot catch, as messages naming the option; [] when valid."""
    # Text first: the checks below read the values as text. A number or boolean here is what YAML made of an
    # unquoted value, and converting it back would send the wrong digits or name.
    errors = [problem for problem in (text_problem(option, value) for option, value in _text_values(params)) if problem]
    if errors:
        return errors
    problem = name_problem(params.get("name"))
    if problem:
        errors.append("name: %s" % problem)
    if not (params.get("location") or "").strip():
        errors.append("location: must not be empty")
    if params.get("state", "present") == "absent":
        return errors
    phone_number = params.get("phone_number")
    if phone_number is not None and not E164.fullmatch(phone_number):
        errors.append("phone_number: %r is not an E.164 number (like +15551234567)" % phone_number)
    extension = params.get("extension")
    if extension is not None and not EXTENSION.fullmatch(extension):
        errors.append("extension: %r must be 2 to 10 digits" % extension)
    seen_numbers = set()
    for entry in params.get("alternate_numbers") or []:
        number = entry["phone_number"]
        if not E164.fullmatch(number):
            errors.append("alternate_numbers: %r is not an E.164 number (like +15551234567)" % number)
        if number in seen_numbers:
            errors.append("alternate_numbers: %s is listed more than once" % number)
        seen_numbers.add(number)
    for option in ("business_schedule", "holiday_schedule"):
        if params.get(option) is not None and not params[option].strip():
            # No schedule is called "": the service would keep what it has and every run would send it again.
            errors.append("%s: is empty; give the name of a schedule of the location, or leave the option out" % option)
    dial_by_name = params.get("dial_by_name")
    if dial_by_name and DIAL_BY_NAME_FORBIDDEN.search(dial_by_name):
        errors.append('dial_by_name: must not contain %, +, \\, " or non-ASCII characters')
    caller_id = params.get("direct_line_caller_id_name")
    if caller_id and caller_id["selection"] == "CUSTOM_NAME" and not caller_id.get("custom_name"):
        errors.append("direct_line_caller_id_name: selection CUSTOM_NAME needs custom_name")
    # A reference by name stands for the number it resolves to (before any write): check the rest with a stand-in.
    reference_errors = references.validate(params)
    errors.extend(reference_errors)
    menus_checked = references.with_placeholders(params) if not reference_errors else params
    for option in MENUS:
        if menus_checked.get(option) is not None:
            _validate_menu(option, menus_checked[option], errors)
    return errors


def check_options(options):
    """Why webex_auto_attendant would refuse OPTIONS (its argument_spec, then validate_options); [] when it accepts them.

    The one rulebook: the role's filter and the export run it on every item they build.
    """
    result = ArgumentSpecValidator(argument_spec()).validate(copy.deepcopy(options))
    problems = list(result.error_messages)
    if not problems:
        problems = validate_options(result.validated_parameters)
    return problems


def missing_for_create(params):
    """Options the service requires to create an auto attendant that PARAMS leaves out."""
    missing = [option for option in ("business_schedule",) + MENUS if params.get(option) is None]
    if params.get("phone_number") is None and params.get("extension") is None:
        missing.append("phone_number or extension")
    return missing


# -- mapping between options (snake_case) and the API (camelCase) ---------------------------------------------------


def desired_from_options(params):
    """The API body fields the user set (camelCase); options left out are absent, so they are left alone.

    An alternate number's toll_free_number is the service's to derive from the number: never sent nor compared, so a
    value the service derives differently cannot make every run report a change.
    """
    desired = {field: without_none(params[field]) for field in FIELDS if params.get(field) is not None}
    if desired.get("alternate_numbers"):
        desired["alternate_numbers"] = [
            {key: value for key, value in entry.items() if key != "toll_free_number"}
            for entry in desired["alternate_numbers"]
        ]
    return snake_dict_to_camel_dict(desired)


def _key_order(entry):
    key = entry.get("key") if isinstance(entry, dict) else None  # anything else is kept, last, as it came
    return MENU_KEYS.index(key) if key in MENU_KEYS else len(MENU_KEYS)


def writable(details):
    """DETAILS (as the API returns them) without read-only fields, key configurations in key order.

    Numbers are normalised to E.164 (the service reads some back as +1-NXXNXXXXXX), and a TRANSFER_TO_OPERATOR key
    loses the value the service may show (Control Hub can store one; the API refuses it in a write, error 4806).
    """
    result = with_e164_numbers({k: v for k, v in details.items() if k not in READ_ONLY_FIELDS and v is not None})
    for menu_name in ("businessHoursMenu", "afterHoursMenu"):
        menu = result.get(menu_name)
        if not isinstance(menu, dict):
            continue
        _strip_audio(menu)
        if isinstance(menu.get("keyConfigurations"), list):
            menu["keyConfigurations"] = sorted(menu["keyConfigurations"], key=_key_order)
            for entry in menu["keyConfigurations"]:
                if not isinstance(entry, dict):
                    continue
                _strip_audio(entry)
                if entry.get("action") == "TRANSFER_TO_OPERATOR":
                    entry.pop("value", None)
        todo = (menu.get("callTreatment") or {}).get("actionToBePerformed")
        if isinstance(todo, dict):
            _strip_audio(todo)
    return result


def with_e164_numbers(details):
    """A deep copy of DETAILS with every number in E.164: phoneNumber, alternate numbers, key values, transferCallTo."""
    result = copy.deepcopy(details)
    if "phoneNumber" in result:
        result["phoneNumber"] = normalise_number(result["phoneNumber"])
    for alternate in result.get("alternateNumbers") or []:
        if isinstance(alternate, dict) and "phoneNumber" in alternate:
            alternate["phoneNumber"] = normalise_number(alternate["phoneNumber"])
    for menu_name in ("businessHoursMenu", "afterHoursMenu"):
        menu = result.get(menu_name)
        if not isinstance(menu, dict):
            continue
        for entry in menu.get("keyConfigurations") or []:
            if isinstance(entry, dict) and "value" in entry:
                entry["value"] = normalise_number(entry["value"])
        todo = (menu.get("callTreatment") or {}).get("actionToBePerformed")
        if isinstance(todo, dict) and "transferCallTo" in todo:
            todo["transferCallTo"] = normalise_number(todo["transferCallTo"])
    return result


def operator_values(details):
    """The keys (menu option, key) of DETAILS whose TRANSFER_TO_OPERATOR carries a value (left out by writable())."""
    found = []
    for menu_name, option in (("businessHoursMenu", "business_hours_menu"), ("afterHoursMenu", "after_hours_menu")):
        menu = (details or {}).get(menu_name)
        for entry in (menu.get("keyConfigurations") if isinstance(menu, dict) else None) or []:
            if isinstance(entry, dict) and entry.get("action") == "TRANSFER_TO_OPERATOR" and entry.get("value"):
                found.append((option, entry.get("key"), entry["value"]))
    return found


def operator_value_warnings(details, where):
    """Warnings for operator keys that carry a value, naming WHERE (the attendant) and the key."""
    return [
        "%s: %s key %s is TRANSFER_TO_OPERATOR with value %r as stored by the service; the value is left out "
        "(the API refuses one, error 4806)" % (where, option, key, value)
        for option, key, value in operator_values(details)
    ]


def _strip_audio(holder):
    audio = holder.get("audioAnnouncementFile")
    if isinstance(audio, dict):
        holder["audioAnnouncementFile"] = {k: v for k, v in audio.items() if k not in READ_ONLY_AUDIO_FIELDS}


def to_snake(api_object):
    """An API object in the snake_case form of the options, top-level fields in the order of FIELDS."""
    snake = camel_dict_to_snake_dict(api_object or {})
    ordered = {field: snake.pop(field) for field in ("id",) + FIELDS if field in snake}
    ordered.update(sorted(snake.items()))
    return ordered


# -- comparison --------------------------------------------------------------------------------------------------


def _audio_identity(want, have):
    """Compare audio files by id, or by file name and level (and type) when the wanted file has no id."""
    if not want or not have:
        return bool(want) == bool(have)
    if want.get("id"):
        return want["id"] == have.get("id")
    return all(want.get(k) == have.get(k) for k in ("fileName", "level", "mediaFileType") if want.get(k))


def _text(value):
    return value if value not in ("", None) else None


def _key_entry_equal(wanted, actual):
    return (
        wanted.get("action") == actual.get("action")
        and _text(wanted.get("value")) == _text(actual.get("value"))
        and _text(wanted.get("description")) == _text(actual.get("description"))
        and _audio_identity(wanted.get("audioAnnouncementFile"), actual.get("audioAnnouncementFile"))
    )


def differing_keys(want, have):
    """The menu keys whose configuration differs, in key order: keys as a set, each entry compared whole."""
    want_by_key = {entry["key"]: entry for entry in want}
    have_by_key = {entry.get("key"): entry for entry in have or [] if isinstance(entry, dict)}
    keys = [
        key
        for key in set(want_by_key) | set(have_by_key)
        if key not in want_by_key or key not in have_by_key or not _key_entry_equal(want_by_key[key], have_by_key[key])
    ]
    return sorted(keys, key=lambda key: _key_order({"key": key}))


def _keys_equal(want, have):
    return not differing_keys(want, have)


def _subset_equal(want, have):
    """Every value set in WANT equals the one in HAVE (audio files by identity, timers as numbers)."""
    if isinstance(want, dict):
        if not isinstance(have, dict):
            return False
        for key, value in want.items():
            if key == "audioAnnouncementFile":
                if not _audio_identity(value, have.get(key)):
                    return False
            elif key == "noInputTimer":
                try:
                    if int(value) != int(have.get(key)):
                        return False
                except (TypeError, ValueError):
                    return False
            elif not _subset_equal(value, have.get(key)):
                return False
        return True
    return want == have


def _menu_equal(want, have):
    if not isinstance(have, dict):
        return False
    for key, value in want.items():
        if key == "keyConfigurations":
            if not _keys_equal(value, have.get(key)):
                return False
        elif not _subset_equal({key: value}, {key: have.get(key)}):
            return False
    return True


def _alternate_numbers_equal(want, have):
    """Alternate numbers as a set keyed by number (toll_free_number is never wanted: see desired_from_options)."""
    want_by_number = {entry["phoneNumber"]: entry for entry in want}
    have_by_number = {entry.get("phoneNumber"): entry for entry in have or []}
    if set(want_by_number) != set(have_by_number):
        return False
    return all(_subset_equal(entry, have_by_number[number]) for number, entry in want_by_number.items())


def field_equal(field, want, have):
    """Whether the wanted value of top-level API field FIELD is already what the service has."""
    if field in ("businessHoursMenu", "afterHoursMenu"):
        return _menu_equal(want, have)
    if field == "alternateNumbers":
        return _alternate_numbers_equal(want, have)
    if field == "directLineCallerIdName":
        if not isinstance(have, dict) or want.get("selection") != have.get("selection"):
            return False
        return want.get("selection") != "CUSTOM_NAME" or _text(want.get("customName")) == _text(have.get("customName"))
    return _subset_equal(want, have)


def _option_name(api_field):
    return next(iter(camel_dict_to_snake_dict({api_field: None})))


def differences(desired, current):
    """The options (snake_case paths) whose wanted value CURRENT (writable details) does not have; [] when none.

    The same comparison as changes(), told field by field: what the plan would change, or what a write did not apply.
    """
    paths = []
    for field, want in desired.items():
        have = current.get(field)
        if field_equal(field, want, have):
            continue
        option = _option_name(field)
        if field not in ("businessHoursMenu", "afterHoursMenu") or not isinstance(have, dict):
            paths.append(option)
            continue
        for part, value in want.items():
            if part == "keyConfigurations":
                keys = differing_keys(value, have.get(part))
                if keys:
                    paths.append("%s.key_configurations (key %s)" % (option, ", ".join(keys)))
            elif not _subset_equal({part: value}, {part: have.get(part)}):
                paths.append("%s.%s" % (option, _option_name(part)))
    return paths


def _merged_menu(want, have):
    """The whole menu to send: what the service has, with the parts the user set replaced."""
    menu = copy.deepcopy(have) if isinstance(have, dict) else {}
    for key, value in want.items():
        if key == "audioAnnouncementFile" and _audio_identity(value, menu.get(key)):
            continue  # same file: keep the service's full description of it
        if key == "callTreatment" and isinstance(menu.get(key), dict):
            merged = copy.deepcopy(menu[key])
            merged.update(copy.deepcopy(value))
            menu[key] = merged
            continue
        menu[key] = copy.deepcopy(value)
    if isinstance(menu.get("keyConfigurations"), list):
        menu["keyConfigurations"] = _keep_service_fields(
            sorted(menu["keyConfigurations"], key=_key_order),
            have.get("keyConfigurations") if isinstance(have, dict) else None,
        )
    return menu


def _keep_service_fields(keys, have_keys):
    """KEYS with what the service knows of the same key kept: its audio file description when it is the same file,
    and the fields the module does not manage (a newer API version's), when the action is the same."""
    have_by_key = {entry.get("key"): entry for entry in have_keys or [] if isinstance(entry, dict)}
    for entry in keys:
        actual = have_by_key.get(entry.get("key"), {})
        wanted_audio = entry.get("audioAnnouncementFile")
        if wanted_audio and _audio_identity(wanted_audio, actual.get("audioAnnouncementFile")):
            entry["audioAnnouncementFile"] = copy.deepcopy(actual["audioAnnouncementFile"])
        if actual.get("action") == entry.get("action"):
            for field, value in actual.items():
                if field not in KEY_FIELDS and field not in entry:
                    entry[field] = copy.deepcopy(value)
    return keys


def changes(desired, current):
    """The top-level fields to PUT (camelCase) so that CURRENT (writable details) becomes DESIRED; {} when equal.

    A changed menu is sent whole, so that the parts the user did not set keep the service's values.
    """
    update = {}
    for field, want in desired.items():
        have = current.get(field)
        if field_equal(field, want, have):
            continue
        update[field] = _merged_menu(want, have) if field in ("businessHoursMenu", "afterHoursMenu") else want
    return update


# -- plan ------------------------------------------------------------------------------------------------------


def _plan(action, **kwargs):
    return Plan(action, to_snake=to_snake, **kwargs)


def _managed_view(api_object, fields):
    return {field: api_object[field] for field in fields if field in api_object}


def plan(state, desired, current):
    """Decide what to do. DESIRED: fields the user set (camelCase); CURRENT: writable details, or None when absent."""
    if state == "absent":
        if current is None:
            return _plan("nothing")
        return _plan("delete", before=current)
    if current is None:
        return _plan("create", body=copy.deepcopy(desired), after=copy.deepcopy(desired))
    body = changes(desired, current)
    managed = list(desired)
    before = _managed_view(current, managed)
    after = dict(before)
    after.update(body)
    for field in managed:
        if field not in body:
            after[field] = before.get(field)
    if not body:
        return _plan("nothing", before=before, after=before)
    return _plan("update", body=body, before=before, after=_managed_view(after, managed))


# -- the service (HTTP) --------------------------------------------------------------------------------------------


class AutoAttendantError(ResourceError):
    """A problem found while converging that is not an HTTP error (duplicate names, missing create options)."""


LIST_PATH = "/telephony/config/autoAttendants"
ANNOUNCEMENTS_PATH = "/telephony/config/announcements"
# Page size asked of the name-filtered list: names that merely contain the wanted one all come back in one page (the
# service may cap it lower; every next page is still followed), instead of one call per 100 of them.
LIST_PAGE_SIZE = 1000


def item_path(location_id, auto_attendant_id=None):
    """The path of the location's attendants, or of one of them."""
    if auto_attendant_id is None:
        return api_path("/telephony/config/locations/%s/autoAttendants", location_id)
    return api_path("/telephony/config/locations/%s/autoAttendants/%s", location_id, auto_attendant_id)


class AutoAttendantService:
    """The auto attendant endpoints, with identity = (location, exact name)."""

    def __init__(self, client):
        self.client = client

    def list(self, location_id=None, name=None, page_size=None):
        """The list items of the organisation or of LOCATION_ID (every page), called exactly NAME when given.

        The list's name filter matches any name that contains it, in any case: the exact match is made here.
        """
        params = without_none({"locationId": location_id, "name": name, "max": page_size})
        return find_exact(
            self.client,
            LIST_PATH,
            "autoAttendants",
            params,
            lambda item: (
                (name is None or item.get("name") == name)
                and (location_id is None or item.get("locationId", location_id) == location_id)
            ),
        )

    def find(self, location_id, name):
        """The list item of the auto attendant called exactly NAME in the location, or None."""
        matches = self.list(location_id, name, page_size=LIST_PAGE_SIZE)
        if len(matches) > 1:
            raise AutoAttendantError(
                "%d auto attendants are called %r in this location (ids: %s); remove the duplicates "
                "first" % (len(matches), name, ", ".join(item["id"] for item in matches))
            )
        return matches[0] if matches else None

    def details(self, location_id, auto_attendant_id):
        return self.client.get(item_path(location_id, auto_attendant_id))

    def create(self, location_id, body):
        """POST the new auto attendant and return its id (never twice: see resource.create_once)."""
        return create_once(self.client, item_path(location_id), body, lambda: self.find(location_id, body["name"]))

    def update(self, location_id, auto_attendant_id, body):
        self.client.put(item_path(location_id, auto_attendant_id), json=body)

    def delete(self, location_id, auto_attendant_id):
        delete(self.client, item_path(location_id, auto_attendant_id))

    def schedule_exists(self, location_id, schedule_type, name):
        """Whether the location has a schedule of that type called exactly NAME."""
        path = api_path("/telephony/config/locations/%s/schedules", location_id)
        return bool(
            find_exact(
                self.client,
                path,
                "schedules",
                {"type": schedule_type, "name": name},
                lambda item: item.get("name") == name and item.get("type") == schedule_type,
            )
        )

    def audio_file_exists(self, location_id, audio, auto_attendant_id=None):
        """Whether the audio file named by file name, type and level exists where the attendant can use it."""
        level = audio.get("level")
        if level == "ENTITY":
            if auto_attendant_id is None:
                return False
            files = (self.client.get(item_path(location_id, auto_attendant_id) + "/announcements") or {}).get(
                "announcements"
            ) or []
        else:
            params = {"fileName": audio["fileName"]}
            if level == "LOCATION":
                params["locationId"] = location_id
            files = find_exact(self.client, ANNOUNCEMENTS_PATH, "announcements", params, lambda item: True)
        return any(
            item.get("fileName") == audio["fileName"]
            and item.get("level", level) == level
            and (not audio.get("mediaFileType") or item.get("mediaFileType") == audio["mediaFileType"])
            for item in files
        )

    def number_available(self, location_id, number, alternate=False):
        """Whether NUMBER is one of the location's numbers free for an attendant (primary or alternate)."""
        suffix = "/alternate/availableNumbers" if alternate else "/availableNumbers"
        items = find_exact(
            self.client,
            item_path(location_id) + suffix,
            "phoneNumbers",
            {"phoneNumber": number},
            lambda item: normalise_number(item.get("phoneNumber")) == normalise_number(number),
        )
        return bool(items)

    def read_back(self, location_id, auto_attendant_id, desired):
        """The details after a write, raising WriteNotApplied when what DESIRED sets is not what the service stores."""
        return read_back(
            self.client,
            "auto attendant %r" % desired.get("name"),
            lambda: self.details(location_id, auto_attendant_id),
            lambda stored: differences(desired, writable(stored)),
        )


def resolve_references(
    service, location_id, params, check_mode=False, declared=(), warn=None, announcement_lookups=None
):
    """PARAMS with every reference by name resolved, before any compare or write; no request without one.

    Attendants named in keys and call treatments become numbers (see references.resolve): one list lookup
    (organisation-wide, exact name) per distinct target name. Audio files given by announcement name become the file
    the service stores (see resolve_announcement_names): one repository lookup per distinct (level, name), shared
    through ANNOUNCEMENT_LOOKUPS (an AnnouncementLookups) by the callers that resolve many attendants in one task.
    """
    if params.get("state", "present") != "present":
        return params
    params = references.resolve(
        params,
        params["location"],
        lambda name: service.list(name=name, page_size=LIST_PAGE_SIZE),
        check_mode=check_mode,
        declared=declared,
        warn=warn,
        own_location_id=location_id,
    )
    if not _audio_names(params):
        return params
    lookups = announcement_lookups or AnnouncementLookups()
    return resolve_announcement_names(
        lambda level, name: lookups.find(service.client, location_id if level == "LOCATION" else None, name),
        params,
        check_mode=check_mode,
        warn=warn,
    )


class AnnouncementLookups:
    """The announcement repository lookups of one task: one per distinct (organisation, location or none, name).

    The bulk module shares one between its items, which converge on several threads: the lock keeps it one lookup.
    """

    def __init__(self):
        self._found = {}
        self._lock = threading.Lock()

    def find(self, client, location_id, name):
        """The list item of the announcement called exactly NAME in LOCATION_ID's repository (None: the organisation's)."""
        key = (getattr(client, "org_id", None), location_id, name)
        with self._lock:
            if key not in self._found:
                self._found[key] = announcements.AnnouncementService(client).find(location_id, name)
            return self._found[key]


def _audio_names(params):
    """(option path, holder) of every audio file of PARAMS (options form) given by its announcement name."""
    found = []
    for menu_option in MENUS:
        menu = params.get(menu_option)
        if not isinstance(menu, dict):
            continue
        for where, holder in _audio_holders(menu_option, menu):
            audio = holder.get("audio_announcement_file")
            if isinstance(audio, dict) and audio.get("name") is not None:
                found.append((where, holder))
    return found


def resolve_announcement_names(lookup, params, check_mode=False, warn=None):
    """PARAMS with every audio file given by announcement name replaced by the file as the service stores it.

    LOOKUP(level, name) returns the repository's list item called exactly NAME at LEVEL (ORGANIZATION, or LOCATION:
    the attendant's location), or None; it is called once per distinct (level, name), and not at all without such a
    file. The file becomes id, file_name, media_file_type and level, so the comparison goes by id and a re-run writes
    nothing. A missing announcement raises UnresolvedReference naming every such option and name, before any write; in
    CHECK_MODE it is a WARN(message) instead (the same run may upload it first), and the file gets a stand-in id so
    that the plan reports the change.
    """
    result = copy.deepcopy(params)
    found, missing = {}, []
    for where, holder in _audio_names(result):
        audio = holder["audio_announcement_file"]
        wanted = (audio["level"], audio["name"])
        if wanted not in found:
            try:
                found[wanted] = lookup(*wanted)
            except ResourceError as error:  # two announcements with that name: the message lists their ids
                raise references.UnresolvedReference("%s: %s" % (where, error)) from None
        item = found[wanted]
        if item is None:
            problem = "%s: no %s announcement named %r" % (where, wanted[0].lower(), wanted[1])
            if not check_mode:
                missing.append(problem)
            elif warn:
                warn("%s; the real run fails unless it is created first" % problem)
            holder["audio_announcement_file"] = {"id": "<announcement %s>" % wanted[1], "level": wanted[0]}
            continue
        holder["audio_announcement_file"] = {
            "id": item["id"],
            "file_name": item.get("fileName"),
            "media_file_type": item.get("mediaFileType"),
            "level": item.get("level") or wanted[0],
        }
    if missing:
        raise references.UnresolvedReference("%s (nothing was written)" % "; ".join(missing))
    return result


def _recreate_after_deletion(service, location_id, params, update_plan):
    """The auto attendant was deleted between the lookup and the update: create it, if the options allow."""
    missing = missing_for_create(params)
    if missing:
        raise AutoAttendantError(
            "auto attendant %r was deleted by someone else while it was being updated; creating it "
            "again needs %s" % (params["name"], ", ".join(missing))
        )
    desired = desired_from_options(params)
    new_id = service.create(location_id, desired)
    created = service.read_back(location_id, new_id, desired)
    return _plan("create", body=desired, before=update_plan.before, after=desired), created


def _audio_files_named(menu_option, menu):
    """(option path, audio file) for every audio file of MENU (options form) given by file name, not by id."""
    files = [(where, holder.get("audio_announcement_file")) for where, holder in _audio_holders(menu_option, menu)]
    return [(where, audio) for where, audio in files if audio and not audio.get("id") and audio.get("file_name")]


def preflight(service, location_id, params, the_plan, current, auto_attendant_id=None):
    """The references a planned write relies on that do not exist, as messages naming the option and the value.

    Only what the write sends is checked: schedules, audio files given by file name, and numbers new to the attendant.
    """
    body = the_plan.body or {}
    problems = []
    for option, field, schedule_type in (
        ("business_schedule", "businessSchedule", "businessHours"),
        ("holiday_schedule", "holidaySchedule", "holidays"),
    ):
        if body.get(field) and not service.schedule_exists(location_id, schedule_type, body[field]):
            problems.append("%s: %r is not a %s schedule of this location" % (option, body[field], schedule_type))
    for option, field in (("business_hours_menu", "businessHoursMenu"), ("after_hours_menu", "afterHoursMenu")):
        if field not in body or not params.get(option):
            continue
        for where, audio in _audio_files_named(option, params[option]):
            wanted = {
                "fileName": audio["file_name"],
                "mediaFileType": audio.get("media_file_type"),
                "level": audio.get("level"),
            }
            if not service.audio_file_exists(location_id, wanted, auto_attendant_id):
                problems.append(
                    "%s: no %s audio file %r%s"
                    % (
                        where,
                        (audio.get("level") or "").lower(),
                        audio["file_name"],
                        " at the attendant's own level" if audio.get("level") == "ENTITY" else "",
                    )
                )
    current = current or {}
    if body.get("phoneNumber") and normalise_number(body["phoneNumber"]) != current.get("phoneNumber"):
        if not service.number_available(location_id, body["phoneNumber"]):
            problems.append("phone_number: %s is not a free number of this location" % body["phoneNumber"])
    have_alternates = {
        entry.get("phoneNumber") for entry in current.get("alternateNumbers") or [] if isinstance(entry, dict)
    }
    for entry in body.get("alternateNumbers") or []:
        number = entry.get("phoneNumber")
        if (
            number
            and normalise_number(number) not in have_alternates
            and not service.number_available(location_id, number, True)
        ):
            problems.append("alternate_numbers: %s is not a free number of this location" % number)
    return problems


def converge(service, location_id, params, check_mode=False, diff=False, warn=None):
    """Bring the auto attendant to the state PARAMS describe; return (plan, auto_attendant API object or None).

    Calls: the lookup, then details only when they are needed (to compare, or to show a deletion in diff mode), and
    after a write one read-back of what the service stores (a create reads its details anyway). Before a write, the
    pre-flight checks what it refers to (preflight()): a failure stops the run before any write; in check mode it is a
    WARN(message) instead, since the same run may create it first. WARN also receives the operator keys whose value
    is left out.
    """
    warn = warn or (lambda message: None)
    state = params["state"]
    if state == "present" and _audio_names(params):
        # Compared unresolved, a file would match any file of its level: a caller bug, not a user error.
        raise AutoAttendantError(
            "%s: the announcement name is not resolved (resolve_references() comes before converge())"
            % _audio_names(params)[0][0]
        )
    found = service.find(location_id, params["name"])
    current_details = None
    if found and (state == "present" or diff):
        try:
            current_details = service.details(location_id, found["id"])
        except WebexApiError as error:
            if error.status != 404:
                raise
            found = None  # deleted between the list and the details read: absent, as after a PUT answered 404
    if found and current_details is None:
        current_details = {"id": found["id"], "name": found["name"]}
    current = writable(current_details) if current_details is not None else None
    if state == "present" and current_details is not None:
        for message in operator_value_warnings(current_details, "auto attendant %r" % params["name"]):
            warn(message)
    desired = desired_from_options(params) if state == "present" else {}
    the_plan = plan(state, desired, current)

    if the_plan.action == "create":
        missing = missing_for_create(params)
        if missing:
            raise AutoAttendantError(
                "auto attendant %r does not exist in this location, and creating it needs %s"
                % (params["name"], ", ".join(missing))
            )
    if the_plan.action in ("create", "update"):
        problems = preflight(service, location_id, params, the_plan, current, found["id"] if found else None)
        if problems and check_mode:
            for problem in problems:
                warn("%s (the real run fails unless it is created first)" % problem)
        elif problems:
            raise AutoAttendantError(
                "auto attendant %r: nothing was written, %s" % (params["name"], "; ".join(problems))
            )
    result = None
    if the_plan.action == "nothing":
        result = current_details
    elif the_plan.action == "update":
        result = dict(current_details)
        result.update(the_plan.body)
        if not check_mode:
            try:
                service.update(location_id, found["id"], the_plan.body)
            except WebexApiError as error:
                if error.status != 404:
                    raise
                the_plan, result = _recreate_after_deletion(service, location_id, params, the_plan)
            else:
                result = service.read_back(location_id, found["id"], desired)
    elif the_plan.action == "create":
        result = dict(the_plan.body, id=None)
        if not check_mode:
            new_id = service.create(location_id, the_plan.body)
            result = service.read_back(location_id, new_id, desired)
    elif the_plan.action == "delete" and not check_mode:
        service.delete(location_id, found["id"])
    if result is not None:
        result = dict(with_e164_numbers(result), locationId=location_id)
        result.pop("locationName", None)
    return the_plan, result
