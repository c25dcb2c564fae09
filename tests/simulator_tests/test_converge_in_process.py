"""The resources' converge(), the export's read_back() and resolve_location() called in this process against the
simulator over HTTP: every path, check mode included, asserted on the simulator's request log.

The integration tests prove the same through ansible-playbook; these run in milliseconds and in-process, which is
what lets ``make mutation`` (mutmut) see which function each test reaches.
"""

import pytest
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import service as aa_service
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import read_attendants as read_back
from ansible_collections.wxc.calling.plugins.module_utils._location.service import (
    LocationNotFound,
    decode_webex_id,
    is_location_id,
    resolve_location,
)
from ansible_collections.wxc.calling.plugins.module_utils._schedule import compare as sc_compare
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as sc_converge
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import service as sc_service
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError, WebexClient

MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
API_MENU = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
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


def params_of(spec, **options):
    """Module params as AnsibleModule makes them: every option present, defaults filled in at every depth."""
    result = ArgumentSpecValidator(spec).validate(options)
    assert not result.error_messages, result.error_messages
    return result.validated_parameters


def aa_params(**options):
    return params_of(aa_options.argument_spec(), **dict({"location": "Headquarters"}, **options))


def full_aa(name="Reception", extension="2100", **options):
    return aa_params(
        name=name,
        extension=extension,
        business_schedule="AUTOATTENDANT-BUSINESS-HOURS",
        business_hours_menu=MENU,
        after_hours_menu=MENU,
        **options,
    )


@pytest.fixture(name="client")
def fixture_client(sim):
    return WebexClient(sim.url, sim.token, timeout=10, sleep=lambda seconds: None)


@pytest.fixture(name="hq")
def fixture_hq(sim):
    return sim.location_id("Headquarters")


def writes(sim):
    return [(entry["method"], entry["status"]) for entry in sim.writes()]


def create_aa(sim, hq, name="Reception", extension="2100", **fields):
    body = dict(
        {
            "name": name,
            "extension": extension,
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": API_MENU,
            "afterHoursMenu": API_MENU,
        },
        **fields,
    )
    response = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % hq, json=body)
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return response.json()["id"]


# -- auto attendants ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("check_mode", [True, False])
def test_attendant_create(sim, client, hq, check_mode):
    sim.clear_requests()
    plan, result = aa_converge.converge(aa_service.AutoAttendantService(client), hq, full_aa(), check_mode)
    assert plan.action == "create" and plan.changed
    assert plan.diff()["before"] == {} and plan.diff()["after"]["name"] == "Reception"
    assert result["locationId"] == hq and "locationName" not in result
    if check_mode:
        assert writes(sim) == [] and result["id"] is None and result["extension"] == "2100"
    else:
        assert writes(sim) == [("POST", 201)]
        assert result["id"] and result["extension"] == "2100" and result["nameDialing"] == "ENTERPRISE"


@pytest.mark.parametrize("check_mode", [True, False])
def test_attendant_update_and_nothing(sim, client, hq, check_mode):
    auto_attendant_id = create_aa(sim, hq)
    service = aa_service.AutoAttendantService(client)
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception", name_dialing="GROUP"), check_mode)
    assert plan.action == "update" and plan.body == {"nameDialing": "GROUP"}
    assert plan.diff() == {
        "before": {"name": "Reception", "name_dialing": "ENTERPRISE"},
        "after": {"name": "Reception", "name_dialing": "GROUP"},
    }
    assert result["id"] == auto_attendant_id and result["nameDialing"] == "GROUP" and result["locationId"] == hq
    assert writes(sim) == ([] if check_mode else [("PUT", 200)])
    sim.clear_requests()
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception"), check_mode)
    assert plan.action == "nothing" and not plan.changed and result["id"] == auto_attendant_id
    assert plan.diff()["before"] == plan.diff()["after"] == {"name": "Reception"}
    assert writes(sim) == []


