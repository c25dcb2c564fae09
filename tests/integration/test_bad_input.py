"""Bad input across the modules and the role: a clear message naming the option and the problem, and no write.

What "no write" means here:

- Input the collection can judge on its own (types, enums, keys, values, numbers, extensions, names, tokens) fails
  before the first API call: the simulator's request log is empty.
- Input only the service can judge (an unknown location, schedule or audio file; a read-only token) needs the API.
  An unknown location is found by reads alone: the log has no POST, PUT or DELETE. An unknown schedule or audio file,
  or a write with a read-only token, is refused by the service on the one write attempted: the log shows that refused
  request (status 400 or 403) and nothing else, and the simulator stores nothing (it validates a body whole before
  storing any of it). No request succeeded in changing anything.
"""

import copy

import pytest

from tests.integration.runner import run_playbook, write_playbook

AA = "wxc.calling.webex_auto_attendant"
INFO = "wxc.calling.webex_auto_attendant_info"
SCHEDULE = "wxc.calling.webex_schedule"
ROLE_PLAYBOOK = "role_auto_attendant.yml"

MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
GOOD = {
    "location": "Headquarters",
    "name": "Reception",
    "extension": "2100",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours_menu": MENU,
    "after_hours_menu": MENU,
}
GOOD_SCHEDULE = {
    "location": "Headquarters",
    "type": "business_hours",
    "name": "Office hours",
    "events": [
        {
            "name": "Weekdays",
            "start_date": "2026-01-05",
            "end_date": "2026-01-05",
            "start_time": "08:30",
            "end_time": "17:30",
        }
    ],
}

# How far a case may get: "none" = no request at all; "reads" = GETs only; "refused" = the service refused the write.
NONE, READS, REFUSED = "none", "reads", "refused"


def aa(**changes):
    args = copy.deepcopy(GOOD)
    args.update(changes)
    return {key: value for key, value in args.items() if value is not None}


def menu_with(*keys, **fields):
    menu = dict(copy.deepcopy(MENU), key_configurations=list(keys))
    menu.update(fields)
    return menu


def schedule(**changes):
    args = copy.deepcopy(GOOD_SCHEDULE)
    args.update(changes)
    return {key: value for key, value in args.items() if value is not None}


def event(**changes):
    entry = copy.deepcopy(GOOD_SCHEDULE["events"][0])
    entry.update(changes)
    return {key: value for key, value in entry.items() if value is not None}


INCOMPLETE_AUDIO_KEY = {
    "key": "5",
    "action": "PLAY_ANNOUNCEMENT",
    "audio_announcement_file": {"file_name": "welcome.wav"},
}

