# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The role's standard-menu vocabulary, and the builder that turns short descriptions into webex_auto_attendant
options; shared by the filters auto_attendant_module_args, auto_attendant_greeting_files and auto_attendant_flowchart.

The vocabulary is the role's only; every item built goes through the module's own rulebook (check_options:
argument_spec + validate_options), so a bad value fails here, before the first API call, for exactly the reasons the
module would refuse it.
"""

from __future__ import annotations

import copy
import os

from ansible.errors import AnsibleFilterError
from ansible.utils.vars import merge_hash

from ansible_collections.wxc.calling.plugins.module_utils import numbers
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.options import FIELDS, check_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as forwarding_options
from ansible_collections.wxc.calling.plugins.module_utils.audio_files import stored_file_name
from ansible_collections.wxc.calling.plugins.module_utils.menus import KEY_ACTIONS as ACTIONS
from ansible_collections.wxc.calling.plugins.module_utils.menus import MENU_KEYS as VALID_KEYS
from ansible_collections.wxc.calling.plugins.module_utils.menus import MENUS
from ansible_collections.wxc.calling.plugins.module_utils.resource import text_problem
from ansible_collections.wxc.calling.plugins.plugin_utils.plain_data import plain

DEPARTMENT_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9")
KEY_ORDER = dict((key, index) for index, key in enumerate(VALID_KEYS))
MEDIA_TYPES = {"wav": "WAV", "wma": "WMA", "3gp": "3GP"}
AUDIO_FIELDS = ("id", "name", "file_name", "media_file_type", "level")

# Attendant fields passed to the module unchanged (when set): the module's own fields but the name and the menus,
# which the role builds, so a field added to the module reaches it through the role with no change here.
PASSTHROUGH_FIELDS = ("org_id",) + tuple(field for field in FIELDS if field not in ("name",) + MENUS)
# business_hours_menu / after_hours_menu: a menu in the module's own form (the raw form), as an export writes it.
RAW_MENU_FIELDS = MENUS
ITEM_FIELDS = ("name", "location", "state", "business_hours", "after_hours") + PASSTHROUGH_FIELDS + RAW_MENU_FIELDS
# forwarding: options of webex_auto_attendant_forwarding (not of webex_auto_attendant), for the role's forwarding task.
FORWARDING_FIELD = "forwarding"
FORWARDING_OPTIONS = ("always", "selective", "rules", "purge_rules")
ITEM_FIELDS += (FORWARDING_FIELD,)

MENU_FIELDS = (
    "greeting",
    "greeting_file",
    "operator",
    "departments",
    "dial_by_name",
    "dial_by_name_key",
    "dial_by_extension",
    "dial_by_extension_key",
    "voicemail",
    "voicemail_key",
    "repeat_key",
    "exit_key",
    "keys",
    "call_treatment",
)
AFTER_HOURS_FIELDS = MENU_FIELDS + ("shape",)
DEPARTMENT_FIELDS = ("name", "destination", "auto_attendant", "key", "prompt")
KEY_FIELDS = ("key", "action", "description", "value", "auto_attendant", "audio_announcement_file")

# What a menu description means when it does not say otherwise (documented in the role README).
MENU_DEFAULTS = {
    "greeting": "default",
    "greeting_file": None,
    "operator": None,
    "departments": [],
    "dial_by_name": True,
    "dial_by_name_key": "#",
    "dial_by_extension": True,
    "dial_by_extension_key": None,
    "voicemail": None,
    "voicemail_key": None,
    "repeat_key": "*",
    "exit_key": None,
    "keys": [],
    "call_treatment": None,
}

_CLOSED = {
    "operator": None,
    "departments": [],
    "dial_by_name": False,
    "dial_by_extension": False,
    "dial_by_extension_key": None,
    "voicemail": None,
    "exit_key": "#",
}
SHAPES = {
    "custom": {},
    "closed": _CLOSED,
    "voicemail": _CLOSED,
    "operator": _CLOSED,
    "business_hours": {},
}
DEFAULT_AFTER_HOURS_SHAPE = "closed"

DESCRIPTIONS = {
    "operator": "Operator",
    "voicemail": "Voicemail",
    "dial_by_name": "Dial by name",
    "dial_by_extension": "Dial by extension",
    "repeat": "Repeat menu",
    "exit": "Exit",
}


class Context:
    """Where we are, for error messages: the attendant and the variable path inside auto_attendant_list."""

    def __init__(self, index, name):
        self.index = index
        self.name = name

    def where(self):
        where = "auto_attendant_list[%d]" % self.index
        if self.name:
            where += " (%s)" % self.name
        return where

    def fail(self, path, message):
        raise AnsibleFilterError("%s: %s: %s" % (self.where(), path, message))

    def fail_with(self, problems):
        """The module's own messages (each names the module option) for the item built from this attendant."""
        raise AnsibleFilterError("%s: %s" % (self.where(), "; ".join(problems)))


