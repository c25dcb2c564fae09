"""Validation of auto-attendant create and update bodies, as strict as the real service is believed to be.

``validate_auto_attendant`` returns the normalised writable fields to store, or raises an ``ApiError``.
"""

import copy
import datetime
import re
import zoneinfo

from . import errors
from .errors import ApiError
from .seed import LANGUAGES

NAME_MAX_LENGTH = 80  # GUESS: undocumented; neighbouring features (call park, pickup) allow 80
# Every pattern is used with fullmatch: "$" alone would let a trailing newline ("2120\n") through.
EXTENSION_PATTERN = re.compile(r"\d{2,10}")
E164_PATTERN = re.compile(r"\+[1-9]\d{6,14}")
# A transfer destination: an extension, an ESN or a number, with or without "+", in the read-back form "+1-NXXNXXXXXX" too.
DESTINATION_PATTERN = re.compile(r"\+?\d(?:-?\d){1,29}")
NANP_PATTERN = re.compile(r"\+1\d{10}")
DIGITS_PATTERN = re.compile(r"\d+")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
DIAL_BY_NAME_FORBIDDEN = set('%+\\"')
NO_INPUT_TIMER_RANGE = (1, 60)

GREETINGS = ("DEFAULT", "CUSTOM")
KEYS = tuple("0123456789") + ("*", "#")
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
)
ACTIONS_NEEDING_VALUE = ("TRANSFER_WITH_PROMPT", "TRANSFER_WITHOUT_PROMPT", "TRANSFER_TO_MAILBOX")
DIALING_SCOPES = ("ENTERPRISE", "GROUP")
RING_PATTERNS = ("NORMAL", "LONG_LONG", "SHORT_SHORT_LONG", "SHORT_LONG_SHORT")
MEDIA_FILE_TYPES = ("WAV", "WMA", "3GP")
LEVELS = ("ORGANIZATION", "LOCATION")
# A file owned by one auto attendant (made in Control Hub); an API body may refer to one of the attendant's own.
ENTITY_LEVEL = "ENTITY"
RETRY_ATTEMPTS = ("NO_REPEAT", "ONE_TIME", "TWO_TIMES", "THREE_TIMES")
TREATMENT_ACTIONS = (
    "PLAY_MESSAGE_AND_DISCONNECT",
    "TRANSFER_WITHOUT_PROMPT",
    "TRANSFER_WITH_PROMPT",
    "TRANSFER_TO_OPERATOR",
    "TRANSFER_TO_MAILBOX",
    "DISCONNECT",
)
CALLER_ID_SELECTIONS = ("CUSTOM_NAME", "DISPLAY_NAME")

WRITABLE_FIELDS = (
    "name",
    "phoneNumber",
    "extension",
    "firstName",
    "lastName",
    "alternateNumbers",
    "languageCode",
    "businessSchedule",
    "holidaySchedule",
    "extensionDialing",
    "nameDialing",
    "timeZone",
    "businessHoursMenu",
    "afterHoursMenu",
    "directLineCallerIdName",
    "dialByName",
)
# Sent back by GET; clients that PUT what they read get them silently ignored, as the real service does.
READ_ONLY_FIELDS = ("id", "enabled", "language", "esn", "routingPrefix", "tollFreeNumber", "locationId", "locationName")
MENU_FIELDS = ("greeting", "extensionEnabled", "keyConfigurations", "audioAnnouncementFile", "callTreatment")
KEY_FIELDS = ("key", "action", "description", "value", "audioAnnouncementFile")
AUDIO_FIELDS = ("id", "fileName", "mediaFileType", "level")
TREATMENT_FIELDS = ("retryAttemptForNoInput", "noInputTimer", "actionToBePerformed")
TREATMENT_ACTION_FIELDS = ("action", "greeting", "audioAnnouncementFile", "transferCallTo")

_TIME_ZONES = zoneinfo.available_timezones()


def _check_fields(obj, where, allowed, ignored=()):
    """Reject a non-object; return a copy with only the ALLOWED fields (unknown and read-only ones are ignored).

    The live service answered 200 to a PUT carrying a field it does not know and stored nothing of it.
    """
    if not isinstance(obj, dict):
        raise errors.invalid(where, "must be a JSON object")
    return {field: value for field, value in obj.items() if field in allowed and field not in ignored}


