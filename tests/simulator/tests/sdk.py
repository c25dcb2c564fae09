"""wxc_sdk (a Webex client someone else wrote, pinned in requirements-test.txt) pointed at the simulator, and what the
contract tests check of its models: the fields it did not know, and an attendant with every feature it models. Used
by the simulator's contract tests and by tests/component/test_wxc_sdk.py."""

import logging

import pytest
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
from wxc_sdk.telephony.autoattendant import (
    ActionToBePerformed,
    AutoAttendant,
    AutoAttendantKeyConfiguration,
    AutoAttendantMenu,
    CallTreatment,
)

from tests.builders import HQ

from .helpers import AUDIO_ID

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


@pytest.fixture(name="api")
def fixture_api(sim, caplog):
    """wxc_sdk pointed at the simulator; after the test, no enum value it did not know and only 2xx answers."""
    client = WebexSimpleApi(tokens=sim.token, retry_429=False)
    client.session.BASE = sim.url
    with caplog.at_level(logging.WARNING, logger="wxc_sdk"):
        yield client
    client.close()
    assert not [record.message for record in caplog.records if "auto enhancing Enum" in record.message]
    assert all(entry["status"] < 300 for entry in sim.requests() if entry["path"] != "/v1/access_token"), sim.requests()


def hq(api):
    location = api.locations.by_name(HQ)
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
