"""webex_auto_attendant's converge(), its pre-flight checks, its service calls and its references by name, called in
this process against the simulator over HTTP, asserted on the exact plan, result, messages and request log: create,
update, nothing and delete with check mode and diff, what the pre-flight refuses before a write (and only warns in
check mode), the service's lookups, an attendant deleted or changed by someone else meanwhile, writes the service
does not apply, and run() as the module calls it (the documentation example at the call floor, a location by id, check
mode and diff, a rate-limited create, a later page, an error of the service). The export is in test_export.py.
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as attendant_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import resolve as aa_resolve
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import service as aa_service
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError
from tests.builders import ANNEX, BUSINESS, HOLIDAYS, HQ, aa_doc_example, aa_options, aa_reception, api_menu, key, menu
from tests.component.helpers import Module, aa_path, create_aa, params_of, writes


def aa_params(**options):
    """Module params as AnsibleModule makes them: every option present, defaults filled in at every depth."""
    return params_of(attendant_options.argument_spec(), **dict({"location": HQ}, **options))


def full_aa(name="Reception", extension="2100", **options):
    """The params of an attendant that can be created (builders.aa_options)."""
    return aa_params(**aa_options(name, extension, **options))


def service_of(client):
    return aa_service.AutoAttendantService(client)


@pytest.fixture(name="service")
def fixture_service(client):
    return service_of(client)


def calls(sim, **names):
    """(method, path, query) of every request since the log was last cleared; the path after /v1/telephony/config
    (or /v1), with each id given in NAMES written as its name (calls(sim, HQ=hq): .../locations/HQ/...)."""
    result = []
    for entry in sim.requests():
        path = entry["path"].split("/v1", 1)[-1]
        path = path.split("/telephony/config", 1)[-1]
        query = dict(entry["query"])
        for name, value in names.items():
            path = path.replace(value, name)
            query = {field: name if item == value else item for field, item in query.items()}
        result.append((entry["method"], path, query))
    return result


# -- create, update, nothing, delete: the exact plan, result and requests ------------------------------------------


@pytest.mark.parametrize("check_mode", [True, False])
def test_create_plan_result_and_requests(sim, service, hq, check_mode):
    sim.clear_requests()
    params = full_aa(phone_number="+19705550001", holiday_schedule=HOLIDAYS)
    plan, result = aa_converge.converge(service, hq, params, check_mode)
    body = {
        "name": "Reception",
        "phoneNumber": "+19705550001",
        "extension": "2100",
        "businessSchedule": BUSINESS,
        "holidaySchedule": HOLIDAYS,
        "businessHoursMenu": api_menu(),
        "afterHoursMenu": api_menu(),
    }
    assert plan.action == "create" and plan.changed
    assert plan.body == body and plan.before == {} and plan.after == body
    assert plan.diff()["before"] == {} and plan.diff()["after"]["name"] == "Reception"
    lookups = [
        ("GET", "/autoAttendants", {"locationId": "HQ", "name": "Reception", "max": "1000"}),
        ("GET", "/locations/HQ/schedules", {"type": "businessHours", "name": BUSINESS}),
        ("GET", "/locations/HQ/schedules", {"type": "holidays", "name": HOLIDAYS}),
        ("GET", "/locations/HQ/autoAttendants/availableNumbers", {"phoneNumber": "+19705550001"}),
    ]
    if check_mode:
        assert calls(sim, HQ=hq) == lookups
        assert result == dict(body, id=None, locationId=hq)
    else:
        new_id = service.find(hq, "Reception")["id"]
        assert calls(sim, HQ=hq, AA=new_id)[:-1] == lookups + [
            ("POST", "/locations/HQ/autoAttendants", {}),
            ("GET", "/locations/HQ/autoAttendants/AA", {}),
        ]
        assert writes(sim) == [("POST", 201)]
        assert result["id"] == new_id and result["extension"] == "2100" and result["nameDialing"] == "ENTERPRISE"
        assert result["locationId"] == hq and "locationName" not in result
        assert result["holidaySchedule"] == HOLIDAYS and result["phoneNumber"] == "+19705550001"


@pytest.mark.parametrize("check_mode", [True, False])
def test_update_then_nothing(sim, service, hq, check_mode):
    auto_attendant_id = create_aa(sim, hq)
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
def test_delete_reads_the_details_only_for_the_diff(sim, service, hq, check_mode, diff):
    auto_attendant_id = create_aa(sim, hq)
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception", state="absent"), check_mode, diff)
    assert plan.action == "delete" and result is None
    assert plan.diff()["after"] == {} and plan.diff()["before"]["name"] == "Reception"
    # Details are read only when the diff shows them; without, the diff shows the list item.
    assert ("extension" in plan.diff()["before"]) is diff
    if not diff:
        assert plan.before == {"name": "Reception"}
    details_reads = [e for e in sim.requests() if e["method"] == "GET" and e["path"].endswith(auto_attendant_id)]
    read_back = [] if check_mode else [404]  # the delete is read back: the read after it must find nothing
    assert [e["status"] for e in details_reads] == ([200] if diff else []) + read_back
    assert writes(sim) == ([] if check_mode else [("DELETE", 204)])
    sim.clear_requests()
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception", state="absent"), check_mode, diff)
    assert plan.action == ("delete" if check_mode else "nothing") and result is None


def test_absent_and_missing_is_nothing(sim, service, hq):
    sim.clear_requests()
    plan, result = aa_converge.converge(service, hq, aa_params(name="Ghost", state="absent"), False, True)
    assert plan.action == "nothing" and result is None and plan.diff() == {"before": {}, "after": {}}
    assert writes(sim) == []


def test_create_without_the_options_it_needs(sim, service, hq):
    sim.clear_requests()
    with pytest.raises(ResourceError) as caught:
        aa_converge.converge(service, hq, aa_params(name="New", extension="2101"))
    assert str(caught.value) == (
        "auto attendant 'New' does not exist in this location, and creating it needs "
        "business_schedule, business_hours_menu, after_hours_menu"
    )
    assert writes(sim) == []


# -- the pre-flight: what a write refers to must exist, checked before any write ------------------------------------


def audio(file_name, level, media_file_type="WAV"):
    return {"file_name": file_name, "media_file_type": media_file_type, "level": level}


def custom_menu(greeting_file, key_file, treatment_file):
    return {
        "greeting": "CUSTOM",
        "extension_enabled": True,
        "audio_announcement_file": greeting_file,
        "key_configurations": [
            {"key": "0", "action": "EXIT"},
            {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": key_file},
        ],
        "call_treatment": {
            "action_to_be_performed": {
                "action": "PLAY_MESSAGE_AND_DISCONNECT",
                "greeting": "CUSTOM",
                "audio_announcement_file": treatment_file,
            }
        },
    }


def missing_references():
    """Options whose schedules, audio files and numbers are none of Headquarters' (the messages: MISSING)."""
    return full_aa(
        phone_number="+19705550099",
        business_schedule="Summer",
        holiday_schedule="Closures",
        alternate_numbers=[
            {"phone_number": "+19705550002", "ring_pattern": "NORMAL"},
            {"phone_number": "+14085550100", "ring_pattern": "LONG_LONG"},
        ],
        # come.wav is part of welcome.wav's name (the list filter only "contains"); hq-after-hours.wav is a LOCATION
        # file, not an organisation one; closed.wma is not a WAV file; no attendant owns an ENTITY file before it exists.
        business_hours_menu=custom_menu(
            audio("come.wav", "ORGANIZATION"), audio("hq-after-hours.wav", "ORGANIZATION"), audio("own.wav", "ENTITY")
        ),
        after_hours_menu=custom_menu(
            audio("welcome.wav", "LOCATION"),
            audio("closed.wma", "ORGANIZATION"),
            audio("hq-after-hours.wav", "LOCATION"),
        ),
    )


