"""One set of builders for the whole suite: module options (snake_case) and API bodies (camelCase) of the objects
the tests make, and the names the simulator's seed data holds.

Every builder returns a fresh copy, so a test may change what it gets. Keyword arguments are merged over the
defaults (None is kept: a test may mean "left out" or "null"; drop a key with without()).
"""

import copy

# -- module names -----------------------------------------------------------------------------------------------------

COLLECTION = "wxc.calling"
AA_MODULE = "wxc.calling.webex_auto_attendant"
AA_BULK_MODULE = "wxc.calling.webex_auto_attendants"
INFO_MODULE = "wxc.calling.webex_auto_attendant_info"
SCHEDULE_MODULE = "wxc.calling.webex_schedule"
FORWARDING_MODULE = "wxc.calling.webex_auto_attendant_forwarding"
ANNOUNCEMENT_MODULE = "wxc.calling.webex_announcement"

# -- what the simulator's seed holds (tests/simulator/seed.py) --------------------------------------------------------

HQ = "Headquarters"
ANNEX = "Headquarters Annex"
DENVER = "Branch Office Denver"
AUSTIN = "Branch Office Austin"
BUSINESS = "AUTOATTENDANT-BUSINESS-HOURS"
HOLIDAYS = "AUTOATTENDANT-HOLIDAY"
EXTENDED = "HQ-Extended-Hours"

AA_LIST_PATH = "/telephony/config/autoAttendants"

# -- auto attendants --------------------------------------------------------------------------------------------------

EXIT_KEY = {"key": "0", "action": "EXIT"}


def menu(*keys, **options):
    """A menu in module options: DEFAULT greeting, extension dialing on, KEYS (default: 0 exits)."""
    return dict(
        {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": copy.deepcopy(list(keys) or [EXIT_KEY]),
        },
        **copy.deepcopy(options),
    )


