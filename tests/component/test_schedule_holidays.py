"""webex_schedule's holidays option, converge() and run() in this process against the simulator, with the real
holidays package: create then re-run with no change, check mode without writes and a diff of the events added and
removed, the purge of a date the calendar no longer has (events of other years untouched), a generated event whose
date moved, {next: N} counted from today in the location's time zone (the clock injected), and a refusal before any
write."""

import datetime

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as sc_converge
from ansible_collections.wxc.calling.plugins.module_utils._schedule import holiday
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import service as sc_service
from ansible_collections.wxc.calling.plugins.module_utils._site import converge as site
from ansible_collections.wxc.calling.plugins.module_utils._site.options import argument_spec as site_argument_spec
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from tests.builders import HQ
from tests.component.helpers import Module, create_schedule, params_of, writes

UTC = datetime.timezone.utc
HOLIDAYS = "holidays"  # the API's type
OLD_2025 = {"name": "Company day 2025-06-02", "startDate": "2025-06-02", "endDate": "2025-06-02", "allDayEnabled": True}
OLD_2026 = {
    "name": "Founders Day 2026-03-03",
    "startDate": "2026-03-03",
    "endDate": "2026-03-03",
    "allDayEnabled": True,
}


@pytest.fixture(name="service")
def fixture_service(client):
    return sc_service.ScheduleService(client)


@pytest.fixture(name="clock")
def fixture_clock(monkeypatch):
    """Set the clock of holiday.py to an ISO time in UTC."""

    def set_clock(iso):
        now = datetime.datetime.fromisoformat(iso).replace(tzinfo=UTC)
        monkeypatch.setattr(holiday, "utc_now", lambda: now)

    return set_clock


def params(holidays=None, **options):
    """Module params as AnsibleModule makes them, for the holiday schedule Holidays of Headquarters."""
    calendar = dict({"country": "US", "years": [2026]}, **(holidays or {}))
    return params_of(
        sc_options.argument_spec(),
        **dict({"location": HQ, "type": "holidays", "name": "Holidays", "holidays": calendar}, **options),
    )


def schedule(service, hq, name="Holidays"):
    found = service.find(hq, HOLIDAYS, name)
    return found and service.details(hq, HOLIDAYS, found["id"])


def names(events):
    return sorted(event["name"] for event in events)


def event_calls(sim):
    """(method, "events" or "event", status) of the writes to events."""
    return [
        (entry["method"], "event" if entry["path"].rsplit("/events", 1)[1] else "events", entry["status"])
        for entry in sim.writes()
    ]


def test_create_with_two_years_then_a_rerun_changes_nothing(sim, service, hq):
    sim.clear_requests()
    plan, result = sc_converge.converge(service, hq, params({"years": [2026, 2027]}))
    assert plan.action == "create" and plan.holiday_years == [2026, 2027]
    assert writes(sim) == [("POST", 201)]  # the schedule with its 27 events in one request
    stored = schedule(service, hq)
    assert len(stored["events"]) == 27 and names(stored["events"]) == names(result["events"])
    assert {event["name"] for event in stored["events"]} >= {
        "Thanksgiving Day 2026-11-26",
        "Independence Day (observed) 2026-07-03",
        "Thanksgiving Day 2027-11-25",
        "New Year's Day (observed) 2027-12-31",
    }
    sim.clear_requests()
    again, result = sc_converge.converge(service, hq, params({"years": [2026, 2027]}))
    assert again.action == "nothing" and not again.changed and writes(sim) == []
    assert [entry["method"] for entry in sim.requests()] == ["GET", "GET"]  # the list, the details
    assert result["id"] == stored["id"]