MISSING = [
    "business_schedule: 'Summer' is not a businessHours schedule of this location",
    "holiday_schedule: 'Closures' is not a holidays schedule of this location",
    "business_hours_menu.audio_announcement_file: no organization audio file 'come.wav'",
    "business_hours_menu.key_configurations (key 1).audio_announcement_file: no organization audio file "
    "'hq-after-hours.wav'",
    "business_hours_menu.call_treatment.action_to_be_performed.audio_announcement_file: no entity audio file "
    "'own.wav' at the attendant's own level",
    "after_hours_menu.audio_announcement_file: no location audio file 'welcome.wav'",
    "after_hours_menu.key_configurations (key 1).audio_announcement_file: no organization audio file 'closed.wma'",
    "phone_number: +19705550099 is not a free number of this location",
    "alternate_numbers: +14085550100 is not a free number of this location",
]


def test_preflight_refuses_a_create_naming_every_missing_reference(sim, service, hq):
    sim.clear_requests()
    with pytest.raises(ResourceError) as caught:
        aa_converge.converge(service, hq, missing_references())
    assert str(caught.value) == "auto attendant 'Reception': nothing was written, " + "; ".join(MISSING)
    assert writes(sim) == []
    assert calls(sim, HQ=hq)[1:] == [
        ("GET", "/locations/HQ/schedules", {"type": "businessHours", "name": "Summer"}),
        ("GET", "/locations/HQ/schedules", {"type": "holidays", "name": "Closures"}),
        ("GET", "/announcements", {"fileName": "come.wav"}),
        ("GET", "/announcements", {"fileName": "hq-after-hours.wav"}),
        ("GET", "/announcements", {"fileName": "welcome.wav", "locationId": "HQ"}),
        ("GET", "/announcements", {"fileName": "closed.wma"}),
        ("GET", "/announcements", {"fileName": "hq-after-hours.wav", "locationId": "HQ"}),
        ("GET", "/locations/HQ/autoAttendants/availableNumbers", {"phoneNumber": "+19705550099"}),
        ("GET", "/locations/HQ/autoAttendants/alternate/availableNumbers", {"phoneNumber": "+19705550002"}),
        ("GET", "/locations/HQ/autoAttendants/alternate/availableNumbers", {"phoneNumber": "+14085550100"}),
    ]