def api_menu(*keys, **fields):
    """The same menu as the API writes it."""
    return dict(
        {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": copy.deepcopy(list(keys) or [EXIT_KEY])},
        **copy.deepcopy(fields),
    )


def aa_options(name="Reception", extension="2100", location=HQ, **options):
    """webex_auto_attendant options of an attendant that can be created: both menus, a schedule, an extension."""
    return dict(
        {
            "location": location,
            "name": name,
            "extension": extension,
            "business_schedule": BUSINESS,
            "business_hours_menu": menu(),
            "after_hours_menu": menu(),
        },
        **copy.deepcopy(options),
    )


def aa_body(name="Reception", extension="2100", **fields):
    """The body of a Create an Auto Attendant request for the same attendant."""
    return dict(
        {
            "name": name,
            "extension": extension,
            "businessSchedule": BUSINESS,
            "businessHoursMenu": api_menu(),
            "afterHoursMenu": api_menu(),
        },
        **copy.deepcopy(fields),
    )


def key(number, action, **fields):
    """A key entry in module options: key(1, "TRANSFER_WITHOUT_PROMPT", value="2100")."""
    return dict({"key": str(number), "action": action}, **copy.deepcopy(fields))


# Three attendants that together use every feature (webex_auto_attendant_info's and the export's tests): both menus,
# every key action, audio files on greetings, keys and call treatment (an organisation file by id only, one by file
# name, media type and level, one of Headquarters), alternate numbers, holiday schedule, caller id name, dial by name,
# first and last name.
AUDIO_ID = "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw"
AUDIO_BY_ID = {"id": AUDIO_ID}
WELCOME_WAV = {"fileName": "welcome.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}
HQ_AFTER_HOURS_WAV = {"fileName": "hq-after-hours.wav", "mediaFileType": "WAV", "level": "LOCATION"}
CLOSED_WMA = {"fileName": "closed.wma", "mediaFileType": "WMA", "level": "ORGANIZATION"}


def _full_menu(keys, greeting="DEFAULT", audio=None, extension_enabled=True, call_treatment=None):
    result = {"greeting": greeting, "extensionEnabled": extension_enabled, "keyConfigurations": keys}
    if audio:
        result["audioAnnouncementFile"] = audio
    if call_treatment:
        result["callTreatment"] = call_treatment
    return result


def every_feature_attendants():
    """[(location name, Create an Auto Attendant body)] of Main Line (Headquarters), Reception (Denver) and
    Recepción (Austin)."""
    main_line = {
        "name": "Main Line",
        "phoneNumber": "+19705550020",
        "extension": "0028",
        "firstName": "Main",
        "lastName": "Line",
        "alternateNumbers": [
            {"phoneNumber": "+19705550021", "ringPattern": "LONG_LONG"},
            {"phoneNumber": "+18885550100", "ringPattern": "SHORT_SHORT_LONG"},
        ],
        "languageCode": "en_us",
        "businessSchedule": EXTENDED,
        "holidaySchedule": HOLIDAYS,
        "extensionDialing": "GROUP",
        "nameDialing": "GROUP",
        "timeZone": "America/Los_Angeles",
        "businessHoursMenu": _full_menu(
            [
                {"key": "#", "action": "EXIT", "description": "Goodbye"},
                {"key": "*", "action": "REPEAT_MENU"},
                {"key": "0", "action": "TRANSFER_TO_OPERATOR", "description": "Operator"},
                {"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "+19175551092", "description": "Sales"},
                {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000", "description": "Support"},
                {"key": "3", "action": "TRANSFER_TO_MAILBOX", "value": "0029"},
                {"key": "4", "action": "NAME_DIALING"},
                {"key": "5", "action": "EXTENSION_DIALING"},
                {
                    "key": "9",
                    "action": "PLAY_ANNOUNCEMENT",
                    "audioAnnouncementFile": WELCOME_WAV,
                    "description": "Hours",
                },
            ],
            greeting="CUSTOM",
            audio=AUDIO_BY_ID,
            call_treatment={
                "retryAttemptForNoInput": "TWO_TIMES",
                "noInputTimer": 15,
                "actionToBePerformed": {
                    "action": "TRANSFER_WITH_PROMPT",
                    "greeting": "DEFAULT",
                    "transferCallTo": "1000",
                },
            },
        ),
        "afterHoursMenu": _full_menu(
            [
                {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19073569984"},
                {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": AUDIO_BY_ID},
                {"key": "*", "action": "REPEAT_MENU"},
            ],
            greeting="CUSTOM",
            audio=HQ_AFTER_HOURS_WAV,
            extension_enabled=False,
            call_treatment={
                "retryAttemptForNoInput": "ONE_TIME",
                "noInputTimer": "20",
                "actionToBePerformed": {
                    "action": "PLAY_MESSAGE_AND_DISCONNECT",
                    "greeting": "CUSTOM",
                    "audioAnnouncementFile": CLOSED_WMA,
                },
            },
        ),
        "directLineCallerIdName": {"selection": "CUSTOM_NAME", "customName": "Main Line"},
        "dialByName": "Main Line",
    }
    denver = {
        "name": "Reception",
        "extension": "2100",
        "businessSchedule": BUSINESS,
        "holidaySchedule": HOLIDAYS,
        "timeZone": "America/Denver",
        "alternateNumbers": [{"phoneNumber": "+17205550101", "ringPattern": "NORMAL"}],
        "businessHoursMenu": _full_menu(
            [
                {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2199", "description": "Operator"},
                {"key": "#", "action": "NAME_DIALING"},
            ]
        ),
        "afterHoursMenu": _full_menu(
            [{"key": "0", "action": "TRANSFER_TO_MAILBOX", "value": "2199"}], greeting="CUSTOM", audio=CLOSED_WMA
        ),
        "directLineCallerIdName": {"selection": "DISPLAY_NAME"},
    }
    austin = {
        "name": "Recepción",
        "phoneNumber": "+15125550100",
        "businessSchedule": BUSINESS,
        "languageCode": "es_es",
        "businessHoursMenu": _full_menu(
            [
                {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": WELCOME_WAV},
                {"key": "2", "action": "TRANSFER_TO_OPERATOR"},
            ]
        ),
        "afterHoursMenu": _full_menu([{"key": "#", "action": "EXIT"}]),
    }
    return [(HQ, main_line), (DENVER, denver), (AUSTIN, austin)]


# The audio file of the documentation example below, given by id as the example gives it.
DOC_EXAMPLE_AUDIO = {
    "id": "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw",
    "file_name": "AUDIO_FILE.wav",
    "media_file_type": "WAV",
    "level": "ORGANIZATION",
}


def aa_doc_example(**options):
    """The body of the documentation example of "Create an Auto Attendant", as webex_auto_attendant options."""
    audio = DOC_EXAMPLE_AUDIO
    return dict(
        {
            "location": HQ,
            "name": "Main Line AA - Test",
            "phone_number": "+19705550026",
            "extension": "200",
            "first_name": "Main Line AA",
            "last_name": "Test",
            "language_code": "en_us",
            "business_schedule": BUSINESS,
            "holiday_schedule": HOLIDAYS,
            "extension_dialing": "ENTERPRISE",
            "name_dialing": "ENTERPRISE",
            "time_zone": "America/Los_Angeles",
            "business_hours_menu": menu(
                key(0, "EXIT"),
                key(1, "TRANSFER_WITHOUT_PROMPT", value="+19175551092"),
                key(2, "TRANSFER_WITH_PROMPT", value="+19073569984"),
                key(3, "EXTENSION_DIALING"),
                key(4, "TRANSFER_TO_MAILBOX", value="+19705550006"),
                key(5, "PLAY_ANNOUNCEMENT", audio_announcement_file=audio),
                key(6, "REPEAT_MENU"),
                audio_announcement_file=audio,
            ),
            "after_hours_menu": menu(
                key(0, "EXIT"),
                key(1, "PLAY_ANNOUNCEMENT", audio_announcement_file=audio),
                audio_announcement_file=audio,
            ),
        },
        **copy.deepcopy(options),
    )


def aa_reception(**options):
    """A small attendant with an operator, a sales line (prompted) and a repeat key: webex_auto_attendant options."""
    return aa_options(
        business_hours_menu=menu(
            key(0, "TRANSFER_WITHOUT_PROMPT", value="1000", description="Operator"),
            key(1, "TRANSFER_WITH_PROMPT", value="+19175551092", description="Sales"),
            key("*", "REPEAT_MENU"),
        ),
        **options,
    )


# -- schedules --------------------------------------------------------------------------------------------------------

SATURDAY = {
    "name": "Saturday",
    "start_date": "2026-01-10",
    "end_date": "2026-01-10",
    "start_time": "09:00",
    "end_time": "12:00",
}
API_SATURDAY = {
    "name": "Saturday",
    "startDate": "2026-01-10",
    "endDate": "2026-01-10",
    "startTime": "09:00",
    "endTime": "12:00",
    "allDayEnabled": False,
}
API_SUNDAY = {"name": "Sunday", "startDate": "2026-01-11", "endDate": "2026-01-11", "allDayEnabled": True}
WEEKDAYS = {
    "name": "Weekdays",
    "start_date": "2026-01-05",
    "end_date": "2026-01-05",
    "start_time": "09:00",
    "end_time": "17:00",
    "recurrence": {"recur_weekly": {"monday": True, "friday": True}},
}
API_WEEKDAYS = {
    "name": "Weekdays",
    "startDate": "2026-01-05",
    "endDate": "2026-01-05",
    "startTime": "09:00",
    "endTime": "17:00",
    "recurrence": {"recurWeekly": {"sunday": False, "monday": True, "friday": True}},
}


def event(base=None, **fields):
    """A copy of the event BASE (options or API form; default SATURDAY) with FIELDS over it."""
    return dict(copy.deepcopy(SATURDAY if base is None else base), **copy.deepcopy(fields))


def schedule_options(name="Office hours", type="business_hours", location=HQ, events=(SATURDAY,), **options):  # noqa: A002
    """webex_schedule options; EVENTS=None leaves the events alone."""
    result = {"location": location, "type": type, "name": name, "state": "present"}
    result["events"] = None if events is None else copy.deepcopy(list(events))
    result.update(copy.deepcopy(options))
    return result


def schedule_body(name="Office hours", kind="businessHours", events=(API_SATURDAY,)):
    """The body of a Create a Schedule request."""
    return {"type": kind, "name": name, "events": copy.deepcopy(list(events))}


# -- helpers ----------------------------------------------------------------------------------------------------------


def without(mapping, *keys):
    """A copy of MAPPING without KEYS."""
    return {k: copy.deepcopy(v) for k, v in mapping.items() if k not in keys}
