"""Pure steps of the schedule resource: validation, mapping, normalisation, event comparison and plan."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import compare as sc_compare
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as sc_converge
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import service as sc_service

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


def test_valid_options_have_no_errors():
    assert sc_options.validate_options(options()) == []
    assert sc_options.validate_options(options(events=None)) == []


@pytest.mark.parametrize(
    "changed, message",
    [
        ({"start_date": "2026-02-30"}, "events[0].start_date: '2026-02-30' is not a date in YYYY-MM-DD format"),
        ({"end_date": "5/1/2026"}, "events[0].end_date: '5/1/2026' is not a date in YYYY-MM-DD format"),
        ({"end_date": "2026-01-04"}, "events[0].end_date: 2026-01-04 is before start_date 2026-01-05"),
        ({"start_time": "8:30"}, "events[0].start_time: '8:30' is not a time in HH:MM format"),
        ({"end_time": "24:00"}, "events[0].end_time: '24:00' is not a time in HH:MM format"),
        ({"end_time": "08:00"}, "events[0].end_time: 08:00 is not after start_time 08:30"),
        ({"end_time": None}, "events[0]: start_time and end_time must be set together (only start_time is set)"),
        ({"all_day_enabled": True}, "events[0]: all_day_enabled is true, so start_time and end_time must not be set"),
        (
            {"all_day_enabled": False, "start_time": None, "end_time": None},
            "events[0]: all_day_enabled is false, so start_time and end_time are needed",
        ),
        ({"name": " "}, "events[0].name: must not be empty"),
        (
            {"recurrence": recurrence(recur_weekly=weekly())},
            "events[0].recurrence.recur_weekly: at least one day of the week must be true",
        ),
        (
            {"recurrence": recurrence(recur_yearly_by_date={"day_of_month": 31, "month": "APRIL"})},
            "events[0].recurrence.recur_yearly_by_date.day_of_month: 31 is not a day of APRIL",
        ),
        (
            {"recurrence": recurrence(recur_daily={"recur_interval": 0})},
            "events[0].recurrence.recur_daily.recur_interval: must be at least 1",
        ),
        (
            {"recurrence": recurrence(recur_daily={"recur_interval": 1}, recur_end_date="2025-12-31")},
            "events[0].recurrence.recur_end_date: 2025-12-31 is before start_date",
        ),
        (
            {"recurrence": recurrence(recur_daily={"recur_interval": 1}, recur_for_ever=False)},
            "events[0].recurrence: recur_for_ever false needs recur_end_date or recur_end_occurrence",
        ),
    ],
)
def test_bad_events_are_named(changed, message):
    params = options(events=[dict(options()["events"][0], **changed)])
    errors = sc_options.validate_options(params)
    assert any(message in error for error in errors), errors


def test_duplicate_event_names_and_names():
    errors = sc_options.validate_options(options(events=[event(), event()], name="x" * 81, new_name="", state="absent"))
    assert "events[1].name: event 'Weekdays' is listed more than once" in errors
    assert "name: 81 characters, the maximum is 80" in errors
    assert "new_name: must not be empty" in errors
    assert "new_name: only with state=present" in errors


def test_29_february_is_a_day_of_february():
    params = options(
        events=[event(recurrence=recurrence(recur_yearly_by_date={"day_of_month": 29, "month": "FEBRUARY"}))]
    )
    assert sc_options.validate_options(params) == []


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


def test_event_changes_are_a_set_by_name():
    a = {"name": "A", "startDate": "2026-01-01", "endDate": "2026-01-01", "allDayEnabled": True}
    b = {"name": "B", "startDate": "2026-02-01", "endDate": "2026-02-01", "allDayEnabled": True}
    c = {"name": "C", "startDate": "2026-03-01", "endDate": "2026-03-01", "allDayEnabled": True}
    current = [dict(a, id="ia"), dict(b, id="ib")]
    assert sc_compare.event_changes([b, a], current) == ([], [], [])
    b2 = dict(b, endDate="2026-02-02")
    creates, updates, deletes = sc_compare.event_changes([b2, c], current)
    assert creates == [c] and updates == [b2] and deletes == [dict(a, id="ia")]


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


def test_to_snake_and_paths_quote_ids():
    assert sc_compare.to_snake({"type": "businessHours", "locationId": "L", "events": [{"allDayEnabled": True}]}) == {
        "type": "business_hours",
        "location_id": "L",
        "events": [{"all_day_enabled": True}],
    }
    assert (
        sc_service.schedule_path("L", "holidays", "a/b+c")
        == "/telephony/config/locations/L/schedules/holidays/a%2Fb%2Bc"
    )


class FakeService:
    """Records calls; one existing schedule."""

    client = None

    def __init__(self, current=None, users=()):
        self.current = current
        self.calls = []
        self._users = list(users)
        self.event_ids = {event["name"]: event.get("id") for event in (current or {}).get("events") or []}

    def find(self, location_id, schedule_type, name):
        return {"id": self.current["id"], "name": name} if self.current and self.current["name"] == name else None

    def details(self, location_id, schedule_type, schedule_id):
        return self.current

    def users(self, location_id, schedule_type, name):
        return self._users

    def rename(self, location_id, schedule_type, schedule_id, new_name):
        self.calls.append(("rename", schedule_id, new_name))
        return "new-id"

    def delete(self, *args):
        self.calls.append(("delete",) + args[2:])

    def update_event(self, location_id, schedule_type, schedule_id, event_id, body):
        self.calls.append(("update_event", schedule_id, event_id))
        return event_id

    def create_event(self, location_id, schedule_type, schedule_id, body):
        self.calls.append(("create_event", schedule_id, body["name"]))
        self.event_ids[body["name"]] = "e-" + body["name"]
        return "e-" + body["name"]

    def read_back(self, location_id, schedule_type, schedule_id, desired):
        self.calls.append(("read_back", schedule_id))
        return {
            "id": schedule_id,
            "name": desired["name"],
            "type": schedule_type,
            "events": [dict(event, id=self.event_ids.get(event["name"])) for event in desired["events"]],
        }

    def delete_event(self, location_id, schedule_type, schedule_id, event_id):
        self.calls.append(("delete_event", schedule_id, event_id))


def test_converge_uses_the_new_id_after_a_rename():
    events = sc_compare.desired_events(options())
    current = {
        "id": "old-id",
        "name": "Office hours",
        "events": [
            dict(sc_compare.canonical_event(events[0]), id="e1", endTime="18:00"),
            {"id": "e2", "name": "Gone", "startDate": "2026-01-01", "endDate": "2026-01-01", "allDayEnabled": True},
        ],
    }
    service = FakeService(current)
    params = options(
        new_name="Winter",
        events=options()["events"] + [event(name="Saturday", start_date="2026-01-10", end_date="2026-01-10")],
    )
    the_plan, result = sc_converge.converge(service, "L", params)
    assert service.calls == [
        ("rename", "old-id", "Winter"),
        ("delete_event", "new-id", "e2"),
        ("update_event", "new-id", "e1"),
        ("create_event", "new-id", "Saturday"),
        ("read_back", "new-id"),
    ]
    assert result["id"] == "new-id" and result["name"] == "Winter"
    assert [e["id"] for e in result["events"]] == ["e1", "e-Saturday"]
    check = FakeService(current)
    the_plan, result = sc_converge.converge(check, "L", params, check_mode=True)
    assert the_plan.changed and check.calls == [] and result["id"] is None


def test_converge_refuses_to_delete_a_schedule_in_use(monkeypatch):
    service = FakeService({"id": "s", "name": "Office hours", "events": []}, users=["Reception", "Sales"])
    # Who uses a schedule is the attendant service's to say.
    monkeypatch.setattr(sc_converge.AutoAttendantService, "using_schedule", lambda _self, *args: service.users(*args))
    with pytest.raises(sc_service.ScheduleError, match="used by auto attendant\\(s\\) 'Reception', 'Sales'"):
        sc_converge.converge(service, "L", options(state="absent", events=None))
    assert service.calls == []