def test_preflight_in_check_mode_warns_and_plans_the_create(sim, service, hq):
    sim.clear_requests()
    warnings = []
    plan, result = aa_converge.converge(service, hq, missing_references(), True, warn=warnings.append)
    assert warnings == ["%s (the real run fails unless it is created first)" % problem for problem in MISSING]
    assert plan.action == "create" and result["id"] is None and result["businessSchedule"] == "Summer"
    assert writes(sim) == []


def test_preflight_finds_every_kind_of_audio_file_and_the_create_succeeds(sim, service, hq):
    custom = custom_menu(
        audio("welcome.wav", "ORGANIZATION"),
        audio("hq-after-hours.wav", "LOCATION"),
        {"file_name": "closed.wma", "level": "ORGANIZATION", "media_file_type": "WMA"},
    )
    by_id = menu(
        audio_announcement_file={
            "id": "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw"
        },
    )
    sim.clear_requests()
    plan, result = aa_converge.converge(service, hq, full_aa(business_hours_menu=custom, after_hours_menu=by_id))
    assert plan.action == "create" and writes(sim) == [("POST", 201)]
    assert [query for method, path, query in calls(sim, HQ=hq) if path == "/announcements"] == [
        {"fileName": "welcome.wav"},
        {"fileName": "hq-after-hours.wav", "locationId": "HQ"},
        {"fileName": "closed.wma"},
    ]
    assert result["businessHoursMenu"]["audioAnnouncementFile"]["fileName"] == "welcome.wav"


def test_preflight_of_an_update_checks_only_what_the_update_sends(sim, service, hq):
    entity = {"id": "own-file", "fileName": "own.wav", "mediaFileType": "WAV", "level": "ENTITY"}
    ghost = {
        "id": "deleted-file",
        "fileName": "missing.wav",
        "mediaFileType": "WAV",
        "level": "ORGANIZATION",
    }  # stored as Control Hub may
    auto_attendant_id = sim.store_auto_attendant(
        hq,
        {
            "name": "Desk",
            "extension": "2300",
            "phoneNumber": "+19705550001",
            "alternateNumbers": [{"phoneNumber": "+19705550002", "ringPattern": "NORMAL"}],
            "businessSchedule": BUSINESS,
            "businessHoursMenu": api_menu(greeting="CUSTOM", audioAnnouncementFile=entity),
            "afterHoursMenu": api_menu(audioAnnouncementFile=ghost),
        },
    )
    own_menu = menu(greeting="CUSTOM", audio_announcement_file=audio("own.wav", "ENTITY"))
    options = dict(
        name="Desk",
        phone_number="+19705550001",
        business_schedule=BUSINESS,
        alternate_numbers=[
            {"phone_number": "+19705550002", "ring_pattern": "NORMAL"},
            {"phone_number": "+19705550003", "ring_pattern": "NORMAL"},
        ],
        business_hours_menu=dict(own_menu, extension_enabled=False),
        after_hours_menu=menu(audio_announcement_file=audio("missing.wav", "ORGANIZATION")),
    )
    sim.clear_requests()
    plan, result = aa_converge.converge(service, hq, aa_params(**options))
    # The attendant's own file is found among its announcements; the unchanged after-hours menu, phone number,
    # schedule and the alternate number it already has are not looked up.
    assert plan.action == "update" and sorted(plan.body) == ["alternateNumbers", "businessHoursMenu"]
    assert calls(sim, HQ=hq, AA=auto_attendant_id)[2:4] == [
        ("GET", "/locations/HQ/autoAttendants/AA/announcements", {}),
        ("GET", "/locations/HQ/autoAttendants/alternate/availableNumbers", {"phoneNumber": "+19705550003"}),
    ]
    assert writes(sim) == [("PUT", 200)]
    assert result["businessHoursMenu"]["extensionEnabled"] is False
    assert result["businessHoursMenu"]["audioAnnouncementFile"]["fileName"] == "own.wav"
    assert [entry["phoneNumber"] for entry in result["alternateNumbers"]] == ["+19705550002", "+19705550003"]