@pytest.mark.parametrize("check_mode", [True, False])
@pytest.mark.parametrize("diff", [True, False])
def test_attendant_delete(sim, client, hq, check_mode, diff):
    auto_attendant_id = create_aa(sim, hq)
    service = aa_service.AutoAttendantService(client)
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception", state="absent"), check_mode, diff)
    assert plan.action == "delete" and result is None
    assert plan.diff()["after"] == {} and plan.diff()["before"]["name"] == "Reception"
    # Details are read only when the diff shows them.
    assert ("extension" in plan.diff()["before"]) is diff
    details_reads = [e for e in sim.requests() if e["method"] == "GET" and e["path"].endswith(auto_attendant_id)]
    assert len(details_reads) == (1 if diff else 0)
    assert writes(sim) == ([] if check_mode else [("DELETE", 204)])
    sim.clear_requests()
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception", state="absent"), check_mode, diff)
    assert plan.action == ("delete" if check_mode else "nothing") and result is None


def test_attendant_absent_and_missing_is_nothing(sim, client, hq):
    sim.clear_requests()
    plan, result = aa_converge.converge(
        aa_service.AutoAttendantService(client), hq, aa_params(name="Ghost", state="absent"), False, True
    )
    assert plan.action == "nothing" and result is None and plan.diff() == {"before": {}, "after": {}}
    assert writes(sim) == []


def test_attendant_create_without_the_options_it_needs(sim, client, hq):
    sim.clear_requests()
    with pytest.raises(ResourceError) as caught:
        aa_converge.converge(aa_service.AutoAttendantService(client), hq, aa_params(name="New", extension="2101"))
    assert str(caught.value) == (
        "auto attendant 'New' does not exist in this location, and creating it needs "
        "business_schedule, business_hours_menu, after_hours_menu"
    )
    assert writes(sim) == []


def _deleting_update(sim, hq, service):
    original = service.update

    def update(location_id, auto_attendant_id, body):
        sim.api("DELETE", "/telephony/config/locations/%s/autoAttendants/%s" % (hq, auto_attendant_id))
        return original(location_id, auto_attendant_id, body)

    service.update = update


def test_attendant_deleted_between_lookup_and_update_is_created_again(sim, client, hq):
    old_id = create_aa(sim, hq)
    service = aa_service.AutoAttendantService(client)
    _deleting_update(sim, hq, service)
    plan, result = aa_converge.converge(service, hq, full_aa(name_dialing="GROUP"))
    assert plan.action == "create" and plan.before["nameDialing"] == "ENTERPRISE"
    assert result["id"] != old_id and result["nameDialing"] == "GROUP" and result["locationId"] == hq
    assert writes(sim) == [("DELETE", 204), ("PUT", 404), ("POST", 201)]


def test_attendant_deleted_between_lookup_and_update_without_create_options(sim, client, hq):
    create_aa(sim, hq)
    service = aa_service.AutoAttendantService(client)
    _deleting_update(sim, hq, service)
    with pytest.raises(ResourceError) as caught:
        aa_converge.converge(service, hq, aa_params(name="Reception", name_dialing="GROUP"))
    assert str(caught.value) == (
        "auto attendant 'Reception' was deleted by someone else while it was being updated; "
        "creating it again needs business_schedule, business_hours_menu, after_hours_menu, "
        "phone_number or extension"
    )


def test_attendant_update_failure_other_than_404_is_raised(sim, client, hq):
    create_aa(sim, hq)
    sim.fault(method="PUT", path="/autoAttendants/", status=400)
    with pytest.raises(WebexApiError) as caught:
        aa_converge.converge(
            aa_service.AutoAttendantService(client), hq, aa_params(name="Reception", name_dialing="GROUP")
        )
    assert caught.value.status == 400


def test_attendant_write_that_does_not_take_is_reported(sim, client, hq, monkeypatch):
    create_aa(sim, hq)
    service = aa_service.AutoAttendantService(client)
    monkeypatch.setattr(service, "update", lambda location_id, auto_attendant_id, body: None)  # accepted, not applied
    with pytest.raises(WriteNotApplied) as caught:
        aa_converge.converge(service, hq, aa_params(name="Reception", name_dialing="GROUP"))
    assert caught.value.fields == ["name_dialing"] and caught.value.changed


