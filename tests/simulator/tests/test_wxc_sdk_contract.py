"""Contract: wxc_sdk (a Webex client someone else wrote, pinned in requirements-test.txt) drives the simulator.

Every auto attendant, location, schedule, event and announcement list/details call wxc_sdk 1.41 offers: each body it
sends is accepted (any error answer raises), each answer parses in its models without a validation error, without an
enum value it does not know ("auto enhancing Enum" warning) and without a field it does not know, except the fields its
models lack (KNOWN_SDK_GAPS). Attendants created by wxc_sdk with every feature export and apply again with no change
(real ansible-playbook); attendants created by the module parse in wxc_sdk. Call forwarding has its own contract test.
"""

import datetime
import logging
import os

import pytest
import yaml
from pydantic import BaseModel
from wxc_sdk import WebexSimpleApi
from wxc_sdk.common import (
    AlternateNumber,
    AnnAudioFile,
    AnnouncementLevel,
    DirectLineCallerIdName,
    Greeting,
    MediaFileType,
    RingPattern,
)
from wxc_sdk.common.schedules import Event, Recurrence, RecurWeekly, Schedule, ScheduleType
from wxc_sdk.telephony.autoattendant import (
    ActionToBePerformed,
    AutoAttendant,
    AutoAttendantKeyConfiguration,
    AutoAttendantMenu,
    CallTreatment,
)

from tests.integration.runner import run_playbook, write_playbook

from .helpers import AUDIO_ID


class ExportLoader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """Reads an export: strings the export marks !unsafe (never templated by Ansible) are plain strings here."""


ExportLoader.add_constructor("!unsafe", lambda loader, node: loader.construct_scalar(node))

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, os.pardir))
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")
# Fields the service sends that wxc_sdk 1.41's models have no attribute for (the key's audio file of a
# PLAY_ANNOUNCEMENT key is in the API reference, but AutoAttendantKeyConfiguration lacks it).
KNOWN_SDK_GAPS = {
    "businessHoursMenu.keyConfigurations[].audioAnnouncementFile",
    "afterHoursMenu.keyConfigurations[].audioAnnouncementFile",
}


def extra_fields(model, path=""):
    """The paths of every field a parsed wxc_sdk model did not know (pydantic keeps them as model_extra)."""
    found = set()
    if isinstance(model, BaseModel):
        for name in model.model_extra or {}:
            found.add(path + name)
        for name, field in type(model).model_fields.items():
            alias = field.alias or name
            found |= extra_fields(getattr(model, name), "%s%s." % (path, alias))
    elif isinstance(model, (list, tuple)):
        for item in model:
            found |= extra_fields(item, path.rstrip(".") + "[].")
    return {item.rstrip(".") for item in found}


@pytest.fixture
def api(sim, caplog):
    """wxc_sdk pointed at the simulator; after the test, no enum value it did not know and only 2xx answers."""
    client = WebexSimpleApi(tokens=sim.token, retry_429=False)
    client.session.BASE = sim.url
    with caplog.at_level(logging.WARNING, logger="wxc_sdk"):
        yield client
    client.close()
    assert not [record.message for record in caplog.records if "auto enhancing Enum" in record.message]
    assert all(entry["status"] < 300 for entry in sim.requests() if entry["path"] != "/v1/access_token"), sim.requests()


def hq(api):
    location = api.locations.by_name("Headquarters")
    assert location is not None and not extra_fields(location)
    return location.location_id