def test_preflight_of_an_update_refuses_a_number_another_attendant_uses(sim, service, hq):
    create_aa(sim, hq, "Other", "2200", phoneNumber="+19705550005")
    create_aa(sim, hq, "Desk", "2300")
    with pytest.raises(ResourceError) as caught:
        aa_converge.converge(service, hq, aa_params(name="Desk", phone_number="+19705550005"))
    assert str(caught.value) == (
        "auto attendant 'Desk': nothing was written, phone_number: +19705550005 is not a free number of this location"
    )
    assert writes(sim) == []


# -- the details read between the lookup and the plan ----------------------------------------------------------------


def test_attendant_deleted_before_its_details_are_read_is_absent(sim, service, hq):
    auto_attendant_id = create_aa(sim, hq)
    sim.fault(method="GET", path="/autoAttendants/%s$" % auto_attendant_id, status=404, count=2)
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception", state="absent"), False, True)
    assert plan.action == "nothing" and result is None and plan.diff() == {"before": {}, "after": {}}
    plan, result = aa_converge.converge(service, hq, full_aa(), True)
    assert plan.action == "create" and result["id"] is None and result["locationId"] == hq
    assert writes(sim) == []


def test_details_failure_other_than_404_is_raised(sim, service, hq):
    auto_attendant_id = create_aa(sim, hq)
    sim.fault(method="GET", path="/autoAttendants/%s$" % auto_attendant_id, status=403)
    with pytest.raises(WebexApiError) as caught:
        aa_converge.converge(service, hq, aa_params(name="Reception"))
    assert caught.value.status == 403
    assert writes(sim) == []


# -- warnings --------------------------------------------------------------------------------------------------------


OPERATOR_MENU = api_menu(key(0, "TRANSFER_TO_OPERATOR", value="2100"))


def test_an_operator_key_with_a_value_is_warned_about_and_left_alone(sim, service, hq):
    auto_attendant_id = sim.store_auto_attendant(
        hq,
        {
            "name": "Desk",
            "extension": "2300",
            "businessSchedule": BUSINESS,
            "businessHoursMenu": OPERATOR_MENU,
            "afterHoursMenu": OPERATOR_MENU,
        },
    )
    warnings = []
    operator = menu(key(0, "TRANSFER_TO_OPERATOR"))
    plan, result = aa_converge.converge(
        service, hq, aa_params(name="Desk", business_hours_menu=operator), warn=warnings.append
    )
    assert warnings == [
        "auto attendant 'Desk': %s key 0 is TRANSFER_TO_OPERATOR with value '2100' as stored by the service; the "
        "value is left out (the API refuses one, error 4806)" % option
        for option in ("business_hours_menu", "after_hours_menu")
    ]
    assert plan.action == "nothing" and result["id"] == auto_attendant_id and writes(sim) == []
    warnings.clear()
    plan, result = aa_converge.converge(
        service, hq, aa_params(name="Desk", state="absent"), True, True, warn=warnings.append
    )
    assert plan.action == "delete" and warnings == []
    # Without a warn callable, the warnings go nowhere.
    plan, result = aa_converge.converge(service, hq, aa_params(name="Desk", business_hours_menu=operator))
    assert plan.action == "nothing"


def _deleting_update(sim, hq, service):
    """Someone else deletes the attendant just before the update is sent."""
    original = service.update

    def update(location_id, auto_attendant_id, body):
        sim.api("DELETE", aa_path(hq, auto_attendant_id))
        return original(location_id, auto_attendant_id, body)

    service.update = update


def test_attendant_deleted_during_the_update_is_created_again_with_the_whole_body(sim, service, hq):
    old_id = create_aa(sim, hq)
    _deleting_update(sim, hq, service)
    plan, result = aa_converge.converge(service, hq, full_aa(name_dialing="GROUP"))
    desired = {
        "name": "Reception",
        "extension": "2100",
        "businessSchedule": BUSINESS,
        "nameDialing": "GROUP",
        "businessHoursMenu": api_menu(),
        "afterHoursMenu": api_menu(),
    }
    assert plan.action == "create" and plan.body == desired and plan.after == desired
    assert plan.before == dict(desired, nameDialing="ENTERPRISE")
    new_id = service.find(hq, "Reception")["id"]
    assert new_id != old_id and result["id"] == new_id and result["nameDialing"] == "GROUP"
    assert result["locationId"] == hq
    assert writes(sim) == [("DELETE", 204), ("PUT", 404), ("POST", 201)]


