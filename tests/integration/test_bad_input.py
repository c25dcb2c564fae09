"""Bad input across the modules and the role: a clear message naming the option and the problem, and no write.

What "no write" means here:

- Input the collection can judge on its own (types, enums, keys, values, numbers, extensions, names, tokens) fails
  before the first API call: the simulator's request log is empty. Every such module case is checked in this process
  by the checks run_module() makes before it creates a client; per module, one case of each way of refusing (and
  every role case) also runs through ansible-playbook, all of them in one playbook.
- Input only the service can judge (an unknown location, schedule, audio file, attendant or voice; a number of
  another location) is found by reads alone: the log of the one playbook of those cases has no POST, PUT or DELETE.
- A write with a read-only token is refused by the service on the one write attempted: the log shows that refused
  request (status 403) and nothing else, and the simulator stores nothing.
"""

import copy
import os

import pytest
import yaml

from ansible_collections.wxc.calling.plugins.module_utils._announcement import options as announcement_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import export as aa_export
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as forwarding_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as schedule_options
from ansible_collections.wxc.calling.plugins.module_utils.resource import check_options
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import webex_argument_spec
from tests.builders import BUSINESS, HQ
from tests.integration.runner import PLAYBOOKS, run_playbook, write_playbook
from tests.integration.scenario import create_attendant

AA = "wxc.calling.webex_auto_attendant"
INFO = "wxc.calling.webex_auto_attendant_info"
SCHEDULE = "wxc.calling.webex_schedule"
FORWARDING = "wxc.calling.webex_auto_attendant_forwarding"
ANNOUNCEMENT = "wxc.calling.webex_announcement"
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

# How far a case may get: "none" = no request at all; "reads" = GETs only.
NONE, READS = "none", "reads"


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


