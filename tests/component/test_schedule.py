"""webex_schedule's converge() and ScheduleService called in this process against the simulator over HTTP: create,
update, rename, nothing and delete with check mode, exact plans, results and diffs, the request log, the refusals, and
the faults the code handles (a POST or PUT whose answer is lost, a schedule or an auto attendant deleted between the
list and its details, a write the service does not apply).
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils._schedule import compare as sc_compare
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as sc_converge
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import service as sc_service
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError
from tests.builders import ANNEX, API_SATURDAY, API_SUNDAY, HQ, SATURDAY, WEEKDAYS, event
from tests.component.helpers import Module, create_aa, create_schedule, params_of, writes

# The events as the diff shows them.
SNAKE_SATURDAY = event(SATURDAY, all_day_enabled=False)
SNAKE_SUNDAY = {"name": "Sunday", "start_date": "2026-01-11", "end_date": "2026-01-11", "all_day_enabled": True}


@pytest.fixture(name="service")
def fixture_service(client):
    return sc_service.ScheduleService(client)


def params(**options):
    """Module params as AnsibleModule makes them: every option present, defaults filled in."""
    return params_of(sc_options.argument_spec(), **dict({"location": HQ, "type": "business_hours"}, **options))


def calls(sim):
    """(method, path after the location, status) of every API request."""
    return [
        (entry["method"], entry["path"].split("/schedules", 1)[-1] or "/", entry["status"])
        for entry in sim.requests()
        if "/schedules" in entry["path"]
    ]


def event_ids(service, hq, schedule_id, kind="businessHours"):
    return {entry["name"]: entry["id"] for entry in service.details(hq, kind, schedule_id)["events"]}


# -- create ----------------------------------------------------------------------------------------------------------


def test_create_check_mode_result_and_diff(sim, service, hq):
    sim.clear_requests()
    plan, result = sc_converge.converge(
        service, hq, params(type="holidays", name="Closed", events=[SATURDAY, dict(SATURDAY, name="Late")]), True
    )
    assert plan.action == "create" and plan.changed
    assert plan.body == {
        "type": "holidays",
        "name": "Closed",
        "events": [API_SATURDAY, dict(API_SATURDAY, name="Late")],
    }
    assert result == {
        "type": "holidays",
        "name": "Closed",
        "id": None,
        "events": [dict(API_SATURDAY, id=None), dict(API_SATURDAY, name="Late", id=None)],
        "locationId": hq,
    }
    assert plan.diff() == {
        "before": {},
        "after": {"name": "Closed", "events": [SNAKE_SATURDAY, dict(SNAKE_SATURDAY, name="Late")]},
    }
    assert writes(sim) == []


def test_create_writes_the_schedule_with_its_events(sim, service, hq):
    sim.clear_requests()
    plan, result = sc_converge.converge(service, hq, params(name="Office", events=[SATURDAY]))
    assert plan.action == "create" and plan.changed
    assert plan.body["type"] == "businessHours" and plan.body["name"] == "Office"
    assert plan.diff()["before"] == {} and plan.diff()["after"]["events"][0]["name"] == "Saturday"
    assert result["locationId"] == hq and result["name"] == "Office"
    assert writes(sim) == [("POST", 201)] and result["id"] and result["events"][0]["id"]


def test_create_without_events_reads_the_schedule_back(sim, service, hq):
    sim.clear_requests()
    plan, result = sc_converge.converge(service, hq, params(name="Empty"))
    assert plan.body == {"type": "businessHours", "name": "Empty"}
    assert plan.diff() == {"before": {}, "after": {"name": "Empty", "events": []}}
    new_id = service.find(hq, "businessHours", "Empty")["id"]
    assert result == {"id": new_id, "name": "Empty", "type": "businessHours", "events": [], "locationId": hq}
    assert calls(sim) == [
        ("GET", "/", 200),
        ("POST", "/", 201),
        ("GET", "/businessHours/%s" % new_id, 200),
        ("GET", "/", 200),
    ]


def test_create_check_mode_without_events(sim, service, hq):
    sim.clear_requests()
    plan, result = sc_converge.converge(service, hq, params(name="Empty"), check_mode=True)
    assert result == {"type": "businessHours", "name": "Empty", "id": None, "events": [], "locationId": hq}
    assert writes(sim) == []


def test_create_whose_answer_is_lost_is_found_by_name_not_sent_twice(sim, service, hq):
    sim.fault(method="POST", path="/schedules$", drop_after_commit=True)
    new_id = service.create(hq, {"type": "holidays", "name": "Closed", "events": [API_SUNDAY]})
    assert new_id == service.find(hq, "holidays", "Closed")["id"]
    assert writes(sim) == [("POST", None)]  # answered by nobody: the connection was closed
    assert service.find(hq, "businessHours", "Closed") is None


def test_create_that_failed_is_sent_once_more(sim, service, hq):
    sim.fault(method="POST", path="/schedules$", status=503)
    new_id = service.create(hq, {"type": "holidays", "name": "Closed"})
    assert new_id == service.find(hq, "holidays", "Closed")["id"]
    assert writes(sim) == [("POST", 503), ("POST", 201)]


def test_create_of_a_name_taken_by_the_other_type_is_not_mistaken_for_it(sim, service, hq):
    # A holidays schedule called Closed exists; the lost POST of the business hours one must not be taken for it.
    holidays = create_schedule(sim, hq, name="Closed", kind="holidays", events=())
    sim.fault(method="POST", path="/schedules$", status=503, count=2)
    with pytest.raises(ResourceError) as caught:
        service.create(hq, {"type": "businessHours", "name": "Closed"})
    assert str(caught.value).endswith(
        "; it was looked up by name after each attempt and not found, so it was most likely not created, but the "
        "outcome is not certain (it may have taken: run again to converge)"
    )
    assert service.find(hq, "holidays", "Closed")["id"] == holidays


# -- update ----------------------------------------------------------------------------------------------------------


def test_update_check_mode_result_keeps_the_ids_it_knows(sim, service, hq):
    schedule_id = create_schedule(sim, hq, events=(API_SATURDAY, API_SUNDAY))
    ids = event_ids(service, hq, schedule_id)
    late = dict(SATURDAY, name="Late")
    plan, result = sc_converge.converge(
        service, hq, params(name="Office", events=[dict(SATURDAY, end_time="13:00"), late]), check_mode=True
    )
    assert plan.action == "update" and plan.rename is None
    assert result == {
        "id": schedule_id,
        "name": "Office",
        "type": "businessHours",
        "events": [
            dict(API_SATURDAY, endTime="13:00", id=ids["Saturday"]),
            dict(API_SATURDAY, name="Late", id=None),
        ],
        "locationId": hq,
    }
    assert plan.diff() == {
        "before": {"name": "Office", "events": [SNAKE_SATURDAY, SNAKE_SUNDAY]},
        "after": {
            "name": "Office",
            "events": [dict(SNAKE_SATURDAY, end_time="13:00"), dict(SNAKE_SATURDAY, name="Late")],
        },
    }
    assert plan.event_creates == [dict(API_SATURDAY, name="Late")]
    assert plan.event_updates == [dict(API_SATURDAY, endTime="13:00")]
    assert plan.event_deletes == [dict(API_SUNDAY, id=ids["Sunday"])]
    assert writes(sim) == []


def test_update_sends_one_call_per_event_to_the_right_event(sim, service, hq):
    schedule_id = create_schedule(sim, hq, events=(API_SATURDAY, API_SUNDAY, dict(API_SUNDAY, name="Monday")))
    ids = event_ids(service, hq, schedule_id)
    sim.clear_requests()
    monday = {"name": "Monday", "start_date": "2026-01-12", "end_date": "2026-01-12"}
    plan, result = sc_converge.converge(
        service,
        hq,
        params(name="Office", events=[dict(SATURDAY, end_time="13:00"), monday, dict(SATURDAY, name="Late")]),
    )
    assert plan.action == "update" and plan.rename is None
    events = "/businessHours/%s/events" % schedule_id
    assert [call for call in calls(sim) if call[0] != "GET"] == [
        ("DELETE", "%s/%s" % (events, ids["Sunday"]), 204),
        ("PUT", "%s/%s" % (events, ids["Saturday"]), 200),
        ("PUT", "%s/%s" % (events, ids["Monday"]), 200),
        ("POST", events, 201),
    ]
    assert [entry["body"] for entry in sim.writes()][1:] == [
        dict(API_SATURDAY, endTime="13:00"),
        {"name": "Monday", "startDate": "2026-01-12", "endDate": "2026-01-12", "allDayEnabled": True},
        dict(API_SATURDAY, name="Late"),
    ]
    new_ids = event_ids(service, hq, schedule_id)
    assert result == {
        "id": schedule_id,
        "name": "Office",
        "type": "businessHours",
        "events": [
            dict(API_SATURDAY, endTime="13:00", id=new_ids["Saturday"]),
            {
                "name": "Monday",
                "startDate": "2026-01-12",
                "endDate": "2026-01-12",
                "allDayEnabled": True,
                "id": new_ids["Monday"],
            },
            dict(API_SATURDAY, name="Late", id=new_ids["Late"]),
        ],
        "locationId": hq,
    }


@pytest.mark.parametrize("check_mode", [True, False])
def test_update_with_events_and_rename(sim, service, hq, check_mode):
    old_id = create_schedule(sim, hq, events=(API_SATURDAY, API_SUNDAY))
    late = dict(SATURDAY, name="Late", start_time="17:00", end_time="20:00")
    changed = dict(SATURDAY, end_time="13:00")
    plan, result = sc_converge.converge(
        service, hq, params(name="Office", new_name="Winter", events=[changed, late]), check_mode
    )
    assert plan.action == "update" and plan.rename == "Winter"
    assert [e["name"] for e in plan.event_creates] == ["Late"]
    assert [e["name"] for e in plan.event_updates] == ["Saturday"]
    assert [e["name"] for e in plan.event_deletes] == ["Sunday"]
    assert result["name"] == "Winter" and result["locationId"] == hq and result["type"] == "businessHours"
    if check_mode:
        assert writes(sim) == [] and result["id"] is None
        assert {e["name"]: e["id"] for e in result["events"]}["Late"] is None
        assert {e["name"]: e["id"] for e in result["events"]}["Saturday"]
    else:
        assert writes(sim) == [("PUT", 200), ("DELETE", 204), ("PUT", 200), ("POST", 201)]
        assert result["id"] != old_id and [e["name"] for e in result["events"]] == ["Saturday", "Late"]


def test_rename_check_mode_result(sim, service, hq):
    create_schedule(sim, hq, events=(API_SATURDAY,))
    plan, result = sc_converge.converge(service, hq, params(name="Office", new_name="Winter"), check_mode=True)
    assert plan.rename == "Winter" and plan.event_creates == plan.event_updates == plan.event_deletes == []
    ids = event_ids(service, hq, service.find(hq, "businessHours", "Office")["id"])
    assert result == {
        "id": None,
        "name": "Winter",
        "type": "businessHours",
        "events": [dict(API_SATURDAY, id=ids["Saturday"])],
        "locationId": hq,
    }
    assert plan.diff() == {
        "before": {"name": "Office", "events": [SNAKE_SATURDAY]},
        "after": {"name": "Winter", "events": [SNAKE_SATURDAY]},
    }
    assert writes(sim) == []


def test_rename_sends_only_the_name(sim, service, hq):
    old_id = create_schedule(sim, hq, events=(API_SATURDAY,))
    plan, result = sc_converge.converge(service, hq, params(name="Office", new_name="Winter"))
    new_id = service.find(hq, "businessHours", "Winter")["id"]
    assert [(entry["method"], entry["path"].endswith(old_id), entry["body"]) for entry in sim.writes()] == [
        ("PUT", True, {"name": "Winter"})
    ]
    assert result["id"] == new_id != old_id and result["name"] == "Winter"


def test_rename_takes_the_new_id_from_the_answer(sim, service, hq):
    old_id = create_schedule(sim, hq, name="Office", events=())
    new_id = service.rename(hq, "businessHours", old_id, "Winter")
    assert new_id == service.find(hq, "businessHours", "Winter")["id"] != old_id
    assert [entry["method"] for entry in sim.requests()] == ["PUT", "GET"]  # the GET is the find() above


def test_rename_without_an_id_in_the_answer_finds_the_new_id_by_name(sim, client, service, hq, monkeypatch):
    create_schedule(sim, hq, name="Office")
    original = client.put
    monkeypatch.setattr(client, "put", lambda path, json: original(path, json=json) and {})
    new_id = service.rename(hq, "businessHours", service.find(hq, "businessHours", "Office")["id"], "Winter")
    assert new_id == service.find(hq, "businessHours", "Winter")["id"]
    monkeypatch.setattr(service, "find", lambda location_id, schedule_type, name: None)
    with pytest.raises(ResourceError) as caught:
        service.rename(hq, "businessHours", new_id, "Summer")
    assert str(caught.value) == "schedule renamed to 'Summer' but not found under that name" and caught.value.changed


def test_rename_whose_answer_is_lost_finds_the_new_id(sim, service, hq):
    old_id = create_schedule(sim, hq, name="Office", events=())
    # The PUT is applied but its answer lost; the client sends it again, to the old id, which answers 404.
    sim.fault(method="PUT", path="/schedules/", drop_after_commit=True)
    new_id = service.rename(hq, "businessHours", old_id, "Winter")
    assert new_id == service.find(hq, "businessHours", "Winter")["id"] != old_id
    assert [status for _method, status in writes(sim)][-1] == 404


def test_rename_error_other_than_404_is_raised(sim, service, hq):
    old_id = create_schedule(sim, hq, name="Office", events=())
    sim.fault(method="PUT", path="/schedules/", status=400)
    with pytest.raises(WebexApiError) as caught:
        service.rename(hq, "businessHours", old_id, "Winter")
    assert caught.value.status == 400


def test_update_event_keeps_the_id_when_the_answer_has_none(sim, service, hq):
    schedule_id = create_schedule(sim, hq, events=(API_SATURDAY,))
    ids = event_ids(service, hq, schedule_id)
    sim.fault(method="PUT", path="/events/", status=200, body={})
    body = dict(API_SATURDAY, endTime="13:00")
    assert service.update_event(hq, "businessHours", schedule_id, ids["Saturday"], body) == ids["Saturday"]
    sim.fault(method="PUT", path="/events/", status=200, body={"id": "other"})
    assert service.update_event(hq, "businessHours", schedule_id, ids["Saturday"], body) == "other"


def test_create_event_whose_answer_is_lost_is_found_in_the_details(sim, service, hq):
    schedule_id = create_schedule(sim, hq, events=(API_SUNDAY,))
    sim.fault(method="POST", path="/events$", drop_after_commit=True)
    created = service.create_event(hq, "businessHours", schedule_id, API_SATURDAY)
    assert created == event_ids(service, hq, schedule_id)["Saturday"]
    assert len(sim.writes()) == 1
    sim.fault(method="POST", path="/events$", status=503)
    created = service.create_event(hq, "businessHours", schedule_id, dict(API_SATURDAY, name="Late"))
    assert created == event_ids(service, hq, schedule_id)["Late"]
    assert writes(sim)[-2:] == [("POST", 503), ("POST", 201)]


def test_event_calls_and_deletes_of_what_is_gone(sim, service, hq):
    schedule_id = create_schedule(sim, hq, events=(API_SATURDAY, API_SUNDAY))
    events = event_ids(service, hq, schedule_id)
    body = sc_compare.event_body(dict(SATURDAY, end_time="13:00"))
    assert service.update_event(hq, "businessHours", schedule_id, events["Saturday"], body) == events["Saturday"]
    created = service.create_event(hq, "businessHours", schedule_id, sc_compare.event_body(dict(SATURDAY, name="Late")))
    assert created
    service.delete_event(hq, "businessHours", schedule_id, events["Sunday"])
    service.delete_event(hq, "businessHours", schedule_id, events["Sunday"])  # already gone: fine
    assert writes(sim) == [("PUT", 200), ("POST", 201), ("DELETE", 204), ("DELETE", 404)]
    service.delete(hq, "businessHours", schedule_id)
    service.delete(hq, "businessHours", schedule_id)
    assert writes(sim)[-2:] == [("DELETE", 204), ("DELETE", 404)]


# -- nothing, absent -------------------------------------------------------------------------------------------------


def test_nothing_result_and_diff(sim, service, hq):
    schedule_id = create_schedule(sim, hq, events=(API_SATURDAY,))
    plan, result = sc_converge.converge(service, hq, params(name="Office", events=[SATURDAY]))
    ids = event_ids(service, hq, schedule_id)
    assert plan.action == "nothing" and not plan.changed
    assert result == {
        "id": schedule_id,
        "name": "Office",
        "type": "businessHours",
        "events": [dict(API_SATURDAY, id=ids["Saturday"])],
        "locationId": hq,
    }
    assert plan.diff() == {
        "before": {"name": "Office", "events": [SNAKE_SATURDAY]},
        "after": {"name": "Office", "events": [SNAKE_SATURDAY]},
    }
    assert writes(sim) == []


def test_nothing_for_the_name_the_same_events_or_a_rename_done(sim, service, hq):
    schedule_id = create_schedule(sim, hq, name="Winter")
    for options in (
        dict(name="Winter"),
        dict(name="Winter", events=[SATURDAY]),
        dict(name="Office", new_name="Winter"),
    ):
        plan, result = sc_converge.converge(service, hq, params(**options))
        assert plan.action == "nothing" and result["id"] == schedule_id and result["locationId"] == hq, options
    assert writes(sim) == []


def test_absent_already_returns_nothing(sim, service, hq):
    sim.clear_requests()
    plan, result = sc_converge.converge(service, hq, params(name="Office", state="absent"))
    assert plan.action == "nothing" and result is None and plan.diff() == {"before": {}, "after": {}}
    assert writes(sim) == []


def test_delete_in_check_mode_then_for_real_then_nothing(sim, service, hq):
    create_schedule(sim, hq)
    plan, result = sc_converge.converge(service, hq, params(name="Office", state="absent"), True)
    assert plan.action == "delete" and result is None and writes(sim) == []
    assert plan.diff()["before"]["name"] == "Office" and plan.diff()["after"] == {}
    plan, result = sc_converge.converge(service, hq, params(name="Office", state="absent"))
    assert plan.action == "delete" and writes(sim) == [("DELETE", 204)]
    plan, result = sc_converge.converge(service, hq, params(name="Office", state="absent"))
    assert plan.action == "nothing" and result is None


def test_delete_diff_and_the_one_delete(sim, service, hq):
    schedule_id = create_schedule(sim, hq, kind="holidays", events=(API_SUNDAY,))
    create_schedule(sim, hq, name="Other", kind="holidays", events=())
    create_aa(sim, hq, "Front", "2201", holidaySchedule="Other")
    plan, result = sc_converge.converge(service, hq, params(type="holidays", name="Office", state="absent"))
    assert plan.diff() == {"before": {"name": "Office", "events": [SNAKE_SUNDAY]}, "after": {}}
    assert result is None
    assert [(entry["method"], entry["path"].endswith("/holidays/" + schedule_id)) for entry in sim.writes()] == [
        ("DELETE", True)
    ]


def test_business_hours_schedule_in_use_is_not_deleted_even_in_check_mode(sim, service, hq):
    create_schedule(sim, hq, name="Office")
    create_aa(sim, hq, "Front", "2201", businessSchedule="Office")
    create_aa(sim, hq, "Back", "2202", businessSchedule="Office")
    create_aa(sim, hq, "Other", "2203")
    with pytest.raises(ResourceError) as caught:
        sc_converge.converge(service, hq, params(name="Office", state="absent"), True)
    assert str(caught.value) == (
        "business_hours schedule 'Office' is used by auto attendant(s) 'Back', 'Front'; point "
        "them at another schedule first"
    )
    assert writes(sim) == []
    attendants = AutoAttendantService(service.client)
    assert attendants.using_schedule(hq, "businessHours", "Office") == ["Front", "Back"]
    assert attendants.using_schedule(hq, "holidays", "Office") == []


def test_holiday_schedule_in_use_is_not_deleted(sim, service, hq):
    create_schedule(sim, hq, name="Closed", kind="holidays", events=())
    create_schedule(sim, hq, name="Closed", kind="businessHours", events=())
    create_aa(sim, hq, "Front", "2201", holidaySchedule="Closed")
    create_aa(sim, hq, "Back", "2202", businessSchedule="Closed")
    with pytest.raises(ResourceError) as caught:
        sc_converge.converge(service, hq, params(type="holidays", name="Closed", state="absent"))
    assert str(caught.value) == (
        "holidays schedule 'Closed' is used by auto attendant(s) 'Front'; point them at another schedule first"
    )
    assert writes(sim) == []


def test_users_are_those_of_the_location_only(sim, service, hq):
    annex = sim.location_id(ANNEX)
    create_schedule(sim, annex, name="Closed", kind="holidays", events=())
    create_aa(sim, annex, "Elsewhere", "2201", holidaySchedule="Closed")
    create_schedule(sim, hq, name="Closed", kind="holidays", events=())
    create_aa(sim, hq, "Here", "2202", holidaySchedule="Closed")
    assert AutoAttendantService(service.client).using_schedule(hq, "holidays", "Closed") == ["Here"]
    # One list of the location's attendants, one details read: the other location's attendant is not read.
    requests = sim.requests()
    assert [(entry["path"], entry["query"]) for entry in requests[:1]] == [
        ("/v1/telephony/config/autoAttendants", {"locationId": hq})
    ]
    assert len(requests) == 2 and requests[1]["path"].startswith(
        "/v1/telephony/config/locations/%s/autoAttendants/" % hq
    )


def test_users_are_named_as_the_details_name_them(sim, service, hq):
    create_schedule(sim, hq, name="Closed", kind="holidays", events=())
    renamed = create_aa(sim, hq, "Before", "2201", holidaySchedule="Closed")
    nameless = create_aa(sim, hq, "Listed", "2202", holidaySchedule="Closed")
    # Renamed between the list and the details read; details without a name fall back to the list's.
    sim.fault(
        method="GET", path="/autoAttendants/" + renamed, status=200, body={"name": "After", "holidaySchedule": "Closed"}
    )
    sim.fault(method="GET", path="/autoAttendants/" + nameless, status=200, body={"holidaySchedule": "Closed"})
    assert sorted(AutoAttendantService(service.client).using_schedule(hq, "holidays", "Closed")) == ["After", "Listed"]


def test_users_skip_an_attendant_deleted_meanwhile_and_raise_other_errors(sim, service, hq):
    create_schedule(sim, hq, name="Closed", kind="holidays", events=())
    gone = create_aa(sim, hq, "Gone", "2201", holidaySchedule="Closed")
    create_aa(sim, hq, "Kept", "2202", holidaySchedule="Closed")
    sim.fault(method="GET", path="/autoAttendants/" + gone, status=404)
    assert AutoAttendantService(service.client).using_schedule(hq, "holidays", "Closed") == ["Kept"]
    sim.fault(method="GET", path="/autoAttendants/" + gone, status=403)
    with pytest.raises(WebexApiError) as caught:
        AutoAttendantService(service.client).using_schedule(hq, "holidays", "Closed")
    assert caught.value.status == 403


def test_schedule_deleted_between_list_and_details_is_created(sim, service, hq):
    schedule_id = create_schedule(sim, hq, events=())
    sim.fault(method="GET", path="/schedules/businessHours/" + schedule_id, status=404)
    plan, result = sc_converge.converge(service, hq, params(name="Office", events=[SATURDAY]), check_mode=True)
    assert plan.action == "create" and result["id"] is None
    sim.fault(method="GET", path="/schedules/businessHours/" + schedule_id, status=404)
    plan, result = sc_converge.converge(service, hq, params(name="Office", state="absent"))
    assert plan.action == "nothing" and result is None and writes(sim) == []


def test_details_error_other_than_404_is_raised(sim, service, hq):
    schedule_id = create_schedule(sim, hq, events=())
    sim.fault(method="GET", path="/schedules/businessHours/" + schedule_id, status=403)
    with pytest.raises(WebexApiError) as caught:
        sc_converge.converge(service, hq, params(name="Office"))
    assert caught.value.status == 403


# -- find and lookup -------------------------------------------------------------------------------------------------


def test_lookup_finds_a_rename_already_done_and_the_name_itself(sim, service, hq):
    winter = create_schedule(sim, hq, name="Winter", events=())
    assert sc_converge._lookup(service, hq, "businessHours", "Office", "Winter")["id"] == winter  # pylint: disable=protected-access
    assert sc_converge._lookup(service, hq, "businessHours", "Winter", "Winter")["id"] == winter  # pylint: disable=protected-access
    assert sc_converge._lookup(service, hq, "businessHours", "Office", None) is None  # pylint: disable=protected-access
    sim.clear_requests()
    # new_name equal to name: one lookup, not two.
    sc_converge._lookup(service, hq, "businessHours", "Winter", "Winter")  # pylint: disable=protected-access
    assert len(sim.requests()) == 1


def test_find_by_type_and_exact_name_and_duplicates(sim, service, hq):
    business = create_schedule(sim, hq, name="Office")
    holidays = create_schedule(sim, hq, name="Office", kind="holidays", events=())
    create_schedule(sim, hq, name="Office Hours")
    assert service.find(hq, "businessHours", "Office")["id"] == business
    assert service.find(hq, "holidays", "Office")["id"] == holidays
    assert service.find(hq, "businessHours", "office") is None
    duplicates = [{"id": "a", "name": "Office"}, {"id": "b", "name": "Office"}]
    service.client.get_all = lambda path, item_key, params=None: duplicates
    with pytest.raises(ResourceError) as caught:
        service.find(hq, "businessHours", "Office")
    assert str(caught.value) == (
        "2 business_hours schedules are called 'Office' in this location (ids: a, b); remove the duplicates first"
    )


@pytest.mark.parametrize("option, kind", [("business_hours", "businessHours"), ("holidays", "holidays")])
def test_rename_onto_a_taken_name(sim, service, hq, option, kind):
    create_schedule(sim, hq, name="Office", kind=kind, events=())
    create_schedule(sim, hq, name="Winter", kind=kind, events=())
    with pytest.raises(ResourceError) as caught:
        sc_converge.converge(service, hq, params(type=option, name="Office", new_name="Winter"))
    assert str(caught.value) == (
        "cannot rename %s schedule 'Office' to 'Winter': a schedule called 'Winter' already exists in this "
        "location" % option
    )
    assert writes(sim) == []


def test_an_event_write_that_does_not_take_names_the_schedule_by_its_type_option(sim, service, hq, monkeypatch):
    schedule_id = create_schedule(sim, hq, kind="holidays", events=(API_SUNDAY,))
    monkeypatch.setattr(service, "update_event", lambda *args: None)
    with pytest.raises(WriteNotApplied) as caught:
        sc_converge.converge(
            service,
            hq,
            params(type="holidays", name="Office", events=[dict(SNAKE_SUNDAY, end_date="2026-01-12")]),
        )
    assert str(caught.value).rsplit(" (trackingId ", 1)[0] == (
        "the service answered 2xx but did not apply events (Sunday) of holidays schedule 'Office'"
    )
    assert caught.value.fields and caught.value.changed
    assert service.find(hq, "holidays", "Office")["id"] == schedule_id


# -- run(): what the module returns ----------------------------------------------------------------------------------

OFFICE_EVENTS = [WEEKDAYS, SATURDAY]


def test_run_check_apply_check_apply(sim, client, service, hq):
    options = params(name="Office hours", events=OFFICE_EVENTS)
    predicted = sc_converge.run(Module(dict(options), check_mode=True, diff=True), client)
    assert predicted["changed"] is True and writes(sim) == []
    assert predicted["schedule"]["id"] is None and predicted["schedule"]["type"] == "business_hours"
    assert [e["name"] for e in predicted["schedule"]["events"]] == ["Weekdays", "Saturday"]
    assert predicted["diff"]["before"] == {}
    assert [e["name"] for e in predicted["diff"]["after"]["events"]] == ["Weekdays", "Saturday"]

    applied = sc_converge.run(Module(dict(options), diff=True), client)
    assert applied["changed"] is True and applied["diff"] == predicted["diff"]
    [post] = sim.writes()
    assert (post["method"], post["status"]) == ("POST", 201) and post["path"].endswith("/schedules")
    assert post["body"]["type"] == "businessHours" and post["body"]["events"][0]["startTime"] == "09:00"
    schedule = applied["schedule"]
    found = service.find(hq, "businessHours", "Office hours")
    assert schedule["id"] == found["id"] and schedule["location_id"] == hq and schedule["type"] == "business_hours"
    assert schedule["events"][0]["recurrence"]["recur_weekly"]["monday"] is True

    for check_mode in (True, False):
        sim.clear_requests()
        again = sc_converge.run(Module(dict(options), check_mode=check_mode, diff=True), client)
        assert again["changed"] is False and writes(sim) == [] and again["schedule"] == schedule
        # The floor of a no-op: the location, the list, the details.
        assert [entry["method"] for entry in sim.requests()] == ["GET", "GET", "GET"]
    # Event order does not matter; no diff asked, none given.
    again = sc_converge.run(Module(params(name="Office hours", events=OFFICE_EVENTS[::-1])), client)
    assert again["changed"] is False and "diff" not in again and writes(sim) == []


def test_a_rename_with_an_event_change_writes_the_event_under_the_new_id_and_keeps_the_attendants(sim, service, hq):
    old_id = create_schedule(sim, hq, name="Office hours")
    auto_attendant_id = create_aa(sim, hq, "Reception", "2100", businessSchedule="Office hours")
    options = params(name="Office hours", new_name="Winter hours", events=[dict(SATURDAY, end_time="13:00")])
    plan, result = sc_converge.converge(service, hq, options)
    new_id = service.find(hq, "businessHours", "Winter hours")["id"]
    assert plan.rename == "Winter hours" and result["name"] == "Winter hours" and result["id"] == new_id != old_id
    entries = sim.writes()
    assert [(entry["method"], entry["status"]) for entry in entries] == [("PUT", 200), ("PUT", 200)]
    assert entries[0]["body"] == {"name": "Winter hours"}
    assert "/events/" in entries[1]["path"] and new_id in entries[1]["path"] and old_id not in entries[1]["path"]
    assert service.find(hq, "businessHours", "Office hours") is None
    # The attendant that used the schedule names it by its new name.
    details = sim.api("GET", "/telephony/config/locations/%s/autoAttendants/%s" % (hq, auto_attendant_id)).json()
    assert details["businessSchedule"] == "Winter hours"
    sim.clear_requests()
    plan, _result = sc_converge.converge(service, hq, options)
    assert plan.action == "nothing" and writes(sim) == []


def test_a_schedule_of_the_name_of_one_in_use_but_of_the_other_type_is_deleted(sim, service, hq):
    create_schedule(sim, hq, name="Holidays 2026", kind="holidays", events=())
    business_id = create_schedule(sim, hq, name="Holidays 2026")
    create_aa(sim, hq, "Reception", "2100", holidaySchedule="Holidays 2026")
    plan, result = sc_converge.converge(service, hq, params(name="Holidays 2026", state="absent"))
    assert plan.action == "delete" and result is None
    assert [(entry["method"], entry["path"].endswith("/businessHours/" + business_id)) for entry in sim.writes()] == [
        ("DELETE", True)
    ]
