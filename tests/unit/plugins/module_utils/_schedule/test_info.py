"""_schedule/info.py, its pure parts: the info module's options and what validate_info_options() refuses, and one
schedule's info (snake_case, its location, the stale check only for holiday schedules). The reading is tested against
the simulator in tests/component/test_schedule_info.py."""

import datetime

import pytest
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.wxc.calling.plugins.module_utils._schedule import info as sc_info

LOCATION = {"id": "L1", "name": "Denver", "timeZone": "America/Denver"}
EVENT = {"id": "e1", "name": "Christmas Day 2026-12-25", "startDate": "2026-12-25", "endDate": "2026-12-25",
         "allDayEnabled": True}  # fmt: skip


def params(**options):
    result = ArgumentSpecValidator(sc_info.info_argument_spec()).validate(options)
    assert not result.error_messages, result.error_messages
    return result.validated_parameters


def test_the_defaults():
    assert params() == {"location": None, "type": None, "name": None, "stale_horizon_days": 90}


@pytest.mark.parametrize(
    "options, errors",
    [
        ({"location": "Headquarters", "name": "Holidays", "stale_horizon_days": 1}, []),
        ({"stale_horizon_days": 3660}, []),
        ({"location": 2027}, ["location: is the number 2027, not text"]),
        ({"name": False}, ["name: is the boolean false, not text"]),
        ({"stale_horizon_days": 0}, ["stale_horizon_days: must be from 1 to 3660 (days); got 0"]),
        ({"stale_horizon_days": 3661}, ["stale_horizon_days: must be from 1 to 3660 (days); got 3661"]),
    ],
)
def test_validate_info_options(options, errors):
    got = sc_info.validate_info_options(params(**options))
    assert len(got) == len(errors) and all(message.startswith(error) for message, error in zip(got, errors))


def test_schedule_info_of_a_holiday_schedule():
    details = {"id": "s1", "name": "Holidays", "type": "holidays", "events": [EVENT]}
    assert sc_info.schedule_info(details, LOCATION, datetime.date(2026, 12, 1), 90) == {
        "id": "s1",
        "name": "Holidays",
        "type": "holidays",
        "location_id": "L1",
        "location_name": "Denver",
        "events": [
            {
                "id": "e1",
                "name": "Christmas Day 2026-12-25",
                "start_date": "2026-12-25",
                "end_date": "2026-12-25",
                "all_day_enabled": True,
            }
        ],
        "stale": False,
        "stale_reason": None,
    }
    stale = sc_info.schedule_info(details, LOCATION, datetime.date(2026, 12, 26), 90)
    assert stale["stale"] is True and stale["stale_reason"] == "its last event ended on 2026-12-25"
    assert details["events"] == [EVENT]  # not changed


def test_schedule_info_of_business_hours_has_no_stale_check():
    details = {"id": "s2", "name": "Office", "type": "businessHours"}
    assert sc_info.schedule_info(details, LOCATION, datetime.date(2026, 12, 1), 90) == {
        "id": "s2",
        "name": "Office",
        "type": "business_hours",
        "location_id": "L1",
        "location_name": "Denver",
        "events": [],
    }
