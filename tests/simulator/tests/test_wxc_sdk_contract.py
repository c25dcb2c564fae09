"""Contract: wxc_sdk (a Webex client someone else wrote, pinned in requirements-test.txt) drives the simulator.

Every auto attendant, location, schedule, event and announcement list/details call wxc_sdk 1.41 offers: each body it
sends is accepted (any error answer raises), each answer parses in its models without a validation error, without an
enum value it does not know ("auto enhancing Enum" warning) and without a field it does not know, except the fields its
models lack (KNOWN_SDK_GAPS). That the module reads what wxc_sdk writes and the other way round is
tests/component/test_wxc_sdk.py. Call forwarding has its own contract test.
"""

import datetime
import io

from wxc_sdk.common.schedules import Event, Recurrence, RecurWeekly, Schedule, ScheduleType

from tests.audio_fixtures import pcm_wav

from .helpers import AUDIO_ID
from .sdk import every_feature_attendant, extra_fields, fixture_api, hq  # noqa: F401  # pylint: disable=unused-import


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


def test_announcement_writes_upload_by_file_and_by_file_uri_modify_and_delete(sim, api, tmp_path):
    location_id = hq(api)
    repository = api.telephony.announcements_repo
    greeting = tmp_path / "sdk-greeting.wav"
    greeting.write_bytes(pcm_wav(0.5))
    # By file: multipart/form-data, name + file part (what the module sends too).
    org_id = repository.upload_announcement(name="SDK greeting", file=str(greeting))
    uploaded = repository.details(announcement_id=org_id)
    assert uploaded.file_name == "sdk-greeting.wav" and not extra_fields(uploaded)
    location_upload = repository.upload_announcement(
        name="SDK local", file=io.BytesIO(pcm_wav(0.25)), upload_as="local.wav", location_id=location_id
    )
    assert repository.details(announcement_id=location_upload, location_id=location_id).name == "SDK local"
    # By file_uri: the JSON body, with the fileUri of a finished text-to-speech job.
    tts_id = api.telephony.text_to_speech.generate(voice="ashley", text="Hello from the SDK", language_code="en_us")
    status = api.telephony.text_to_speech.status(tts_id)
    assert status.status == "SUCCESS" and not extra_fields(status)
    by_uri = repository.upload_announcement(name="SDK spoken", file_uri=status.file_uri, upload_as="spoken.wav")
    assert repository.details(announcement_id=by_uri).file_name == "spoken.wav"
    posted = [entry for entry in sim.writes() if entry["method"] == "POST" and entry["path"].endswith("/announcements")]
    assert posted[-1]["body"]["fileUri"] == status.file_uri  # JSON, as wxc_sdk 1.41 sends it (is_text_to_speech too)
    # Modify: by file and by file_uri; the id stays.
    replacement = tmp_path / "sdk-greeting-2.wav"
    replacement.write_bytes(pcm_wav(1.0))
    repository.modify(announcement_id=org_id, name="SDK greeting 2", file=str(replacement))
    assert repository.details(announcement_id=org_id).name == "SDK greeting 2"
    repository.modify(announcement_id=org_id, name="SDK greeting 3", file_uri=status.file_uri, upload_as="g3.wav")
    assert repository.details(announcement_id=org_id).file_name == "g3.wav"
    # Delete, at both levels.
    for announcement_id, location in ((org_id, None), (by_uri, None), (location_upload, location_id)):
        repository.delete(announcement_id=announcement_id, location_id=location)
    assert not {org_id, by_uri, location_upload} & {item.id for item in repository.list(location_id="all")}
    usage = repository.usage()
    assert usage.total_file_size_limit_mb == 1024 and not extra_fields(usage)


def test_operating_mode_reads(sim, api):
    location_id = hq(api)
    modes = api.telephony.operating_modes
    listed = list(modes.list())
    assert {mode.name for mode in listed} >= {"Outage", "Day"} and not extra_fields(listed)
    local = list(modes.list(limit_to_location_id=location_id))
    assert [mode.name for mode in local] == ["Day", "Night"]
    for mode in listed:
        details = modes.details(mode.id)
        assert details.name == mode.name and not extra_fields(details)
        for holiday in details.holidays or []:
            assert not extra_fields(modes.holiday_details(mode.id, holiday.id))
    available = modes.available_operating_modes(location_id)
    assert "Night" in {mode.name for mode in available} and not extra_fields(available)