def _refuse_unknown_fields(obj, allowed, where):
    """Refuse a field of a nested object (menu, key, audio file, call treatment, its action) that the request schema
    does not have: a read-only field sent back (an audio file's type, fileSize, isTextToSpeech) or one of a later API
    version. GUESS: other features' updates are reported to refuse read-only audio fields; top-level fields the
    service does not know are ignored instead (live)."""
    unknown = sorted(field for field in obj if field not in allowed)
    if unknown:
        raise errors.invalid(where + unknown[0], "not a field of the request (the fields are %s)" % ", ".join(allowed))


def _string(obj, field, where, required=False):
    """Return obj[field] as a string (None when absent and optional)."""
    value = obj.get(field)
    if value is None:
        if required:
            raise errors.missing(where + field)
        return None
    if not isinstance(value, str):
        raise errors.invalid(where + field, "must be a string")
    return value


def _enum(obj, field, where, choices, required=False):
    value = _string(obj, field, where, required)
    if value is not None and value not in choices:
        raise errors.invalid(where + field, "%r is not one of %s" % (value, ", ".join(choices)))
    return value


def _boolean(obj, field, where, required=False):
    value = obj.get(field)
    if value is None:
        if required:
            raise errors.missing(where + field)
        return None
    if not isinstance(value, bool):
        raise errors.invalid(where + field, "must be a boolean")
    return value


def resolve_audio_file(state, location, audio, where, entity_files=()):
    """Return the announcement an audio-file reference names, or raise 400.

    Candidates: the repository (organisation level, the attendant's location) and ENTITY_FILES, the files an
    existing attendant owns.
    """
    if not isinstance(audio, dict):
        raise errors.invalid(where.rstrip("."), "must be a JSON object")
    audio_id = _string(audio, "id", where)
    file_name = _string(audio, "fileName", where)
    media_type = _enum(audio, "mediaFileType", where, MEDIA_FILE_TYPES)
    level = _string(audio, "level", where)
    if level is not None and level not in LEVELS + ((ENTITY_LEVEL,) if entity_files else ()):
        raise errors.invalid(where + "level", "%r is not one of %s" % (level, ", ".join(LEVELS)))
    candidates = state.visible_announcements(location["id"]) + list(entity_files)
    if audio_id:
        # With an id the other fields are ignored (documented: "If id is given it wins").
        for item in candidates:
            if item["id"] == audio_id:
                return item
        raise ApiError(400, "Audio file not found: %s" % audio_id, errors.ERR_AUDIO_FILE_NOT_FOUND)
    for field, value in (("fileName", file_name), ("mediaFileType", media_type), ("level", level)):
        if not value:
            raise errors.missing(where + field)
    for item in candidates:
        if item["fileName"] == file_name and item["mediaFileType"] == media_type and item["level"] == level:
            return item
    raise ApiError(
        400, "Audio file not found: %s (%s, %s)" % (file_name, media_type, level), errors.ERR_AUDIO_FILE_NOT_FOUND
    )


def _audio_reference(state, location, audio, where, entity_files):
    """The stored form of an audio file: the repository id plus any fields this API version does not know."""
    item = resolve_audio_file(state, location, audio, where, entity_files)
    _refuse_unknown_fields(audio, AUDIO_FIELDS, where)
    return {"id": item["id"]}


def _no_input_timer(treatment, where):
    value = treatment.get("noInputTimer")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise errors.invalid(where + "noInputTimer", "must be a number")
    if isinstance(value, str):
        if not DIGITS_PATTERN.fullmatch(value):
            raise errors.invalid(where + "noInputTimer", "must be a number")
        value = int(value)
    low, high = NO_INPUT_TIMER_RANGE
    if not low <= value <= high:
        raise errors.invalid(where + "noInputTimer", "must be between %d and %d" % (low, high))
    return value


def _destination(value, field):
    """A transfer destination, refused unless it is wholly digits (with an optional "+" and dashes)."""
    if not DESTINATION_PATTERN.fullmatch(value):
        raise errors.invalid(field, "%r is not an extension or a phone number" % value)
    return value


def custom_greeting_needs_file():
    """The live answer to a CUSTOM greeting without an audio file."""
    return ApiError(
        400,
        "A media file is required for general source when custom message is selected",
        errors.ERR_CUSTOM_GREETING_NEEDS_FILE,
    )