def test_attendant_service_list_find_and_duplicates(sim, client, hq):
    annex = sim.location_id("Headquarters Annex")
    first = create_aa(sim, hq, "Main")
    create_aa(sim, hq, "Main Line", "2101")
    in_annex = create_aa(sim, annex, "Main")
    service = aa_service.AutoAttendantService(client)
    assert service.find(hq, "Main")["id"] == first
    assert service.find(hq, "main") is None
    assert sorted(item["id"] for item in service.list(name="Main")) == sorted([first, in_annex])
    assert [item["name"] for item in service.list(hq)] == ["Main", "Main Line"]
    assert len(service.list()) == 3
    lists = [e["query"] for e in sim.requests() if e["path"].endswith("/autoAttendants")]
    assert lists[0] == {"locationId": hq, "name": "Main", "max": "1000"}
    assert lists[2] == {"name": "Main"}
    client.get_all = lambda path, item_key, params=None: [{"id": "a", "name": "Main"}, {"id": "b", "name": "Main"}]
    with pytest.raises(ResourceError) as caught:
        service.find(hq, "Main")
    assert (
        str(caught.value)
        == "2 auto attendants are called 'Main' in this location (ids: a, b); remove the duplicates first"
    )


# -- schedules -----------------------------------------------------------------------------------------------------


def schedule_params(**options):
    return params_of(
        sc_options.argument_spec(), **dict({"location": "Headquarters", "type": "business_hours"}, **options)
    )


def create_schedule(sim, hq, name="Office", kind="businessHours", events=(API_SATURDAY,)):
    response = sim.api(
        "POST",
        "/telephony/config/locations/%s/schedules" % hq,
        json={"type": kind, "name": name, "events": list(events)},
    )
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return response.json()["id"]


@pytest.mark.parametrize("check_mode", [True, False])
def test_schedule_create(sim, client, hq, check_mode):
    sim.clear_requests()
    plan, result = sc_converge.converge(
        sc_service.ScheduleService(client), hq, schedule_params(name="Office", events=[SATURDAY]), check_mode
    )
    assert plan.action == "create" and plan.body["type"] == "businessHours" and plan.body["name"] == "Office"
    assert plan.diff()["before"] == {} and plan.diff()["after"]["events"][0]["name"] == "Saturday"
    assert result["locationId"] == hq and result["name"] == "Office"
    if check_mode:
        assert writes(sim) == [] and result["id"] is None and result["events"][0]["id"] is None
    else:
        assert writes(sim) == [("POST", 201)] and result["id"] and result["events"][0]["id"]


