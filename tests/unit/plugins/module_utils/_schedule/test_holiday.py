"""_schedule/holiday.py over the real holidays package: the events a calendar gives (US floating and observed days, a
US state and a Canadian province, two years at once, include/exclude, name_format, languages), the years option and
today in a time zone, the merge with the declared events and what purge_events covers, every refusal naming its
option, and the clear error when the package is missing."""

import datetime
import sys

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import holiday

UTC = datetime.timezone.utc


def option(**fields):
    """The holidays option as AnsibleModule hands it over: every suboption present, unset ones None."""
    base = {
        "country": "US",
        "subdivision": None,
        "years": [2026],
        "include": None,
        "exclude": None,
        "observed": None,
        "language": None,
        "name_format": "{name} {date}",
    }
    base.update(fields)
    return base


def days(events):
    """{date: event name} of generated events."""
    return {event["startDate"]: event["name"] for event in events}


def generated(years=(2026,), **fields):
    return holiday.calendar_events(option(years=list(years), **fields), list(years))


# -- the calendar's events -------------------------------------------------------------------------------------------


def test_us_floating_holidays_fall_on_their_weekday_of_the_year():
    got = days(generated([2026, 2027]))
    assert got["2026-01-19"] == "Martin Luther King Jr. Day 2026-01-19"  # third Monday of January
    assert got["2026-05-25"] == "Memorial Day 2026-05-25"  # last Monday of May
    assert got["2026-11-26"] == "Thanksgiving Day 2026-11-26"  # fourth Thursday of November
    assert got["2027-11-25"] == "Thanksgiving Day 2027-11-25"
    assert "2026-11-27" not in got and "2027-11-26" not in got


def test_us_observed_days_are_events_of_their_own():
    got = days(generated([2026, 2027]))
    # 4 July 2026 is a Saturday: observed on Friday 3 July; 25 December 2027 too: observed Friday 24 December.
    assert got["2026-07-03"] == "Independence Day (observed) 2026-07-03"
    assert got["2026-07-04"] == "Independence Day 2026-07-04"
    assert got["2027-12-24"] == "Christmas Day (observed) 2027-12-24"
    # 1 January 2028 is a Saturday: observed on Friday 31 December 2027, an event of 2027.
    assert got["2027-12-31"] == "New Year's Day (observed) 2027-12-31"
    without = days(generated([2026, 2027], observed=False))
    assert "2026-07-03" not in without and "2027-12-24" not in without and "2027-12-31" not in without
    assert without["2026-07-04"] == "Independence Day 2026-07-04"


def test_each_event_is_one_all_day_date_and_they_come_in_date_order():
    events = generated([2026])
    assert events[0] == {
        "name": "New Year's Day 2026-01-01",
        "startDate": "2026-01-01",
        "endDate": "2026-01-01",
        "allDayEnabled": True,
    }
    assert [event["startDate"] for event in events] == sorted(event["startDate"] for event in events)
    assert all(event["startDate"] == event["endDate"] and event["allDayEnabled"] for event in events)
    assert len(events) == 12


def test_two_years_at_once_and_only_those_years():
    events = generated([2026, 2027])
    assert {event["startDate"][:4] for event in events} == {"2026", "2027"}
    # 2027: eleven holidays and four observed days (Juneteenth, Independence Day, Christmas, New Year's Day 2028).
    assert len(events) == 12 + 15
    assert len({event["name"] for event in events}) == len(events)


def test_a_us_state_adds_its_own_holidays_and_names():
    state = days(generated([2026], subdivision="CA"))
    country = days(generated([2026]))
    assert state["2026-03-31"] == "Cesar Chavez Day 2026-03-31"
    assert state["2026-11-27"] == "Day After Thanksgiving 2026-11-27"
    assert state["2026-02-16"] == "Presidents' Day 2026-02-16"  # California's name for Washington's Birthday
    assert "2026-03-31" not in country and "2026-10-12" in country and "2026-10-12" not in state


def test_a_canadian_province_by_code_or_by_name_and_in_french():
    quebec = days(generated([2026], country="CA", subdivision="QC"))
    assert quebec["2026-06-24"] == "Saint John the Baptist Day 2026-06-24"
    assert quebec["2026-05-18"] == "National Patriots' Day 2026-05-18"
    assert "2026-06-24" not in days(generated([2026], country="CA"))
    assert days(generated([2026], country="CA", subdivision="Quebec")) == quebec
    french = days(generated([2026], country="CA", subdivision="QC", language="fr"))
    assert french["2026-06-24"] == "Fête nationale du Québec 2026-06-24"


