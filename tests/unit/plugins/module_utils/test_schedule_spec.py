"""argument_spec(): what the recurrence suboptions allow together, and the defaults a user gets (the documentation
test holds types, choices and defaults to DOCUMENTATION; these hold the rules between options)."""

import pytest
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options

EVENT = {"name": "E", "start_date": "2026-01-01", "end_date": "2026-01-01"}
PATTERNS = "recur_daily|recur_weekly|recur_yearly_by_date|recur_yearly_by_day"
ENDS = "recur_for_ever|recur_end_date|recur_end_occurrence"
BY_DAY = {"day": "MONDAY", "week": "LAST", "month": "MAY"}


def validate(recurrence):
    options = {"location": "HQ", "type": "business_hours", "name": "x", "events": [dict(EVENT, recurrence=recurrence)]}
    result = ArgumentSpecValidator(sc_options.argument_spec()).validate(options)
    return result.error_messages, result.validated_parameters


@pytest.mark.parametrize(
    "recurrence, error",
    [
        ({"recur_daily": {}, "recur_weekly": {"monday": True}}, "parameters are mutually exclusive: " + PATTERNS),
        (
            {"recur_weekly": {"monday": True}, "recur_yearly_by_day": BY_DAY},
            "parameters are mutually exclusive: " + PATTERNS,
        ),
        (
            {"recur_yearly_by_date": {"day_of_month": 2, "month": "MAY"}, "recur_yearly_by_day": BY_DAY},
            "parameters are mutually exclusive: " + PATTERNS,
        ),
        ({"recur_for_ever": True}, "one of the following is required: " + PATTERNS.replace("|", ", ")),
        (
            {"recur_daily": {}, "recur_for_ever": True, "recur_end_date": "2026-02-01"},
            "parameters are mutually exclusive: " + ENDS,
        ),
        (
            {"recur_daily": {}, "recur_end_occurrence": 2, "recur_end_date": "2026-02-01"},
            "parameters are mutually exclusive: " + ENDS,
        ),
        (
            {"recur_daily": {}, "recur_for_ever": False, "recur_end_occurrence": 2},
            "parameters are mutually exclusive: " + ENDS,
        ),
    ],
)
def test_recurrence_rules(recurrence, error):
    assert validate(recurrence)[0] == [error + " found in events -> recurrence"]


def test_recurrence_defaults():
    errors, params = validate({"recur_daily": {}, "recur_end_occurrence": 3})
    assert errors == []
    assert params["events"][0]["recurrence"] == {
        "recur_for_ever": None,
        "recur_end_date": None,
        "recur_end_occurrence": 3,
        "recur_daily": {"recur_interval": 1},
        "recur_weekly": None,
        "recur_yearly_by_date": None,
        "recur_yearly_by_day": None,
    }
    errors, params = validate({"recur_weekly": {"friday": True}})
    assert errors == [] and params["events"][0]["recurrence"]["recur_weekly"] == {
        "recur_interval": None,
        "sunday": False,
        "monday": False,
        "tuesday": False,
        "wednesday": False,
        "thursday": False,
        "friday": True,
        "saturday": False,
    }
    assert params["state"] == "present" and params["new_name"] is None
