"""_schedule/converge.py with a fake service: the order of the writes, the id a rename gives, check mode, and the
refusal to delete a schedule an attendant uses."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import compare as sc_compare
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as sc_converge
from ansible_collections.wxc.calling.plugins.module_utils._schedule import service as sc_service
from tests.unit.plugins.module_utils._schedule.shared import event, options


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