def _call_treatment(state, location, treatment, where, entity_files):
    if not isinstance(treatment, dict):
        raise errors.invalid(where.rstrip("."), "must be a JSON object")
    _refuse_unknown_fields(treatment, TREATMENT_FIELDS, where)
    result = {}
    retry = _enum(treatment, "retryAttemptForNoInput", where, RETRY_ATTEMPTS)
    if retry is not None:
        result["retryAttemptForNoInput"] = retry
    timer = _no_input_timer(treatment, where)
    if timer is not None:
        result["noInputTimer"] = str(timer)  # DOC: a string on the wire ("10"); a number or a digit string is taken
    if treatment.get("actionToBePerformed") is not None:
        action_where = where + "actionToBePerformed."
        action_obj = treatment["actionToBePerformed"]
        if not isinstance(action_obj, dict):
            raise errors.invalid(action_where.rstrip("."), "must be a JSON object")
        _refuse_unknown_fields(action_obj, TREATMENT_ACTION_FIELDS, action_where)
        action = {"action": _enum(action_obj, "action", action_where, TREATMENT_ACTIONS, required=True)}
        # DOC: greeting is required in the action (ActionToBePerformedObject); the path style is the key value's (LIVE).
        if action_obj.get("greeting") is None:
            raise errors.missing("HoursMenu.callTreatment.actionToBePerformed.greeting")
        greeting = action["greeting"] = _enum(action_obj, "greeting", action_where, GREETINGS)
        transfer_to = _string(action_obj, "transferCallTo", action_where)
        if action["action"] in ACTIONS_NEEDING_VALUE and not transfer_to:
            # Inferred from the key case (live): the same code and the same "HoursMenu." path style.
            raise errors.missing("HoursMenu.callTreatment.actionToBePerformed.transferCallTo")
        if transfer_to:
            action["transferCallTo"] = _destination(transfer_to, action_where + "transferCallTo")
        if action_obj.get("audioAnnouncementFile") is not None:
            action["audioAnnouncementFile"] = _audio_reference(
                state,
                location,
                action_obj["audioAnnouncementFile"],
                action_where + "audioAnnouncementFile.",
                entity_files,
            )
        elif greeting == "CUSTOM":
            raise custom_greeting_needs_file()
        result["actionToBePerformed"] = action
    return result


def _key_configuration(state, location, entry, where, entity_files):
    if not isinstance(entry, dict):
        raise errors.invalid(where.rstrip("."), "must be a JSON object")
    _refuse_unknown_fields(entry, KEY_FIELDS, where)
    key = _enum(entry, "key", where, KEYS, required=True)
    action = _enum(entry, "action", where, KEY_ACTIONS, required=True)
    result = {"key": key, "action": action}
    description = _string(entry, "description", where)
    if description is not None:
        result["description"] = description
    value = _string(entry, "value", where)
    if action == "TRANSFER_TO_OPERATOR" and value:
        raise ApiError(
            400,
            "Key %s: the TRANSFER_TO_OPERATOR action transfers to the operator and takes no value" % key,
            errors.ERR_OPERATOR_VALUE_NOT_ALLOWED,
        )
    if action in ACTIONS_NEEDING_VALUE and not value:
        # Live: TRANSFER_TO_MAILBOX with "value": "" answers exactly this; the prompt transfers are assumed alike.
        raise errors.missing("HoursMenu.keyConfigurations.value")
    if value:  # an empty value (allowed where no destination is needed) is dropped, as on the live service
        result["value"] = _destination(value, where + "value")
    if entry.get("audioAnnouncementFile") is not None:
        result["audioAnnouncementFile"] = _audio_reference(
            state, location, entry["audioAnnouncementFile"], where + "audioAnnouncementFile.", entity_files
        )
    elif action == "PLAY_ANNOUNCEMENT":
        raise ApiError(
            400,
            "Key %s: an audioAnnouncementFile is required for the PLAY_ANNOUNCEMENT action" % key,
            errors.ERR_ANNOUNCEMENT_REQUIRED,
        )
    return result


