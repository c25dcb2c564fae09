# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Holidays that maintain themselves (pure): the years the holidays option covers, the events a holiday calendar gives
for them, and their merge with the declared events and what purge_events removes (the stale check of a holiday
schedule is stale.py).

The calendar is the Python package holidays (PyPI), imported only here and only when the option is used (library());
the rest of the collection works without it. The clock (utc_now) and the location's time zone are parameters, so that
"years: {next: N}" is counted from today in the location's time zone and tests can set both.
"""

from __future__ import annotations

import datetime
import string

from ansible_collections.wxc.calling.plugins.module_utils.resource import NAME_MAX_LENGTH, name_problem

PACKAGE = "holidays"
# The oldest release the collection is tested with (requirements.txt pins the same range).
PACKAGE_REQUIREMENT = "holidays>=0.109,<1"
DEFAULT_NAME_FORMAT = "{name} {date}"
NAME_FIELDS = ("name", "year", "date")
FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_NEXT_YEARS = 10
# A holiday name too long for an event name is cut and ends with this.
CUT = "..."
# The calendar's labels for a day derived from a holiday (the package translates them with the names).
DERIVED_LABELS = ("observed_label", "observed_estimated_label", "estimated_label")


class HolidayProblem(Exception):
    """The holidays option cannot give events (the message names the option and the problem)."""


def utc_now():
    """The clock (tests replace it): now, in UTC."""
    return datetime.datetime.now(datetime.timezone.utc)


def library():
    """The holidays package, or HolidayProblem naming it when it is not installed where the module runs."""
    try:
        import holidays  # pylint: disable=import-outside-toplevel
    except ImportError as error:
        raise HolidayProblem(
            "holidays: needs the Python package %r on the host that runs the module (the controller, or its execution "
            "environment): pip install '%s' (%s)" % (PACKAGE, PACKAGE_REQUIREMENT, error)
        ) from None
    return holidays


# -- the years -------------------------------------------------------------------------------------------------------


def counts_from_today(years):
    """Whether the years option is {next: N} (it then needs today in the location's time zone)."""
    return isinstance(years, dict)


def _year(value):
    """VALUE as a year (an int, or digits as text, which a template gives), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def years_problem(years):
    """Why the years option YEARS is not a list of years or {next: N}, or None."""
    if isinstance(years, dict):
        count = _year(years.get("next"))
        if set(years) != {"next"} or count is None or not 1 <= count <= MAX_NEXT_YEARS:
            return "holidays.years: {next: N} takes only next, a whole number from 1 to %d; got %r" % (
                MAX_NEXT_YEARS,
                years,
            )
        return None
    if not isinstance(years, list) or not years:
        return "holidays.years: must be a list of years ([2026, 2027]) or {next: N}; got %r" % (years,)
    values = [_year(value) for value in years]
    for value, year in zip(years, values):
        if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
            return "holidays.years: %r is not a year from %d to %d" % (value, FIRST_YEAR, LAST_YEAR)
    if len(set(values)) != len(values):
        return "holidays.years: %r lists a year more than once" % (years,)
    return None


def covered_years(years, today=None):
    """The years the option YEARS covers, in order: the list, or N years from the year of TODAY for {next: N}."""
    if counts_from_today(years):
        return [today.year + offset for offset in range(_year(years["next"]))]
    return sorted(_year(value) for value in years)


def location_today(time_zone, now):
    """(the date at NOW in TIME_ZONE, an IANA name; a problem or None). A time zone this host does not know (or none)
    counts in UTC, and the problem says so; the caller warns, naming what it counted."""
    try:
        from zoneinfo import ZoneInfo  # pylint: disable=import-outside-toplevel

        zone = ZoneInfo(time_zone)
    except Exception as error:  # ImportError before Python 3.9, ZoneInfoNotFoundError, ValueError, TypeError
        return now.astimezone(datetime.timezone.utc).date(), (
            "time zone %r is not one this host knows (%s): today is taken in UTC" % (time_zone, type(error).__name__)
        )
    return now.astimezone(zone).date(), None


def possible_years(years, now):
    """The years {next: N} may cover at NOW in any time zone (today is within a day of today in UTC); the list."""
    if not counts_from_today(years):
        return covered_years(years)
    today = now.astimezone(datetime.timezone.utc).date()
    return sorted(
        set(covered_years(years, today - datetime.timedelta(days=1)))
        | set(covered_years(years, today + datetime.timedelta(days=1)))
    )


# -- the calendar ----------------------------------------------------------------------------------------------------


def name_format_problem(name_format):
    """Why NAME_FORMAT cannot name the events, or None."""
    where = "holidays.name_format"
    try:
        fields = [
            (field, conversion, spec) for _literal, field, spec, conversion in string.Formatter().parse(name_format)
        ]
    except ValueError as error:
        return "%s: %r is not a format (%s); write the fields as {name}, {year} and {date}" % (
            where,
            name_format,
            error,
        )
    used = set()
    for field, conversion, spec in fields:
        if field is None:
            continue
        if field not in NAME_FIELDS:
            return "%s: {%s} is not one of its fields {name}, {year} and {date}" % (where, field)
        if conversion or spec:
            return "%s: {%s%s%s}: write its fields plain, {name}, {year} and {date}" % (
                where,
                field,
                "!" + conversion if conversion else "",
                ":" + spec if spec else "",
            )
        used.add(field)
    if not used & {"year", "date"}:
        return (
            "%s: %r needs {year} or {date}: event names are unique in a schedule, and a holiday comes back every year"
            % (where, name_format)
        )
    longest = name_format.format(name="", year="2026", date="2026-01-01")
    if len(longest) >= NAME_MAX_LENGTH:
        return "%s: %r leaves no room for the holiday's name in the %d characters of an event name" % (
            where,
            name_format,
            NAME_MAX_LENGTH,
        )
    return None


def event_name(name_format, name, when):
    """The event name for holiday NAME on WHEN: NAME_FORMAT filled in, the holiday's name cut to fit when too long."""
    fields = {"year": str(when.year), "date": when.isoformat()}
    room = NAME_MAX_LENGTH - len(name_format.format(name="", **fields))
    if len(name) > room and "{name}" in name_format:
        name = name[: room - len(CUT)].rstrip() + CUT
    return name_format.format(name=name, **fields)


def _calendar(lib, option, years):
    """The package's calendar for OPTION and YEARS, or HolidayProblem naming the option that it refuses."""
    country = option["country"]
    supported = lib.list_supported_countries()
    if country not in supported:
        close = [code for code in supported if code.lower() == str(country).lower()]
        hint = "; did you mean %s?" % close[0] if close else " (an ISO 3166-1 code such as US, CA or GB)"
        raise HolidayProblem("holidays.country: %r is not a country the holidays package knows%s" % (country, hint))
    arguments = {"years": years}
    if option.get("observed") is not None:
        arguments["observed"] = option["observed"]
    subdivision = option.get("subdivision")
    if subdivision is not None:
        aliases = lib.country_holidays(country).get_subdivision_aliases()
        known = set(supported[country]) | {alias for names in aliases.values() for alias in names}
        if subdivision not in known:
            raise HolidayProblem(
                "holidays.subdivision: %r is not a subdivision of %s; its subdivisions: %s"
                % (subdivision, country, ", ".join(supported[country]) or "none")
            )
        arguments["subdiv"] = subdivision
    calendar = lib.country_holidays(country, **arguments)
    language = option.get("language")
    if language is not None:
        if language not in calendar.supported_languages:
            raise HolidayProblem(
                "holidays.language: %r is not a language of the calendar of %s; its languages: %s"
                % (language, country, ", ".join(calendar.supported_languages) or "only its default")
            )
        calendar = lib.country_holidays(country, language=language, **arguments)
    return calendar


def _derived_names(calendar, name):
    """NAME and the names the calendar gives a day derived from it ("Christmas Day (observed)"), case-folded."""
    names = {name.casefold()}
    for attribute in DERIVED_LABELS:
        label = getattr(calendar, attribute, None)
        if label:
            try:
                names.add((calendar.tr(label) % name).casefold())
            except (TypeError, ValueError):
                continue
    return names


def _folded(name):
    return str(name).casefold()


def _known_names(calendar, names):
    """The case-folded NAMES of CALENDAR's holidays, with the names of the days derived from them."""
    known = set()
    for name in names:
        known |= _derived_names(calendar, name)
    return known


def _country_names(lib, option, years):
    """The names every calendar of the country (the country's and each subdivision's) gives in YEARS, case-folded."""
    arguments = {"years": years}
    for key, argument in (("observed", "observed"), ("language", "language")):
        if option.get(key) is not None:
            arguments[argument] = option[key]
    known = set()
    for subdivision in [None] + list(lib.list_supported_countries()[option["country"]]):
        calendar = lib.country_holidays(option["country"], subdiv=subdivision, **arguments)
        known |= _known_names(calendar, (name for when in calendar for name in calendar.get_list(when)))
    return known


def _where(option, years):
    where = option["country"] + ("-%s" % option["subdivision"] if option.get("subdivision") else "")
    return "%s in %s" % (where, ", ".join(str(year) for year in years))


def calendar_events(option, years):
    """The all-day events (API bodies, in date order) the holiday calendar of OPTION (the holidays option) gives for
    YEARS: one per day, named with name_format; include and exclude by name (a name also matches its observed day).

    HolidayProblem, naming the option, for a calendar the package refuses, a name in include or exclude that is no
    holiday of the calendar in those years, or two days that name_format gives the same event name.
    """
    lib = library()
    calendar = _calendar(lib, option, years)
    name_format = option.get("name_format") or DEFAULT_NAME_FORMAT
    days = sorted(when for when in calendar if when.year in years)
    names = {when: calendar.get_list(when) for when in days}
    known = _known_names(calendar, (name for holiday_names in names.values() for name in holiday_names))
    unknown = [
        (key, name) for key in ("include", "exclude") for name in option.get(key) or [] if _folded(name) not in known
    ]
    if unknown:
        # A name of another subdivision's calendar is fine: one holiday set serves the locations of many states.
        known |= _country_names(lib, option, years)
    for key, wanted in unknown:
        if _folded(wanted) not in known:
            raise HolidayProblem(
                "holidays.%s: %r is not a holiday of %s or of any of its subdivisions in %s; the holidays of %s: %s"
                % (
                    key,
                    wanted,
                    option["country"],
                    ", ".join(str(year) for year in years),
                    _where(option, years),
                    ", ".join(sorted({n for v in names.values() for n in v})),
                )
            )
    include = [_derived_names(calendar, str(name)) for name in option.get("include") or []]
    exclude = [_derived_names(calendar, str(name)) for name in option.get("exclude") or []]
    events, seen = [], {}
    for when in days:
        kept = [
            name
            for name in names[when]
            if (not include or any(_folded(name) in wanted for wanted in include))
            and not any(_folded(name) in unwanted for unwanted in exclude)
        ]
        if not kept:
            continue
        event = event_name(name_format, "; ".join(kept), when)
        problem = name_problem(event)
        if problem:
            raise HolidayProblem("holidays.name_format: the event name %r of %s: %s" % (event, when, problem))
        if event in seen:
            raise HolidayProblem(
                "holidays.name_format: %r names both %s and %s (event names are unique in a schedule); use {date}"
                % (name_format, seen[event], when)
            )
        seen[event] = when
        events.append(
            {"name": event, "startDate": when.isoformat(), "endDate": when.isoformat(), "allDayEnabled": True}
        )
    return events


def option_problems(option, now):
    """Why the holidays OPTION cannot give events, each message naming its option ([] when it can), before any
    request: the package, the years, name_format, the calendar, include and exclude, for every year the option may
    cover at NOW ({next: N} counts from today in the location's time zone, which only the location tells)."""
    problems = [problem for problem in (years_problem(option["years"]),) if problem]
    format_problem = name_format_problem(option.get("name_format") or DEFAULT_NAME_FORMAT)
    if format_problem:
        problems.append(format_problem)
    both = sorted(
        {str(name).casefold() for name in option.get("include") or []}
        & {str(name).casefold() for name in option.get("exclude") or []}
    )
    if both:
        problems.append("holidays.exclude: %s also in holidays.include" % ", ".join(repr(name) for name in both))
    if problems:
        return problems
    try:
        calendar_events(option, possible_years(option["years"], now))
    except HolidayProblem as error:
        return [str(error)]
    return []


# -- the merge with the declared events ------------------------------------------------------------------------------


def with_calendar(desired, generated, years, purge_events):
    """DESIRED (compare.desired_from_options) with the GENERATED events of YEARS merged in.

    The declared events first, then the generated ones; a declared event of the same name as a generated one wins.
    purge_events true removes the undeclared events of YEARS only (an event belongs to the year of its start date);
    not set or false, none: the calendar's events are added and updated, the others left alone.
    """
    declared = desired["events"] or []
    names = {event["name"] for event in declared}
    events = list(declared) + [event for event in generated if event["name"] not in names]
    return dict(desired, events=events, purge=sorted(years) if purge_events else False)