def test_check_mode_writes_nothing_and_the_diff_shows_the_events_added_and_removed(sim, service, hq):
    create_schedule(sim, hq, name="Holidays", kind=HOLIDAYS, events=(OLD_2025, OLD_2026))
    plan, result = sc_converge.converge(
        service, hq, params({"include": ["Christmas Day", "Thanksgiving Day"]}, purge_events=True), check_mode=True
    )
    assert writes(sim) == []
    assert plan.action == "update" and plan.changed
    assert names(plan.event_creates) == ["Christmas Day 2026-12-25", "Thanksgiving Day 2026-11-26"]
    assert names(plan.event_deletes) == ["Founders Day 2026-03-03"]  # 2025 is not a year the option covers
    diff = plan.diff()
    assert names(diff["before"]["events"]) == ["Company day 2025-06-02", "Founders Day 2026-03-03"]
    assert names(diff["after"]["events"]) == [
        "Christmas Day 2026-12-25",
        "Company day 2025-06-02",
        "Thanksgiving Day 2026-11-26",
    ]
    assert diff["after"]["events"][0] == {
        "name": "Thanksgiving Day 2026-11-26",
        "start_date": "2026-11-26",
        "end_date": "2026-11-26",
        "all_day_enabled": True,
    }
    # The predicted result: the kept event with its id, the new ones without one.
    ids = {event["name"]: event["id"] for event in result["events"]}
    assert ids["Thanksgiving Day 2026-11-26"] is None and ids["Company day 2025-06-02"]
    # And the real run does what check mode said.
    sim.clear_requests()
    real, _result = sc_converge.converge(
        service, hq, params({"include": ["Christmas Day", "Thanksgiving Day"]}, purge_events=True)
    )
    assert sorted(event_calls(sim)) == [("DELETE", "event", 204), ("POST", "events", 201), ("POST", "events", 201)]
    assert real.diff() == diff and names(schedule(service, hq)["events"]) == names(diff["after"]["events"])


def test_purge_removes_a_date_the_calendar_no_longer_has_and_never_another_year(sim, service, hq):
    create_schedule(sim, hq, name="Holidays", kind=HOLIDAYS, events=(OLD_2025,))
    sc_converge.converge(service, hq, params({"include": ["Christmas Day", "Columbus Day"]}))
    assert names(schedule(service, hq)["events"]) == [
        "Christmas Day 2026-12-25",
        "Columbus Day 2026-10-12",
        "Company day 2025-06-02",
    ]
    # Columbus Day is no longer wanted: without purge_events it stays, nothing is written.
    sim.clear_requests()
    kept, _result = sc_converge.converge(service, hq, params({"include": ["Christmas Day"]}))
    assert kept.action == "nothing" and writes(sim) == []
    # With purge_events it goes, and it alone: the 2025 event is of a year the option does not cover.
    purged, result = sc_converge.converge(service, hq, params({"include": ["Christmas Day"]}, purge_events=True))
    assert purged.action == "update" and [event["name"] for event in purged.event_deletes] == [
        "Columbus Day 2026-10-12"
    ]
    assert event_calls(sim) == [("DELETE", "event", 204)]
    assert names(schedule(service, hq)["events"]) == ["Christmas Day 2026-12-25", "Company day 2025-06-02"]
    assert names(result["events"]) == ["Christmas Day 2026-12-25", "Company day 2025-06-02"]
    # A purge over 2025 as well would remove it.
    sim.clear_requests()
    sc_converge.converge(service, hq, params({"include": ["Christmas Day"], "years": [2025, 2026]}, purge_events=True))
    assert sorted(event_calls(sim)) == [("DELETE", "event", 204), ("POST", "events", 201)]
    assert names(schedule(service, hq)["events"]) == ["Christmas Day 2025-12-25", "Christmas Day 2026-12-25"]


def test_a_generated_event_that_differs_is_updated_and_a_declared_one_wins(sim, service, hq):
    moved = {
        "name": "Christmas Day 2026-12-25",
        "startDate": "2026-12-24",
        "endDate": "2026-12-24",
        "allDayEnabled": True,
    }
    create_schedule(sim, hq, name="Holidays", kind=HOLIDAYS, events=(moved,))
    plan, _result = sc_converge.converge(service, hq, params({"include": ["Christmas Day"]}))
    assert event_calls(sim) == [("PUT", "event", 200)] and plan.event_updates[0]["startDate"] == "2026-12-25"
    closure = {"name": "Christmas Day 2026-12-25", "start_date": "2026-12-24", "end_date": "2026-12-26"}
    sim.clear_requests()
    plan, _result = sc_converge.converge(service, hq, params({"include": ["Christmas Day"]}, events=[closure]))
    assert event_calls(sim) == [("PUT", "event", 200)]
    stored = schedule(service, hq)["events"]
    assert [(event["startDate"], event["endDate"]) for event in stored] == [("2026-12-24", "2026-12-26")]


