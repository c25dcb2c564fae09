# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The menu shape of an auto attendant, and the one walk over it.

An attendant has two menus (business hours, after hours); a menu has an audio file, keys and a call treatment (what
happens when the caller presses nothing); a key and the call treatment's action may transfer to a destination and may
play an audio file. The shape is spelled two ways: as module options (snake_case, ``OPTIONS``) and as the API sends it
(camelCase, ``API``). ``places()`` walks either form and yields every place the rest of the collection looks at:
validation, reference resolution, pre-flight, read-back normalisation, export, references and the flowchart.
"""

from __future__ import annotations

import collections

# A key action of attendants made long ago in Control Hub: read back, refused by the API in a write, and with no
# equivalent in the 2026 document (REPEAT_MENU replays the menu the key is in, not the one before it).
LEGACY_KEY_ACTION = "RETURN_TO_PREVIOUS_MENU"
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
    # Legacy: read back from attendants made elsewhere (wxc_sdk knows it); accepted so that an export re-applies,
    # refused in a menu that is written.
    LEGACY_KEY_ACTION,
)
NO_INPUT_ACTIONS = (
    "PLAY_MESSAGE_AND_DISCONNECT",
    "TRANSFER_WITHOUT_PROMPT",
    "TRANSFER_WITH_PROMPT",
    "TRANSFER_TO_OPERATOR",
    "TRANSFER_TO_MAILBOX",
    "DISCONNECT",
)
NO_INPUT_RETRIES = ("NO_REPEAT", "ONE_TIME", "TWO_TIMES", "THREE_TIMES")
GREETINGS = ("DEFAULT", "CUSTOM")
# Actions that send the caller to a number, and so need a destination.
ACTIONS_NEEDING_VALUE = ("TRANSFER_WITH_PROMPT", "TRANSFER_WITHOUT_PROMPT", "TRANSFER_TO_MAILBOX")
# Actions that send the caller to another menu or person (not a mailbox).
TRANSFER_ACTIONS = ("TRANSFER_WITH_PROMPT", "TRANSFER_WITHOUT_PROMPT")
# Audio file levels; ENTITY is a file one attendant owns (made in Control Hub, listed by the attendant's announcements).
AUDIO_LEVELS = ("ORGANIZATION", "LOCATION", "ENTITY")
# The menu fields the module manages (options form), and a key's.
MENU_FIELDS = ("greeting", "extension_enabled", "audio_announcement_file", "key_configurations", "call_treatment")
KEY_FIELDS = ("key", "action", "value", "description", "audioAnnouncementFile")

MENU_KINDS = ("menu", "key", "no_input")

# The 2026 request schema of a menu (HoursMenuObject) and of what it holds (KeyConfigurationsObject,
# AudioAnnouncementFileObject, CallTreatmentObject, ActionToBePerformedObject), in API form: a menu sent whole
# carries these fields only, never a read-only field (an audio file's type) or one the module does not know.
REQUEST_FIELDS = {
    "menu": ("greeting", "extensionEnabled", "audioAnnouncementFile", "keyConfigurations", "callTreatment"),
    "key": KEY_FIELDS,
    "audio": ("id", "fileName", "mediaFileType", "level"),
    "treatment": ("retryAttemptForNoInput", "noInputTimer", "actionToBePerformed"),
    "action": ("action", "greeting", "audioAnnouncementFile", "transferCallTo"),
}


class Form(collections.namedtuple("Form", "menus keys treatment todo key_destination todo_destination audio")):
    """The field names of the menu shape in one spelling."""


OPTIONS = Form(
    menus=("business_hours_menu", "after_hours_menu"),
    keys="key_configurations",
    treatment="call_treatment",
    todo="action_to_be_performed",
    key_destination="value",
    todo_destination="transfer_call_to",
    audio="audio_announcement_file",
)
API = Form(
    menus=("businessHoursMenu", "afterHoursMenu"),
    keys="keyConfigurations",
    treatment="callTreatment",
    todo="actionToBePerformed",
    key_destination="value",
    todo_destination="transferCallTo",
    audio="audioAnnouncementFile",
)
MENUS = OPTIONS.menus
API_MENUS = API.menus


class Place(collections.namedtuple("Place", "menu kind key holder path destination_field")):
    """One place of the menu shape.

    MENU: the menu's option name (business_hours_menu or after_hours_menu) in either form; KIND: "menu" (the menu
    itself), "key" or "no_input" (the call treatment's action); KEY: the key of a key entry; HOLDER: the dict at that
    place (its audio file, destination and action are fields of it); PATH: the option path messages name it by
    ("business_hours_menu.key_configurations (key 1)"); DESTINATION_FIELD: where a transfer's number stands in
    HOLDER (None for the menu itself).
    """


def key_order(entry):
    """Sort key of a key entry: "0"-"9", "*", "#"; anything else last, as it came."""
    key = entry.get("key") if isinstance(entry, dict) else None
    return MENU_KEYS.index(key) if key in MENU_KEYS else len(MENU_KEYS)


def places(attendant, form=OPTIONS, kinds=MENU_KINDS):
    """Every place of KINDS in the menus of ATTENDANT (in FORM), menu by menu: the menu, its keys, its no-input action.

    Entries that are not dicts (bad input judged elsewhere) are passed over.
    """
    for menu_option, menu_field in zip(OPTIONS.menus, form.menus):
        menu = (attendant or {}).get(menu_field)
        if not isinstance(menu, dict):
            continue
        if "menu" in kinds:
            yield Place(menu_option, "menu", None, menu, menu_option, None)
        keys = menu.get(form.keys)
        if "key" in kinds and isinstance(keys, list):
            for entry in keys:
                if isinstance(entry, dict):
                    path = "%s.key_configurations (key %s)" % (menu_option, entry.get("key"))
                    yield Place(menu_option, "key", entry.get("key"), entry, path, form.key_destination)
        treatment = menu.get(form.treatment)
        todo = treatment.get(form.todo) if isinstance(treatment, dict) else None
        if "no_input" in kinds and isinstance(todo, dict):
            path = "%s.call_treatment.action_to_be_performed" % menu_option
            yield Place(menu_option, "no_input", None, todo, path, form.todo_destination)


def transfers(attendant, form=OPTIONS):
    """The key and no-input places of ATTENDANT that hold a destination value."""
    return [
        place
        for place in places(attendant, form, ("key", "no_input"))
        if place.holder.get(place.destination_field) not in (None, "")
    ]
