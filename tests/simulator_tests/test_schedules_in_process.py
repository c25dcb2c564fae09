"""schedules.converge() and ScheduleService called in this process against the simulator over HTTP: exact plans,
results and diffs, the request log, and the faults the code handles (a POST or PUT whose answer is lost, a schedule or
an auto attendant deleted between the list and its details).

test_converge_in_process.py covers the main paths; these hold what make mutation found unheld there.
"""

import pytest
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as sc_converge
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import service as sc_service
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError, WebexClient

SATURDAY = {
    "name": "Saturday",
    "start_date": "2026-01-10",
    "end_date": "2026-01-10",
    "start_time": "09:00",
    "end_time": "12:00",
}
API_SATURDAY = {
    "name": "Saturday",
    "startDate": "2026-01-10",
    "endDate": "2026-01-10",
    "startTime": "09:00",
    "endTime": "12:00",
    "allDayEnabled": False,
}
API_SUNDAY = {"name": "Sunday", "startDate": "2026-01-11", "endDate": "2026-01-11", "allDayEnabled": True}
SNAKE_SATURDAY = {
    "name": "Saturday",
    "start_date": "2026-01-10",
    "end_date": "2026-01-10",
    "start_time": "09:00",
    "end_time": "12:00",
    "all_day_enabled": False,
}
SNAKE_SUNDAY = {"name": "Sunday", "start_date": "2026-01-11", "end_date": "2026-01-11", "all_day_enabled": True}
MENU = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}


@pytest.fixture(name="client")
def fixture_client(sim):
    return WebexClient(sim.url, sim.token, timeout=10, sleep=lambda seconds: None)


@pytest.fixture(name="hq")
def fixture_hq(sim):
    return sim.location_id("Headquarters")


@pytest.fixture(name="service")
def fixture_service(client):
    return sc_service.ScheduleService(client)


def params(**options):
    """Module params as AnsibleModule makes them: every option present, defaults filled in."""
    options = dict({"location": "Headquarters", "type": "business_hours"}, **options)
    result = ArgumentSpecValidator(sc_options.argument_spec()).validate(options)
    assert not result.error_messages, result.error_messages
    return result.validated_parameters


def writes(sim):
    return [(entry["method"], entry["status"]) for entry in sim.writes()]


def calls(sim):
    """(method, path after the location, status) of every API request."""
    return [
        (entry["method"], entry["path"].split("/schedules", 1)[-1] or "/", entry["status"])
        for entry in sim.requests()
        if "/schedules" in entry["path"]
    ]


def create_schedule(sim, hq, name="Office", kind="businessHours", events=(API_SATURDAY,)):
    response = sim.api(
        "POST",
        "/telephony/config/locations/%s/schedules" % hq,
        json={"type": kind, "name": name, "events": list(events)},
    )
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return response.json()["id"]


def create_aa(sim, hq, name, extension, **fields):
    body = dict(
        {
            "name": name,
            "extension": extension,
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": MENU,
            "afterHoursMenu": MENU,
        },
        **fields,
    )
    response = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % hq, json=body)
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return response.json()["id"]


def event_ids(service, hq, schedule_id, kind="businessHours"):
    return {event["name"]: event["id"] for event in service.details(hq, kind, schedule_id)["events"]}


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
        "; it was looked up by name after each attempt and not found, so it was most likely not created (the outcome "
        "is not certain: run again to converge)"
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


def test_absent_already_returns_nothing(sim, service, hq):
    sim.clear_requests()
    plan, result = sc_converge.converge(service, hq, params(name="Office", state="absent"))
    assert plan.action == "nothing" and result is None and plan.diff() == {"before": {}, "after": {}}
    assert writes(sim) == []


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
    annex = sim.location_id("Headquarters Annex")
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


def test_rename_onto_a_taken_holidays_name(sim, service, hq):
    create_schedule(sim, hq, name="Office", kind="holidays", events=())
    create_schedule(sim, hq, name="Winter", kind="holidays", events=())
    with pytest.raises(ResourceError) as caught:
        sc_converge.converge(service, hq, params(type="holidays", name="Office", new_name="Winter"))
    assert str(caught.value) == (
        "cannot rename holidays schedule 'Office' to 'Winter': a schedule called 'Winter' already exists in this "
        "location"
    )
    assert writes(sim) == []


def test_read_back_names_the_schedule_by_its_type_option(sim, service, hq, monkeypatch):
    create_schedule(sim, hq, kind="holidays", events=(API_SUNDAY,))
    monkeypatch.setattr(service, "update_event", lambda *args: None)
    with pytest.raises(ResourceError) as caught:
        sc_converge.converge(
            service,
            hq,
            params(type="holidays", name="Office", events=[dict(SNAKE_SUNDAY, end_date="2026-01-12")]),
        )
    assert str(caught.value).rsplit(" (trackingId ", 1)[0] == (
        "the service answered 2xx but did not apply events (Sunday) of holidays schedule 'Office'"
    )