def test_include_takes_only_those_holidays_with_their_observed_days():
    got = days(generated([2027], include=["Christmas Day", "thanksgiving day"]))
    assert got == {
        "2027-11-25": "Thanksgiving Day 2027-11-25",
        "2027-12-24": "Christmas Day (observed) 2027-12-24",
        "2027-12-25": "Christmas Day 2027-12-25",
    }


def test_exclude_leaves_out_a_holiday_and_its_observed_day_or_only_the_observed_day():
    got = days(generated([2027], exclude=["Christmas Day", "Columbus Day"]))
    assert "2027-12-24" not in got and "2027-12-25" not in got and "2027-10-11" not in got
    assert "2027-11-25" in got
    only_observed = days(generated([2027], exclude=["Christmas Day (observed)"]))
    assert "2027-12-24" not in only_observed and only_observed["2027-12-25"] == "Christmas Day 2027-12-25"


def test_an_include_or_exclude_name_no_calendar_of_the_country_has_is_refused_listing_the_holidays():
    with pytest.raises(holiday.HolidayProblem) as caught:
        generated([2026], include=["Thanksgiving"])
    message = str(caught.value)
    assert message.startswith(
        "holidays.include: 'Thanksgiving' is not a holiday of US or of any of its subdivisions in 2026; the holidays "
        "of US in 2026: Christmas Day, Columbus Day, "
    )
    assert "Thanksgiving Day" in message
    with pytest.raises(holiday.HolidayProblem) as caught:
        generated([2026, 2027], subdivision="CA", exclude=["Labour Day"])
    assert str(caught.value).startswith(
        "holidays.exclude: 'Labour Day' is not a holiday of US or of any of its subdivisions in 2026, 2027; the "
        "holidays of US-CA in 2026, 2027: Cesar Chavez Day, "
    )


def test_a_name_of_another_subdivision_is_accepted_so_that_one_set_serves_many_states():
    # California has no Columbus Day, the country has; Cesar Chavez Day is California's and Colorado's.
    shared = {"exclude": ["Columbus Day", "Cesar Chavez Day"]}
    california = days(generated([2026], subdivision="CA", **shared))
    assert "2026-03-31" not in california and california["2026-11-27"] == "Day After Thanksgiving 2026-11-27"
    country = days(generated([2026], **shared))
    assert "2026-10-12" not in country and len(country) == 11
    assert days(generated([2026], subdivision="CA", include=["Columbus Day", "Christmas Day"])) == {
        "2026-12-25": "Christmas Day 2026-12-25"
    }
    # The observed day of a holiday the calendar has is a name it knows, even in a year without one.
    assert days(generated([2026], exclude=["Christmas Day (observed)"]))["2026-12-25"] == "Christmas Day 2026-12-25"


def test_name_format_fields():
    assert days(generated([2026], name_format="{name} {year}"))["2026-11-26"] == "Thanksgiving Day 2026"
    assert days(generated([2026], name_format="{date} {name}"))["2026-11-26"] == "2026-11-26 Thanksgiving Day"
    assert days(generated([2026], name_format="Closed: {name} ({year})"))["2026-11-26"] == (
        "Closed: Thanksgiving Day (2026)"
    )


def test_a_name_format_that_names_two_days_alike_is_refused_naming_both():
    # Russia's New Year Holidays last several days under one name.
    with pytest.raises(holiday.HolidayProblem) as caught:
        generated([2026], country="RU", name_format="{name} {year}")
    assert str(caught.value) == (
        "holidays.name_format: '{name} {year}' names both 2026-01-01 and 2026-01-02 (event names are unique in a "
        "schedule); use {date}"
    )
    assert days(generated([2026], country="RU"))["2026-01-02"] == "New Year Holidays 2026-01-02"