MODULE_CASES = [
    # Types, enums and keys that argument_spec rejects.
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "0", "action": "EXIT"}, extension_enabled="maybe")),
        "extension_enabled",
        NONE,
        id="aa-wrong-type-bool",
    ),
    # ansible-core limitation: a string for a dict option with suboptions fails in its no_log scan, whose message does
    # not name the option ("dictionary requested, could not parse JSON or key=value"); still before any call.
    pytest.param(
        AA, aa(business_hours_menu="press one"), "dictionary requested", NONE, id="aa-wrong-type-menu-core-message"
    ),
    pytest.param(AA, aa(timeout="soon"), "timeout", NONE, id="aa-wrong-type-timeout"),
    pytest.param(
        AA,
        aa(extension_dialing="WORLD"),
        "value of extension_dialing must be one of: ENTERPRISE, GROUP, got: WORLD",
        NONE,
        id="aa-unknown-enum-dialing",
    ),
    pytest.param(
        AA, aa(state="gone"), "value of state must be one of: present, absent, got: gone", NONE, id="aa-unknown-state"
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "1", "action": "DANCE"})),
        "value of action must be one of",
        NONE,
        id="aa-unknown-action",
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "A", "action": "EXIT"})),
        "value of key must be one of",
        NONE,
        id="aa-unknown-key",
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "0", "action": "EXIT"}, greeting="HELLO")),
        "value of greeting must be one of: DEFAULT, CUSTOM, got: HELLO",
        NONE,
        id="aa-unknown-greeting",
    ),
    pytest.param(AA, aa(colour="red"), "Unsupported parameters", NONE, id="aa-unknown-option"),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "1", "action": "EXIT", "destination": "1000"})),
        "business_hours_menu.key_configurations.destination",
        NONE,
        id="aa-unknown-key-option",
    ),
    pytest.param(AA, aa(name=None), "missing required arguments: name", NONE, id="aa-missing-name"),
    pytest.param(
        AA,
        aa(business_hours_menu={"extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}),
        "missing required arguments: greeting found in business_hours_menu",
        NONE,
        id="aa-menu-without-greeting",
    ),
    # What validate_options() rejects.
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "1", "action": "EXIT"}, {"key": "1", "action": "REPEAT_MENU"})),
        "business_hours_menu.key_configurations (key 1): key 1 is used more than once",
        NONE,
        id="aa-key-twice",
    ),
    pytest.param(
        AA,
        aa(after_hours_menu=menu_with({"key": "1", "action": "TRANSFER_WITH_PROMPT"})),
        "after_hours_menu.key_configurations (key 1): action TRANSFER_WITH_PROMPT needs a value",
        NONE,
        id="aa-transfer-with-prompt-without-value",
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "2", "action": "TRANSFER_WITHOUT_PROMPT"})),
        "action TRANSFER_WITHOUT_PROMPT needs a value",
        NONE,
        id="aa-transfer-without-prompt-without-value",
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "3", "action": "TRANSFER_TO_MAILBOX", "value": ""})),
        "action TRANSFER_TO_MAILBOX needs a value",
        NONE,
        id="aa-mailbox-empty-value",
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "1000"})),
        "action TRANSFER_TO_OPERATOR takes no value, got '1000'",
        NONE,
        id="aa-operator-with-value",
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "9", "action": "EXIT", "value": "1000"})),
        "action EXIT takes no value",
        NONE,
        id="aa-exit-with-value",
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "555-1234"})),
        "value '555-1234' is neither an E.164 number",
        NONE,
        id="aa-transfer-to-non-number",
    ),
    pytest.param(
        AA,
        aa(phone_number="9705550026"),
        "phone_number: '9705550026' is not an E.164 number",
        NONE,
        id="aa-national-number",
    ),
    pytest.param(
        AA,
        aa(phone_number="+0123456"),
        "phone_number: '+0123456' is not an E.164 number",
        NONE,
        id="aa-plus-zero-number",
    ),
    pytest.param(
        AA,
        aa(alternate_numbers=[{"phone_number": "555", "ring_pattern": "NORMAL"}]),
        "alternate_numbers: '555' is not an E.164 number",
        NONE,
        id="aa-alternate-not-e164",
    ),
    pytest.param(
        AA,
        aa(
            alternate_numbers=[
                {"phone_number": "+19705550001", "ring_pattern": "NORMAL"},
                {"phone_number": "+19705550001", "ring_pattern": "LONG_LONG"},
            ]
        ),
        "alternate_numbers: +19705550001 is listed more than once",
        NONE,
        id="aa-alternate-twice",
    ),
    pytest.param(
        AA, aa(extension="21a0"), "extension: '21a0' must be 2 to 10 digits", NONE, id="aa-extension-not-digits"
    ),
    pytest.param(
        AA,
        aa(extension="12345678901"),
        "extension: '12345678901' must be 2 to 10 digits",
        NONE,
        id="aa-extension-too-long",
    ),
    pytest.param(AA, aa(extension="7"), "extension: '7' must be 2 to 10 digits", NONE, id="aa-extension-too-short"),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with()),
        "business_hours_menu.key_configurations: a menu needs at least one key",
        NONE,
        id="aa-empty-menu",
    ),
    pytest.param(AA, aa(name="R" * 81), "name: 81 characters, the maximum is 80", NONE, id="aa-name-too-long"),
    pytest.param(
        AA, aa(name="Recep\ttion"), "name: must not contain control characters", NONE, id="aa-name-control-character"
    ),
    pytest.param(AA, aa(name="   "), "name: must not be empty", NONE, id="aa-name-blank"),
    pytest.param(
        AA, aa(dial_by_name="Récéption"), "dial_by_name: must not contain", NONE, id="aa-dial-by-name-unicode"
    ),
    pytest.param(
        AA, aa(dial_by_name="100% Reception"), "dial_by_name: must not contain", NONE, id="aa-dial-by-name-percent"
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "5", "action": "PLAY_ANNOUNCEMENT"})),
        "action PLAY_ANNOUNCEMENT needs an audio_announcement_file",
        NONE,
        id="aa-announcement-without-file",
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with(INCOMPLETE_AUDIO_KEY)),
        "give the announcement id, or name and level, or all of file_name, media_file_type and level",
        NONE,
        id="aa-audio-file-incomplete",
    ),
    pytest.param(
        AA,
        aa(business_hours_menu=menu_with({"key": "0", "action": "EXIT"}, call_treatment={"no_input_timer": 0})),
        "business_hours_menu.call_treatment.no_input_timer: 0 is out of range",
        NONE,
        id="aa-no-input-timer-range",
    ),
    pytest.param(
        AA,
        aa(direct_line_caller_id_name={"selection": "CUSTOM_NAME"}),
        "direct_line_caller_id_name: selection CUSTOM_NAME needs custom_name",
        NONE,
        id="aa-custom-name-missing",
    ),
    pytest.param(
        AA, aa(business_schedule=None), "creating it needs business_schedule", READS, id="aa-create-without-schedule"
    ),
    # Only the service knows these: read from it, and (the pre-flight before a write) refused before any write.
    pytest.param(AA, aa(location="Nowhere"), "location 'Nowhere' not found", READS, id="aa-unknown-location"),
    pytest.param(
        AA, aa(location="headquarters"), "location 'headquarters' not found", READS, id="aa-location-wrong-case"
    ),
    pytest.param(
        AA,
        aa(business_schedule="NO-SUCH-SCHEDULE"),
        "business_schedule: 'NO-SUCH-SCHEDULE' is not a businessHours schedule",
        READS,
        id="aa-unknown-schedule",
    ),
    pytest.param(
        AA,
        aa(holiday_schedule="AUTOATTENDANT-BUSINESS-HOURS"),
        "holiday_schedule: 'AUTOATTENDANT-BUSINESS-HOURS' is not a holidays schedule",
        READS,
        id="aa-schedule-of-the-wrong-type",
    ),
    pytest.param(
        AA,
        aa(
            business_hours_menu=menu_with(
                {
                    "key": "5",
                    "action": "PLAY_ANNOUNCEMENT",
                    "audio_announcement_file": {
                        "file_name": "nope.wav",
                        "media_file_type": "WAV",
                        "level": "ORGANIZATION",
                    },
                }
            )
        ),
        "business_hours_menu.key_configurations (key 5).audio_announcement_file: no organization audio file 'nope.wav'",
        READS,
        id="aa-unknown-audio-file",
    ),
    pytest.param(
        AA,
        aa(phone_number="+14085550100"),
        "phone_number: +14085550100 is not a free number",
        READS,
        id="aa-number-of-another-location",
    ),
    # webex_auto_attendant_info
    pytest.param(INFO, {"location": "Nowhere"}, "location 'Nowhere' not found", READS, id="info-unknown-location"),
    pytest.param(
        INFO,
        {"export_location": "both"},
        "value of export_location must be one of: name, id, got: both",
        NONE,
        id="info-unknown-enum",
    ),
    pytest.param(INFO, {"colour": "red"}, "Unsupported parameters", NONE, id="info-unknown-option"),
    pytest.param(INFO, {"timeout": "soon"}, "timeout", NONE, id="info-wrong-type"),
    # webex_schedule
    pytest.param(
        SCHEDULE,
        schedule(type="weekly"),
        "value of type must be one of: business_hours, holidays, got: weekly",
        NONE,
        id="schedule-unknown-type",
    ),
    pytest.param(SCHEDULE, schedule(name="S" * 81), "name", NONE, id="schedule-name-too-long"),
    pytest.param(
        SCHEDULE,
        schedule(events=[event(start_date="2026-13-01")]),
        "'2026-13-01' is not a date in YYYY-MM-DD format",
        NONE,
        id="schedule-bad-date",
    ),
    pytest.param(
        SCHEDULE,
        schedule(events=[event(end_date="2026-01-01")]),
        "end_date: 2026-01-01 is before start_date",
        NONE,
        id="schedule-end-before-start",
    ),
    pytest.param(
        SCHEDULE,
        schedule(events=[event(start_time="25:00")]),
        "start_time: '25:00' is not a time in HH:MM format",
        NONE,
        id="schedule-bad-time",
    ),
    pytest.param(
        SCHEDULE,
        schedule(events=[event(), event()]),
        "event 'Weekdays' is listed more than once",
        NONE,
        id="schedule-event-twice",
    ),
    pytest.param(
        SCHEDULE,
        schedule(events=[event(recurrence={"recur_weekly": {}})]),
        "at least one day of the week must be true",
        NONE,
        id="schedule-weekly-without-day",
    ),
    pytest.param(
        SCHEDULE,
        schedule(state="absent", new_name="Other"),
        "new_name: only with state=present",
        NONE,
        id="schedule-new-name-when-absent",
    ),
    pytest.param(
        SCHEDULE,
        schedule(events="weekdays"),
        "dictionary requested",
        NONE,
        id="schedule-wrong-type-events-core-message",
    ),
    pytest.param(
        SCHEDULE, schedule(location="Nowhere"), "location 'Nowhere' not found", READS, id="schedule-unknown-location"
    ),
]