def every_feature_attendant(name="SDK Main", extension="2500", phone_number="+19705550020"):
    """An attendant with every feature wxc_sdk models: numbers, names, schedules, dialing, menus, treatment, caller id."""

    def menu(greeting, keys, treatment=None):
        result = AutoAttendantMenu(greeting=greeting, extension_enabled=True, key_configurations=keys)
        if greeting == Greeting.custom:
            result.audio_announcement_file = AnnAudioFile(id=AUDIO_ID)
        if treatment:
            result.call_treatment = treatment
        return result

    keys = [
        AutoAttendantKeyConfiguration(key="0", action="TRANSFER_TO_OPERATOR", description="Operator"),
        AutoAttendantKeyConfiguration(
            key="1", action="TRANSFER_WITH_PROMPT", value="+19175551092", description="Sales"
        ),
        AutoAttendantKeyConfiguration(key="2", action="TRANSFER_WITHOUT_PROMPT", value="1000"),
        AutoAttendantKeyConfiguration(key="3", action="TRANSFER_TO_MAILBOX", value=extension),
        AutoAttendantKeyConfiguration(key="4", action="NAME_DIALING"),
        AutoAttendantKeyConfiguration(key="5", action="EXTENSION_DIALING"),
        AutoAttendantKeyConfiguration(key="*", action="REPEAT_MENU"),
        AutoAttendantKeyConfiguration(key="#", action="EXIT"),
    ]
    treatment = CallTreatment(
        retry_attempt_for_no_input="TWO_TIMES",
        no_input_timer=15,
        action_to_be_performed=ActionToBePerformed(
            action="PLAY_MESSAGE_AND_DISCONNECT",
            greeting=Greeting.custom,
            audio_announcement_file=AnnAudioFile(
                file_name="closed.wma", media_file_type=MediaFileType.wma, level=AnnouncementLevel.organization
            ),
        ),
    )
    return AutoAttendant(
        name=name,
        phone_number=phone_number,
        extension=extension,
        first_name="SDK",
        last_name="Main",
        alternate_numbers=[AlternateNumber(phone_number="+19705550021", ring_pattern=RingPattern.long_long)],
        language_code="en_us",
        business_schedule="AUTOATTENDANT-BUSINESS-HOURS",
        holiday_schedule="AUTOATTENDANT-HOLIDAY",
        extension_dialing="GROUP",
        name_dialing="ENTERPRISE",
        time_zone="America/Los_Angeles",
        business_hours_menu=menu(Greeting.custom, keys, treatment),
        after_hours_menu=menu(Greeting.default, [AutoAttendantKeyConfiguration(key="0", action="EXIT")]),
        direct_line_caller_id_name=DirectLineCallerIdName(selection="CUSTOM_NAME", custom_name="Main line"),
        dial_by_name="SDK Main",
    )


def test_auto_attendant_calls(sim, api):
    location_id = hq(api)
    attendants = api.telephony.auto_attendant
    primary = list(attendants.primary_available_phone_numbers(location_id=location_id, phone_number=["+19705550020"]))
    assert [number.phone_number for number in primary] == ["+19705550020"] and not extra_fields(primary)
    alternate = list(attendants.alternate_available_phone_numbers(location_id=location_id))
    assert alternate and not extra_fields(alternate)

    aa_id = attendants.create(location_id=location_id, settings=every_feature_attendant())
    listed = list(attendants.list(location_id=location_id, name="SDK"))
    assert [item.auto_attendant_id for item in listed] == [aa_id] and not extra_fields(listed)
    assert [item.auto_attendant_id for item in attendants.list(phone_number="+19705550020")] == [aa_id]
    assert attendants.by_name("SDK Main", location_id=location_id).auto_attendant_id == aa_id
    details = attendants.details(location_id=location_id, auto_attendant_id=aa_id)
    assert not extra_fields(details)
    assert details.business_hours_menu.key_configurations[1].value == "+1-9175551092"  # the live read-back form
    assert details.business_hours_menu.call_treatment.no_input_timer == 15
    assert details.direct_line_caller_id_name.custom_name == "Main line"

    # What it read, changed and sent back whole (read-back numbers included) is accepted.
    details.dial_by_name = "SDK Main Line"
    details.business_hours_menu.key_configurations[2].value = "1001"
    attendants.update(location_id=location_id, auto_attendant_id=aa_id, settings=details)
    again = attendants.details(location_id=location_id, auto_attendant_id=aa_id)
    assert again.dial_by_name == "SDK Main Line" and again.business_hours_menu.key_configurations[2].value == "1001"
    assert list(attendants.list_announcement_files(location_id=location_id, auto_attendant_id=aa_id)) == []
    attendants.delete_auto_attendant(location_id=location_id, auto_attendant_id=aa_id)
    assert list(attendants.list(location_id=location_id)) == []