def test_a_holiday_name_too_long_for_an_event_is_cut_to_fit():
    got = days(generated([2026], country="PR"))
    name = got["2026-02-16"]
    assert len(name) == 80 and name.endswith("... 2026-02-16") and name.startswith("George Washington Day, Presidents")
    assert holiday.event_name("{name} {year}", "x" * 100, datetime.date(2026, 1, 1)) == "x" * 72 + "... 2026"
    assert holiday.event_name("{name} {year}", "x" * 75, datetime.date(2026, 1, 1)) == "x" * 75 + " 2026"


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"country": "XX"}, "holidays.country: 'XX' is not a country the holidays package knows (an ISO 3166-1 code"),
        ({"country": "us"}, "holidays.country: 'us' is not a country the holidays package knows; did you mean US?"),
        ({"subdivision": "ZZ"}, "holidays.subdivision: 'ZZ' is not a subdivision of US; its subdivisions: AK, AL,"),
        ({"language": "de"}, "holidays.language: 'de' is not a language of the calendar of US; its languages: en_US"),
    ],
)
def test_a_calendar_the_package_refuses_is_refused_naming_the_option(fields, message):
    with pytest.raises(holiday.HolidayProblem) as caught:
        generated([2026], **fields)
    assert str(caught.value).startswith(message)


# -- the years -------------------------------------------------------------------------------------------------------


def test_covered_years():
    assert holiday.covered_years([2027, 2026]) == [2026, 2027]
    assert holiday.covered_years(["2026"]) == [2026]  # a template gives text
    assert holiday.covered_years({"next": 2}, datetime.date(2026, 12, 31)) == [2026, 2027]
    assert holiday.covered_years({"next": 1}, datetime.date(2027, 1, 1)) == [2027]
    assert holiday.counts_from_today({"next": 1}) and not holiday.counts_from_today([2026])


@pytest.mark.parametrize(
    "years, problem",
    [
        ([2026, 2027], None),
        ({"next": 3}, None),
        ({"next": "2"}, None),
        ([], "holidays.years: must be a list of years ([2026, 2027]) or {next: N}; got []"),
        ("2026", "holidays.years: must be a list of years ([2026, 2027]) or {next: N}; got '2026'"),
        ([1999], "holidays.years: 1999 is not a year from 2000 to 2099"),
        ([True], "holidays.years: True is not a year from 2000 to 2099"),
        (["next year"], "holidays.years: 'next year' is not a year from 2000 to 2099"),
        ([2026, "2026"], "holidays.years: [2026, '2026'] lists a year more than once"),
        ({"next": 0}, "holidays.years: {next: N} takes only next, a whole number from 1 to 10; got {'next': 0}"),
        ({"next": 11}, "holidays.years: {next: N} takes only next, a whole number from 1 to 10; got {'next': 11}"),
        (
            {"next": 2, "from": 2026},
            "holidays.years: {next: N} takes only next, a whole number from 1 to 10; got {'next': 2, 'from': 2026}",
        ),
    ],
)
def test_years_problem(years, problem):
    assert holiday.years_problem(years) == problem


def test_today_is_the_date_in_the_location_time_zone():
    # 31 December 2026, 20:00 UTC: already 1 January 2027 in Kiritimati (UTC+14), still 31 December in Los Angeles.
    now = datetime.datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    assert holiday.location_today("Pacific/Kiritimati", now) == (datetime.date(2027, 1, 1), None)
    assert holiday.location_today("America/Los_Angeles", now) == (datetime.date(2026, 12, 31), None)
    # 1 January 2027, 05:00 UTC: still 2026 in Los Angeles.
    later = datetime.datetime(2027, 1, 1, 5, 0, tzinfo=UTC)
    assert holiday.location_today("America/Los_Angeles", later) == (datetime.date(2026, 12, 31), None)


@pytest.mark.parametrize("time_zone", ["Mars/Olympus_Mons", "", None])
def test_a_time_zone_this_host_does_not_know_counts_in_utc_and_says_so(time_zone):
    now = datetime.datetime(2027, 1, 1, 5, 0, tzinfo=UTC)
    today, problem = holiday.location_today(time_zone, now)
    assert today == datetime.date(2027, 1, 1)
    assert problem.startswith("time zone %r is not one this host knows (" % (time_zone,))
    assert problem.endswith("): today is taken in UTC")


def test_possible_years_cover_every_time_zone_around_new_year():
    near = datetime.datetime(2026, 12, 31, 23, 0, tzinfo=UTC)
    assert holiday.possible_years({"next": 1}, near) == [2026, 2027]
    middle = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert holiday.possible_years({"next": 2}, middle) == [2026, 2027]
    assert holiday.possible_years([2030], near) == [2030]