def assert_no_write(sim, reach):
    log = sim.requests()
    if reach == NONE:
        assert log == [], log
    elif reach == READS:
        assert log and all(entry["method"] == "GET" for entry in log), log
    else:
        writes = sim.writes()
        assert len(writes) == 1 and writes[0]["status"] in (400, 403), writes
        assert sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"] == []


def _results(run, name):
    result = run.one(name)
    assert result["failed"], result
    return result["result"]


@pytest.fixture(scope="module")
def offline_cases(sim_server, tmp_path_factory):
    """Every case the collection must refuse on its own, as the tasks of one playbook (ignore_errors), run once.

    One run instead of one per case keeps the suite fast; the request log of that run must be empty, so every one
    of those cases failed before any API call.
    """
    sim_server.reset()
    tasks = [
        {"name": case.id, case.values[0]: case.values[1], "ignore_errors": True}
        for case in MODULE_CASES
        if case.values[3] == NONE
    ]
    # About 70 module runs in one playbook: give it the time of 70 runs on a busy 2-core machine.
    run = run_playbook(write_playbook(tmp_path_factory.mktemp("bad-input"), tasks), sim_server, timeout=900)
    return run, sim_server.requests()


@pytest.mark.parametrize("module, args, message, reach", MODULE_CASES)
def test_module_bad_input(request, sim, tmp_path, module, args, message, reach):
    if reach == NONE:
        run, log = request.getfixturevalue("offline_cases")
        result = _results(run, request.node.callspec.id)
        assert message in result["msg"], result["msg"]
        assert log == [], log
        return
    path = write_playbook(tmp_path, [{"name": "Bad input", module: args, "register": "result"}])
    run = run_playbook(path, sim)
    assert run.rc != 0, run
    result = _results(run, "Bad input")
    assert message in result["msg"], result["msg"]
    assert_no_write(sim, reach)
    if reach == REFUSED:
        assert result["api_error"]["status"] == 400 and result["api_error"]["tracking_id"]