def test_attendant_deleted_during_the_update_without_the_options_to_create_it(sim, service, hq):
    create_aa(sim, hq)
    _deleting_update(sim, hq, service)
    with pytest.raises(ResourceError) as caught:
        aa_converge.converge(service, hq, aa_params(name="Reception", name_dialing="GROUP"))
    assert str(caught.value) == (
        "auto attendant 'Reception' was deleted by someone else while it was being updated; "
        "creating it again needs business_schedule, business_hours_menu, after_hours_menu, "
        "phone_number or extension"
    )


def test_update_failure_other_than_404_is_raised(sim, service, hq):
    create_aa(sim, hq)
    sim.fault(method="PUT", path="/autoAttendants/", status=400)
    with pytest.raises(WebexApiError) as caught:
        aa_converge.converge(service, hq, aa_params(name="Reception", name_dialing="GROUP"))
    assert caught.value.status == 400


# -- the service's lookups -------------------------------------------------------------------------------------------


def test_service_list_find_and_duplicates(sim, client, service, hq):
    annex = sim.location_id(ANNEX)
    first = create_aa(sim, hq, "Main")
    create_aa(sim, hq, "Main Line", "2101")
    in_annex = create_aa(sim, annex, "Main")
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


def test_audio_file_exists_by_name_type_and_level(sim, service, hq):
    annex = sim.location_id(ANNEX)
    stored = sim.store_auto_attendant(
        hq,
        {
            "name": "Desk",
            "businessHoursMenu": api_menu(
                audioAnnouncementFile={"id": "own", "fileName": "own.wav", "mediaFileType": "WAV", "level": "ENTITY"},
            ),
        },
    )
    created = create_aa(sim, hq)
    sim.clear_requests()
    assert aa_converge.audio_file_exists(service, hq, {"file_name": "own.wav", "level": "ENTITY"}) is False
    assert sim.requests() == []  # an attendant that does not exist yet owns no file: nothing to ask
    cases = [
        (hq, {"file_name": "own.wav", "level": "ENTITY"}, stored, True),
        (hq, {"file_name": "own.wav", "media_file_type": "WAV", "level": "ENTITY"}, stored, True),
        (hq, {"file_name": "own.wav", "media_file_type": "WMA", "level": "ENTITY"}, stored, False),
        (hq, {"file_name": "own", "level": "ENTITY"}, stored, False),
        (hq, {"file_name": "own.wav", "level": "ENTITY"}, created, False),
        (hq, {"file_name": "welcome.wav", "level": "ORGANIZATION"}, None, True),
        (hq, {"file_name": "welcome.wav", "media_file_type": "WAV", "level": "ORGANIZATION"}, None, True),
        (hq, {"file_name": "welcome.wav", "media_file_type": "WMA", "level": "ORGANIZATION"}, None, False),
        (hq, {"file_name": "WELCOME.WAV", "level": "ORGANIZATION"}, None, False),
        (hq, {"file_name": "hq-after-hours.wav", "level": "LOCATION"}, None, True),
        (annex, {"file_name": "hq-after-hours.wav", "level": "LOCATION"}, None, False),
        (hq, {"file_name": "hq-after-hours.wav", "level": "ORGANIZATION"}, None, False),
    ]
    assert [
        aa_converge.audio_file_exists(service, where, wanted, owner) for where, wanted, owner, _expected in cases
    ] == [expected for _where, _wanted, _owner, expected in cases]
    assert [
        (path, query) for method, path, query in calls(sim, HQ=hq, ANNEX=annex, STORED=stored, CREATED=created)
    ] == [("/locations/HQ/autoAttendants/STORED/announcements", {})] * 4 + [
        ("/locations/HQ/autoAttendants/CREATED/announcements", {}),
        ("/announcements", {"fileName": "welcome.wav"}),
        ("/announcements", {"fileName": "welcome.wav"}),
        ("/announcements", {"fileName": "welcome.wav"}),
        ("/announcements", {"fileName": "WELCOME.WAV"}),
        ("/announcements", {"fileName": "hq-after-hours.wav", "locationId": "HQ"}),
        ("/announcements", {"fileName": "hq-after-hours.wav", "locationId": "ANNEX"}),
        ("/announcements", {"fileName": "hq-after-hours.wav"}),
    ]


