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
CALL_PATH_MODULE = "wxc.calling.webex_call_path"
SITE_MODULE = "wxc.calling.webex_site"
SCHEDULE_INFO_MODULE = "wxc.calling.webex_schedule_info"

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
LATE = {
    "name": "Late",
    "start_date": "2026-01-08",
    "end_date": "2026-01-08",
    "start_time": "17:00",
    "end_time": "20:00",
}
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


# -- a call-flow site (webex_call_path and the call_path filter) --------------------------------------------------------
# Denver (America/Denver) of the seed: business hours on weekdays, a late shift, holidays (one-day, yearly by date,
# yearly by day); Main Line with every key action and selective forwarding (by caller, by schedule), Sales and Support
# whose no-input treatments send the call to each other (a loop), Front Desk forwarding always to Sales.

DENVER_TZ = "America/Denver"
MAIN_LINE_NUMBER = "+17205550100"
FRONT_DESK_NUMBER = "+17205550101"
WELCOME = {"file_name": "welcome.wav", "media_file_type": "WAV", "level": "ORGANIZATION"}
AUDIO_FILE = {"file_name": "AUDIO_FILE.wav", "media_file_type": "WAV", "level": "ORGANIZATION"}
# What the seed's announcement repository says of them (tests/simulator/seed.py), as the filter is given it.
SITE_ANNOUNCEMENTS = [
    {"name": "Welcome", "file_name": "welcome.wav", "level": "ORGANIZATION"},
    {"name": "Audio File", "file_name": "AUDIO_FILE.wav", "level": "ORGANIZATION"},
]
WEEKDAYS_9_TO_5 = {
    "name": "Weekdays",
    "start_date": "2026-01-05",
    "end_date": "2026-01-05",
    "start_time": "09:00",
    "end_time": "17:00",
    "recurrence": {
        "recur_weekly": {"monday": True, "tuesday": True, "wednesday": True, "thursday": True, "friday": True}
    },
}
EVENINGS = {
    "name": "Evenings",
    "start_date": "2026-01-05",
    "end_date": "2026-01-05",
    "start_time": "17:00",
    "end_time": "22:00",
    "recurrence": {"recur_daily": {"recur_interval": 1}},
}
CHRISTMAS = {
    "name": "Christmas",
    "start_date": "2026-12-25",
    "end_date": "2026-12-25",
    "all_day_enabled": True,
    "recurrence": {"recur_yearly_by_date": {"day_of_month": 25, "month": "DECEMBER"}},
}
FOUNDERS_DAY = {"name": "Founders day", "start_date": "2026-07-06", "end_date": "2026-07-06", "all_day_enabled": True}
THANKSGIVING = {
    "name": "Thanksgiving",
    "start_date": "2026-11-26",
    "end_date": "2026-11-26",
    "all_day_enabled": True,
    "recurrence": {"recur_yearly_by_day": {"day": "THURSDAY", "week": "FOURTH", "month": "NOVEMBER"}},
}


def site_schedules(location=DENVER):
    return [
        schedule_options("Office hours", location=location, events=[WEEKDAYS_9_TO_5]),
        schedule_options("Late shift", location=location, events=[EVENINGS]),
        schedule_options(
            "Holidays", type="holidays", location=location, events=[CHRISTMAS, FOUNDERS_DAY, THANKSGIVING]
        ),
    ]


