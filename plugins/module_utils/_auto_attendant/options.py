# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Auto attendant options: the module's argument_spec and what it cannot express (validate_options), before any
request. The menu shape and its vocabulary are menus.py's; number rules are numbers.py's."""

from __future__ import annotations

import re

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers, resource
from ansible_collections.wxc.calling.plugins.module_utils._announcement.options import (
    NAME_MAX_LENGTH as ANNOUNCEMENT_NAME_MAX_LENGTH,
)
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils.menus import MENUS
from ansible_collections.wxc.calling.plugins.module_utils.resource import name_problem, text_problem

# The levels of the announcement repository, where a file given by its announcement name is looked up.
REPOSITORY_LEVELS = ("ORGANIZATION", "LOCATION")

RING_PATTERNS = ("NORMAL", "LONG_LONG", "SHORT_SHORT_LONG", "SHORT_LONG_SHORT")

DIALING_SCOPES = ("ENTERPRISE", "GROUP")

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

DIAL_BY_NAME_FORBIDDEN = re.compile(r"[%+\\\"]|[^\x00-\x7f]")


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
            level=dict(type="str", choices=list(menus.AUDIO_LEVELS)),
        ),
    )


def _menu_spec():
    return dict(
        type="dict",
        options=dict(
            greeting=dict(type="str", required=True, choices=list(menus.GREETINGS)),
            extension_enabled=dict(type="bool", required=True),
            audio_announcement_file=_audio_file_spec(),
            key_configurations=dict(
                type="list",
                elements="dict",
                required=True,
                no_log=False,
                options=dict(
                    key=dict(type="str", required=True, choices=list(menus.MENU_KEYS)),
                    action=dict(type="str", required=True, choices=list(menus.KEY_ACTIONS)),
                    description=_text_option(),
                    value=_text_option(),
                    auto_attendant=dict(type="raw"),
                    audio_announcement_file=_audio_file_spec(),
                ),
            ),
            call_treatment=dict(
                type="dict",
                options=dict(
                    retry_attempt_for_no_input=dict(type="str", choices=list(menus.NO_INPUT_RETRIES)),
                    no_input_timer=dict(type="int"),
                    action_to_be_performed=dict(
                        type="dict",
                        options=dict(
                            action=dict(type="str", required=True, choices=list(menus.NO_INPUT_ACTIONS)),
                            greeting=dict(type="str", choices=list(menus.GREETINGS)),
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


def is_cleared_audio(audio):
    """Whether AUDIO (an audio_announcement_file option) is {}: the menu is to have no audio file."""
    return isinstance(audio, dict) and all(value is None for value in audio.values())


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
    problem = name_problem(audio["name"], ANNOUNCEMENT_NAME_MAX_LENGTH)
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
        if action in menus.ACTIONS_NEEDING_VALUE:
            if not value:
                errors.append("%s: action %s needs a value (the number or extension to transfer to)" % (where, action))
            elif not numbers.is_destination(value):
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
    audio = menu.get("audio_announcement_file")
    if is_cleared_audio(audio):
        if menu.get("greeting") == "CUSTOM":
            errors.append(
                "%s.audio_announcement_file: {} (no file) needs greeting DEFAULT: a CUSTOM greeting plays the menu's "
                "audio file" % option
            )
    else:
        _validate_audio_file(option + ".audio_announcement_file", audio, errors)
    treatment = menu.get("call_treatment") or {}
    timer = treatment.get("no_input_timer")
    if timer is not None and not 1 <= timer <= 60:
        errors.append("%s.call_treatment.no_input_timer: %s is out of range (1 to 60 seconds)" % (option, timer))
    todo = treatment.get("action_to_be_performed") or {}
    if todo.get("action") in menus.ACTIONS_NEEDING_VALUE and not todo.get("transfer_call_to"):
        errors.append(
            "%s.call_treatment.action_to_be_performed: action %s needs transfer_call_to" % (option, todo["action"])
        )
    _validate_audio_file(
        option + ".call_treatment.action_to_be_performed.audio_announcement_file",
        todo.get("audio_announcement_file"),
        errors,
    )


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
        for place in menus.places({menu_option: params.get(menu_option)}, kinds=("key",)):
            for field in ("value", "description"):
                yield "%s.%s" % (place.path, field), place.holder.get(field)
        for place in menus.places({menu_option: params.get(menu_option)}, kinds=("no_input",)):
            yield "%s.transfer_call_to" % place.path, place.holder.get("transfer_call_to")
        for place in menus.places({menu_option: params.get(menu_option)}):
            audio = place.holder.get("audio_announcement_file")
            if isinstance(audio, dict):
                yield "%s.audio_announcement_file.name" % place.path, audio.get("name")


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
    if phone_number is not None and not numbers.is_e164(phone_number):
        errors.append("phone_number: %r is not an E.164 number (like +15551234567)" % phone_number)
    extension = params.get("extension")
    if extension is not None and not numbers.is_extension(extension):
        errors.append("extension: %r must be 2 to 10 digits" % extension)
    seen_numbers = set()
    for entry in params.get("alternate_numbers") or []:
        number = entry["phone_number"]
        if not numbers.is_e164(number):
            errors.append("alternate_numbers: %r is not an E.164 number (like +15551234567)" % number)
        if number in seen_numbers:
            errors.append("alternate_numbers: %s is listed more than once" % number)
        seen_numbers.add(number)
    business_schedule = params.get("business_schedule")
    if business_schedule is not None and not business_schedule.strip():
        # An attendant always has a business hours schedule: it cannot be cleared.
        errors.append("business_schedule: is empty; give the name of a business hours schedule of the location")
    holiday_schedule = params.get("holiday_schedule")
    if holiday_schedule and not holiday_schedule.strip():
        # "" clears the holiday schedule; blanks would name no schedule.
        errors.append('holiday_schedule: is blank; give the name of a holiday schedule, or "" for none')
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

    The one rulebook: the role's filter, the bulk module and the export run it on every item they build.
    """
    return resource.check_options(argument_spec(), validate_options, options)


def missing_for_create(params):
    """Options the service requires to create an auto attendant that PARAMS leaves out."""
    missing = [option for option in ("business_schedule",) + MENUS if params.get(option) is None]
    if params.get("phone_number") is None and params.get("extension") is None:
        missing.append("phone_number or extension")
    return missing