def test_number_available_primary_and_alternate(sim, service, hq):
    create_aa(sim, hq, "Other", "2200", phoneNumber="+19705550005")
    assert service.number_available(hq, "+19705550003") is True
    assert service.number_available(hq, "+19705550003", alternate=True) is True
    assert service.number_available(hq, "+19705550005") is False  # another attendant's
    assert service.number_available(hq, "+19705550005", True) is False
    assert service.number_available(hq, "+14085550100") is False  # the annex's
    assert service.number_available(hq, "+1970555000") is False  # part of a number is no number
    assert [(path, query) for method, path, query in calls(sim, HQ=hq)] == [
        ("/locations/HQ/autoAttendants/availableNumbers", {"phoneNumber": "+19705550003"}),
        ("/locations/HQ/autoAttendants/alternate/availableNumbers", {"phoneNumber": "+19705550003"}),
        ("/locations/HQ/autoAttendants/availableNumbers", {"phoneNumber": "+19705550005"}),
        ("/locations/HQ/autoAttendants/alternate/availableNumbers", {"phoneNumber": "+19705550005"}),
        ("/locations/HQ/autoAttendants/availableNumbers", {"phoneNumber": "+14085550100"}),
        ("/locations/HQ/autoAttendants/availableNumbers", {"phoneNumber": "+1970555000"}),
    ]


def test_schedule_found_by_exact_name_and_type(sim, service, hq):
    sim.clear_requests()
    schedules = ScheduleService(service.client)
    assert schedules.find(hq, "businessHours", BUSINESS)["name"] == BUSINESS
    assert schedules.find(hq, "holidays", HOLIDAYS)["name"] == HOLIDAYS
    assert schedules.find(hq, "holidays", BUSINESS) is None
    assert schedules.find(hq, "businessHours", "AUTOATTENDANT-BUSINESS") is None
    assert schedules.find(hq, "businessHours", BUSINESS.lower()) is None
    assert [query for method, path, query in calls(sim)][:2] == [
        {"type": "businessHours", "name": BUSINESS},
        {"type": "holidays", "name": HOLIDAYS},
    ]


# -- references by name ----------------------------------------------------------------------------------------------


def referring(**key_options):
    transfer = key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Target", **key_options)
    return full_aa(name="Front", extension="2200", business_hours_menu=menu(transfer))


def test_resolve_references_to_the_number_of_the_target(sim, service, hq):
    create_aa(sim, hq, "Target", "2400")
    params = referring()
    resolved = aa_resolve.resolve_references(service, hq, params)
    assert resolved["business_hours_menu"]["key_configurations"][0]["value"] == "2400"
    assert "auto_attendant" not in resolved["business_hours_menu"]["key_configurations"][0]
    assert params["business_hours_menu"]["key_configurations"][0]["auto_attendant"] == "Target"  # not modified
    assert calls(sim) == [("GET", "/autoAttendants", {"name": "Target", "max": "1000"})]


def test_resolve_references_of_a_missing_target(sim, service, hq):
    sim.clear_requests()
    with pytest.raises(ResourceError) as caught:
        aa_resolve.resolve_references(service, hq, referring())
    message = "business_hours_menu.key_configurations (key 1).auto_attendant: 'Target': no auto attendant 'Target' in "
    assert str(caught.value) == message + "location Headquarters"
    warnings = []
    resolved = aa_resolve.resolve_references(service, hq, referring(), check_mode=True, warn=warnings.append)
    assert resolved["business_hours_menu"]["key_configurations"][0]["value"] == "<auto attendant Target>"
    assert warnings == [message + "location Headquarters; the real run fails unless it is created first"]
    warnings.clear()
    aa_resolve.resolve_references(
        service, hq, referring(), True, declared={("Headquarters", "Target")}, warn=warnings.append
    )
    assert warnings == []


def test_resolve_references_leaves_an_absent_attendant_alone(sim, service, hq):
    params = dict(referring(), state="absent")
    sim.clear_requests()
    assert aa_resolve.resolve_references(service, hq, params) is params
    assert sim.requests() == []


# -- the export's read-back: its warnings and its locations -----------------------------------------------------------


def test_create_without_an_answer_finds_the_new_attendant_in_its_location(sim, service, hq):
    annex = sim.location_id(ANNEX)
    create_aa(sim, annex, "Reception", "2100")  # the same name in another location
    create_aa(sim, hq, "Other", "2200")  # another attendant in the same location
    sim.fault(method="POST", path="/autoAttendants$", drop_after_commit=True)
    plan, result = aa_converge.converge(service, hq, full_aa())
    assert plan.action == "create" and writes(sim) == [("POST", None)]  # found by name: not sent again
    assert result["id"] == service.find(hq, "Reception")["id"] and result["locationId"] == hq