def site_attendants(location=DENVER):
    main_line = aa_options(
        "Main Line",
        "2100",
        location,
        phone_number=MAIN_LINE_NUMBER,
        business_schedule="Office hours",
        holiday_schedule="Holidays",
        business_hours_menu=menu(
            key(0, "TRANSFER_TO_OPERATOR"),
            key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Sales"),
            key(2, "TRANSFER_WITH_PROMPT", value="+13035550123"),
            key(3, "EXTENSION_DIALING"),
            key(4, "NAME_DIALING"),
            key(5, "PLAY_ANNOUNCEMENT", audio_announcement_file=AUDIO_FILE),
            key(6, "TRANSFER_TO_MAILBOX", value="2100"),
            key(8, "REPEAT_MENU"),
            key(9, "EXIT"),
            greeting="CUSTOM",
            audio_announcement_file=WELCOME,
            call_treatment={
                "retry_attempt_for_no_input": "TWO_TIMES",
                "no_input_timer": 5,
                "action_to_be_performed": {"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "DEFAULT"},
            },
        ),
        after_hours_menu=menu(
            key(1, "TRANSFER_TO_MAILBOX", value="2100"),
            call_treatment={"action_to_be_performed": {"action": "TRANSFER_TO_MAILBOX", "transfer_call_to": "2100"}},
        ),
    )
    sales = aa_options(
        "Sales",
        "2200",
        location,
        business_schedule="Office hours",
        business_hours_menu=menu(
            key(1, "TRANSFER_WITHOUT_PROMPT", value="2201"),
            key(9, "TRANSFER_WITHOUT_PROMPT", value="2100"),
            call_treatment={
                "action_to_be_performed": {"action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support"}
            },
        ),
    )
    support = aa_options(
        "Support",
        "2300",
        location,
        business_schedule="Office hours",
        business_hours_menu=menu(
            call_treatment={
                "action_to_be_performed": {"action": "TRANSFER_WITHOUT_PROMPT", "transfer_call_to": "2200"}
            },
        ),
    )
    front_desk = aa_options(
        "Front Desk", "2400", location, phone_number=FRONT_DESK_NUMBER, business_schedule="Office hours"
    )
    return [main_line, sales, support, front_desk]


def site_forwarding(location=DENVER):
    """webex_auto_attendant_forwarding options of the site: Main Line's selective rules, Front Desk always to Sales."""
    return [
        {
            "location": location,
            "auto_attendant": "Main Line",
            "selective": {"enabled": True, "destination": "+13035550100"},
            "rules": [
                {
                    "name": "VIP",
                    "enabled": True,
                    "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+13035550177"},
                    "calls_from": {"selection": "CUSTOM", "custom_numbers": {"numbers": ["+13035550199"]}},
                },
                {
                    "name": "Evenings",
                    "enabled": True,
                    "business_schedule": "Late shift",
                    "forward_to": {"selection": "FORWARD_TO_DEFAULT_NUMBER"},
                    "calls_from": {"selection": "ANY"},
                },
            ],
        },
        {"location": location, "auto_attendant": "Front Desk", "always": {"enabled": True, "destination": "2200"}},
    ]


def site_data(location=DENVER, time_zone=DENVER_TZ):
    """The site as the call_path filter takes it."""
    return {
        "auto_attendants": site_attendants(location),
        "schedules": site_schedules(location),
        "forwarding": site_forwarding(location),
        "locations": [{"name": location, "time_zone": time_zone}],
        "announcements": copy.deepcopy(SITE_ANNOUNCEMENTS),
    }


def call_test(name, number=MAIN_LINE_NUMBER, at="2026-03-09T09:30", presses=(), **fields):
    """One call-flow test (a tests[] item): Monday 2026-03-09 09:30 in Denver by default."""
    return dict({"name": name, "number": number, "at": at, "presses": list(presses)}, **copy.deepcopy(fields))