def _text(value):
    """Scalars as text: YAML turns 1000 into an int, the API wants "1000"."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return value


def _as_text(ctx, path, value):
    """VALUE unchanged when it is text (or None); a number or boolean (an unquoted YAML value) fails, saying to quote it.

    Converting it would keep what YAML made of it: 0100 became 64, no became False.
    """
    problem = text_problem(path, value)
    if problem:
        raise AnsibleFilterError("%s: %s" % (ctx.where(), problem))
    return value


def _choice(ctx, path, value):
    """A choice (state, shape) as text, compared without case or surrounding spaces; a YAML boolean or a list fails."""
    return _as_text(ctx, path, _text(value)).strip().lower()


def is_blank(value):
    return value is None or value is False or (isinstance(value, str) and not value.strip())


def _check_fields(ctx, path, value, allowed):
    if not isinstance(value, dict):
        ctx.fail(path, "must be a dictionary, got %s" % type(value).__name__)
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        ctx.fail(path, "unknown field(s) %s; known fields are %s" % (", ".join(unknown), ", ".join(sorted(allowed))))


def _key(ctx, path, value):
    """A menu key as the API spells it, or an error naming the variable."""
    if isinstance(value, bool):
        ctx.fail(path, "is %r, expected one of %s" % (value, " ".join(VALID_KEYS)))
    key = _text(value)
    if not isinstance(key, str) or key.strip() not in VALID_KEYS:
        ctx.fail(path, "is %r, expected one of %s" % (value, " ".join(VALID_KEYS)))
    return key.strip()


def _optional_key(ctx, path, value):
    if is_blank(value):
        return None
    return _key(ctx, path, value)


def _bool(ctx, path, value):
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("yes", "true", "on", "1", "no", "false", "off", "0"):
        return value.strip().lower() in ("yes", "true", "on", "1")
    ctx.fail(path, "must be a boolean, got %r" % (value,))
    return None  # pragma: no cover


def _destination(ctx, path, value, required=True, what=""):
    if is_blank(value):
        if required:
            ctx.fail(path, "is missing%s: give a phone number or an extension to transfer to" % what)
        return None
    value = _as_text(ctx, path, value)
    if not numbers.is_destination(value):
        ctx.fail(path, "%r%s is neither an E.164 number (+15551234567) nor an extension (digits)" % (value, what))
    return value


def _audio_file(ctx, path, value):
    """An announcement reference: a file name (media type from its suffix, level ORGANIZATION) or a dict."""
    if isinstance(value, str):
        name = value.strip()
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix not in MEDIA_TYPES:
            ctx.fail(path, "file name %r must end in .wav, .wma or .3gp (or give a dictionary with id)" % value)
        return {"file_name": name, "media_file_type": MEDIA_TYPES[suffix], "level": "ORGANIZATION"}
    if isinstance(value, dict):
        _check_fields(ctx, path, value, AUDIO_FIELDS)
        result = dict(
            (field, _as_text(ctx, "%s.%s" % (path, field), _text(value[field])))
            for field in AUDIO_FIELDS
            if value.get(field) is not None
        )
        if value.get("name") is not None:
            # An announcement name is text, passed as given: the module refuses what YAML made a number or boolean.
            result["name"] = copy.deepcopy(value["name"])
        if isinstance(result.get("level"), str):
            result["level"] = result["level"].strip().upper()  # location, as webex_announcement writes it
        if not result.get("id") and not result.get("file_name") and result.get("name") is None:
            ctx.fail(path, "needs id, name (with level) or file_name")
        if result.get("file_name") and "media_file_type" not in result:
            suffix = result["file_name"].rsplit(".", 1)[-1].lower()
            if suffix in MEDIA_TYPES:
                result["media_file_type"] = MEDIA_TYPES[suffix]
        if result.get("file_name") and "level" not in result:
            result["level"] = "ORGANIZATION"
        return result
    ctx.fail(path, "must be an announcement file name or a dictionary (id, name, file_name, media_file_type, level)")
    return None  # pragma: no cover


def greeting_file_name(ctx, path, value):
    """The name a local greeting file is uploaded under (its base name as audio_files.stored_file_name() stores it),
    or an error naming the variable."""
    if not isinstance(value, str) or value.rstrip("/\\") != value or not os.path.basename(value.strip()):
        ctx.fail(path, "must be the path of a local .wav or .wma file, got %r" % (value,))
    name = os.path.basename(value.strip())
    if name.rsplit(".", 1)[-1].lower() not in ("wav", "wma"):
        ctx.fail(path, "%r must end in .wav or .wma" % value)
    return stored_file_name(name)


def _raw_key(ctx, path, entry):
    _check_fields(ctx, path, entry, KEY_FIELDS)
    if entry.get("key") is None:
        ctx.fail(path + ".key", "is missing")
    key = _key(ctx, path + ".key", entry["key"])
    action = _text(entry.get("action"))
    if not isinstance(action, str) or action.strip().upper() not in ACTIONS:
        ctx.fail(path + ".action", "is %r, expected one of %s" % (entry.get("action"), ", ".join(ACTIONS)))
    action = action.strip().upper()
    result = {"key": key, "action": action}
    # Which actions take a value and a file is the module's rule: check_options() judges the built item.
    value = _as_text(ctx, path + ".value", entry.get("value"))
    if not is_blank(value):
        result["value"] = value
    if entry.get("auto_attendant") is not None:  # a reference by name: the module resolves it
        result["auto_attendant"] = copy.deepcopy(entry["auto_attendant"])
    if entry.get("audio_announcement_file") is not None:
        result["audio_announcement_file"] = _audio_file(
            ctx, path + ".audio_announcement_file", entry["audio_announcement_file"]
        )
    if entry.get("description") is not None:
        result["description"] = _as_text(ctx, path + ".description", entry["description"])
    return result


class _KeyBook:
    """Collects generated keys and refuses a key used twice, naming both variables."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.entries = {}
        self.sources = {}

    def add(self, path, entry):
        key = entry["key"]
        if key in self.entries:
            self.ctx.fail(path, "key %r is used twice (also by %s)" % (key, self.sources[key]))
        self.entries[key] = entry
        self.sources[key] = path

    def used(self):
        return set(self.entries)