def test_location_schedule_event_and_announcement_calls(sim, api):
    location_id = hq(api)
    locations = list(api.locations.list(name="Headquarters"))
    assert {item.name for item in locations} == {"Headquarters", "Headquarters Annex"} and not extra_fields(locations)
    assert not extra_fields(api.locations.details(location_id=location_id))
    telephony = api.telephony.location.details(location_id=location_id)
    assert telephony.routing_prefix == "8001" and not extra_fields(telephony)

    schedules = api.telephony.schedules
    listed = list(schedules.list(obj_id=location_id))
    assert {item.name for item in listed} >= {
        "AUTOATTENDANT-BUSINESS-HOURS",
        "AUTOATTENDANT-HOLIDAY",
    } and not extra_fields(listed)
    monday = datetime.date(2026, 3, 2)
    schedule = Schedule(
        name="SDK hours",
        schedule_type=ScheduleType.business_hours,
        events=[
            Event(
                name="Mornings",
                start_date=monday,
                end_date=monday,
                start_time=datetime.time(9),
                end_time=datetime.time(12),
                recurrence=Recurrence(recur_for_ever=True, recur_weekly=RecurWeekly(monday=True, tuesday=True)),
            )
        ],
    )
    schedule_id = schedules.create(obj_id=location_id, schedule=schedule)
    details = schedules.details(obj_id=location_id, schedule_type=ScheduleType.business_hours, schedule_id=schedule_id)
    assert [event.name for event in details.events] == ["Mornings"] and not extra_fields(details)
    # A rename the wxc_sdk way: name = the old name, newName = the new one; every event carries newName too.
    details.new_name = "SDK opening hours"
    new_id = schedules.update(
        obj_id=location_id, schedule=details, schedule_type=ScheduleType.business_hours, schedule_id=schedule_id
    )
    renamed = schedules.details(obj_id=location_id, schedule_type=ScheduleType.business_hours, schedule_id=new_id)
    assert renamed.name == "SDK opening hours" and [event.name for event in renamed.events] == ["Mornings"]

    event_id = schedules.event_create(
        obj_id=location_id,
        schedule_type=ScheduleType.business_hours,
        schedule_id=new_id,
        event=Event(
            name="Evenings",
            start_date=monday,
            end_date=monday,
            start_time=datetime.time(17),
            end_time=datetime.time(20),
        ),
    )
    event = schedules.event_details(
        obj_id=location_id, schedule_type=ScheduleType.business_hours, schedule_id=new_id, event_id=event_id
    )
    assert event.start_time == datetime.time(17) and not extra_fields(event)
    event.new_name = "Late evenings"
    event.end_time = datetime.time(21)
    event_id = schedules.event_update(
        obj_id=location_id, schedule_type=ScheduleType.business_hours, schedule_id=new_id, event=event
    )
    event = schedules.event_details(
        obj_id=location_id, schedule_type=ScheduleType.business_hours, schedule_id=new_id, event_id=event_id
    )
    assert event.name == "Late evenings" and event.end_time == datetime.time(21)
    schedules.event_delete(
        obj_id=location_id, schedule_type=ScheduleType.business_hours, schedule_id=new_id, event_id=event_id
    )
    schedules.delete_schedule(obj_id=location_id, schedule_type=ScheduleType.business_hours, schedule_id=new_id)

    repository = api.telephony.announcements_repo
    org_files = list(repository.list())
    assert "AUDIO_FILE.wav" in {item.file_name for item in org_files} and not extra_fields(org_files)
    every_file = list(repository.list(location_id="all"))
    assert len(every_file) > len(org_files) and not extra_fields(every_file)
    assert not extra_fields(repository.details(announcement_id=AUDIO_ID))
    location_file = next(item for item in every_file if item.level == "LOCATION")
    assert (
        repository.details(announcement_id=location_file.id, location_id=location_id).file_name == "hq-after-hours.wav"
    )