@pytest.mark.parametrize("check_mode", [True, False])
def test_schedule_events_and_rename(sim, client, hq, check_mode):
    old_id = create_schedule(sim, hq, events=(API_SATURDAY, API_SUNDAY))
    late = dict(SATURDAY, name="Late", start_time="17:00", end_time="20:00")
    changed = dict(SATURDAY, end_time="13:00")
    plan, result = sc_converge.converge(
        sc_service.ScheduleService(client),
        hq,
        schedule_params(name="Office", new_name="Winter", events=[changed, late]),
        check_mode,
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


@pytest.mark.parametrize("check_mode", [True, False])
def test_schedule_update_without_rename_keeps_the_id(sim, client, hq, check_mode):
    schedule_id = create_schedule(sim, hq)
    plan, result = sc_converge.converge(
        sc_service.ScheduleService(client),
        hq,
        schedule_params(name="Office", events=[dict(SATURDAY, end_time="13:00")]),
        check_mode,
    )
    assert plan.action == "update" and plan.rename is None and result["id"] == schedule_id
    assert writes(sim) == ([] if check_mode else [("PUT", 200)])


def test_schedule_nothing_and_rename_done(sim, client, hq):
    schedule_id = create_schedule(sim, hq, name="Winter")
    service = sc_service.ScheduleService(client)
    for options in (
        dict(name="Winter"),
        dict(name="Winter", events=[SATURDAY]),
        dict(name="Office", new_name="Winter"),
    ):
        plan, result = sc_converge.converge(service, hq, schedule_params(**options))
        assert plan.action == "nothing" and result["id"] == schedule_id and result["locationId"] == hq, options
    assert writes(sim) == []


def test_schedule_absent(sim, client, hq):
    create_schedule(sim, hq)
    service = sc_service.ScheduleService(client)
    plan, result = sc_converge.converge(service, hq, schedule_params(name="Office", state="absent"), True)
    assert plan.action == "delete" and result is None and writes(sim) == []
    assert plan.diff()["before"]["name"] == "Office" and plan.diff()["after"] == {}
    plan, result = sc_converge.converge(service, hq, schedule_params(name="Office", state="absent"))
    assert plan.action == "delete" and writes(sim) == [("DELETE", 204)]
    plan, result = sc_converge.converge(service, hq, schedule_params(name="Office", state="absent"))
    assert plan.action == "nothing" and result is None


def test_schedule_in_use_is_not_deleted(sim, client, hq):
    create_schedule(sim, hq, name="Office")
    create_aa(sim, hq, "Front", "2201", businessSchedule="Office")
    create_aa(sim, hq, "Back", "2202", businessSchedule="Office")
    create_aa(sim, hq, "Other", "2203")
    with pytest.raises(ResourceError) as caught:
        sc_converge.converge(
            sc_service.ScheduleService(client), hq, schedule_params(name="Office", state="absent"), True
        )
    assert str(caught.value) == (
        "business_hours schedule 'Office' is used by auto attendant(s) 'Back', 'Front'; point "
        "them at another schedule first"
    )
    assert writes(sim) == []
    attendants = aa_service.AutoAttendantService(client)
    assert attendants.using_schedule(hq, "businessHours", "Office") == ["Front", "Back"]
    assert attendants.using_schedule(hq, "holidays", "Office") == []


def test_schedule_rename_onto_a_taken_name(sim, client, hq):
    create_schedule(sim, hq, name="Office")
    create_schedule(sim, hq, name="Winter")
    with pytest.raises(ResourceError) as caught:
        sc_converge.converge(sc_service.ScheduleService(client), hq, schedule_params(name="Office", new_name="Winter"))
    assert str(caught.value) == (
        "cannot rename business_hours schedule 'Office' to 'Winter': a schedule called "
        "'Winter' already exists in this location"
    )


def test_schedule_service_rename_without_an_id_in_the_answer(sim, client, hq, monkeypatch):
    create_schedule(sim, hq, name="Office")
    service = sc_service.ScheduleService(client)
    original = client.put
    monkeypatch.setattr(client, "put", lambda path, json: original(path, json=json) and {})
    new_id = service.rename(hq, "businessHours", service.find(hq, "businessHours", "Office")["id"], "Winter")
    assert new_id == service.find(hq, "businessHours", "Winter")["id"]
    monkeypatch.setattr(service, "find", lambda location_id, schedule_type, name: None)
    with pytest.raises(ResourceError) as caught:
        service.rename(hq, "businessHours", new_id, "Summer")
    assert str(caught.value) == "schedule renamed to 'Summer' but not found under that name" and caught.value.changed


def test_schedule_service_find_type_and_duplicates(sim, client, hq):
    business = create_schedule(sim, hq, name="Office")
    holidays = create_schedule(sim, hq, name="Office", kind="holidays", events=())
    create_schedule(sim, hq, name="Office Hours")
    service = sc_service.ScheduleService(client)
    assert service.find(hq, "businessHours", "Office")["id"] == business
    assert service.find(hq, "holidays", "Office")["id"] == holidays
    assert service.find(hq, "businessHours", "office") is None
    monkeypatch_items = [{"id": "a", "name": "Office"}, {"id": "b", "name": "Office"}]
    client.get_all = lambda path, item_key, params=None: monkeypatch_items
    with pytest.raises(ResourceError) as caught:
        service.find(hq, "businessHours", "Office")
    assert str(caught.value) == (
        "2 business_hours schedules are called 'Office' in this location (ids: a, b); remove the duplicates first"
    )


def test_schedule_event_service_calls(sim, client, hq):
    schedule_id = create_schedule(sim, hq, events=(API_SATURDAY, API_SUNDAY))
    service = sc_service.ScheduleService(client)
    events = {e["name"]: e["id"] for e in service.details(hq, "businessHours", schedule_id)["events"]}
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


def test_schedule_write_that_does_not_take_is_reported(sim, client, hq, monkeypatch):
    schedule_id = create_schedule(sim, hq)
    service = sc_service.ScheduleService(client)
    monkeypatch.setattr(service, "update_event", lambda *args: None)
    with pytest.raises(WriteNotApplied) as caught:
        sc_converge.converge(service, hq, schedule_params(name="Office", events=[dict(SATURDAY, end_time="13:00")]))
    assert caught.value.fields and caught.value.changed
    assert schedule_id in service.find(hq, "businessHours", "Office")["id"]


# -- the export's read-back and locations ---------------------------------------------------------------------------


def test_read_back_lists_details_and_export_options(sim, client, hq):
    annex = sim.location_id("Headquarters Annex")
    create_aa(sim, hq, "Reception", "2100")
    create_aa(sim, annex, "Reception", "2100")
    create_aa(sim, hq, "Main", "2101")
    warnings = []
    attendants, export = read_back(client, "Headquarters", "Reception", warn=warnings.append)
    assert [a["name"] for a in attendants] == ["Reception"] and attendants[0]["location_id"] == hq
    assert export[0]["location"] == "Headquarters" and export[0]["name"] == "Reception" and warnings == []
    attendants, export = read_back(client, hq, export_location="id")
    assert sorted(a["name"] for a in attendants) == ["Main", "Reception"]
    assert {options["location"] for options in export} == {hq}
    attendants, export = read_back(client)
    assert len(attendants) == 3
    assert sorted(options["location"] for options in export) == ["Headquarters", "Headquarters", "Headquarters Annex"]


def test_read_back_gives_an_ambiguous_location_by_id_with_a_warning(sim, client):
    twin = sim.add_location("Twin")
    sim.add_location("Twin")
    create_aa(sim, twin, "Desk", "2100")
    warnings = []
    attendants, export = read_back(client, twin, warn=warnings.append)
    assert len(attendants) == 1 and export[0]["location"] == twin
    assert len(warnings) == 1 and warnings[0].startswith(
        "the export gives location 'Twin' by its id: 2 locations are called 'Twin' in the organization (ids: %s, "
        % twin
    )


def test_resolve_location(sim, client, hq):
    sim.add_location("Depot Annex")
    depot = sim.add_location("Depot")
    sim.add_location("DEPOT", first=True)
    sim.clear_requests()
    assert resolve_location(client, hq) == (hq, None)
    assert sim.requests() == []  # an id costs no call
    assert resolve_location(client, "Depot") == (depot, "Depot")
    with pytest.raises(LocationNotFound) as caught:
        resolve_location(client, "depot")
    assert str(caught.value) == (
        "location 'depot' not found: no location has exactly that name (give its exact name or id)"
    )
    sim.add_location("Depot")
    with pytest.raises(LocationNotFound) as caught:
        resolve_location(client, "Depot")
    assert str(caught.value).startswith("2 locations are called 'Depot' in the organization (ids: %s, " % depot)
    assert str(caught.value).endswith("); give the id instead")


@pytest.mark.parametrize(
    "value, uri",
    [
        ("Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FiYw", "ciscospark://us/LOCATION/abc"),
        ("Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FiYw==", "ciscospark://us/LOCATION/abc"),
        ("Headquarters", None),
        ("aGVsbG8", None),
        ("!!", None),
        ("", None),
        ("/w==", None),
    ],
)
def test_decode_webex_id(value, uri):
    assert decode_webex_id(value) == uri
    assert is_location_id(value) is (uri is not None)


def test_an_id_of_another_kind_is_not_a_location_id():
    assert decode_webex_id("Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFL2FiYw") == "ciscospark://us/SCHEDULE/abc"
    assert is_location_id("Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFL2FiYw") is False