def _key_first(entry):
    """The same key configuration with its fields in a readable order (key, action, value, description, file)."""
    return dict((field, entry[field]) for field in KEY_FIELDS if field in entry)


def _build_menu(ctx, path, desc):
    """One complete module menu from a resolved standard-menu description (all MENU_FIELDS present)."""
    menu = {}
    greeting = desc["greeting"]
    if not is_blank(desc.get("greeting_file")):
        # The role uploads the file first, at the attendant's location, under its file name.
        greeting = {
            "file_name": greeting_file_name(ctx, path + ".greeting_file", desc["greeting_file"]),
            "level": "LOCATION",
        }
    if is_blank(greeting) or (isinstance(greeting, str) and greeting.strip().lower() == "default"):
        menu["greeting"] = "DEFAULT"
    else:
        menu["greeting"] = "CUSTOM"
        menu["audio_announcement_file"] = _audio_file(ctx, path + ".greeting", greeting)

    menu["extension_enabled"] = _bool(ctx, path + ".dial_by_extension", desc["dial_by_extension"])

    raw = desc["keys"] if desc["keys"] is not None else []
    if not isinstance(raw, list):
        ctx.fail(path + ".keys", "must be a list of key configurations")
    raw_book = _KeyBook(ctx)
    for index, entry in enumerate(raw):
        raw_book.add("%s.keys[%d].key" % (path, index), _raw_key(ctx, "%s.keys[%d]" % (path, index), entry))

    book = _KeyBook(ctx)
    operator = _destination(ctx, path + ".operator", desc["operator"], required=False)
    if operator:
        book.add(
            path + ".operator",
            {
                "key": "0",
                "action": "TRANSFER_WITHOUT_PROMPT",
                "value": operator,
                "description": DESCRIPTIONS["operator"],
            },
        )
    if _bool(ctx, path + ".dial_by_name", desc["dial_by_name"]):
        key = _optional_key(ctx, path + ".dial_by_name_key", desc["dial_by_name_key"])
        if key is None:
            ctx.fail(path + ".dial_by_name_key", "is empty while dial_by_name is true")
        book.add(
            path + ".dial_by_name_key",
            {"key": key, "action": "NAME_DIALING", "description": DESCRIPTIONS["dial_by_name"]},
        )
    key = _optional_key(ctx, path + ".dial_by_extension_key", desc["dial_by_extension_key"])
    if key is not None:
        book.add(
            path + ".dial_by_extension_key",
            {"key": key, "action": "EXTENSION_DIALING", "description": DESCRIPTIONS["dial_by_extension"]},
        )
    key = _optional_key(ctx, path + ".repeat_key", desc["repeat_key"])
    if key is not None:
        book.add(path + ".repeat_key", {"key": key, "action": "REPEAT_MENU", "description": DESCRIPTIONS["repeat"]})
    key = _optional_key(ctx, path + ".exit_key", desc["exit_key"])
    if key is not None:
        book.add(path + ".exit_key", {"key": key, "action": "EXIT", "description": DESCRIPTIONS["exit"]})

    departments = desc["departments"] if desc["departments"] is not None else []
    if not isinstance(departments, list):
        ctx.fail(path + ".departments", "must be a list")
    pending = []
    for index, department in enumerate(departments):
        dpath = "%s.departments[%d]" % (path, index)
        _check_fields(ctx, dpath, department, DEPARTMENT_FIELDS)
        name = _as_text(ctx, dpath + ".name", department.get("name"))
        if is_blank(name):
            ctx.fail(dpath + ".name", "is missing (the department name is also the key description)")
        prompt = department.get("prompt")
        entry = {
            "action": "TRANSFER_WITH_PROMPT"
            if prompt is not None and _bool(ctx, dpath + ".prompt", prompt)
            else "TRANSFER_WITHOUT_PROMPT",
        }
        if department.get("auto_attendant") is not None and is_blank(department.get("destination")):
            entry["auto_attendant"] = copy.deepcopy(department["auto_attendant"])  # the module resolves it
        else:
            entry["value"] = _destination(
                ctx, dpath + ".destination", department.get("destination"), what=" for department %r" % name
            )
            if department.get("auto_attendant") is not None:
                ctx.fail(dpath + ".auto_attendant", "give destination or auto_attendant, not both")
        entry["description"] = name
        if department.get("key") is not None:
            entry["key"] = _key(ctx, dpath + ".key", department["key"])
            book.add(dpath + ".key", entry)
        else:
            pending.append((dpath, entry))

    voicemail = _destination(ctx, path + ".voicemail", desc["voicemail"], required=False)
    voicemail_key = _optional_key(ctx, path + ".voicemail_key", desc["voicemail_key"])
    if voicemail_key is not None and not voicemail:
        ctx.fail(path + ".voicemail_key", "is set but voicemail (the mailbox destination) is not")
    voicemail_entry = {"action": "TRANSFER_TO_MAILBOX", "value": voicemail, "description": DESCRIPTIONS["voicemail"]}
    if voicemail and voicemail_key is not None:
        voicemail_entry["key"] = voicemail_key
        book.add(path + ".voicemail_key", voicemail_entry)
    elif voicemail:
        pending.append((path + ".voicemail", voicemail_entry))

    # Keys without an explicit key take the next free ones from 1 upward; raw keys are reserved first.
    free = [key for key in DEPARTMENT_KEYS if key not in book.used() and key not in raw_book.used()]
    if len(pending) > len(free):
        ctx.fail(
            path + ".departments",
            "more departments than free keys: %d entries (%s) need a key but only %d of the keys 1-9 "
            "are free (%s)"
            % (
                len(pending),
                ", ".join(entry["description"] for _dpath, entry in pending),
                len(free),
                " ".join(free) or "none",
            ),
        )
    for (dpath, entry), key in zip(pending, free):
        entry["key"] = key
        book.add(dpath, entry)

    merged = dict(book.entries)
    merged.update(raw_book.entries)  # raw keys are added or replace a generated key
    if not merged:
        ctx.fail(path, "has no keys at all; the service needs at least one key configuration")
    menu["key_configurations"] = [_key_first(merged[key]) for key in sorted(merged, key=KEY_ORDER.get)]

    if desc["call_treatment"] is not None:
        if not isinstance(desc["call_treatment"], dict):
            ctx.fail(path + ".call_treatment", "must be a dictionary")
        menu["call_treatment"] = copy.deepcopy(desc["call_treatment"])
    return menu