# -- name_format and the whole option --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name_format, problem",
    [
        ("{name} {date}", None),
        ("{date}", None),
        ("Closed {year}: {name}", None),
        ("{name}", "holidays.name_format: '{name}' needs {year} or {date}: event names are unique in a schedule, and "
         "a holiday comes back every year"),
        ("{name} {when}", "holidays.name_format: {when} is not one of its fields {name}, {year} and {date}"),
        ("{name} {0}", "holidays.name_format: {0} is not one of its fields {name}, {year} and {date}"),
        ("{name!r} {year}", "holidays.name_format: {name!r}: write its fields plain, {name}, {year} and {date}"),
        ("{name} {date:%Y}", "holidays.name_format: {date:%Y}: write its fields plain, {name}, {year} and {date}"),
        ("{name {year}", "holidays.name_format: '{name {year}' is not a format (unexpected '{' in field name); write "
         "the fields as {name}, {year} and {date}"),
        ("x" * 75 + "{date}", "holidays.name_format: '%s{date}' leaves no room for the holiday's name in the 80 "
         "characters of an event name" % ("x" * 75)),
    ],
)  # fmt: skip
def test_name_format_problem(name_format, problem):
    assert holiday.name_format_problem(name_format) == problem


def test_option_problems_before_any_request():
    now = datetime.datetime(2026, 6, 1, tzinfo=UTC)
    assert holiday.option_problems(option(years={"next": 2}), now) == []
    assert holiday.option_problems(option(years=[1999], name_format="{name}"), now) == [
        "holidays.years: 1999 is not a year from 2000 to 2099",
        "holidays.name_format: '{name}' needs {year} or {date}: event names are unique in a schedule, and a holiday "
        "comes back every year",
    ]
    assert holiday.option_problems(option(include=["Christmas Day", "Labor Day"], exclude=["christmas day"]), now) == [
        "holidays.exclude: 'christmas day' also in holidays.include"
    ]
    assert holiday.option_problems(option(country="XX"), now)[0].startswith("holidays.country: 'XX' is not")
    # {next: N} is checked for every year it may cover: at New Year that is two sets of years.
    problems = holiday.option_problems(option(years={"next": 1}, include=["Thanksgiving"]), now)
    assert problems[0].startswith("holidays.include: 'Thanksgiving' is not a holiday of US or of any of its")


def test_a_missing_package_is_a_clear_error_naming_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "holidays", None)  # what Python does for a package it cannot import
    with pytest.raises(holiday.HolidayProblem) as caught:
        holiday.library()
    assert str(caught.value) == (
        "holidays: needs the Python package 'holidays' on the host that runs the module (the controller, or its "
        "execution environment): pip install 'holidays>=0.109,<1' (import of holidays halted; None in sys.modules)"
    )
    assert holiday.option_problems(option(), datetime.datetime(2026, 6, 1, tzinfo=UTC)) == [str(caught.value)]


# -- the merge with the declared events ------------------------------------------------------------------------------


def test_with_calendar_merges_declared_first_and_a_declared_event_wins():
    declared = [
        {"name": "Year-end closure", "startDate": "2026-12-28", "endDate": "2026-12-31", "allDayEnabled": True},
        {"name": "Christmas Day 2026-12-25", "startDate": "2026-12-24", "endDate": "2026-12-26", "allDayEnabled": True},
    ]
    calendar = generated([2026], include=["Christmas Day", "Thanksgiving Day"])
    desired = {"type": "holidays", "name": "Holidays", "events": declared, "purge": True}
    merged = holiday.with_calendar(desired, calendar, [2026], None)
    assert merged == {
        "type": "holidays",
        "name": "Holidays",
        "events": declared + [calendar[0]],
        "purge": False,
    }
    assert calendar[0]["name"] == "Thanksgiving Day 2026-11-26"
    assert holiday.with_calendar(desired, calendar, [2027, 2026], True)["purge"] == [2026, 2027]
    assert holiday.with_calendar(desired, calendar, [2026], False)["purge"] is False
    assert holiday.with_calendar(dict(desired, events=None), calendar, [2026], True)["events"] == calendar


def test_only_days_of_the_years_asked_become_events_even_when_the_calendar_holds_more(monkeypatch):
    # The package's calendars expand: a look-up of another year's date adds that year to the calendar.
    real = holiday._calendar  # pylint: disable=protected-access

    def expanded(lib, option, years):
        calendar = real(lib, option, years)
        calendar.get(datetime.date(max(years) + 1, 7, 4))
        assert max(years) + 1 in calendar.years
        return calendar

    monkeypatch.setattr(holiday, "_calendar", expanded)
    assert {event["startDate"][:4] for event in generated([2026])} == {"2026"}
