"""Recurrence validation at its boundaries, with the exact list of errors (make mutation found these unheld)."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options

PATTERNS = ("recur_daily", "recur_weekly", "recur_yearly_by_date", "recur_yearly_by_day")


def params_with(**recurrence):
    full = {"recur_for_ever": None, "recur_end_date": None, "recur_end_occurrence": None}
    full.update({pattern: None for pattern in PATTERNS})
    full.update(recurrence)
    event = {
        "name": "E",
        "start_date": "2026-01-05",
        "end_date": "2026-01-05",
        "start_time": "08:30",
        "end_time": "17:30",
        "all_day_enabled": None,
        "recurrence": full,
    }
    return {"name": "Office", "new_name": None, "state": "present", "events": [event]}


DAILY = {"recur_daily": {"recur_interval": 1}}


@pytest.mark.parametrize(
    "recurrence, errors",
    [
        (dict(DAILY), []),
        (dict(DAILY, recur_end_occurrence=1), []),
        (dict(DAILY, recur_end_occurrence=0), ["events[0].recurrence.recur_end_occurrence: must be at least 1"]),
        (dict(DAILY, recur_for_ever=False, recur_end_occurrence=3), []),
        (dict(DAILY, recur_for_ever=False, recur_end_date="2026-02-01"), []),
        (
            dict(DAILY, recur_for_ever=False),
            ["events[0].recurrence: recur_for_ever false needs recur_end_date or recur_end_occurrence"],
        ),
        (dict(DAILY, recur_for_ever=True), []),
        (dict(DAILY, recur_end_date="2026-01-05"), []),
        (
            dict(DAILY, recur_end_date="2026-01-04"),
            ["events[0].recurrence.recur_end_date: 2026-01-04 is before start_date"],
        ),
        (
            dict(DAILY, recur_end_date="2026-13-01"),
            ["events[0].recurrence.recur_end_date: '2026-13-01' is not a date in YYYY-MM-DD format"],
        ),
        (
            {"recur_daily": {"recur_interval": 0}},
            ["events[0].recurrence.recur_daily.recur_interval: must be at least 1"],
        ),
        (
            {"recur_weekly": {"recur_interval": 0, "monday": True}},
            ["events[0].recurrence.recur_weekly.recur_interval: must be at least 1"],
        ),
        ({"recur_weekly": {"recur_interval": None, "sunday": True}}, []),
        ({"recur_weekly": {"recur_interval": 1, "saturday": True}}, []),
        ({"recur_yearly_by_date": {"day_of_month": 29, "month": "FEBRUARY"}}, []),
        (
            {"recur_yearly_by_date": {"day_of_month": 30, "month": "FEBRUARY"}},
            ["events[0].recurrence.recur_yearly_by_date.day_of_month: 30 is not a day of FEBRUARY"],
        ),
        (
            {"recur_yearly_by_date": {"day_of_month": 0, "month": "JANUARY"}},
            ["events[0].recurrence.recur_yearly_by_date.day_of_month: 0 is not a day of JANUARY"],
        ),
        ({"recur_yearly_by_date": {"day_of_month": 31, "month": "DECEMBER"}}, []),
    ],
)
def test_recurrence_errors_are_exactly_these(recurrence, errors):
    assert sc_options.validate_options(params_with(**recurrence)) == errors


def test_new_name_with_state_absent_is_refused_and_alone_is_fine():
    params = dict(params_with(**DAILY), events=None)
    assert sc_options.validate_options(dict(params, new_name="Other")) == []
    assert sc_options.validate_options(dict(params, state="absent")) == []
    assert sc_options.validate_options(dict(params, new_name="Other", state="absent")) == [
        "new_name: only with state=present"
    ]