def _menu(state, location, menu, field, entity_files=()):
    """Validate a whole menu (menus are always replaced whole) and return its stored form."""
    where = field + "."
    if not isinstance(menu, dict):
        raise errors.invalid(field, "must be a JSON object")
    _refuse_unknown_fields(menu, MENU_FIELDS, where)
    result = {
        "greeting": _enum(menu, "greeting", where, GREETINGS, required=True),
        "extensionEnabled": _boolean(menu, "extensionEnabled", where, required=True),
    }
    keys = menu.get("keyConfigurations")
    if keys is None:
        raise errors.missing(where + "keyConfigurations")
    if not isinstance(keys, list):
        raise errors.invalid(where + "keyConfigurations", "must be an array")
    if not keys:
        # Not live-verified: another tool's docs say a menu needs at least one key.
        raise errors.missing("HoursMenu.keyConfigurations")
    if menu.get("audioAnnouncementFile") is not None:
        result["audioAnnouncementFile"] = _audio_reference(
            state, location, menu["audioAnnouncementFile"], where + "audioAnnouncementFile.", entity_files
        )
    elif result["greeting"] == "CUSTOM":
        raise custom_greeting_needs_file()
    seen = set()
    configurations = []
    for index, entry in enumerate(keys):
        configuration = _key_configuration(
            state, location, entry, "%skeyConfigurations[%d]." % (where, index), entity_files
        )
        if configuration["key"] in seen:
            raise ApiError(
                400, "%s: key %s is configured more than once" % (field, configuration["key"]), errors.ERR_DUPLICATE_KEY
            )
        seen.add(configuration["key"])
        configurations.append(configuration)
    result["keyConfigurations"] = configurations
    if menu.get("callTreatment") is not None:
        result["callTreatment"] = _call_treatment(
            state, location, menu["callTreatment"], where + "callTreatment.", entity_files
        )
    return result


def _phone_number(value, field):
    if not E164_PATTERN.fullmatch(value):
        raise errors.invalid(field, "%r is not an E.164 number" % value)
    return value


def _check_number_available(location, number, used, field):
    if number not in location["numbers"]:
        raise ApiError(
            400,
            "%s %s is not available in location %s" % (field, number, location["name"]),
            errors.ERR_NUMBER_NOT_AVAILABLE,
        )
    if number in used:
        raise ApiError(400, "DN is in use : %s" % number, errors.ERR_NUMBER_IN_USE)


def _alternate_numbers(value):
    if not isinstance(value, list):
        raise errors.invalid("alternateNumbers", "must be an array")
    result = []
    for index, entry in enumerate(value):
        where = "alternateNumbers[%d]." % index
        entry = _check_fields(entry, where.rstrip("."), ("phoneNumber", "ringPattern"), ("tollFreeNumber",))
        number = _phone_number(_string(entry, "phoneNumber", where, required=True), where + "phoneNumber")
        pattern = _enum(entry, "ringPattern", where, RING_PATTERNS, required=True)
        result.append({"phoneNumber": number, "ringPattern": pattern})
    return result


def _name(value):
    if not isinstance(value, str):
        raise errors.invalid("name", "must be a string")
    if not value.strip():
        raise errors.missing("name")
    if len(value) > NAME_MAX_LENGTH:
        raise errors.invalid("name", "must be at most %d characters" % NAME_MAX_LENGTH)
    if CONTROL_CHARACTERS.search(value):
        raise errors.invalid("name", "must not contain control characters")
    return value


def _no_control_characters(value, field):
    if CONTROL_CHARACTERS.search(value):
        raise errors.invalid(field, "must not contain control characters")
    return value


def _dial_by_name(value):
    _no_control_characters(value, "dialByName")
    if any(char in DIAL_BY_NAME_FORBIDDEN or ord(char) > 127 for char in value):
        raise errors.invalid("dialByName", '%, +, \\, " and non-ASCII characters are not allowed')
    return value


def _caller_id_name(value):
    value = _check_fields(value, "directLineCallerIdName", ("selection", "customName"))
    selection = _enum(value, "selection", "directLineCallerIdName.", CALLER_ID_SELECTIONS, required=True)
    custom_name = _string(value, "customName", "directLineCallerIdName.")
    if selection == "CUSTOM_NAME" and not custom_name:
        raise errors.missing("directLineCallerIdName.customName")
    result = {"selection": selection}
    if custom_name:
        result["customName"] = _no_control_characters(custom_name, "directLineCallerIdName.customName")
    return result


def merge_update(stored, body):
    """Apply a PUT body to stored data: top-level fields replace (null clears), omitted ones keep their value."""
    merged = copy.deepcopy(stored)
    for field, value in body.items():
        if value is None:
            merged.pop(field, None)
        else:
            merged[field] = value
    return merged


