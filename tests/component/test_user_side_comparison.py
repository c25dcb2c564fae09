"""Every comparison tested from the user's side: what the user writes, not what the service returns.

Each task is webex_auto_attendant's or webex_schedule's work computed in this process (helpers.task_result: the
argument spec, validate_options() and run(), as run_module() does) against the simulator over HTTP.

- Any order the user writes (menu keys, alternate numbers, events, the keys of every mapping) and any omission of an
  option the module leaves alone: no change, no write.
- Each field changed alone (down to one alternate number's ring pattern, one key's description, one event's end
  time): changed, exactly one write carrying exactly that field, and the same task again is no change.
"""

import copy
from urllib.parse import unquote

import pytest
from ansible.module_utils.common.dict_transformations import snake_dict_to_camel_dict

from tests.builders import AA_MODULE, HQ, SCHEDULE_MODULE
from tests.component.helpers import aa_path, task_result
from tests.integration.scenario import attendant, create_schedule, schedule, schedules_base, writes

AUDIO = {
    "id": "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw",
    "file_name": "AUDIO_FILE.wav",
    "media_file_type": "WAV",
    "level": "ORGANIZATION",
}
WELCOME = {"file_name": "welcome.wav", "media_file_type": "WAV", "level": "ORGANIZATION"}