def _menu_description(ctx, path, value, allowed):
    if value is None:
        return {}
    _check_fields(ctx, path, value, allowed)
    return value


def resolve_menus(ctx, item):
    """Fill both menu descriptions with the defaults and the after-hours shape; return (business, after)."""
    business_in = _menu_description(ctx, "business_hours", item.get("business_hours"), MENU_FIELDS)
    after_in = dict(_menu_description(ctx, "after_hours", item.get("after_hours"), AFTER_HOURS_FIELDS))

    business = dict(MENU_DEFAULTS)
    business.update(business_in)

    shape = after_in.pop("shape", None)
    shape = DEFAULT_AFTER_HOURS_SHAPE if is_blank(shape) else _choice(ctx, "after_hours.shape", shape)
    if shape not in SHAPES:
        ctx.fail("after_hours.shape", "unknown shape %r; expected one of %s" % (shape, ", ".join(sorted(SHAPES))))
    after = dict(business) if shape == "business_hours" else dict(MENU_DEFAULTS)
    after.update(SHAPES[shape])
    after.update(after_in)
    if shape in ("voicemail", "operator") and is_blank(after.get(shape)):
        after[shape] = business.get(shape)
        if is_blank(after[shape]):
            ctx.fail(
                "after_hours.%s" % shape,
                "after_hours.shape is %s but neither after_hours.%s nor business_hours.%s is set"
                % (shape, shape, shape),
            )
    return business, after


