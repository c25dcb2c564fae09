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