def check_body(body):
    """Return the body with only its writable fields: read-only and unknown top-level fields are ignored (live)."""
    return _check_fields(body, "", WRITABLE_FIELDS, READ_ONLY_FIELDS)


def validate_auto_attendant(state, location, document, own_id=None, verbatim=(), entity_files=()):
    """Validate a complete auto-attendant document (a create body, or stored data merged with a PUT body).

    Returns the normalised data to store. own_id is the id of the auto attendant being updated, if any. VERBATIM
    names menus stored as given by the control route and not in this PUT: the service does not re-check what a
    request leaves alone. ENTITY_FILES are the audio files the attendant owns (it may refer to them).
    """
    for field in ("name", "businessSchedule", "businessHoursMenu", "afterHoursMenu"):
        if document.get(field) is None:
            raise errors.missing(field)
    if document.get("phoneNumber") in (None, "") and document.get("extension") in (None, ""):
        raise errors.missing("phoneNumber or extension")

    data = {"name": _name(document["name"])}
    for field in ("firstName", "lastName"):
        value = _string(document, field, "")
        if value is not None:
            data[field] = _no_control_characters(value, field)

    phone_number = _string(document, "phoneNumber", "")
    if phone_number:
        data["phoneNumber"] = _phone_number(phone_number, "phoneNumber")
    extension = _string(document, "extension", "")
    if extension:
        if not EXTENSION_PATTERN.fullmatch(extension):
            raise errors.invalid("extension", "%r must be 2 to 10 digits" % extension)
        data["extension"] = extension
    if document.get("alternateNumbers") is not None:
        data["alternateNumbers"] = _alternate_numbers(document["alternateNumbers"])

    language = _string(document, "languageCode", "") or location["announcementLanguage"]
    if language not in LANGUAGES:
        raise errors.invalid("languageCode", "unknown language %r" % language)
    data["languageCode"] = language
    time_zone = _string(document, "timeZone", "") or location["timeZone"]
    if _TIME_ZONES and time_zone not in _TIME_ZONES:
        raise errors.invalid("timeZone", "unknown time zone %r" % time_zone)
    data["timeZone"] = time_zone
    data["extensionDialing"] = _enum(document, "extensionDialing", "", DIALING_SCOPES) or "ENTERPRISE"
    data["nameDialing"] = _enum(document, "nameDialing", "", DIALING_SCOPES) or "ENTERPRISE"
    if document.get("directLineCallerIdName") is not None:
        data["directLineCallerIdName"] = _caller_id_name(document["directLineCallerIdName"])
    else:
        data["directLineCallerIdName"] = {"selection": "DISPLAY_NAME"}
    dial_by_name = _string(document, "dialByName", "")
    if dial_by_name:
        data["dialByName"] = _dial_by_name(dial_by_name)

    for menu in ("businessHoursMenu", "afterHoursMenu"):
        if menu in verbatim:
            data[menu] = copy.deepcopy(document[menu])
        else:
            data[menu] = _menu(state, location, document[menu], menu, entity_files)

    # Conflicts and references to other objects come last, once the body itself is well formed.
    for record in state.auto_attendants.values():
        if record["id"] != own_id and record["locationId"] == location["id"] and record["data"]["name"] == data["name"]:
            raise ApiError(
                409,
                "An auto attendant named %r already exists in location %s" % (data["name"], location["name"]),
                errors.ERR_DUPLICATE_NAME,
            )
    business = _string(document, "businessSchedule", "", required=True)
    if state.schedule(location["id"], "businessHours", business) is None:
        raise ApiError(
            400,
            "businessSchedule: no businessHours schedule named %r in location %s" % (business, location["name"]),
            errors.ERR_SCHEDULE_NOT_FOUND,
        )
    data["businessSchedule"] = business
    holiday = _string(document, "holidaySchedule", "")
    if holiday:
        if state.schedule(location["id"], "holidays", holiday) is None:
            raise ApiError(
                400,
                "holidaySchedule: no holidays schedule named %r in location %s" % (holiday, location["name"]),
                errors.ERR_SCHEDULE_NOT_FOUND,
            )
        data["holidaySchedule"] = holiday

    used = state.numbers_in_use(exclude_id=own_id)
    if "phoneNumber" in data:
        _check_number_available(location, data["phoneNumber"], used, "phoneNumber")
        used[data["phoneNumber"]] = own_id
    for alternate in data.get("alternateNumbers", []):
        _check_number_available(location, alternate["phoneNumber"], used, "alternateNumbers.phoneNumber")
        used[alternate["phoneNumber"]] = own_id
    for record in state.auto_attendants.values():
        if record["id"] == own_id or record["locationId"] != location["id"]:
            continue
        if "extension" in data and record["data"].get("extension") == data["extension"]:
            raise ApiError(
                400,
                "Extension %s is already in use in location %s" % (data["extension"], location["name"]),
                errors.ERR_EXTENSION_IN_USE,
            )
    return data


