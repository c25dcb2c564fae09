"""Options of webex_schedule as AnsibleModule hands them over (every suboption present, unset ones None), for the
tests of _schedule/: the options, the body they become, and the converge that writes it."""

WEEKDAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")


def event(
    name="Weekdays",
    start_date="2026-01-05",
    end_date="2026-01-05",
    start_time="08:30",
    end_time="17:30",
    all_day_enabled=None,
    recurrence=None,
):
    """An event as AnsibleModule hands it over: every suboption present, unset ones None."""
    return {
        "name": name,
        "start_date": start_date,
        "end_date": end_date,
        "start_time": start_time,
        "end_time": end_time,
        "all_day_enabled": all_day_enabled,
        "recurrence": recurrence,
    }


def recurrence(**patterns):
    base = {
        "recur_for_ever": None,
        "recur_end_date": None,
        "recur_end_occurrence": None,
        "recur_daily": None,
        "recur_weekly": None,
        "recur_yearly_by_date": None,
        "recur_yearly_by_day": None,
    }
    base.update(patterns)
    return base


def weekly(*days, interval=None):
    return dict({day: day in days for day in WEEKDAYS}, recur_interval=interval)


def options(**overrides):
    params = {
        "location": "Headquarters",
        "type": "business_hours",
        "name": "Office hours",
        "new_name": None,
        "state": "present",
        "events": [event(recurrence=recurrence(recur_weekly=weekly("monday", "friday")))],
    }
    params.update(overrides)
    return params