def test_attendants_created_by_wxc_sdk_export_and_apply_again_with_no_change(sim, api, tmp_path):
    location_id = hq(api)
    api.telephony.auto_attendant.create(location_id=location_id, settings=every_feature_attendant())
    minimal = AutoAttendant.create(
        name="SDK Minimal", business_schedule="AUTOATTENDANT-BUSINESS-HOURS", extension="2501"
    )
    api.telephony.auto_attendant.create(location_id=location_id, settings=minimal)
    target = os.path.join(str(tmp_path), "auto_attendants.yml")
    run = run_playbook(EXPORT_PLAYBOOK, sim, extra_vars={"export_file": target})
    assert run.rc == 0, run
    with open(target, encoding="utf-8") as handle:
        exported = yaml.load(handle, Loader=ExportLoader)["webex_auto_attendants"]
    assert [item["name"] for item in exported] == ["SDK Main", "SDK Minimal"]
    assert exported[0]["business_hours_menu"]["key_configurations"][1]["value"] == "+19175551092"
    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target])
    assert run.rc == 0, run
    assert [item["changed"] for item in run.one("Converge the auto attendants")["result"]["results"]] == [False, False]
    assert sim.writes() == []


def test_attendants_created_by_the_module_parse_in_wxc_sdk(sim, api, tmp_path):
    menu = {
        "greeting": "CUSTOM",
        "extension_enabled": True,
        "audio_announcement_file": {"file_name": "welcome.wav", "media_file_type": "WAV", "level": "ORGANIZATION"},
        "key_configurations": [
            {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19175551092", "description": "Sales"},
            {"key": "9", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": {"id": AUDIO_ID}},
            {"key": "#", "action": "EXIT"},
        ],
        "call_treatment": {
            "retry_attempt_for_no_input": "ONE_TIME",
            "no_input_timer": 20,
            "action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "transfer_call_to": "+19073569984"},
        },
    }
    args = {
        "location": "Headquarters",
        "name": "Module Main",
        "phone_number": "+19705550022",
        "extension": "2502",
        "alternate_numbers": [{"phone_number": "+19705550023", "ring_pattern": "SHORT_LONG_SHORT"}],
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "holiday_schedule": "AUTOATTENDANT-HOLIDAY",
        "language_code": "en_us",
        "extension_dialing": "GROUP",
        "name_dialing": "GROUP",
        "time_zone": "America/Denver",
        "direct_line_caller_id_name": {"selection": "DISPLAY_NAME"},
        "dial_by_name": "Module Main",
        "business_hours_menu": menu,
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": False,
            "key_configurations": [{"key": "0", "action": "EXIT"}],
        },
    }
    run = run_playbook(write_playbook(tmp_path, [{"name": "Converge", "wxc.calling.webex_auto_attendant": args}]), sim)
    assert run.rc == 0, run
    location_id = hq(api)
    found = api.telephony.auto_attendant.by_name("Module Main", location_id=location_id)
    details = api.telephony.auto_attendant.details(location_id=location_id, auto_attendant_id=found.auto_attendant_id)
    assert extra_fields(details) <= KNOWN_SDK_GAPS
    assert extra_fields(details) == {"businessHoursMenu.keyConfigurations[].audioAnnouncementFile"}
    assert details.business_hours_menu.audio_announcement_file.file_name == "welcome.wav"
    assert details.alternate_numbers[0].ring_pattern == "SHORT_LONG_SHORT"
