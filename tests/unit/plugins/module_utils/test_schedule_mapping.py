"""Mapping and normalisation of schedules at their edges: the exact canonical form both sides are compared in, the
event bodies sent, and what differences() names (make mutation found these unheld)."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import compare as sc_compare

WEEK = {"sunday": False, "monday": False, "tuesday": False, "wednesday": False, "thursday": False, "friday": False}


def option_event(**fields):
    result = dict.fromkeys(("start_time", "end_time", "all_day_enabled", "recurrence"))
    result.update({"name": "E", "start_date": "2026-01-05", "end_date": "2026-01-05"})
    result.update(fields)
    return result


@pytest.mark.parametrize(
    "recurrence, canonical",
    [
        (None, None),
        ({}, None),
        (
            {"recurForEver": False, "recurDaily": {"recurInterval": 3}},
            {"recurForEver": False, "recurDaily": {"recurInterval": 3}},
        ),
        ({"recurDaily": {"recurInterval": None}}, {"recurForEver": True, "recurDaily": {"recurInterval": 1}}),
        (
            {"recurForEver": True, "recurEndDate": "2027-01-01", "recurDaily": {}},
            {"recurForEver": True, "recurEndDate": "2027-01-01", "recurDaily": {"recurInterval": 1}},
        ),
        (
            {"recurEndOccurrence": "4", "recurWeekly": {"recurInterval": "2", "monday": 1}},
            {
                "recurForEver": False,
                "recurEndOccurrence": 4,
                "recurWeekly": dict(WEEK, recurInterval=2, monday=True, saturday=False),
            },
        ),
        (
            {"recurEndOccurrence": 0, "recurWeekly": {}},
            {"recurForEver": True, "recurWeekly": dict(WEEK, recurInterval=1, saturday=False)},
        ),
        (
            {"recurYearlyByDate": {"dayOfMonth": "5", "month": "may"}},
            {"recurForEver": True, "recurYearlyByDate": {"dayOfMonth": 5, "month": "MAY"}},
        ),
        (
            {"recurYearlyByDay": {"day": "monday", "week": "last", "month": "may"}},
            {"recurForEver": True, "recurYearlyByDay": {"day": "MONDAY", "week": "LAST", "month": "MAY"}},
        ),
    ],
)
def test_canonical_recurrence(recurrence, canonical):
    event = {"name": "E", "startDate": "2026-01-05", "endDate": "2026-01-05", "allDayEnabled": True}
    expected = dict(event, recurrence=canonical) if canonical else event
    assert sc_compare.canonical_event(dict(event, recurrence=recurrence)) == expected


@pytest.mark.parametrize(
    "times, canonical",
    [
        ({"startTime": "545", "endTime": 0}, {"startTime": "09:05", "endTime": "00:00", "allDayEnabled": False}),
        (
            {"startTime": "08:30:00", "endTime": "23:59:59"},
            {"startTime": "08:30", "endTime": "23:59", "allDayEnabled": False},
        ),
        ({"startTime": 61, "endTime": None}, {"startTime": "01:01", "endTime": None, "allDayEnabled": False}),
        ({"startTime": "", "endTime": ""}, {"allDayEnabled": True}),
        ({"startTime": None, "endTime": "10:00"}, {"startTime": None, "endTime": "10:00", "allDayEnabled": False}),
        ({"startTime": "08:00", "endTime": "10:00", "allDayEnabled": True}, {"allDayEnabled": True}),
        ({"allDayEnabled": False}, {"startTime": None, "endTime": None, "allDayEnabled": False}),
        (
            {"allDayEnabled": 0, "startTime": "08:00", "endTime": "09:00"},
            {"startTime": "08:00", "endTime": "09:00", "allDayEnabled": False},
        ),
    ],
)
def test_canonical_times(times, canonical):
    event = dict({"id": "x", "name": "E", "startDate": "2026-01-05", "endDate": "2026-01-06"}, **times)
    assert sc_compare.canonical_event(event) == dict(
        {"name": "E", "startDate": "2026-01-05", "endDate": "2026-01-06"}, **canonical
    )


def test_event_body_keeps_only_what_is_given():
    assert sc_compare.event_body(option_event(recurrence=dict.fromkeys(("recur_for_ever", "recur_daily")))) == {
        "name": "E",
        "startDate": "2026-01-05",
        "endDate": "2026-01-05",
        "allDayEnabled": True,
    }
    assert sc_compare.event_body(option_event(start_time="08:00", all_day_enabled=True)) == {
        "name": "E",
        "startDate": "2026-01-05",
        "endDate": "2026-01-05",
        "startTime": "08:00",
        "allDayEnabled": True,
    }
    assert sc_compare.event_body(option_event(end_time="08:00"))["allDayEnabled"] is False
    assert sc_compare.event_body(option_event(start_time="08:00"))["allDayEnabled"] is False
    body = sc_compare.event_body(
        option_event(
            recurrence={"recur_end_occurrence": 2, "recur_yearly_by_date": {"day_of_month": 1, "month": "MAY"}}
        )
    )
    assert list(body) == ["name", "startDate", "endDate", "allDayEnabled", "recurrence"]
    assert body["recurrence"] == {"recurEndOccurrence": 2, "recurYearlyByDate": {"dayOfMonth": 1, "month": "MAY"}}


def test_desired_from_options():
    params = {"type": "holidays", "name": "Old", "new_name": None, "events": [option_event()]}
    assert sc_compare.desired_from_options(params) == {
        "type": "holidays",
        "name": "Old",
        "events": [{"name": "E", "startDate": "2026-01-05", "endDate": "2026-01-05", "allDayEnabled": True}],
    }
    assert sc_compare.desired_from_options(dict(params, new_name="New", events=None)) == {
        "type": "holidays",
        "name": "New",
        "events": None,
    }
    assert sc_compare.desired_from_options(dict(params, type="business_hours", events=[]))["type"] == "businessHours"


def test_differences_name_the_name_and_each_event_sorted():
    a = {"name": "a", "startDate": "2026-01-01", "endDate": "2026-01-01"}
    b = {"name": "b", "startDate": "2026-01-01", "endDate": "2026-01-01"}
    c = {"name": "c", "startDate": "2026-01-01", "endDate": "2026-01-01"}
    assert sc_compare.differences({"name": "N", "events": None}, {"name": "M", "events": [a]}) == ["name"]
    assert sc_compare.differences({"name": "N", "events": []}, {"name": "N"}) == []
    assert sc_compare.differences(
        {"name": "N", "events": [c, b]}, {"name": "N", "events": [dict(b, endDate="x"), a]}
    ) == [
        "events (a)",
        "events (b)",
        "events (c)",
    ]
    assert sc_compare.differences({"name": "N", "events": [a]}, {"name": "N", "events": [dict(a, id="i")]}) == []


def test_to_snake():
    assert sc_compare.to_snake(None) is None
    assert sc_compare.to_snake({"type": "other", "startDate": "d"}) == {"type": "other", "start_date": "d"}
    assert sc_compare.to_snake({"type": "holidays"}) == {"type": "holidays"}
    given = {"recurrence": {"recurWeekly": {"monday": True}}}
    assert sc_compare.to_snake(given) == {"recurrence": {"recur_weekly": {"monday": True}}}
    assert given == {"recurrence": {"recurWeekly": {"monday": True}}}


def test_plan_shapes():
    nothing = sc_compare.SchedulePlan("nothing")
    assert (nothing.rename, nothing.event_creates, nothing.event_updates, nothing.event_deletes) == (None, [], [], [])
    a = {"name": "a", "startDate": "2026-01-01", "endDate": "2026-01-01", "allDayEnabled": True}
    current = {"id": "s", "name": "Old", "events": [dict(a, id="i")]}
    renamed = sc_compare.plan("present", {"type": "holidays", "name": "New", "events": None}, current)
    assert (renamed.action, renamed.rename, renamed.body) == ("update", "New", {})
    assert renamed.before == {"name": "Old", "events": [a]} and renamed.after == {"name": "New", "events": [a]}
    created = sc_compare.plan("present", {"type": "holidays", "name": "New", "events": None}, None)
    assert created.body == {"type": "holidays", "name": "New"} and created.after == {"name": "New", "events": []}
    events = [a]
    created = sc_compare.plan("present", {"type": "holidays", "name": "New", "events": events}, None)
    created.body["events"][0]["name"] = "changed"
    assert events[0]["name"] == "a"  # the body is a copy at every depth
    gone = sc_compare.plan("absent", {"type": "holidays", "name": "Old", "events": [a]}, {"id": "s", "name": "Old"})
    assert gone.action == "delete" and gone.before == {"name": "Old", "events": []} and gone.after == {}
    same = sc_compare.plan(
        "present", {"type": "holidays", "name": "Old", "events": [a]}, {"id": "s", "name": "Old", "events": [a]}
    )
    assert same.action == "nothing" and same.before == same.after == {"name": "Old", "events": [a]}