def _item_args(ctx, item, state):
    _check_fields(ctx, "item", item, ITEM_FIELDS)
    args = {}
    for field in ("name", "location"):
        value = _as_text(ctx, field, item.get(field))
        if is_blank(value):
            ctx.fail(field, "is required (set it in the item or in auto_attendant_defaults)")
        args[field] = value  # names are data: kept exactly, surrounding spaces included, as the module keeps them
    item_state = item.get("state")
    item_state = state if item_state is None else _choice(ctx, "state", item_state)
    if item_state not in ("present", "absent"):
        ctx.fail("state", "is %r, expected present or absent" % (item.get("state"),))
    args["state"] = item_state
    if item.get("org_id") is not None:
        args["org_id"] = _text(item["org_id"])
    if item_state == "absent":
        return args

    for field in PASSTHROUGH_FIELDS:
        value = item.get(field)
        if value is None:
            continue
        # Text fields go to the module as given: its rulebook (check_options below) refuses a number or boolean there.
        args[field] = copy.deepcopy(value)
    if is_blank(args.get("extension")) and is_blank(args.get("phone_number")):
        ctx.fail("extension", "an auto attendant needs an extension or a phone_number (or both)")
    if is_blank(args.get("business_schedule")):
        ctx.fail("business_schedule", "is required: the name of a business-hours schedule of the location")

    business, after = resolve_menus(ctx, item)
    for raw_field, description, built in (
        ("business_hours_menu", "business_hours", business),
        ("after_hours_menu", "after_hours", after),
    ):
        if item.get(raw_field) is not None:
            if not isinstance(item[raw_field], dict):
                ctx.fail(
                    raw_field,
                    "must be a menu in the form of webex_auto_attendant, got %s" % type(item[raw_field]).__name__,
                )
            args[raw_field] = copy.deepcopy(item[raw_field])
        else:
            args[raw_field] = _build_menu(ctx, description, built)
    return args