# The attendant the forwarding cases name: created through the API before the cases that need it (FORWARDED_AA).
FORWARDED_AA = ("Forwarded", "2190")
FORWARDING_TARGET = {"location": HQ, "auto_attendant": FORWARDED_AA[0]}
VIP = {
    "name": "VIP",
    "enabled": True,
    "business_schedule": BUSINESS,
    "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+19705550006"},
    "calls_from": {
        "selection": "CUSTOM",
        "custom_numbers": {"private_number_enabled": True, "numbers": ["+14155550123", "4554"]},
    },
    "calls_to": {"numbers": [{"type": "PRIMARY", "phone_number": "+19705550026"}]},
}

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
    pytest.param(
        SCHEDULE, schedule(name="S" * 81), "name: 81 characters, the maximum is 80", NONE, id="schedule-name-too-long"
    ),
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
        "events[1].name: event 'Weekdays' is listed more than once",
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
    pytest.param(
        SCHEDULE,
        schedule(location="headquarters"),
        "location 'headquarters' not found",
        READS,
        id="schedule-location-wrong-case",
    ),
    # webex_schedule's events, one problem each.
    *[
        pytest.param(SCHEDULE, schedule(events=[event(**change)]), message, NONE, id="schedule-event-" + case_id)
        for case_id, change, message in [
            (
                "no-such-day",
                {"start_date": "2026-02-30"},
                "events[0].start_date: '2026-02-30' is not a date in YYYY-MM-DD format",
            ),
            (
                "end-date-before",
                {"end_date": "2026-01-04"},
                "events[0].end_date: 2026-01-04 is before start_date 2026-01-05",
            ),
            (
                "time-one-digit-hour",
                {"start_time": "8:30"},
                "events[0].start_time: '8:30' is not a time in HH:MM format",
            ),
            ("end-time-before", {"end_time": "08:00"}, "events[0].end_time: 08:00 is not after start_time 08:30"),
            (
                "all-day-with-times",
                {"all_day_enabled": True},
                "events[0]: all_day_enabled is true, so start_time and end_time must not be set",
            ),
            ("start-time-alone", {"end_time": None}, "events[0]: start_time and end_time must be set together"),
            (
                "weekly-all-false",
                {"recurrence": {"recur_weekly": {"sunday": False}}},
                "events[0].recurrence.recur_weekly: at least one day",
            ),
            (
                "recurrence-without-kind",
                {"recurrence": {"recur_for_ever": True}},
                "one of the following is required: recur_daily",
            ),
            (
                "two-recurrences",
                {"recurrence": {"recur_daily": {}, "recur_weekly": {"monday": True}}},
                "mutually exclusive: recur_daily|recur_weekly",
            ),
            (
                "no-such-day-of-month",
                {"recurrence": {"recur_yearly_by_date": {"day_of_month": 30, "month": "FEBRUARY"}}},
                "recur_yearly_by_date.day_of_month: 30 is not a day of FEBRUARY",
            ),
            (
                "fifth-week",
                {"recurrence": {"recur_yearly_by_day": {"day": "THURSDAY", "week": "FIFTH", "month": "NOVEMBER"}}},
                "value of week must be one of: FIRST, SECOND, THIRD, FOURTH, LAST",
            ),
            ("without-name", {"name": None}, "missing required arguments: name found in events"),
        ]
    ],
    # webex_auto_attendant_forwarding
    *[
        pytest.param(FORWARDING, dict(FORWARDING_TARGET, **options), message, NONE, id="forwarding-" + case_id)
        for case_id, options, message in [
            (
                "destination-not-a-number",
                {"always": {"enabled": True, "destination": "call me"}},
                "always.destination: 'call me' is not",
            ),
            (
                "calls-to-not-a-number",
                {"rules": [dict(VIP, calls_to={"numbers": [{"type": "PRIMARY", "phone_number": "+1970abc"}]})]},
                "rules[0].calls_to.numbers[0].phone_number",
            ),
            (
                "forward-to-without-number",
                {"rules": [dict(VIP, forward_to={"selection": "FORWARD_TO_SPECIFIED_NUMBER"})]},
                "rules[0].forward_to: selection FORWARD_TO_SPECIFIED_NUMBER needs phone_number",
            ),
            (
                "rule-without-name",
                {"rules": [{key: value for key, value in VIP.items() if key != "name"}]},
                "missing required arguments: name found in rules",
            ),
            (
                "rule-twice",
                {"rules": [VIP, dict(VIP, enabled=False)]},
                "rules[1].name: rule name 'VIP' is already used by rules[0].name",
            ),
            ("purge-without-rules", {"purge_rules": True}, "purge_rules: needs rules"),
            # What YAML makes of unquoted values (0100 -> 64, no -> False) is refused, never sent as "64" or "False".
            (
                "destination-a-yaml-number",
                {"always": {"enabled": True, "destination": 64}},
                "always.destination: is the number 64, not text",
            ),
            (
                "custom-number-a-yaml-number",
                {"rules": [dict(VIP, calls_from={"selection": "CUSTOM", "custom_numbers": {"numbers": [2100]}})]},
                "rules[0].calls_from.custom_numbers.numbers[0]: is the number 2100, not text",
            ),
            (
                "rule-name-a-yaml-boolean",
                {"rules": [dict(VIP, name=False)]},
                "rules[0].name: is the boolean false, not text",
            ),
        ]
    ],
    # Only the service knows these: the schedules and the attendant are read, nothing is written.
    pytest.param(
        FORWARDING,
        dict(FORWARDING_TARGET, rules=[dict(VIP, business_schedule="No such hours")]),
        "rules[0].business_schedule: no business_hours schedule named 'No such hours'",
        READS,
        id="forwarding-unknown-business-schedule",
    ),
    pytest.param(
        FORWARDING,
        dict(FORWARDING_TARGET, rules=[dict(VIP, holiday_schedule=BUSINESS)]),
        "rules[0].holiday_schedule: no holidays schedule named 'AUTOATTENDANT-BUSINESS-HOURS'",
        READS,
        id="forwarding-schedule-of-the-wrong-type",
    ),
    pytest.param(
        FORWARDING,
        dict(FORWARDING_TARGET, auto_attendant="Ghost", always={"enabled": False}),
        "auto_attendant: no auto attendant called 'Ghost'",
        READS,
        id="forwarding-unknown-attendant",
    ),
    pytest.param(
        FORWARDING,
        dict(FORWARDING_TARGET, rules=[{"name": "Half"}]),
        "rules[0]: rule 'Half' does not exist, and creating it needs forward_to and calls_from",
        READS,
        id="forwarding-new-rule-without-forward-to",
    ),
    # webex_announcement's text to speech
    pytest.param(
        ANNOUNCEMENT,
        {"name": "Spoken", "text": "Hello", "voice": "ashley", "language_code": "en_US"},
        "language_code: 'en_US'",
        NONE,
        id="announcement-language-code-case",
    ),
    pytest.param(
        ANNOUNCEMENT,
        {"name": "Spoken", "text": "Hello", "voice": "lucia"},
        "voice: 'lucia' is not a voice for language_code en_us",
        READS,
        id="announcement-voice-of-another-language",
    ),
]


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
    pytest.param(
        _site(name="Reception", forwarding={"always": {"enabled": True, "destination": "the on-call phone"}}),
        "auto_attendant_list[0] (Reception): forwarding: always.destination: 'the on-call phone'",
        NONE,
        id="role-forwarding-destination-not-a-number",
    ),
    pytest.param(_site(location="Nowhere"), "location 'Nowhere' not found", READS, id="role-unknown-location"),
    pytest.param(_site(business_schedule="NO-SUCH-SCHEDULE"), "NO-SUCH-SCHEDULE", READS, id="role-unknown-schedule"),
]


