# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Auto attendant comparison (pure): options to the API shape, the service's details to the same shape (read-only
fields dropped, keys sorted, numbers normalised), field by field comparison, and the plan with before/after."""

from __future__ import annotations

import copy

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict, snake_dict_to_camel_dict

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.options import FIELDS
from ansible_collections.wxc.calling.plugins.module_utils.resource import Plan, without_none

# Set by the service, never sent: dropped before comparing and from every request body.
READ_ONLY_FIELDS = ("id", "enabled", "language", "esn", "routingPrefix", "tollFreeNumber", "locationId", "locationName")

READ_ONLY_AUDIO_FIELDS = ("fileSize", "isTextToSpeech")
# Fields that hold a phone number, extension or ESN: compared as numbers (numbers.same_number).
NUMBER_FIELDS = ("phoneNumber", "transferCallTo")
# Text fields a user clears with "" (sent as ""; the 2026 document: "To clear the dialByName, the attribute must be set
# to null or empty string"): the service leaves a cleared field out of its details.
CLEARABLE_TEXT_FIELDS = ("firstName", "lastName", "dialByName", "holidaySchedule")
# The greeting a call treatment's action is sent with when neither the user nor the service names one (the 2026
# document requires greeting in the action).
DEFAULT_GREETING = "DEFAULT"


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


def writable(details):
    """DETAILS (as the API returns them) without read-only fields, key configurations in key order.

    Numbers are normalised to E.164 (the service reads some back as +1-NXXNXXXXXX), and a TRANSFER_TO_OPERATOR key
    loses the value the service may show (Control Hub can store one; the API refuses it in a write, error 4806).
    """
    result = with_e164_numbers({k: v for k, v in details.items() if k not in READ_ONLY_FIELDS and v is not None})
    for place in menus.places(result, menus.API, kinds=("menu",)):
        if isinstance(place.holder.get("keyConfigurations"), list):
            place.holder["keyConfigurations"] = sorted(place.holder["keyConfigurations"], key=menus.key_order)
    for place in menus.places(result, menus.API):
        _strip_audio(place.holder)
        if place.kind == "key" and place.holder.get("action") == "TRANSFER_TO_OPERATOR":
            place.holder.pop("value", None)
    return result


def with_e164_numbers(details):
    """A deep copy of DETAILS with every number in E.164: phoneNumber, alternate numbers, key values, transferCallTo."""
    result = copy.deepcopy(details)
    if "phoneNumber" in result:
        result["phoneNumber"] = numbers.normalise(result["phoneNumber"])
    for alternate in result.get("alternateNumbers") or []:
        if isinstance(alternate, dict) and "phoneNumber" in alternate:
            alternate["phoneNumber"] = numbers.normalise(alternate["phoneNumber"])
    for place in menus.places(result, menus.API, kinds=("key", "no_input")):
        if place.destination_field in place.holder:
            place.holder[place.destination_field] = numbers.normalise(place.holder[place.destination_field])
    return result


def operator_values(details):
    """The keys (menu option, key) of DETAILS whose TRANSFER_TO_OPERATOR carries a value (left out by writable())."""
    return [
        (place.menu, place.key, place.holder["value"])
        for place in menus.places(details, menus.API, kinds=("key",))
        if place.holder.get("action") == "TRANSFER_TO_OPERATOR" and place.holder.get("value")
    ]


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


def _audio_identity(want, have):
    """Compare audio files by id, or by file name and level (and type) when the wanted file has no id."""
    if not want or not have:
        return bool(want) == bool(have)
    if want.get("id"):
        return want["id"] == have.get("id")
    return all(want.get(k) == have.get(k) for k in ("fileName", "level", "mediaFileType") if want.get(k))


def _blank_as_none(value):
    return value if value not in ("", None) else None


def _key_entry_equal(wanted, actual):
    return (
        wanted.get("action") == actual.get("action")
        and numbers.same_number(wanted.get("value"), actual.get("value"))
        and _blank_as_none(wanted.get("description")) == _blank_as_none(actual.get("description"))
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
    return sorted(keys, key=lambda key: menus.key_order({"key": key}))


def _keys_equal(want, have):
    return not differing_keys(want, have)


def _subset_equal(want, have):
    """Every value set in WANT equals the one in HAVE (audio files by identity, timers as numbers, numbers as numbers)."""
    if isinstance(want, dict):
        if not isinstance(have, dict):
            return False
        for key, value in want.items():
            if key == "audioAnnouncementFile":
                if not _audio_identity(value, have.get(key)):
                    return False
            elif key in NUMBER_FIELDS:
                if not numbers.same_number(value, have.get(key)):
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
    want_by_number = {numbers.canonical(entry["phoneNumber"]): entry for entry in want}
    have_by_number = {numbers.canonical(entry.get("phoneNumber")): entry for entry in have or []}
    if set(want_by_number) != set(have_by_number):
        return False
    return all(_subset_equal(entry, have_by_number[number]) for number, entry in want_by_number.items())


def _caller_id_name_equal(want, have):
    """The selection, and the custom name where it counts: with CUSTOM_NAME, and when the user clears it ("")."""
    if not isinstance(have, dict) or want.get("selection") != have.get("selection"):
        return False
    clears = "customName" in want and _blank_as_none(want["customName"]) is None
    if want.get("selection") != "CUSTOM_NAME" and not clears:
        return True  # the display name is shown: a custom name given for later is not compared
    return _blank_as_none(want.get("customName")) == _blank_as_none(have.get("customName"))


def field_equal(field, want, have):
    """Whether the wanted value of top-level API field FIELD is already what the service has.

    A cleared text field ("") equals one the service left out: the service drops a cleared field from its details.
    """
    if field in menus.API_MENUS:
        return _menu_equal(want, have)
    if field in NUMBER_FIELDS:
        return numbers.same_number(want, have)
    if field == "alternateNumbers":
        return _alternate_numbers_equal(want, have)
    if field == "directLineCallerIdName":
        return _caller_id_name_equal(want, have)
    if field in CLEARABLE_TEXT_FIELDS:
        return _blank_as_none(want) == _blank_as_none(have)
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
        if field not in menus.API_MENUS or not isinstance(have, dict):
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


def _merged_action(want, have):
    """The call treatment's action to send: the user's, with a greeting always (the document requires one): the user's,
    else the service's for the same action (with its audio file when that greeting is CUSTOM and the user names no
    file), else DEFAULT_GREETING. A file the service already has is sent as the service describes it."""
    action = copy.deepcopy(want)
    have = have if isinstance(have, dict) else {}
    same_action = have.get("action") == action.get("action")
    if not action.get("greeting"):
        action["greeting"] = (have.get("greeting") if same_action else None) or DEFAULT_GREETING
        if same_action and action["greeting"] == "CUSTOM" and "audioAnnouncementFile" not in action:
            if have.get("audioAnnouncementFile"):
                action["audioAnnouncementFile"] = copy.deepcopy(have["audioAnnouncementFile"])
    wanted_audio = action.get("audioAnnouncementFile")
    if wanted_audio and _audio_identity(wanted_audio, have.get("audioAnnouncementFile")):
        action["audioAnnouncementFile"] = copy.deepcopy(have["audioAnnouncementFile"])
    return action


def _merged_menu(want, have):
    """The whole menu to send: what the service has, with the parts the user set replaced, in the request schema's
    fields only (request_menu())."""
    have = have if isinstance(have, dict) else {}
    menu = copy.deepcopy(have)
    for key, value in want.items():
        if key == "audioAnnouncementFile" and value and _audio_identity(value, menu.get(key)):
            continue  # same file: keep the service's full description of it
        if key == "callTreatment" and isinstance(menu.get(key), dict):
            merged = copy.deepcopy(menu[key])
            merged.update(copy.deepcopy(value))
            if isinstance(value.get("actionToBePerformed"), dict):
                merged["actionToBePerformed"] = _merged_action(
                    value["actionToBePerformed"], menu[key].get("actionToBePerformed")
                )
            menu[key] = merged
            continue
        menu[key] = copy.deepcopy(value)
    if isinstance(menu.get("keyConfigurations"), list):
        menu["keyConfigurations"] = _keep_service_audio(
            sorted(menu["keyConfigurations"], key=menus.key_order), have.get("keyConfigurations")
        )
    return request_menu(menu)


def _keep_service_audio(keys, have_keys):
    """KEYS with the service's description of a key's audio file when it is the same file."""
    have_by_key = {entry.get("key"): entry for entry in have_keys or [] if isinstance(entry, dict)}
    for entry in keys:
        actual = have_by_key.get(entry.get("key"), {})
        wanted_audio = entry.get("audioAnnouncementFile")
        if wanted_audio and _audio_identity(wanted_audio, actual.get("audioAnnouncementFile")):
            entry["audioAnnouncementFile"] = copy.deepcopy(actual["audioAnnouncementFile"])
    return keys


def _request_part(value, kind):
    """VALUE (a dict of the menu shape) with the fields of the request schema's KIND only."""
    return {field: copy.deepcopy(value[field]) for field in menus.REQUEST_FIELDS[kind] if field in value}