# -- writes the service accepts but does not apply -------------------------------------------------------------------


def test_an_update_that_does_not_take_names_the_option(sim, service, hq):
    create_aa(sim, hq)
    sim.fault(method="PUT", path="/autoAttendants/", ignore_write=True)
    with pytest.raises(WriteNotApplied) as caught:
        aa_converge.converge(service, hq, aa_params(name="Reception", name_dialing="GROUP"))
    assert str(caught.value) == (
        "the service answered 2xx but did not apply name_dialing of auto attendant 'Reception' (trackingId %s)"
        % caught.value.tracking_id
    )
    assert caught.value.fields == ["name_dialing"]
    assert caught.value.changed and writes(sim) == [("PUT", 200)]


def test_a_create_that_does_not_take_is_reported(sim, service, hq):
    sim.clear_requests()
    sim.fault(method="POST", path="/autoAttendants$", ignore_write=True)
    with pytest.raises(WriteNotApplied) as caught:
        aa_converge.converge(service, hq, full_aa())
    assert str(caught.value) == (
        "the service answered 2xx but auto attendant 'Reception' was not created: it cannot be read back "
        "(trackingId %s)" % caught.value.tracking_id
    )
    assert caught.value.fields == [] and writes(sim) == [("POST", 201)]


def test_the_result_never_shows_a_location_name(sim, service, hq, monkeypatch):
    create_aa(sim, hq)
    details = service.details
    monkeypatch.setattr(
        service, "details", lambda *ids: dict(details(*ids), locationId="elsewhere", locationName="Headquarters")
    )
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception"))
    assert plan.action == "nothing" and result["locationId"] == hq and "locationName" not in result
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception", name_dialing="GROUP"), True)
    assert plan.action == "update" and result["locationId"] == hq and "locationName" not in result


# -- run(): the module's whole work, as ansible-playbook runs it -----------------------------------------------------


def run_module(client, options, check_mode=False, diff=False):
    """converge.run() with a Module stand-in holding OPTIONS as AnsibleModule makes them; returns (result, module)."""
    module = Module(aa_params(**options), check_mode=check_mode, diff=diff)
    return aa_converge.run(module, client), module


def test_the_documentation_example_creates_then_is_ok_at_the_call_floor(sim, client, hq):
    sim.clear_requests()
    result, _module = run_module(client, aa_doc_example())
    assert result["changed"] is True and "diff" not in result
    [post] = sim.writes()
    assert (post["method"], post["status"]) == ("POST", 201)
    assert post["body"]["name"] == "Main Line AA - Test"
    assert post["body"]["businessHoursMenu"]["keyConfigurations"][1] == {
        "key": "1",
        "action": "TRANSFER_WITHOUT_PROMPT",
        "value": "+19175551092",
    }
    returned = result["auto_attendant"]
    assert returned["id"] == service_of(client).find(hq, "Main Line AA - Test")["id"]
    assert returned["extension"] == "200" and returned["enabled"] is True and returned["location_id"] == hq

    sim.clear_requests()
    result, _module = run_module(client, aa_doc_example())
    assert result["changed"] is False and writes(sim) == []
    # Calls at the floor for a no-op by location name: the location, the list by name, the details.
    assert calls(sim, HQ=hq, AA=returned["id"]) == [
        ("GET", "/locations", {"name": HQ}),
        ("GET", "/autoAttendants", {"locationId": "HQ", "name": "Main Line AA - Test", "max": "1000"}),
        ("GET", "/locations/HQ/autoAttendants/AA", {}),
    ]


def test_a_location_given_by_id_costs_no_lookup_and_a_similar_name_is_another_location(sim, client, hq):
    run_module(client, aa_options(location=hq))
    sim.clear_requests()
    result, _module = run_module(client, aa_options(location=hq))
    assert result["changed"] is False
    assert [path for _method, path, _query in calls(sim, HQ=hq, AA=result["auto_attendant"]["id"])] == [
        "/autoAttendants",
        "/locations/HQ/autoAttendants/AA",
    ]
    # Another location whose name contains "Headquarters" is a different place: a second attendant, there.
    result, _module = run_module(client, aa_options(location=ANNEX))
    assert result["changed"] is True and result["auto_attendant"]["location_id"] == sim.location_id(ANNEX)
    service = service_of(client)
    assert service.find(sim.location_id(ANNEX), "Reception") and len(service.list(hq)) == 1