@pytest.mark.parametrize(
    "module, args", [(AA, GOOD), (INFO, {}), (SCHEDULE, GOOD_SCHEDULE)], ids=["aa", "info", "schedule"]
)
def test_missing_token(sim, tmp_path, module, args):
    path = write_playbook(tmp_path, [{"name": "Bad input", module: args, "register": "result"}])
    run = run_playbook(path, sim, env={"WEBEX_ACCESS_TOKEN": ""})
    assert run.rc != 0, run
    assert "access_token is required" in run.one("Bad input")["result"]["msg"]
    assert sim.requests() == []


def test_incomplete_refresh_credentials(sim, tmp_path):
    path = write_playbook(tmp_path, [{"name": "Bad input", AA: dict(GOOD, client_id="someone"), "register": "result"}])
    run = run_playbook(path, sim, env={"WEBEX_ACCESS_TOKEN": ""})
    assert run.rc != 0, run
    assert (
        "client_id, client_secret and refresh_token go together; missing: client_secret, refresh_token"
        in run.one("Bad input")["result"]["msg"]
    )
    assert sim.requests() == []


@pytest.mark.parametrize("module, args", [(AA, GOOD), (SCHEDULE, GOOD_SCHEDULE)], ids=["aa", "schedule"])
def test_read_only_token(sim, tmp_path, module, args):
    path = write_playbook(tmp_path, [{"name": "Bad input", module: args, "register": "result"}])
    run = run_playbook(path, sim, env={"WEBEX_ACCESS_TOKEN": sim.read_only_token})
    assert run.rc != 0, run
    result = run.one("Bad input")["result"]
    assert result["api_error"]["status"] == 403 and result["api_error"]["tracking_id"]
    assert "HTTP 403" in result["msg"] and "read-only" in result["msg"]
    assert sim.read_only_token not in run.stdout + run.stderr
    writes = sim.writes()
    assert len(writes) == 1 and writes[0]["status"] == 403
    assert sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"] == []