def _request_audio(holder):
    """HOLDER's audio file in the request schema's fields; an empty one ({}: no file, the user cleared it) left out."""
    audio = holder.get("audioAnnouncementFile")
    if isinstance(audio, dict):
        audio = _request_part(audio, "audio")
        if audio:
            holder["audioAnnouncementFile"] = audio
        else:
            holder.pop("audioAnnouncementFile")


def request_menu(menu):
    """MENU (API form) as a request sends it: the fields of the 2026 request schema only, at every level (a read-only
    field the service shows, such as an audio file's type, or a field the module does not know, is left out), an
    audio file of {} (cleared) left out, noInputTimer as the string the document types it as, and the call
    treatment's action with a greeting (DEFAULT_GREETING when none is named)."""
    result = _request_part(menu, "menu")
    _request_audio(result)
    if isinstance(result.get("keyConfigurations"), list):
        keys = []
        for entry in result["keyConfigurations"]:
            if isinstance(entry, dict):
                entry = _request_part(entry, "key")
                _request_audio(entry)
            keys.append(entry)
        result["keyConfigurations"] = keys
    treatment = result.get("callTreatment")
    if isinstance(treatment, dict):
        treatment = result["callTreatment"] = _request_part(treatment, "treatment")
        if isinstance(treatment.get("noInputTimer"), int) and not isinstance(treatment["noInputTimer"], bool):
            treatment["noInputTimer"] = str(treatment["noInputTimer"])
        action = treatment.get("actionToBePerformed")
        if isinstance(action, dict):
            action = treatment["actionToBePerformed"] = _request_part(action, "action")
            action.setdefault("greeting", DEFAULT_GREETING)
            _request_audio(action)
    return result


