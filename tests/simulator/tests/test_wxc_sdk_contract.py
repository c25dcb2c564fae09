"""Contract: wxc_sdk (a Webex client someone else wrote, pinned in requirements-test.txt) drives the simulator.

Every auto attendant, location, schedule, event and announcement list/details call wxc_sdk 1.41 offers: each body it
sends is accepted (any error answer raises), each answer parses in its models without a validation error, without an
enum value it does not know ("auto enhancing Enum" warning) and without a field it does not know, except the fields its
models lack (KNOWN_SDK_GAPS). That the module reads what wxc_sdk writes and the other way round is
tests/component/test_wxc_sdk.py. Call forwarding has its own contract test.
"""

import datetime

from wxc_sdk.common.schedules import Event, Recurrence, RecurWeekly, Schedule, ScheduleType

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