def base_options(name, extension, alternates=()):
    """A rich auto attendant as the user writes it: every top-level option, menus with keys, audio and call treatment."""
    options = {
        "location": "Headquarters",
        "name": name,
        "extension": extension,
        "first_name": "Front",
        "last_name": "Desk",
        "language_code": "en_us",
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "holiday_schedule": "AUTOATTENDANT-HOLIDAY",
        "extension_dialing": "ENTERPRISE",
        "name_dialing": "ENTERPRISE",
        "time_zone": "America/Los_Angeles",
        "dial_by_name": "Front Desk",
        "direct_line_caller_id_name": {"selection": "CUSTOM_NAME", "custom_name": "Front"},
        "business_hours_menu": {
            "greeting": "CUSTOM",
            "extension_enabled": True,
            "audio_announcement_file": copy.deepcopy(AUDIO),
            "key_configurations": [
                {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000", "description": "Operator"},
                {"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "1002", "description": "Sales"},
                {"key": "2", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": copy.deepcopy(AUDIO)},
                {"key": "*", "action": "REPEAT_MENU"},
            ],
            "call_treatment": {
                "retry_attempt_for_no_input": "ONE_TIME",
                "no_input_timer": 10,
                "action_to_be_performed": {"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "DEFAULT"},
            },
        },
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": False,
            "key_configurations": [{"key": "0", "action": "EXIT"}, {"key": "#", "action": "REPEAT_MENU"}],
        },
    }
    if alternates:
        options["alternate_numbers"] = [
            {"phone_number": number, "ring_pattern": pattern} for number, pattern in alternates
        ]
    return options


def api_body(options):
    """The options as the API's create body (set through the API, so that the module's first run is a comparison)."""
    fields = {key: value for key, value in options.items() if key != "location"}
    return snake_dict_to_camel_dict(fields)


def create(sim, options):
    location_id = sim.location_id(HQ)
    response = sim.api("POST", aa_path(location_id), json=api_body(options))
    assert response.status_code == 201, response.text
    return response.json()["id"]


def reordered(value):
    """VALUE with the keys of every mapping in reverse order (lists keep their order)."""
    if isinstance(value, dict):
        return {key: reordered(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [reordered(item) for item in value]
    return value


def without(options, *paths):
    result = copy.deepcopy(options)
    for path in paths:
        holder = result
        for part in path[:-1]:
            holder = holder[part]
        del holder[path[-1]]
    return result


ALTERNATES = (("+19705550010", "NORMAL"), ("+19705550011", "LONG_LONG"))


def no_change_variants(options):
    keys = options["business_hours_menu"]["key_configurations"]
    variants = {
        "as written": options,
        "keys reversed": copy.deepcopy(options),
        "keys shuffled": copy.deepcopy(options),
        "alternate numbers reversed": copy.deepcopy(options),
        "mapping keys in reverse order": reordered(options),
        "only the name": {"location": "Headquarters", "name": options["name"]},
        "one menu only": without(options, ("after_hours_menu",), ("alternate_numbers",), ("first_name",)),
        "menu without call treatment or greeting audio": without(
            options, ("business_hours_menu", "call_treatment"), ("business_hours_menu", "audio_announcement_file")
        ),
        "call treatment partly": without(
            options,
            ("business_hours_menu", "call_treatment", "action_to_be_performed"),
            ("business_hours_menu", "call_treatment", "no_input_timer"),
        ),
        "caller id name and dialing left out": without(
            options, ("direct_line_caller_id_name",), ("name_dialing",), ("extension_dialing",), ("dial_by_name",)
        ),
        "audio by id only": copy.deepcopy(options),
        "audio by name only": copy.deepcopy(options),
    }
    variants["keys reversed"]["business_hours_menu"]["key_configurations"] = list(reversed(copy.deepcopy(keys)))
    variants["keys reversed"]["after_hours_menu"]["key_configurations"].reverse()
    variants["keys shuffled"]["business_hours_menu"]["key_configurations"] = [
        copy.deepcopy(keys[i]) for i in (3, 1, 0, 2)
    ]
    variants["alternate numbers reversed"]["alternate_numbers"].reverse()
    variants["audio by id only"]["business_hours_menu"]["audio_announcement_file"] = {"id": AUDIO["id"]}
    variants["audio by name only"]["business_hours_menu"]["audio_announcement_file"] = without(AUDIO, ("id",))
    return variants


def test_any_order_and_any_omission_is_no_change(sim, client):
    options = base_options("Orders", "2601", ALTERNATES)
    create(sim, options)
    sim.clear_requests()
    variants = no_change_variants(options)
    results = {label: task_result(client, AA_MODULE, args) for label, args in variants.items()}
    assert {label: (result["failed"], result["changed"]) for label, result in results.items()} == dict.fromkeys(
        variants, (False, False)
    )
    assert writes(sim) == []


def _set(options, path, value):
    holder = options
    for part in path[:-1]:
        holder = holder[part]
    if value is _DELETE:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value


_DELETE = object()
BHM = "business_hours_menu"
KEYS = (BHM, "key_configurations")
# label: (changes [(path, value)], the top-level API field the PUT must carry, check on the details read back)
FIELD_CHANGES = {
    "extension": ([(("extension",), "2699")], "extension", lambda d: d["extension"] == "2699"),
    "phone_number": (
        [(("phone_number",), "+19705550020")],
        "phoneNumber",
        lambda d: d["phoneNumber"] == "+19705550020",
    ),
    "first_name": ([(("first_name",), "Back")], "firstName", lambda d: d["firstName"] == "Back"),
    "last_name": ([(("last_name",), "Office")], "lastName", lambda d: d["lastName"] == "Office"),
    "language_code": ([(("language_code",), "en_gb")], "languageCode", lambda d: d["languageCode"] == "en_gb"),
    "business_schedule": (
        [(("business_schedule",), "HQ-Extended-Hours")],
        "businessSchedule",
        lambda d: d["businessSchedule"] == "HQ-Extended-Hours",
    ),
    "holiday_schedule": (
        [(("holiday_schedule",), "Holidays B")],
        "holidaySchedule",
        lambda d: d["holidaySchedule"] == "Holidays B",
    ),
    "extension_dialing": (
        [(("extension_dialing",), "GROUP")],
        "extensionDialing",
        lambda d: d["extensionDialing"] == "GROUP",
    ),
    "name_dialing": ([(("name_dialing",), "GROUP")], "nameDialing", lambda d: d["nameDialing"] == "GROUP"),
    "time_zone": ([(("time_zone",), "America/Denver")], "timeZone", lambda d: d["timeZone"] == "America/Denver"),
    "dial_by_name": ([(("dial_by_name",), "Front Office")], "dialByName", lambda d: d["dialByName"] == "Front Office"),
    "caller id custom_name": (
        [(("direct_line_caller_id_name", "custom_name"), "Lobby")],
        "directLineCallerIdName",
        lambda d: d["directLineCallerIdName"]["customName"] == "Lobby",
    ),
    "caller id selection": (
        [(("direct_line_caller_id_name",), {"selection": "DISPLAY_NAME"})],
        "directLineCallerIdName",
        lambda d: d["directLineCallerIdName"]["selection"] == "DISPLAY_NAME",
    ),
    "menu greeting": (
        [((BHM, "greeting"), "DEFAULT")],
        "businessHoursMenu",
        lambda d: d["businessHoursMenu"]["greeting"] == "DEFAULT",
    ),
    "menu extension_enabled": (
        [((BHM, "extension_enabled"), False)],
        "businessHoursMenu",
        lambda d: d["businessHoursMenu"]["extensionEnabled"] is False,
    ),
    "menu audio file": (
        [((BHM, "audio_announcement_file"), WELCOME)],
        "businessHoursMenu",
        lambda d: d["businessHoursMenu"]["audioAnnouncementFile"]["fileName"] == "welcome.wav",
    ),
    "key value": (
        [(KEYS + (0, "value"), "1001")],
        "businessHoursMenu",
        lambda d: d["businessHoursMenu"]["keyConfigurations"][0]["value"] == "1001",
    ),
    "key description": (
        [(KEYS + (1, "description"), "Sales team")],
        "businessHoursMenu",
        lambda d: d["businessHoursMenu"]["keyConfigurations"][1]["description"] == "Sales team",
    ),
    "key description removed": (
        [(KEYS + (1, "description"), _DELETE)],
        "businessHoursMenu",
        lambda d: not d["businessHoursMenu"]["keyConfigurations"][1].get("description"),
    ),
    "key action": (
        [(KEYS + (1, "action"), "TRANSFER_WITHOUT_PROMPT")],
        "businessHoursMenu",
        lambda d: d["businessHoursMenu"]["keyConfigurations"][1]["action"] == "TRANSFER_WITHOUT_PROMPT",
    ),
    "key audio file": (
        [(KEYS + (2, "audio_announcement_file"), WELCOME)],
        "businessHoursMenu",
        lambda d: d["businessHoursMenu"]["keyConfigurations"][2]["audioAnnouncementFile"]["fileName"] == "welcome.wav",
    ),
    "key added": (
        [(KEYS + (4,), {"key": "9", "action": "EXIT"})],
        "businessHoursMenu",
        lambda d: [k["key"] for k in d["businessHoursMenu"]["keyConfigurations"]] == ["0", "1", "2", "9", "*"],
    ),
    "key removed": (
        [(KEYS + (3,), _DELETE)],
        "businessHoursMenu",
        lambda d: [k["key"] for k in d["businessHoursMenu"]["keyConfigurations"]] == ["0", "1", "2"],
    ),
    "no_input_timer": (
        [((BHM, "call_treatment", "no_input_timer"), 20)],
        "businessHoursMenu",
        lambda d: int(d["businessHoursMenu"]["callTreatment"]["noInputTimer"]) == 20,
    ),
    "retry_attempt_for_no_input": (
        [((BHM, "call_treatment", "retry_attempt_for_no_input"), "TWO_TIMES")],
        "businessHoursMenu",
        lambda d: d["businessHoursMenu"]["callTreatment"]["retryAttemptForNoInput"] == "TWO_TIMES",
    ),
    "no-input action": (
        [((BHM, "call_treatment", "action_to_be_performed"), {"action": "DISCONNECT"})],
        "businessHoursMenu",
        lambda d: d["businessHoursMenu"]["callTreatment"]["actionToBePerformed"]["action"] == "DISCONNECT",
    ),
    "after-hours extension_enabled": (
        [(("after_hours_menu", "extension_enabled"), True)],
        "afterHoursMenu",
        lambda d: d["afterHoursMenu"]["extensionEnabled"] is True,
    ),
    "alternate ring_pattern only": (
        [(("alternate_numbers", 1, "ring_pattern"), "SHORT_SHORT_LONG")],
        "alternateNumbers",
        lambda d: (
            {a["phoneNumber"]: a["ringPattern"] for a in d["alternateNumbers"]}
            == {"+19705550012": "NORMAL", "+19705550013": "SHORT_SHORT_LONG"}
        ),
    ),
    "alternate added": (
        [(("alternate_numbers", 2), {"phone_number": "+19705550014", "ring_pattern": "NORMAL"})],
        "alternateNumbers",
        lambda d: len(d["alternateNumbers"]) == 3,
    ),
    "alternate removed": (
        [(("alternate_numbers", 0), _DELETE)],
        "alternateNumbers",
        lambda d: [a["phoneNumber"] for a in d["alternateNumbers"]] == ["+19705550018"],
    ),
}
# The alternate numbers each alternate-number case starts from (numbers are unique across attendants).
ALTERNATES_FOR = {
    "alternate ring_pattern only": (("+19705550012", "NORMAL"), ("+19705550013", "LONG_LONG")),
    "alternate added": (("+19705550015", "NORMAL"), ("+19705550016", "LONG_LONG")),
    "alternate removed": (("+19705550017", "NORMAL"), ("+19705550018", "LONG_LONG")),
}


def changed_options(label, index):
    """The base options of attendant INDEX, and the same with the change LABEL applied."""
    base = base_options("Field %02d" % index, "26%02d" % (10 + index), ALTERNATES_FOR.get(label, ()))
    changed = copy.deepcopy(base)
    for path, value in FIELD_CHANGES[label][0]:
        holder = _get(changed, path[:-1])
        if isinstance(holder, list) and path[-1] == len(holder):
            holder.append(value)
        else:
            _set(changed, path, value)
    return base, changed


def _get(options, path):
    for part in path:
        options = options[part]
    return options


@pytest.mark.parametrize("label", list(FIELD_CHANGES))
def test_each_field_changed_alone_is_one_write_of_that_field(sim, client, label):
    location_id = sim.location_id(HQ)
    create_schedule(sim, location_id, "Holidays B", kind="holidays")
    base, changed = changed_options(label, list(FIELD_CHANGES).index(label))
    auto_attendant_id = create(sim, base)
    sim.clear_requests()
    steps = [task_result(client, AA_MODULE, args) for args in (base, changed, changed)]
    assert [(result["failed"], result["changed"]) for result in steps] == [
        (False, False),
        (False, True),
        (False, False),
    ]
    sent = sim.writes()
    assert [(entry["method"], unquote(entry["path"]).rsplit("/", 1)[1]) for entry in sent] == [
        ("PUT", auto_attendant_id)
    ]
    changes, field, check = FIELD_CHANGES[label]
    assert list(sent[0]["body"]) == [field], sent[0]["body"]
    assert check(attendant(sim, location_id, auto_attendant_id)), changes


# -- schedules ---------------------------------------------------------------------------------------------------

EVENTS = [
    {
        "name": "Weekdays",
        "start_date": "2026-01-05",
        "end_date": "2026-01-05",
        "start_time": "09:00",
        "end_time": "17:00",
        "recurrence": {
            "recur_weekly": {"monday": True, "tuesday": True, "wednesday": True, "thursday": True, "friday": True}
        },
    },
    {"name": "Closed", "start_date": "2026-12-24", "end_date": "2026-12-26"},
    {
        "name": "Founders",
        "start_date": "2026-03-02",
        "end_date": "2026-03-02",
        "recurrence": {"recur_yearly_by_date": {"day_of_month": 2, "month": "MARCH"}},
    },
    {
        "name": "Inventory",
        "start_date": "2026-01-12",
        "end_date": "2026-01-12",
        "start_time": "07:00",
        "end_time": "09:00",
        "recurrence": {
            "recur_yearly_by_day": {"day": "MONDAY", "week": "SECOND", "month": "JANUARY"},
            "recur_end_date": "2030-01-31",
        },
    },
    {
        "name": "Cleaning",
        "start_date": "2026-01-03",
        "end_date": "2026-01-03",
        "start_time": "18:00",
        "end_time": "19:00",
        "recurrence": {"recur_daily": {"recur_interval": 2}, "recur_end_occurrence": 10},
    },
]


def schedule_options(name, events=None):
    events = EVENTS if events is None else events
    return {"location": "Headquarters", "type": "business_hours", "name": name, "events": copy.deepcopy(list(events))}


def api_events(events):
    """The events in the API's form, with what the API needs spelt out (the module fills the same in)."""
    result = []
    for event in copy.deepcopy(events):
        body = snake_dict_to_camel_dict(event)
        body["allDayEnabled"] = "startTime" not in body
        weekly = (body.get("recurrence") or {}).get("recurWeekly")
        if weekly is not None:
            # The 2026 document requires sunday in recurWeekly; the module sends every day.
            for day in ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"):
                weekly.setdefault(day, False)
        result.append(body)
    return result


def schedule_variants():
    weekly_all_days = copy.deepcopy(EVENTS)
    weekly_all_days[0]["recurrence"]["recur_weekly"].update(saturday=False, sunday=False, recur_interval=1)
    spelt_out = copy.deepcopy(EVENTS)
    spelt_out[0]["all_day_enabled"] = False
    spelt_out[1]["all_day_enabled"] = True
    spelt_out[2]["recurrence"]["recur_for_ever"] = True
    return {
        "as written": schedule_options("Orders"),
        "events reversed": schedule_options("Orders", list(reversed(EVENTS))),
        "mapping keys in reverse order": reordered(schedule_options("Orders")),
        "defaults spelt out": schedule_options("Orders", spelt_out),
        "every weekday listed": schedule_options("Orders", weekly_all_days),
        "events left out": {"location": "Headquarters", "type": "business_hours", "name": "Orders"},
    }


def test_schedule_any_order_and_any_omission_is_no_change(sim, client):
    create_schedule(sim, sim.location_id(HQ), "Orders", events=api_events(EVENTS))
    sim.clear_requests()
    variants = schedule_variants()
    results = {label: task_result(client, SCHEDULE_MODULE, args) for label, args in variants.items()}
    assert {label: (result["failed"], result["changed"]) for label, result in results.items()} == dict.fromkeys(
        variants, (False, False)
    )
    assert writes(sim) == []


# label: (event index, path inside the event, new value)
EVENT_CHANGES = {
    "start_date": (1, ("start_date",), "2026-12-23"),
    "end_date": (1, ("end_date",), "2026-12-27"),
    "start_time": (0, ("start_time",), "08:30"),
    "end_time": (0, ("end_time",), "17:30"),
    "timed to all day": (
        4,
        None,
        {
            "name": "Cleaning",
            "start_date": "2026-01-03",
            "end_date": "2026-01-03",
            "recurrence": {"recur_daily": {"recur_interval": 2}, "recur_end_occurrence": 10},
        },
    ),
    "one weekday": (0, ("recurrence", "recur_weekly", "friday"), False),
    "weekly interval": (0, ("recurrence", "recur_weekly", "recur_interval"), 2),
    "yearly month": (2, ("recurrence", "recur_yearly_by_date", "month"), "APRIL"),
    "yearly day of month": (2, ("recurrence", "recur_yearly_by_date", "day_of_month"), 3),
    "by-day week": (3, ("recurrence", "recur_yearly_by_day", "week"), "THIRD"),
    "recurrence end date": (3, ("recurrence", "recur_end_date"), "2031-01-31"),
    "daily interval": (4, ("recurrence", "recur_daily", "recur_interval"), 3),
    "end occurrence": (4, ("recurrence", "recur_end_occurrence"), 12),
    "recurrence removed": (2, ("recurrence",), _DELETE),
}


@pytest.mark.parametrize("label", list(EVENT_CHANGES))
def test_schedule_each_event_field_changed_alone_is_one_put_of_that_event(sim, client, label):
    location_id = sim.location_id(HQ)
    event_index, path, value = EVENT_CHANGES[label]
    name = "Field %02d" % list(EVENT_CHANGES).index(label)
    schedule_id = create_schedule(sim, location_id, name, events=api_events(EVENTS))
    changed = schedule_options(name)
    if path is None:
        changed["events"][event_index] = value
    else:
        _set(changed["events"][event_index], path, value)
    sim.clear_requests()
    steps = [task_result(client, SCHEDULE_MODULE, args) for args in (schedule_options(name), changed, changed)]
    assert [(result["failed"], result["changed"]) for result in steps] == [
        (False, False),
        (False, True),
        (False, False),
    ]
    event_id = schedule(sim, location_id, name)["events"][event_index]["id"]
    base = schedules_base(location_id) + "/businessHours/"
    assert [(method, path) for method, path, _status in writes(sim)] == [
        ("PUT", base + schedule_id + "/events/" + event_id)
    ]


def test_a_transfer_number_as_the_service_formats_it_is_no_change(sim, client):
    options = base_options("Formats", "2602")
    options["business_hours_menu"]["key_configurations"][1]["value"] = "+19175551092"
    create(sim, options)
    sim.clear_requests()
    result = task_result(client, AA_MODULE, options)
    assert (result["failed"], result["changed"]) == (False, False) and writes(sim) == []