# -- Schedules and their events ---------------------------------------------------------------------------------------

SCHEDULE_TYPES = ("businessHours", "holidays")
SCHEDULE_NAME_MAX_LENGTH = 80  # GUESS: undocumented, as for auto attendants
EVENT_FIELDS = ("name", "startDate", "endDate", "startTime", "endTime", "allDayEnabled", "recurrence")
EVENT_READ_ONLY_FIELDS = ("id",)
RECURRENCE_PATTERNS = ("recurDaily", "recurWeekly", "recurYearlyByDate", "recurYearlyByDay")
RECURRENCE_FIELDS = ("recurForEver", "recurEndDate", "recurEndOccurrence") + RECURRENCE_PATTERNS
WEEKDAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
MONTHS = (
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
)
DAYS = ("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY")
WEEKS = ("FIRST", "SECOND", "THIRD", "FOURTH", "LAST")
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME_PATTERN = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February 29 exists in leap years


def schedule_name(value, field="name"):
    """A schedule or event name: a non-blank string of at most 80 characters without control characters."""
    if value is None:
        raise errors.missing(field)
    if not isinstance(value, str):
        raise errors.invalid(field, "must be a string")
    if not value.strip():
        raise errors.missing(field)
    if len(value) > SCHEDULE_NAME_MAX_LENGTH:
        raise errors.invalid(field, "must be at most %d characters" % SCHEDULE_NAME_MAX_LENGTH)
    if CONTROL_CHARACTERS.search(value):
        raise errors.invalid(field, "must not contain control characters")
    return value


def schedule_type(value, field="type"):
    """businessHours or holidays (400 otherwise)."""
    if value is None:
        raise errors.missing(field)
    if value not in SCHEDULE_TYPES:
        raise errors.invalid(field, "%r is not one of %s" % (value, ", ".join(SCHEDULE_TYPES)))
    return value


def _date(obj, field, where, required=False):
    value = _string(obj, field, where, required)
    if value is None:
        return None
    try:
        if not DATE_PATTERN.fullmatch(value):
            raise ValueError(value)
        datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise errors.invalid(where + field, "%r is not a date in YYYY-MM-DD format" % value) from exc
    return value


def _time(obj, field, where):
    value = _string(obj, field, where)
    if value is not None and not TIME_PATTERN.fullmatch(value):
        raise errors.invalid(where + field, "%r is not a time in HH:MM format" % value)
    return value


def _positive_int(obj, field, where):
    value = obj.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise errors.invalid(where + field, "must be a positive integer")
    return value