def _site(**fields):
    item = {"name": "Bad Site", "location": "Headquarters", "extension": "2900"}
    item.update(fields)
    return item


ROLE_CASES = [
    pytest.param(
        _site(extension="29x0"),
        "auto_attendant_list[0] (Bad Site): extension: '29x0' must be 2 to 10 digits",
        NONE,
        id="role-extension-not-digits",
    ),
    pytest.param(
        _site(phone_number="3035550100"),
        "phone_number: '3035550100' is not an E.164 number",
        NONE,
        id="role-number-not-e164",
    ),
    pytest.param(_site(name="B" * 81), "name: 81 characters, the maximum is 80", NONE, id="role-name-too-long"),
    pytest.param(
        _site(business_hours={"departments": [{"name": "Sales", "destination": "sales desk"}]}),
        "business_hours.departments[0].destination: 'sales desk' for department 'Sales' is neither",
        NONE,
        id="role-department-destination-not-a-number",
    ),
    pytest.param(
        _site(business_hours={"keys": [{"key": "1", "action": "TRANSFER_WITH_PROMPT"}]}),
        "business_hours_menu.key_configurations (key 1): action TRANSFER_WITH_PROMPT needs a value",
        NONE,
        id="role-raw-transfer-without-value",
    ),
    pytest.param(
        _site(after_hours={"shape": "weekend"}), "value of shape must be one of", NONE, id="role-unknown-shape"
    ),
    pytest.param(
        _site(extension_dialing="WORLD"),
        "value of extension_dialing must be one of: ENTERPRISE, GROUP, got: WORLD",
        NONE,
        id="role-unknown-enum",
    ),
    pytest.param(_site(location="Nowhere"), "location 'Nowhere' not found", READS, id="role-unknown-location"),
    pytest.param(_site(business_schedule="NO-SUCH-SCHEDULE"), "NO-SUCH-SCHEDULE", READS, id="role-unknown-schedule"),
]


@pytest.mark.parametrize("item, message, reach", ROLE_CASES)
def test_role_bad_input(sim, item, message, reach):
    run = run_playbook(ROLE_PLAYBOOK, sim, extra_vars={"auto_attendant_list": [item]})
    assert run.rc != 0, run
    assert message in run.stdout + run.stderr, run
    assert_no_write(sim, reach)