@pytest.mark.parametrize(
    "now, years",
    [
        # Headquarters is in America/Los_Angeles: at 05:00 UTC on 1 January it is still 31 December there.
        ("2027-01-01T05:00:00", [2026, 2027]),
        ("2027-01-01T09:00:00", [2027, 2028]),
    ],
)
def test_next_years_count_from_today_in_the_location_time_zone(sim, service, hq, clock, now, years):
    clock(now)
    sim.clear_requests()
    plan, _result = sc_converge.converge(service, hq, params({"years": {"next": 2}}), check_mode=True)
    assert plan.holiday_years == years
    assert {event["startDate"][:4] for event in plan.body["events"]} == {str(year) for year in years}
    assert sim.requests()[0]["method"] == "GET" and sim.requests()[0]["path"] == "/v1/locations/%s" % hq
    assert writes(sim) == []


def test_a_list_of_years_does_not_read_the_location(sim, service, hq):
    sim.clear_requests()
    sc_converge.converge(service, hq, params(), check_mode=True)
    assert not [entry for entry in sim.requests() if entry["path"].startswith("/v1/locations/")]


def test_a_time_zone_this_host_does_not_know_counts_in_utc_with_a_warning(sim, service, hq, clock, monkeypatch):
    monkeypatch.setattr(sc_converge, "location_time_zone", lambda client, location_id: "Mars/Olympus_Mons")
    clock("2027-01-01T05:00:00")
    warnings = []
    plan, _result = sc_converge.converge(service, hq, params({"years": {"next": 1}}), True, warn=warnings.append)
    assert plan.holiday_years == [2027]
    assert warnings == [
        "holidays.years: {next: N} counts from today; the location's time zone 'Mars/Olympus_Mons' is not one this "
        "host knows (ZoneInfoNotFoundError): today is taken in UTC"
    ]


def test_a_calendar_that_cannot_give_events_fails_before_any_write(sim, service, hq):
    sim.clear_requests()
    with pytest.raises(ResourceError) as caught:
        sc_converge.converge(service, hq, params({"include": ["Thanksgiving"]}))
    assert str(caught.value).startswith("holidays.include: 'Thanksgiving' is not a holiday of US or of any of its")
    assert not caught.value.changed and writes(sim) == []


def test_run_returns_the_years_and_the_diff(sim, client, hq, clock):
    clock("2026-06-01T12:00:00")
    module = Module(params({"years": {"next": 2}, "include": ["Labor Day"]}), check_mode=True, diff=True)
    result = sc_converge.run(module, client)
    assert result["changed"] and result["holiday_years"] == [2026, 2027]
    assert names(result["diff"]["after"]["events"]) == ["Labor Day 2026-09-07", "Labor Day 2027-09-06"]
    assert result["schedule"]["events"][0]["start_date"] == "2026-09-07" and writes(sim) == []
    assert "holiday_years" not in sc_converge.run(
        Module(params_of(sc_options.argument_spec(), location=HQ, type="holidays", name="X")), client
    )


def test_the_site_engine_converges_a_holiday_schedule_through_the_same_functions(sim, client, service, hq, clock):
    # webex_site plans with read() and plan_for() and writes with apply(): the holidays option works there as well.
    clock("2026-06-01T12:00:00")
    declared = {"location": HQ, "type": "holidays", "name": "Holidays", "purge_events": True}
    declared["holidays"] = {"country": "US", "years": {"next": 1}, "include": ["Labor Day", "Thanksgiving Day"]}
    params = params_of(site_argument_spec(), schedules=[declared])
    checked = site.converge(client, params, check_mode=True, warn=lambda message: None)
    assert [entry["action"] for entry in checked["objects"]] == ["create"] and writes(sim) == []
    site.converge(client, params, warn=lambda message: None)
    assert names(schedule(service, hq)["events"]) == ["Labor Day 2026-09-07", "Thanksgiving Day 2026-11-26"]
    again = site.converge(client, params, warn=lambda message: None)
    assert [entry["action"] for entry in again["objects"]] == ["nothing"]