def _recurrence(value, where, start_date):
    value = _check_fields(value, where.rstrip("."), RECURRENCE_FIELDS)
    result = {}
    for_ever = _boolean(value, "recurForEver", where)
    end_date = _date(value, "recurEndDate", where)
    end_occurrence = _positive_int(value, "recurEndOccurrence", where)
    if sum(1 for item in (for_ever, end_date, end_occurrence) if item) > 1:
        raise errors.invalid(where.rstrip("."), "recurForEver, recurEndDate and recurEndOccurrence exclude each other")
    if end_date is not None and end_date < start_date:
        raise errors.invalid(where + "recurEndDate", "must not be before startDate")
    patterns = [pattern for pattern in RECURRENCE_PATTERNS if value.get(pattern) is not None]
    if len(patterns) != 1:
        raise errors.invalid(where.rstrip("."), "exactly one of %s is needed" % ", ".join(RECURRENCE_PATTERNS))
    result["recurForEver"] = bool(for_ever) or (end_date is None and end_occurrence is None)
    if end_date is not None:
        result["recurEndDate"] = end_date
    if end_occurrence is not None:
        result["recurEndOccurrence"] = end_occurrence
    pattern = patterns[0]
    inner = where + pattern + "."
    if pattern == "recurDaily":
        body = _check_fields(value[pattern], where + pattern, ("recurInterval",))
        result[pattern] = {"recurInterval": _positive_int(body, "recurInterval", inner) or 1}
    elif pattern == "recurWeekly":
        body = _check_fields(value[pattern], where + pattern, ("recurInterval",) + WEEKDAYS)
        weekly = {"recurInterval": _positive_int(body, "recurInterval", inner) or 1}
        for day in WEEKDAYS:
            weekly[day] = bool(_boolean(body, day, inner))
        if not any(weekly[day] for day in WEEKDAYS):
            raise errors.invalid(where + pattern, "at least one day must be true")
        result[pattern] = weekly
    elif pattern == "recurYearlyByDate":
        body = _check_fields(value[pattern], where + pattern, ("dayOfMonth", "month"))
        month = _enum(body, "month", inner, MONTHS, required=True)
        day = body.get("dayOfMonth")
        if day is None:
            raise errors.missing(inner + "dayOfMonth")
        if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= DAYS_IN_MONTH[MONTHS.index(month)]:
            raise errors.invalid(inner + "dayOfMonth", "%r is not a day of %s" % (day, month))
        result[pattern] = {"dayOfMonth": day, "month": month}
    else:
        body = _check_fields(value[pattern], where + pattern, ("day", "week", "month"))
        result[pattern] = {
            "day": _enum(body, "day", inner, DAYS, required=True),
            "week": _enum(body, "week", inner, WEEKS, required=True),
            "month": _enum(body, "month", inner, MONTHS, required=True),
        }
    return result


def schedule_event(value, where="event."):
    """Validate one event (create body, update body, or an entry of a schedule's events); return what to store.

    Stored shape: name, startDate, endDate, allDayEnabled, startTime/endTime (only when not all day), recurrence
    (only when given). An all-day event with times, or a timed event without both times, is refused.
    """
    value = _check_fields(value, where.rstrip("."), EVENT_FIELDS + ("newName",), EVENT_READ_ONLY_FIELDS)
    name = schedule_name(value.get("name"), where + "name")
    start_date = _date(value, "startDate", where, required=True)
    end_date = _date(value, "endDate", where, required=True)
    if end_date < start_date:
        raise errors.invalid(where + "endDate", "must not be before startDate")
    start_time = _time(value, "startTime", where)
    end_time = _time(value, "endTime", where)
    all_day = _boolean(value, "allDayEnabled", where)
    if all_day is None:
        all_day = start_time is None and end_time is None
    event = {"name": name, "startDate": start_date, "endDate": end_date}
    if all_day:
        if start_time is not None or end_time is not None:
            raise errors.invalid(where + "allDayEnabled", "an all-day event takes no startTime or endTime")
    else:
        if start_time is None:
            raise errors.missing(where + "startTime")
        if end_time is None:
            raise errors.missing(where + "endTime")
        if start_date == end_date and end_time <= start_time:
            raise errors.invalid(where + "endTime", "must be after startTime")
        event["startTime"] = start_time
        event["endTime"] = end_time
    event["allDayEnabled"] = all_day
    if value.get("recurrence") is not None:
        event["recurrence"] = _recurrence(value["recurrence"], where + "recurrence.", start_date)
    if value.get("newName") is not None:
        event["newName"] = schedule_name(value["newName"], where + "newName")
    return event


def schedule_events(value, field="events"):
    """Validate a list of events; a name twice is refused. Returns the stored events (newName applied)."""
    if not isinstance(value, list):
        raise errors.invalid(field, "must be an array")
    events, seen = [], set()
    for index, entry in enumerate(value):
        event = schedule_event(entry, "%s[%d]." % (field, index))
        final_name = event.pop("newName", None) or event["name"]
        if final_name in seen:
            raise errors.invalid(field, "event name %r is used more than once" % final_name)
        seen.add(final_name)
        event["name"] = final_name
        events.append(event)
    return events


def audio_ids(value):
    """The ids of every audio file named in VALUE (a stored attendant's data), at any depth."""
    if isinstance(value, dict):
        found = set()
        for key, item in value.items():
            if key == "audioAnnouncementFile" and isinstance(item, dict) and item.get("id"):
                found.add(item["id"])
            else:
                found |= audio_ids(item)
        return found
    if isinstance(value, list):
        return set().union(*[audio_ids(item) for item in value])
    return set()