def request_body(desired):
    """A create body from DESIRED (API form): its menus as request_menu() makes them."""
    body = copy.deepcopy(desired)
    for field in menus.API_MENUS:
        if isinstance(body.get(field), dict):
            body[field] = request_menu(body[field])
    return body


def legacy_keys(body):
    """(menu option, key) of every key of BODY's menus (API form) whose action is the legacy RETURN_TO_PREVIOUS_MENU."""
    return [
        (place.menu, place.key)
        for place in menus.places(body, menus.API, kinds=("key",))
        if place.holder.get("action") == menus.LEGACY_KEY_ACTION
    ]


LEGACY_KEY_ADVICE = (
    "declare that key with an action of the API instead: TRANSFER_WITHOUT_PROMPT with auto_attendant (the attendant "
    "callers should go back to), REPEAT_MENU (this menu again) or EXIT; or leave the key out"
)


def legacy_key_warnings(details, where):
    """Warnings for keys of DETAILS with the legacy action, naming WHERE (the attendant) and the key."""
    return [
        "%s: %s.key_configurations (key %s) is %s, a legacy action the API refuses in a write: the export re-applies "
        "while that menu is unchanged; to change the menu, %s"
        % (where, option, key, menus.LEGACY_KEY_ACTION, LEGACY_KEY_ADVICE)
        for option, key in legacy_keys(details)
    ]


def changes(desired, current):
    """The top-level fields to PUT (camelCase) so that CURRENT (writable details) becomes DESIRED; {} when equal.

    A changed menu is sent whole, so that the parts the user did not set keep the service's values.
    """
    update = {}
    for field, want in desired.items():
        have = current.get(field)
        if field_equal(field, want, have):
            continue
        update[field] = _merged_menu(want, have) if field in menus.API_MENUS else want
    return update


def custom_greetings_without_file(body):
    """Where BODY (a create or update body) sends a CUSTOM greeting without an audio file, as option paths.

    The service refuses such a menu (400, error 6515, live). A file left out of the options is the stored one (a
    changed menu is sent merged with what the options leave out), so this finds a create, or a menu the service holds
    without a file, made CUSTOM without one.
    """
    places = []
    for option, field in zip(menus.MENUS, menus.API_MENUS):
        menu = body.get(field)
        if not isinstance(menu, dict):
            continue
        if menu.get("greeting") == "CUSTOM" and not menu.get("audioAnnouncementFile"):
            places.append(option)
        action = (menu.get("callTreatment") or {}).get("actionToBePerformed") or {}
        if action.get("greeting") == "CUSTOM" and not action.get("audioAnnouncementFile"):
            places.append(option + ".call_treatment.action_to_be_performed")
    return places


def make_plan(action, **kwargs):
    """A Plan whose diff shows the attendant in the snake_case form of the options."""
    return Plan(action, to_snake=to_snake, **kwargs)


def _managed_view(api_object, fields):
    return {field: api_object[field] for field in fields if field in api_object}


def plan(state, desired, current):
    """Decide what to do. DESIRED: fields the user set (camelCase); CURRENT: writable details, or None when absent."""
    if state == "absent":
        if current is None:
            return make_plan("nothing")
        return make_plan("delete", before=current)
    if current is None:
        return make_plan("create", body=request_body(desired), after=copy.deepcopy(desired))
    body = changes(desired, current)
    managed = list(desired)
    before = _managed_view(current, managed)
    after = dict(before)
    after.update(body)
    for field in managed:
        if field not in body:
            after[field] = before.get(field)
    if not body:
        return make_plan("nothing", before=before, after=before)
    return make_plan(
        "update", body=body, before=before, after=_managed_view(after, managed), fields=differences(desired, current)
    )
