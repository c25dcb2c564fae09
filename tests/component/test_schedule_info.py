"""webex_schedule_info's reading (_schedule/info.py) in this process against the simulator: the schedules of a location
or of the organisation with their events, the stale check of each holiday schedule at today in its location's time
zone (the clock injected), the filters, and the requests it makes (reads only)."""

import datetime

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import holiday
from ansible_collections.wxc.calling.plugins.module_utils._schedule import info as sc_info
from ansible_collections.wxc.calling.plugins.module_utils._schedule.stale import STALE_HORIZON_DAYS
from tests.builders import ANNEX, HOLIDAYS, HQ
from tests.component.helpers import Module, create_schedule, params_of

UTC = datetime.timezone.utc
CURRENT = [
    {"name": "Christmas Day 2026-12-25", "startDate": "2026-12-25", "endDate": "2026-12-25", "allDayEnabled": True},
    {"name": "New Year's Day 2027-01-01", "startDate": "2027-01-01", "endDate": "2027-01-01", "allDayEnabled": True},
]
FAR = [{"name": "Memorial Day 2027-05-31", "startDate": "2027-05-31", "endDate": "2027-05-31", "allDayEnabled": True}]


@pytest.fixture(autouse=True, name="today")
def fixture_today(monkeypatch):
    """The clock at 7 December 2026, noon UTC (07 December in Los Angeles too)."""
    now = datetime.datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    monkeypatch.setattr(holiday, "utc_now", lambda: now)
    return now


def by_name(schedules):
    return {schedule["name"]: schedule for schedule in schedules}


def test_the_holiday_schedules_of_a_location_with_their_stale_check(sim, client, hq):
    create_schedule(sim, hq, name="Kept up", kind="holidays", events=CURRENT)
    create_schedule(sim, hq, name="Far off", kind="holidays", events=FAR)
    create_schedule(sim, hq, name="Empty", kind="holidays", events=())
    sim.clear_requests()
    schedules = sc_info.read_schedules(client, HQ, "holidays")
    assert [schedule["name"] for schedule in schedules] == [HOLIDAYS, "Empty", "Far off", "Kept up"]
    found = by_name(schedules)
    assert found["Kept up"]["stale"] is False and found["Kept up"]["stale_reason"] is None
    assert found["Far off"]["stale_reason"] == "no event in the next 90 days (the next one starts on 2027-05-31)"
    assert found["Empty"]["stale_reason"] == "it has no events"
    # The seeded holiday schedule of every location has only 2025 events.
    assert found[HOLIDAYS]["stale"] is True and found[HOLIDAYS]["stale_reason"] == "its last event ended on 2025-12-26"
    kept = found["Kept up"]
    assert kept["type"] == "holidays" and kept["location_id"] == hq and kept["location_name"] == HQ
    assert kept["events"][0] == {
        "id": kept["events"][0]["id"],
        "name": "Christmas Day 2026-12-25",
        "start_date": "2026-12-25",
        "end_date": "2026-12-25",
        "all_day_enabled": True,
    }
    # Reads only: the location by name, its details (time zone), the list, one details request per schedule.
    assert [entry["method"] for entry in sim.requests()] == ["GET"] * 7
    assert sim.requests()[1]["path"] == "/v1/locations/%s" % hq


def test_business_hours_schedules_carry_no_stale_check(client, hq):
    schedules = sc_info.read_schedules(client, hq, "business_hours")
    assert schedules and all(schedule["type"] == "business_hours" for schedule in schedules)
    assert not any("stale" in schedule or "stale_reason" in schedule for schedule in schedules)


def test_the_horizon_decides_what_is_far(sim, client, hq):
    create_schedule(sim, hq, name="Far off", kind="holidays", events=FAR)
    assert sc_info.read_schedules(client, hq, "holidays", "Far off", horizon_days=200)[0]["stale"] is False
    assert sc_info.read_schedules(client, hq, "holidays", "Far off", horizon_days=STALE_HORIZON_DAYS)[0]["stale"]


def test_today_is_the_location_s_today(sim, client, hq, monkeypatch):
    # 25 December 2026 ends at 08:00 UTC on the 26th in Los Angeles: at 07:00 UTC it is still on there.
    create_schedule(sim, hq, name="Christmas only", kind="holidays", events=CURRENT[:1])
    monkeypatch.setattr(holiday, "utc_now", lambda: datetime.datetime(2026, 12, 26, 7, 0, tzinfo=UTC))
    assert sc_info.read_schedules(client, hq, "holidays", "Christmas only")[0]["stale"] is False
    monkeypatch.setattr(holiday, "utc_now", lambda: datetime.datetime(2026, 12, 26, 9, 0, tzinfo=UTC))
    assert sc_info.read_schedules(client, hq, "holidays", "Christmas only")[0]["stale_reason"] == (
        "its last event ended on 2026-12-25"
    )


def test_the_organisation_by_location_name_and_an_exact_name(sim, client, hq):
    annex = sim.location_id(ANNEX)
    create_schedule(sim, annex, name="Kept up", kind="holidays", events=CURRENT)
    create_schedule(sim, hq, name="Kept up 2", kind="holidays", events=CURRENT)
    schedules = sc_info.read_schedules(client, None, "holidays", "Kept up")
    assert [(schedule["location_name"], schedule["name"]) for schedule in schedules] == [(ANNEX, "Kept up")]
    every = sc_info.read_schedules(client)
    locations = [schedule["location_name"] for schedule in every]
    assert locations == sorted(locations) and {HQ, ANNEX} <= set(locations)
    assert {schedule["type"] for schedule in every} == {"business_hours", "holidays"}


def test_run_info_lists_the_stale_holiday_schedules(sim, client, hq):
    create_schedule(sim, hq, name="Kept up", kind="holidays", events=CURRENT)
    module = Module(params_of(sc_info.info_argument_spec(), location=HQ))
    result = sc_info.run_info(module, client)
    assert result["changed"] is False and len(result["schedules"]) >= 3
    assert result["stale_schedules"] == [
        {
            "location_id": hq,
            "location_name": HQ,
            "id": by_name(result["schedules"])[HOLIDAYS]["id"],
            "name": HOLIDAYS,
            "stale_reason": "its last event ended on 2025-12-26",
        }
    ]
    assert module.warnings == []