# The role's cases run with the defaults of the example playbook, as `ansible-playbook role_auto_attendant.yml
# -e auto_attendant_list=[...]` would.
with open(os.path.join(PLAYBOOKS, ROLE_PLAYBOOK), encoding="utf-8") as _handle:
    ROLE_DEFAULTS = yaml.safe_load(_handle)[0]["vars"]["auto_attendant_defaults"]


# The offline module cases that run through ansible-playbook: per module, one of each way AnsibleModule and run_module
# refuse input before any request (argument_spec's types, choices, required options and suboptions, unknown options,
# mutually exclusive and required-one-of options; the quirks of ansible-core's own messages; validate_options), and
# the values YAML makes numbers or booleans of (only a playbook shows they are refused, not turned into text). Every
# offline module case, these included, is also checked in this process by test_offline_cases_in_this_process.
IN_ANSIBLE = {
    "aa-wrong-type-bool",
    "aa-wrong-type-menu-core-message",
    "aa-unknown-enum-dialing",
    "aa-unknown-option",
    "aa-unknown-key-option",
    "aa-missing-name",
    "aa-menu-without-greeting",
    "aa-key-twice",
    "aa-national-number",
    "info-unknown-enum",
    "info-unknown-option",
    "info-wrong-type",
    "schedule-unknown-type",
    "schedule-wrong-type-events-core-message",
    "schedule-event-recurrence-without-kind",
    "schedule-event-two-recurrences",
    "schedule-event-without-name",
    "schedule-end-before-start",
    "forwarding-rule-without-name",
    "forwarding-purge-without-rules",
    "forwarding-destination-a-yaml-number",
    "forwarding-custom-number-a-yaml-number",
    "forwarding-rule-name-a-yaml-boolean",
    "announcement-language-code-case",
}
# What each module's main() hands run_module(): its argument_spec (the connection options are added) and validate.
MODULE_CHECKS = {
    AA: (aa_options.argument_spec, aa_options.validate_options),
    INFO: (aa_export.info_argument_spec, None),
    SCHEDULE: (schedule_options.argument_spec, schedule_options.validate_options),
    FORWARDING: (forwarding_options.argument_spec, forwarding_options.validate_options),
    ANNOUNCEMENT: (announcement_options.argument_spec, announcement_options.validate_options),
}


def test_offline_cases_in_this_process():
    """Every offline module case is refused, with its message, by the checks run_module() makes before it creates the
    client (argument_spec with the connection options, then validate_options): the same checks, in this process."""
    wrong = {}
    for case in MODULE_CASES:
        module, args, message, reach = case.values
        if reach != NONE:
            continue
        spec_of, validate = MODULE_CHECKS[module]
        spec = dict(spec_of(), **webex_argument_spec())
        problems = check_options(spec, validate or (lambda params: []), args)
        # AnsibleModule puts its own words before an unknown option's problem.
        problems = ["Unsupported parameters: " + p if "Supported parameters include" in p else p for p in problems]
        if message not in "; ".join(problems):
            wrong[case.id] = problems
    assert wrong == {}
    assert IN_ANSIBLE <= {case.id for case in MODULE_CASES if case.values[3] == NONE}


def module_task(case):
    module, args, _message, _reach = case.values
    return {"name": case.id, module: args, "ignore_errors": True}


def role_task(case):
    """The role on the one item, its failure caught: the rescue records the message the failed task showed."""
    item, _message, _reach = case.values
    return {
        "name": case.id + " (block)",
        "block": [
            {
                "name": case.id + " (role)",
                "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"},
                "vars": {"auto_attendant_defaults": ROLE_DEFAULTS, "auto_attendant_list": [item]},
            }
        ],
        "rescue": [{"name": case.id, "ansible.builtin.debug": {"msg": "{{ ansible_failed_result.msg }}"}}],
    }


def run_cases(sim, tmp_path, reach):
    """Every case (modules and role) of REACH as the tasks of one playbook; return the run.

    One run instead of one per case keeps the suite fast (about 2 s of start-up saved per case). Each module task
    ignores its error, each role case is rescued: the playbook goes on, and every case's result is recorded.
    """
    tasks = [module_task(case) for case in module_cases_in_ansible(reach)]
    tasks += [role_task(case) for case in ROLE_CASES if case.values[2] == reach]
    return run_playbook(write_playbook(tmp_path, tasks), sim, timeout=900)


def module_cases_in_ansible(reach):
    """The module cases of REACH that run through ansible-playbook: every READS case; of the NONE cases, those of
    IN_ANSIBLE (the others are pure option checks, proven in this process by test_offline_cases_in_this_process)."""
    return [case for case in MODULE_CASES if case.values[3] == reach and (reach != NONE or case.id in IN_ANSIBLE)]