def site_tests():
    """Call-flow tests of the site, each with the expect the site meets (the module and the filter must agree)."""
    return [
        call_test(
            "Weekday, sales, then a person",
            presses=["1", "1"],
            expect={
                "destination": {"type": "extension", "value": "2201"},
                "auto_attendant": "Sales",
                "menu": "business_hours",
            },
        ),
        call_test(
            "Before opening",
            at="2026-03-09T08:30",
            expect={"destination": {"type": "voicemail", "value": "2100"}, "menu": "after_hours"},
        ),
        call_test(
            "Christmas next year",
            at="2027-12-25T10:00",
            expect={"destination": {"type": "voicemail", "value": "2100"}, "menu": "after_hours"},
        ),
        call_test("Founders day", at="2026-07-06T10:00", expect={"menu": "after_hours"}),
        call_test("Thanksgiving", at="2027-11-25T10:00", expect={"menu": "after_hours"}),
        call_test(
            "Daylight saving: 15:30 UTC is 09:30 in Denver",
            at="2026-03-09T15:30:00Z",
            expect={"menu": "business_hours"},
        ),
        call_test(
            "VIP caller", caller="+13035550199", expect={"destination": {"type": "number", "value": "+13035550177"}}
        ),
        call_test(
            "Evening forwarding",
            at="2026-03-09T18:00",
            expect={"destination": {"type": "number", "value": "+13035550100"}},
        ),
        call_test(
            "Front desk forwards always to Sales",
            number=FRONT_DESK_NUMBER,
            presses=["1"],
            expect={"destination": {"type": "extension", "value": "2201"}, "auto_attendant": "Sales"},
        ),
        call_test(
            "Sales and Support send silence to each other",
            number="2200",
            location=DENVER,
            expect={"destination": {"type": "loop"}},
        ),
        call_test("Operator", presses=["0"], expect={"destination": {"type": "operator"}}),
        call_test(
            "Transfer with prompt", presses=["2"], expect={"destination": {"type": "number", "value": "+13035550123"}}
        ),
        call_test(
            "Dial by extension", presses=["3", "2201"], expect={"destination": {"type": "extension", "value": "2201"}}
        ),
        call_test("Dial by name", presses=["4"], expect={"destination": {"type": "dial_by_name"}}),
        call_test("Announcement, then exit", presses=["5", "9"], expect={"destination": {"type": "disconnect"}}),
        call_test("Mailbox", presses=["6"], expect={"destination": {"type": "voicemail", "value": "2100"}}),
        call_test("Repeat, then operator", presses=["8", "0"], expect={"destination": {"type": "operator"}}),
        call_test("No input", expect={"destination": {"type": "disconnect"}}),
        call_test(
            "Sales and back to the main line",
            presses=["1", "9", "0"],
            expect={"destination": {"type": "operator"}, "auto_attendant": "Sales"},
        ),
    ]


# -- the webex_locations inventory plugin -----------------------------------------------------------------------------

# Its options at their defaults (the wxc.calling.webex fragment's, the constructed fragment's and its own).
INVENTORY_DEFAULTS = {
    "access_token": None,
    "client_id": None,
    "client_secret": None,
    "refresh_token": None,
    "api_url": "https://webexapis.com/v1",
    "org_id": None,
    "validate_certs": True,
    "timeout": 30,
    "hostnames": "slug",
    "group_by": ["country", "state", "time_zone"],
    "filters": [],
    "strict": False,
    "compose": {},
    "groups": {},
    "keyed_groups": [],
    "leading_separator": True,
    "use_extra_vars": False,
}


def locations_inventory(**options):
    """The webex_locations inventory plugin with OPTIONS as if set in its inventory file (origin "Direct"), every other
    option at its default (origin "default"), and an empty inventory to fill: its code without Ansible's reading of
    the file (which ansible-inventory tests)."""
    # pylint: disable=import-outside-toplevel,protected-access
    from ansible.inventory.data import InventoryData
    from ansible.parsing.dataloader import DataLoader

    from ansible_collections.wxc.calling.plugins.inventory.webex_locations import InventoryModule

    found = InventoryModule()
    found._options = dict(copy.deepcopy(INVENTORY_DEFAULTS), **options)
    found._origins = {name: "Direct" if name in options else "default" for name in found._options}
    found.loader = DataLoader()
    found.inventory = InventoryData()
    return found


# -- helpers ----------------------------------------------------------------------------------------------------------


def without(mapping, *keys):
    """A copy of MAPPING without KEYS."""
    return {k: copy.deepcopy(v) for k, v in mapping.items() if k not in keys}