def test_check_mode_reads_only_and_predicts_the_result_and_the_diff(sim, client, hq):
    sim.clear_requests()
    result, _module = run_module(client, aa_reception(), check_mode=True, diff=True)
    assert result["changed"] is True and writes(sim) == []
    assert {entry["method"] for entry in sim.requests()} == {"GET"}
    assert result["auto_attendant"]["name"] == "Reception" and result["auto_attendant"]["id"] is None
    assert result["diff"]["before"] == {} and result["diff"]["after"]["name"] == "Reception"
    assert service_of(client).find(hq, "Reception") is None

    run_module(client, aa_reception())
    changed = aa_reception()
    changed["business_hours_menu"]["key_configurations"][1]["value"] = "+19073569984"
    sim.clear_requests()
    result, _module = run_module(client, changed, check_mode=True)
    assert result["changed"] is True and writes(sim) == [] and "diff" not in result
    assert result["auto_attendant"]["business_hours_menu"]["key_configurations"][1]["value"] == "+19073569984"
    result, _module = run_module(client, aa_reception(), check_mode=True)
    assert result["changed"] is False


def test_one_key_changed_is_exactly_one_put_of_that_menu(sim, client, hq):
    run_module(client, aa_reception())
    changed = aa_reception()
    changed["business_hours_menu"]["key_configurations"][1]["value"] = "+19073569984"
    sim.clear_requests()
    result, _module = run_module(client, changed, diff=True)
    assert result["changed"] is True
    [put] = sim.writes()
    assert (put["method"], put["status"]) == ("PUT", 200)  # the live service answers 200 (any 2xx is success)
    assert list(put["body"]) == ["businessHoursMenu"]
    keys = put["body"]["businessHoursMenu"]["keyConfigurations"]
    assert [entry["key"] for entry in keys] == ["0", "1", "*"] and keys[1]["value"] == "+19073569984"
    stored = sim.api("GET", aa_path(hq, result["auto_attendant"]["id"])).json()
    assert stored["businessHoursMenu"]["keyConfigurations"][1]["value"] == "+1-9073569984"  # as the live service reads
    diff = result["diff"]
    assert diff["before"]["business_hours_menu"]["key_configurations"][1]["value"] == "+19175551092"
    assert diff["after"]["business_hours_menu"]["key_configurations"][1]["value"] == "+19073569984"
    assert list(diff["before"]) == ["name", "extension", "business_schedule", "business_hours_menu", "after_hours_menu"]


def test_a_rate_limited_create_ends_with_one_attendant(sim, service, hq):
    sim.clear_requests()
    sim.fault(method="POST", path="/autoAttendants$", count=2, status=429, retry_after="1")
    plan, result = aa_converge.converge(service, hq, full_aa())
    assert plan.action == "create" and writes(sim) == [("POST", 429), ("POST", 429), ("POST", 201)]
    assert [item["id"] for item in service.list(hq)] == [result["id"]]


def test_a_match_on_a_later_page_of_the_substring_lookup(sim, service, hq):
    # 1050 attendants whose names contain "Reception": the name filter returns them all, 1000 a page (the module asks
    # for max=1000; the simulator caps pages there).
    sim.seed_auto_attendants(HQ, 1050, prefix="Reception ")
    auto_attendant_id = create_aa(sim, hq)
    plan, result = aa_converge.converge(service, hq, full_aa())
    assert plan.action == "nothing" and result["id"] == auto_attendant_id and writes(sim) == []
    lists = [query for _method, path, query in calls(sim) if path == "/autoAttendants"]
    assert len(lists) == 2 and lists[1].get("start") == "1000" and lists[1].get("name") == "Reception"


def test_an_error_of_the_service_carries_status_code_message_and_tracking_id_never_the_token(sim, service, hq):
    # The extension is taken by another attendant: only the service can tell (the pre-flight does not check it).
    create_aa(sim, hq, "Other", "2100")
    with pytest.raises(WebexApiError) as caught:
        aa_converge.converge(service, hq, full_aa())
    error = caught.value.as_dict()
    assert error["method"] == "POST" and error["status"] == 400 and error["error_code"]
    assert error["tracking_id"] and error["tracking_id"] in str(caught.value)
    assert "HTTP 400" in str(caught.value) and "2100" in str(caught.value)
    assert sim.token not in str(caught.value) + str(error)
    assert writes(sim) == [("POST", 400)] and [item["name"] for item in service.list(hq)] == ["Other"]