def wrong_messages(run):
    """The cases of RUN whose failure is missing or does not say what it must: {case id: what it said}."""
    wrong = {}
    for case in MODULE_CASES:
        found = [entry for entry in run.results if entry["task"] == case.id]
        if found:
            entry = found[0]
            if not entry["failed"] or case.values[2] not in entry["result"].get("msg", ""):
                wrong[case.id] = entry["result"].get("msg", entry)
    for case in ROLE_CASES:
        found = [entry for entry in run.results if entry["task"] == case.id]
        if found:
            message = str(found[0]["result"].get("msg", ""))
            # The rescue ran (the role failed), its failure said so, and so did the output the user sees.
            if case.values[1] not in message or case.values[1] not in run.stdout:
                wrong[case.id] = message
    return wrong


def cases_run(run, reach):
    expected = {case.id for case in module_cases_in_ansible(reach)}
    expected |= {case.id for case in ROLE_CASES if case.values[2] == reach}
    return expected, {entry["task"] for entry in run.results} & expected


def test_offline_bad_input_fails_before_any_request(sim, tmp_path):
    """The offline cases of IN_ANSIBLE and every role case: each fails with its message, and the simulator's request
    log of the whole run is empty, so every one of them failed before any API call."""
    run = run_cases(sim, tmp_path, NONE)
    assert run.rc == 0, run
    expected, found = cases_run(run, NONE)
    assert found == expected, sorted(expected - found)
    assert wrong_messages(run) == {}
    assert sim.requests() == []


def test_bad_input_only_the_service_can_judge_fails_on_reads_alone(sim, tmp_path):
    """Unknown locations, schedules, audio files, attendants, voices; a number of another location: each fails with
    its message, and the whole run sent only GETs."""
    create_attendant(sim, *FORWARDED_AA, phoneNumber="+19705550026")
    sim.clear_requests()
    run = run_cases(sim, tmp_path, READS)
    assert run.rc == 0, run
    expected, found = cases_run(run, READS)
    assert found == expected, sorted(expected - found)
    assert wrong_messages(run) == {}
    log = sim.requests()
    assert log and all(entry["method"] == "GET" for entry in log), [e for e in log if e["method"] != "GET"]


CREDENTIAL_CASES = [
    ("aa: no token", AA, GOOD, "access_token is required"),
    ("info: no token", INFO, {}, "access_token is required"),
    ("schedule: no token", SCHEDULE, GOOD_SCHEDULE, "access_token is required"),
    (
        "aa: client_id alone",
        AA,
        dict(GOOD, client_id="someone"),
        "client_id, client_secret and refresh_token go together; missing: client_secret, refresh_token",
    ),
]


def test_missing_token_and_incomplete_refresh_credentials(sim, tmp_path):
    tasks = [{"name": name, module: args, "ignore_errors": True} for name, module, args, _message in CREDENTIAL_CASES]
    run = run_playbook(write_playbook(tmp_path, tasks), sim, env={"WEBEX_ACCESS_TOKEN": ""})
    assert run.rc == 0, run
    for name, _module, _args, message in CREDENTIAL_CASES:
        entry = run.one(name)
        assert entry["failed"] and message in entry["result"]["msg"], (name, entry)
    assert sim.requests() == []


def test_read_only_token(sim, tmp_path):
    tasks = [
        {"name": "aa", AA: GOOD, "ignore_errors": True},
        {"name": "schedule", SCHEDULE: GOOD_SCHEDULE, "ignore_errors": True},
    ]
    run = run_playbook(write_playbook(tmp_path, tasks), sim, env={"WEBEX_ACCESS_TOKEN": sim.read_only_token})
    assert run.rc == 0, run
    for name in ("aa", "schedule"):
        entry = run.one(name)
        result = entry["result"]
        assert entry["failed"] and result["api_error"]["status"] == 403 and result["api_error"]["tracking_id"], entry
        assert "HTTP 403" in result["msg"] and "read-only" in result["msg"]
    assert sim.read_only_token not in run.stdout + run.stderr
    # One write each, both refused; nothing stored.
    writes = sim.writes()
    assert [(entry["method"], entry["status"]) for entry in writes] == [("POST", 403), ("POST", 403)], writes
    assert sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"] == []
    assert sim.api("GET", "/telephony/config/locations/%s/schedules" % sim.location_id(HQ)).json()["schedules"]
    assert not [
        item
        for item in sim.api("GET", "/telephony/config/locations/%s/schedules" % sim.location_id(HQ)).json()["schedules"]
        if item["name"] == GOOD_SCHEDULE["name"]
    ]
