"""_schedule/compare.py: the event bodies sent, the canonical form both sides are compared in, what differences()
names, and the plan."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import compare as sc_compare
from tests.unit.plugins.module_utils._schedule.shared import event, options, recurrence, weekly

WEEK = {"sunday": False, "monday": False, "tuesday": False, "wednesday": False, "thursday": False, "friday": False}


def option_event(**fields):
    result = dict.fromkeys(("start_time", "end_time", "all_day_enabled", "recurrence"))
    result.update({"name": "E", "start_date": "2026-01-05", "end_date": "2026-01-05"})
    result.update(fields)
    return result


def test_event_body_maps_to_api_and_infers_all_day():
    body = sc_compare.event_body(event(recurrence=recurrence(recur_weekly=weekly("monday"))))
    assert body == {
        "name": "Weekdays",
        "startDate": "2026-01-05",
        "endDate": "2026-01-05",
        "startTime": "08:30",
        "endTime": "17:30",
        "allDayEnabled": False,
        "recurrence": {
            "recurWeekly": {
                "sunday": False,
                "monday": True,
                "tuesday": False,
                "wednesday": False,
                "thursday": False,
                "friday": False,
                "saturday": False,
            }
        },
    }
    assert sc_compare.event_body(event(start_time=None, end_time=None)) == {
        "name": "Weekdays",
        "startDate": "2026-01-05",
        "endDate": "2026-01-05",
        "allDayEnabled": True,
    }
    assert sc_compare.desired_events(options(events=None)) is None


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
        "purge": True,
    }
    assert sc_compare.desired_from_options(dict(params, new_name="New", events=None)) == {
        "type": "holidays",
        "name": "New",
        "events": None,
        "purge": True,
    }
    assert sc_compare.desired_from_options(dict(params, type="business_hours", events=[]))["type"] == "businessHours"


@pytest.mark.parametrize("purge_events, purge", [(None, True), (True, True), (False, False)])
def test_desired_from_options_purges_unlisted_events_unless_purge_events_is_false(purge_events, purge):
    params = {"type": "holidays", "name": "H", "new_name": None, "events": [], "purge_events": purge_events}
    assert sc_compare.desired_from_options(params)["purge"] is purge


def test_canonical_event_normalises_times_and_defaults():
    sent = sc_compare.event_body(event(recurrence=recurrence(recur_weekly=weekly("monday"))))
    read = {
        "id": "x",
        "name": "Weekdays",
        "startDate": "2026-01-05",
        "endDate": "2026-01-05",
        "startTime": "08:30:00",
        "endTime": 1050,
        "allDayEnabled": False,
        "recurrence": {"recurForEver": True, "recurWeekly": {"recurInterval": 1, "monday": True}},
    }
    assert sc_compare.canonical_event(sent) == sc_compare.canonical_event(read)
    assert sc_compare.canonical_event(read)["endTime"] == "17:30"
    all_day = {
        "name": "New Year",
        "startDate": "2026-01-01",
        "endDate": "2026-01-01",
        "allDayEnabled": True,
        "startTime": "",
        "endTime": "",
    }
    assert sc_compare.canonical_event(all_day) == {
        "name": "New Year",
        "startDate": "2026-01-01",
        "endDate": "2026-01-01",
        "allDayEnabled": True,
    }
    ending = {"recurEndDate": "2027-01-01", "recurDaily": {}}
    assert sc_compare.canonical_event(dict(all_day, recurrence=ending))["recurrence"] == {
        "recurForEver": False,
        "recurEndDate": "2027-01-01",
        "recurDaily": {"recurInterval": 1},
    }


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


def test_event_changes_are_a_set_by_name():
    a = {"name": "A", "startDate": "2026-01-01", "endDate": "2026-01-01", "allDayEnabled": True}
    b = {"name": "B", "startDate": "2026-02-01", "endDate": "2026-02-01", "allDayEnabled": True}
    c = {"name": "C", "startDate": "2026-03-01", "endDate": "2026-03-01", "allDayEnabled": True}
    current = [dict(a, id="ia"), dict(b, id="ib")]
    assert sc_compare.event_changes([b, a], current) == ([], [], [])
    b2 = dict(b, endDate="2026-02-02")
    creates, updates, deletes = sc_compare.event_changes([b2, c], current)
    assert creates == [c] and updates == [b2] and deletes == [dict(a, id="ia")]


A_2025 = {"name": "Old 2025", "startDate": "2025-12-25", "endDate": "2025-12-25", "allDayEnabled": True}
A_2026 = {"name": "Old 2026", "startDate": "2026-03-03", "endDate": "2026-03-03", "allDayEnabled": True}
A_2027 = {"name": "Old 2027", "startDate": "2027-03-03", "endDate": "2027-03-04", "allDayEnabled": True}
NEW = {"name": "New 2026", "startDate": "2026-11-26", "endDate": "2026-11-26", "allDayEnabled": True}


@pytest.mark.parametrize(
    "purge, deleted",
    [
        (True, [A_2025, A_2026, A_2027]),
        (False, []),
        ([2026], [A_2026]),
        ([2026, 2027], [A_2026, A_2027]),
        ([2024], []),
        ([], []),
    ],
)
def test_event_changes_delete_only_the_unlisted_events_purge_covers(purge, deleted):
    current = [dict(A_2025, id="i25"), dict(A_2026, id="i26"), dict(A_2027, id="i27")]
    creates, updates, deletes = sc_compare.event_changes([NEW], current, purge)
    assert creates == [NEW] and updates == []
    assert [event["name"] for event in deletes] == [event["name"] for event in deleted]
    assert sc_compare.purged(A_2026, [2026]) and not sc_compare.purged(A_2026, ["2025"])


def test_differences_and_the_plan_keep_what_purge_does_not_cover():
    current = {"id": "s", "name": "H", "events": [dict(A_2025, id="i25"), dict(A_2026, id="i26")]}
    wanted = {"type": "holidays", "name": "H", "events": [NEW], "purge": [2026]}
    assert sc_compare.differences(wanted, current) == ["events (New 2026)", "events (Old 2026)"]
    assert sc_compare.differences(dict(wanted, purge=False), current) == ["events (New 2026)"]
    updated = sc_compare.plan("present", wanted, current)
    assert updated.event_creates == [NEW] and updated.event_deletes == [dict(A_2026, id="i26")]
    # After: the events listed, then those that stay.
    assert updated.after == {"name": "H", "events": [NEW, A_2025]}
    assert updated.before == {"name": "H", "events": [A_2025, A_2026]}
    kept = sc_compare.plan("present", dict(wanted, purge=False), current)
    assert kept.event_deletes == [] and kept.after == {"name": "H", "events": [NEW, A_2025, A_2026]}
    same = sc_compare.plan("present", dict(wanted, events=[A_2026], purge=False), current)
    assert same.action == "nothing"


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


def test_to_snake_of_a_whole_schedule():
    assert sc_compare.to_snake({"type": "businessHours", "locationId": "L", "events": [{"allDayEnabled": True}]}) == {
        "type": "business_hours",
        "location_id": "L",
        "events": [{"all_day_enabled": True}],
    }


def desired(name, events):
    return {"type": "businessHours", "name": name, "events": events}


def test_plan_actions():
    events = sc_compare.desired_events(options())
    assert sc_compare.plan("absent", desired("Office hours", None), None).action == "nothing"
    created = sc_compare.plan("present", desired("Office hours", events), None)
    assert created.action == "create" and created.body == {
        "type": "businessHours",
        "name": "Office hours",
        "events": events,
    }
    assert created.diff()["before"] == {} and created.diff()["after"]["events"][0]["start_time"] == "08:30"
    current = {"id": "s1", "name": "Office hours", "events": [dict(sc_compare.canonical_event(events[0]), id="e1")]}
    assert sc_compare.plan("present", desired("Office hours", events), current).action == "nothing"
    assert sc_compare.plan("present", desired("Office hours", None), current).action == "nothing"
    renamed = sc_compare.plan("present", desired("Winter", None), current)
    assert renamed.action == "update" and renamed.rename == "Winter" and not renamed.event_updates
    assert renamed.diff()["after"]["name"] == "Winter"
    emptied = sc_compare.plan("present", desired("Office hours", []), current)
    assert emptied.event_deletes == current["events"] and emptied.after["events"] == []
    deleted = sc_compare.plan("absent", desired("Office hours", None), current)
    assert deleted.action == "delete" and deleted.diff()["after"] == {}


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
