"""Undo, pure: the declaration that puts back what a run changed, from what it read; what it cannot put back."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._announcement.converge import Current as GreetingRead
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.converge import Current as AttendantRead
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.compare import ForwardingPlan
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.converge import Current as ForwardingRead
from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import SchedulePlan
from ansible_collections.wxc.calling.plugins.module_utils._schedule.converge import Current as ScheduleRead
from ansible_collections.wxc.calling.plugins.module_utils._site import inverse
from ansible_collections.wxc.calling.plugins.module_utils._site.compare import Obj
from ansible_collections.wxc.calling.plugins.module_utils._site.options import KINDS, checked_items
from ansible_collections.wxc.calling.plugins.module_utils._site.saved import StalePlan
from ansible_collections.wxc.calling.plugins.module_utils.resource import Plan
from tests.builders import HQ, api_menu

HQ_ID = "HQ-ID"
SATURDAY = {"id": "E1", "name": "Saturday", "startDate": "2026-01-10", "endDate": "2026-01-10", "allDayEnabled": True}


class Site:
    def __init__(self, objects, purged=(), listed=()):
        self.objects, self.purged, self._listed = list(objects), list(purged), list(listed)

    def listed(self, kind, org, location_id):
        assert (kind, org, location_id) == ("auto_attendants", "ORG", HQ_ID)
        return self._listed


def obj(kind, params, the_plan, current=None, purged=False, as_read=None):
    made = Obj(kind, None if purged else 0, dict(params, location=params.get("location", HQ)), None, purged=purged)
    made.org, made.location_id, made.plan, made.current, made.as_read = "ORG", HQ_ID, the_plan, current, as_read
    return made


def attendant_details(name, extension, **fields):
    details = {"id": "id-" + name, "name": name, "extension": extension, "businessSchedule": "Office",
               "extensionDialing": "ENTERPRISE", "businessHoursMenu": api_menu(), "afterHoursMenu": api_menu()}  # fmt: skip
    details.update(fields)
    return details


def test_created_objects_are_declared_absent():
    site = Site(
        [
            obj("schedules", {"type": "holidays", "name": "Old", "new_name": "Winter"}, SchedulePlan("create")),
            obj("announcements", {"name": "Hello", "level": None}, Plan("create"), GreetingRead()),
            obj("auto_attendants", {"name": "Fresh", "org_id": "ORG-SPELLED"}, Plan("create"), AttendantRead()),
            obj("forwarding", {"auto_attendant": "Fresh"}, ForwardingPlan(settings_body={"x": 1}), ForwardingRead()),
        ]
    )
    items, missing = inverse.declaration(site)
    assert items == {
        "schedules": [{"location": HQ, "type": "holidays", "name": "Winter", "state": "absent"}],
        "announcements": [{"name": "Hello", "level": "LOCATION", "location": HQ, "state": "absent"}],
        "auto_attendants": [{"location": HQ, "org_id": "ORG-SPELLED", "name": "Fresh", "state": "absent"}],
        "forwarding": [],  # the attendant is new: it goes, forwarding and all
    }
    assert missing == []


def test_an_organisation_greeting_is_declared_at_its_level():
    greeting = obj("announcements", {"name": "Org hello", "level": "ORGANIZATION"}, Plan("create"))
    greeting.location_id = None
    del greeting.params["location"]
    assert inverse.declaration(Site([greeting]))[0]["announcements"] == [
        {"name": "Org hello", "level": "ORGANIZATION", "state": "absent"}
    ]


def test_updated_and_deleted_objects_are_declared_as_they_were_read():
    read = {"id": "S1", "name": "Office", "type": "businessHours", "events": [SATURDAY]}
    desk = attendant_details(
        "Desk", "2410", businessHoursMenu=api_menu({"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2402"})
    )
    gone = attendant_details("Gone", "2402")
    listed = [dict(id="id-Desk", name="Desk", extension="2410", locationId=HQ_ID),
              dict(id="id-Gone", name="Gone", extension="2402", locationId=HQ_ID)]  # fmt: skip
    site = Site(
        [
            obj(
                "schedules",
                {"type": "business_hours", "name": "Office", "new_name": "Hours"},
                SchedulePlan("update", rename="Hours"),
                ScheduleRead({"id": "S1"}, read),
            ),  # fmt: skip
            obj(
                "auto_attendants",
                {"name": "Desk"},
                Plan("update", fields=["business_hours_menu.key_configurations (key 2)"]),
                AttendantRead({"id": "id-Desk"}, dict(desk, businessSchedule="Hours")),
                as_read=desk,
            ),  # fmt: skip
        ],
        purged=[
            obj("auto_attendants", {"name": "Gone", "state": "absent"}, Plan("delete"), AttendantRead({}, gone), True)
        ],
        listed=listed,
    )
    items, missing = inverse.declaration(site)
    (schedule,) = items["schedules"]
    assert (schedule["name"], schedule["new_name"], schedule["purge_events"]) == ("Hours", "Office", True)
    assert [event["name"] for event in schedule["events"]] == ["Saturday"]
    desk_item, gone_item = items["auto_attendants"]
    # As read, before the run's rename of its schedule; a transfer to an attendant of the place by its name.
    assert desk_item["business_schedule"] == "Office"
    assert desk_item["business_hours_menu"]["key_configurations"] == [
        {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Gone"}
    ]
    assert (gone_item["name"], gone_item["extension"], "state" in gone_item) == ("Gone", "2402", False)
    assert missing == [
        {
            "kind": "auto_attendants",
            "name": "Gone",
            "location": HQ,
            "action": "delete",
            "inverted": "partly",
            "reason": inverse.REASONS["auto_attendants"],
        },  # fmt: skip
    ]
    problems = checked_items(inverse.params_for({"org_id": None}, items))[1]
    assert problems == []


def test_what_cannot_be_put_back_is_listed():
    desk = attendant_details("Desk", "2410")
    old = {"id": "S2", "name": "Old", "type": "businessHours", "events": []}
    site = Site(
        [
            obj(
                "schedules",
                {"type": "business_hours", "name": "Old", "state": "absent"},
                SchedulePlan("delete"),
                ScheduleRead({"id": "S2"}, old),
            ),  # fmt: skip
            obj("announcements", {"name": "Hello", "level": "LOCATION"}, Plan("update"), GreetingRead({"id": "A"})),
            obj("announcements", {"name": "Bye", "level": "LOCATION", "state": "absent"}, Plan("delete")),
            obj(
                "auto_attendants",
                {"name": "Desk"},
                Plan("update", fields=["first_name", "extension_dialing"]),
                AttendantRead({"id": "id-Desk"}, desk),
                as_read=desk,
            ),  # fmt: skip
            obj("auto_attendants", {"name": "Same"}, Plan("nothing"), AttendantRead({"id": "id-Same"}, desk)),
        ]
    )
    items, missing = inverse.declaration(site)
    assert items["schedules"][0]["name"] == "Old" and "state" not in items["schedules"][0]
    assert items["announcements"] == [] and [item["name"] for item in items["auto_attendants"]] == ["Desk"]
    assert [(entry["kind"], entry["name"], entry["action"], entry["inverted"]) for entry in missing] == [
        ("schedules", "Old", "delete", "partly"),
        ("announcements", "Hello", "update", "no"),
        ("announcements", "Bye", "delete", "no"),
        ("auto_attendants", "Desk", "update", "partly"),
    ]
    assert missing[3]["reason"].startswith("first_name had no value before the run")


def test_forwarding_is_put_back_with_its_rules_as_they_were():
    vip = {
        "id": "R1",
        "name": "VIP",
        "enabled": True,
        "forwardTo": {"selection": "DO_NOT_FORWARD"},
        "callsFrom": {"selection": "ANY"},
    }
    settings = {"always": {"enabled": False}, "selective": {"enabled": True, "destination": "2100"},
                "rules": [{"id": "R1", "name": "VIP"}, {"id": "R2", "name": "Kept"}, {"id": "R3", "name": "Purged"}]}  # fmt: skip
    params = {"auto_attendant": "Desk", "purge_rules": True,
              "rules": [{"name": "VIP", "new_name": "Gold"}, {"name": "Kept"}, {"name": "New", "new_name": None}]}  # fmt: skip
    site = Site(
        [
            obj(
                "forwarding",
                params,
                ForwardingPlan(settings_body={"x": 1}),
                ForwardingRead("id-Desk", settings, {"VIP": vip}),
            )
        ]
    )
    items, missing = inverse.declaration(site)
    (forwarding,) = items["forwarding"]
    assert forwarding["selective"] == {"enabled": True, "destination": "2100", "ring_reminder_enabled": False,
                                       "send_to_voicemail_enabled": False}  # fmt: skip
    assert forwarding["rules"] == [
        {
            "name": "Gold",
            "new_name": "VIP",
            "enabled": True,
            "forward_to": {"selection": "DO_NOT_FORWARD"},
            "calls_from": {"selection": "ANY"},
            "calls_to": {"numbers": []},
        },  # fmt: skip
        {"name": "Kept"},
    ]
    assert forwarding["purge_rules"] is True
    assert [(entry["kind"], entry["inverted"]) for entry in missing] == [("forwarding", "partly")]
    assert missing[0]["reason"].startswith("selective rule 'Purged' was deleted (purge_rules)")


def test_objects_not_planned_or_not_attempted_are_left_out():
    failed = obj("auto_attendants", {"name": "Failed"}, None)
    skipped = obj("auto_attendants", {"name": "Skipped"}, Plan("create"))
    skipped.skipped = "not attempted: x failed"
    assert inverse.declaration(Site([failed, skipped])) == ({kind: [] for kind in KINDS}, [])


def test_a_plan_without_a_declaration_keeps_the_tasks():
    params = {"auto_attendants": [{"name": "A"}]}
    assert inverse.declared_by({"format": 1}, params) is params


def test_a_plan_that_carries_its_declaration_is_applied_with_it():
    site = {"auto_attendants": [{"location": HQ, "name": "Fresh", "state": "absent"}]}
    params = {kind: [] for kind in KINDS}
    params.update(purge={"auto_attendants": False}, purge_limit=3, base_dir="/tmp/x", plan="...", org_id="O")
    applied = inverse.declared_by({"site": site}, params)
    assert applied["auto_attendants"] == site["auto_attendants"] and applied["schedules"] == []
    assert (applied["purge_limit"], applied["base_dir"], applied["org_id"], applied["plan"]) == (10, None, "O", "...")
    assert not any(applied["purge"].values())


@pytest.mark.parametrize(
    "site,params,message",
    [
        ({"auto_attendants": []}, {"auto_attendants": [{"name": "A"}]},
         "plan: carries its own declaration (site: an inverse); leave auto_attendants out of the task"),
        ({}, {"schedules": [{}], "purge": {"schedules": True}},
         "plan: carries its own declaration (site: an inverse); leave schedules, purge out of the task"),
        ([], {}, "plan: site must be a dictionary of the lists schedules, announcements, auto_attendants, forwarding"),
        ({"users": []}, {}, "plan: site must be a dictionary of the lists schedules"),
        ({"forwarding": {}}, {}, "plan: site must be a dictionary of the lists schedules"),
        ({"auto_attendants": [{"location": HQ, "name": "A", "state": "gone"}]}, {},
         "plan: site: auto_attendants[0] ('A'): "),
    ],
)  # fmt: skip
def test_a_declaration_the_plan_carries_is_checked(site, params, message):
    with pytest.raises(StalePlan) as refused:
        inverse.declared_by({"site": site}, params)
    assert str(refused.value).startswith(message)


def test_operating_modes_are_put_back_as_read_and_modes_set_where_there_were_none_are_listed():
    modes = {"enabled": True, "modes": [{"id": "M1", "name": "Outage", "normalOperationEnabled": True}]}
    with_modes = obj(
        "forwarding",
        {"auto_attendant": "Desk", "operating_modes": {"enabled": False, "modes": []}},
        ForwardingPlan(settings_body={"x": 1}),
        ForwardingRead("id-Desk", {"always": {"enabled": False}, "operatingModes": modes}, {}),
    )
    without = obj(
        "forwarding",
        {"auto_attendant": "Front", "operating_modes": {"enabled": True, "modes": [{"name": "Outage"}]}},
        ForwardingPlan(settings_body={"x": 1}),
        ForwardingRead("id-Front", {"always": {"enabled": False}}, {}),
    )
    items, missing = inverse.declaration(Site([with_modes, without]))
    restored, untouched = items["forwarding"]
    assert restored["operating_modes"]["enabled"] is True
    assert [mode["name"] for mode in restored["operating_modes"]["modes"]] == ["Outage"]
    assert "operating_modes" not in untouched
    assert [(entry["name"], entry["inverted"]) for entry in missing] == [("Front", "partly")]
    assert "no operating modes before the run" in missing[0]["reason"]
