"""_schedule/export.py: a schedule as read -> webex_schedule options that the module accepts and that re-apply with no
change."""

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.wxc.calling.plugins.module_utils._schedule import compare, export, options

DETAILS = {
    "id": "S1",
    "name": "Office hours",
    "type": "businessHours",
    "events": [
        {
            "id": "E2",
            "name": "Weekdays",
            "startDate": "2026-01-05",
            "endDate": "2026-01-05",
            "startTime": "09:00:00",
            "endTime": "17:00",
            "allDayEnabled": False,
            "recurrence": {"recurForEver": False, "recurEndDate": "2026-12-31", "recurWeekly": {"monday": True}},
        },
        {
            "id": "E1",
            "name": "Closed",
            "startDate": "2026-12-25",
            "endDate": "2026-12-25",
            "allDayEnabled": True,
            "startTime": "",
            "endTime": "",
            "recurrence": {"recurForEver": True, "recurYearlyByDate": {"dayOfMonth": 25, "month": "december"}},
        },  # fmt: skip
    ],
}


def test_the_export_of_a_schedule():
    assert export.options_from_details(DETAILS, "Headquarters") == {
        "location": "Headquarters",
        "type": "business_hours",
        "name": "Office hours",
        "events": [
            {
                "name": "Closed",
                "start_date": "2026-12-25",
                "end_date": "2026-12-25",
                "all_day_enabled": True,
                "recurrence": {
                    "recur_for_ever": True,
                    "recur_yearly_by_date": {"day_of_month": 25, "month": "DECEMBER"},
                },
            },
            {
                "name": "Weekdays",
                "start_date": "2026-01-05",
                "end_date": "2026-01-05",
                "start_time": "09:00",
                "end_time": "17:00",
                "all_day_enabled": False,
                "recurrence": {
                    "recur_end_date": "2026-12-31",
                    "recur_weekly": {
                        "recur_interval": 1,
                        "sunday": False,
                        "monday": True,
                        "tuesday": False,
                        "wednesday": False,
                        "thursday": False,
                        "friday": False,
                        "saturday": False,
                    },  # fmt: skip
                },
            },
        ],
        "purge_events": True,
    }


def test_the_export_is_accepted_and_reapplies_with_no_change():
    exported = export.options_from_details(dict(DETAILS, type=None), "Headquarters", "holidays")
    assert exported["type"] == "holidays"
    assert options.check_options(exported) == []
    params = ArgumentSpecValidator(options.argument_spec()).validate(exported).validated_parameters
    assert compare.differences(compare.desired_from_options(params), DETAILS) == []
    # Over other events, it puts these back exactly: the one added goes, the changed one comes back.
    now = dict(DETAILS, events=[dict(DETAILS["events"][0], endTime="18:00"), dict(DETAILS["events"][1], name="New")])
    assert compare.differences(compare.desired_from_options(params), now) == [
        "events (Closed)",
        "events (New)",
        "events (Weekdays)",
    ]