def _shape_of(after_hours):
    shape = after_hours.get("shape") if isinstance(after_hours, dict) else None
    return DEFAULT_AFTER_HOURS_SHAPE if is_blank(shape) else _text(shape).strip().lower()


def defaults_for(defaults, item):
    """The defaults to merge under ITEM: without their after_hours when the item picks another after-hours shape."""
    result = copy.deepcopy(defaults)
    after_hours = item.get("after_hours")
    if (
        isinstance(after_hours, dict)
        and not is_blank(after_hours.get("shape"))
        and "after_hours" in result
        and _shape_of(after_hours) != _shape_of(result["after_hours"])
    ):
        del result["after_hours"]
    return result


def _forwarding_args(ctx, args, value):
    """The attendant's forwarding options, judged by webex_auto_attendant_forwarding's own rulebook."""
    if not isinstance(value, dict):
        ctx.fail(
            FORWARDING_FIELD,
            "must be a dictionary of webex_auto_attendant_forwarding options, got %s" % type(value).__name__,
        )
    _check_fields(ctx, FORWARDING_FIELD, value, FORWARDING_OPTIONS)
    options = dict((key, copy.deepcopy(value[key])) for key in FORWARDING_OPTIONS if value.get(key) is not None)
    problems = forwarding_options.check_options(dict(options, location=args["location"], auto_attendant=args["name"]))
    if problems:
        ctx.fail_with(["%s: %s" % (FORWARDING_FIELD, problem) for problem in problems])
    return options


def auto_attendant_module_args(auto_attendants, defaults=None, state="present"):
    """Return one dict of webex_auto_attendant arguments per item of AUTO_ATTENDANTS (see DOCUMENTATION)."""
    auto_attendants, defaults = plain(auto_attendants), plain(defaults)
    if auto_attendants is None:
        auto_attendants = []
    if not isinstance(auto_attendants, list):
        raise AnsibleFilterError(
            "auto_attendant_list must be a list of auto attendants, got %s" % type(auto_attendants).__name__
        )
    if defaults is None:
        defaults = {}
    if not isinstance(defaults, dict):
        raise AnsibleFilterError("auto_attendant_defaults must be a dictionary, got %s" % type(defaults).__name__)
    unknown = sorted(set(defaults) - set(ITEM_FIELDS))
    if unknown:
        raise AnsibleFilterError(
            "auto_attendant_defaults: unknown field(s) %s; known fields are %s"
            % (", ".join(unknown), ", ".join(sorted(ITEM_FIELDS)))
        )
    problem = text_problem("auto_attendant_state", state)
    if problem:
        raise AnsibleFilterError(problem)
    state = "present" if state is None else state.strip().lower()
    if state not in ("present", "absent"):
        raise AnsibleFilterError("auto_attendant_state is %r, expected present or absent" % (state,))

    results = []
    seen = {}
    for index, item in enumerate(auto_attendants):
        if not isinstance(item, dict):
            raise AnsibleFilterError(
                "auto_attendant_list[%d]: must be a dictionary, got %s" % (index, type(item).__name__)
            )
        ctx = Context(index, item.get("name"))
        merged = merge_hash(defaults_for(defaults, item), item, recursive=True, list_merge="replace")
        args = _item_args(ctx, merged, state)
        # The module's own rulebook on what was built (org_id is a connection option, not a resource option).
        problems = check_options(dict((key, value) for key, value in args.items() if key != "org_id"))
        if problems:
            ctx.fail_with(problems)
        if merged.get(FORWARDING_FIELD) is not None and args["state"] == "present":
            args[FORWARDING_FIELD] = _forwarding_args(ctx, args, merged[FORWARDING_FIELD])
        identity = (args["location"], args["name"])
        if identity in seen:
            ctx.fail(
                "name",
                "the auto attendant %r in location %r is also auto_attendant_list[%d]"
                % (args["name"], args["location"], seen[identity]),
            )
        seen[identity] = index
        results.append(args)
    return results
