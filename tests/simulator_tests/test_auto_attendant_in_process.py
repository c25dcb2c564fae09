"""webex_auto_attendant's converge(), its pre-flight checks, its service calls and the export's read_back(), called in
this process against the simulator over HTTP, asserted on the exact plan, result, messages and request log.

test_converge_in_process.py has the main paths of every resource; this file covers the auto attendant's own: what the
pre-flight refuses before a write (and only warns in check mode), the service's lookups, references by name, and the
warnings of the export.
"""

import pytest
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import resolve as aa_resolve
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import service as aa_service
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import (
    LocationUnknown,
    list_auto_attendants,
)
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import read_attendants as read_back
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError, WebexClient

MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
API_MENU = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
BUSINESS = "AUTOATTENDANT-BUSINESS-HOURS"
HOLIDAYS = "AUTOATTENDANT-HOLIDAY"


def aa_params(**options):
    """Module params as AnsibleModule makes them: every option present, defaults filled in at every depth."""
    result = ArgumentSpecValidator(aa_options.argument_spec()).validate(dict({"location": "Headquarters"}, **options))
    assert not result.error_messages, result.error_messages
    return result.validated_parameters


def full_aa(name="Reception", extension="2100", **options):
    fields = dict(
        name=name,
        extension=extension,
        business_schedule=BUSINESS,
        business_hours_menu=MENU,
        after_hours_menu=MENU,
    )
    fields.update(options)
    return aa_params(**fields)


@pytest.fixture(name="client")
def fixture_client(sim):
    return WebexClient(sim.url, sim.token, timeout=10, sleep=lambda seconds: None)


@pytest.fixture(name="service")
def fixture_service(client):
    return aa_service.AutoAttendantService(client)


@pytest.fixture(name="hq")
def fixture_hq(sim):
    return sim.location_id("Headquarters")


def writes(sim):
    return [(entry["method"], entry["status"]) for entry in sim.writes()]


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
            query = {key: name if item == value else item for key, item in query.items()}
        result.append((entry["method"], path, query))
    return result


def create_aa(sim, hq, name="Reception", extension="2100", **fields):
    body = dict(
        {
            "name": name,
            "extension": extension,
            "businessSchedule": BUSINESS,
            "businessHoursMenu": API_MENU,
            "afterHoursMenu": API_MENU,
        },
        **fields,
    )
    response = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % hq, json=body)
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return response.json()["id"]


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
        "businessHoursMenu": API_MENU,
        "afterHoursMenu": API_MENU,
    }
    assert plan.action == "create" and plan.body == body and plan.before == {} and plan.after == body
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
        assert result["id"] == new_id
        assert result["locationId"] == hq and "locationName" not in result
        assert result["holidaySchedule"] == HOLIDAYS and result["phoneNumber"] == "+19705550001"


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
    menu = custom_menu(
        audio("welcome.wav", "ORGANIZATION"),
        audio("hq-after-hours.wav", "LOCATION"),
        {"file_name": "closed.wma", "level": "ORGANIZATION", "media_file_type": "WMA"},
    )
    by_id = dict(
        MENU,
        audio_announcement_file={
            "id": "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw"
        },
    )
    sim.clear_requests()
    plan, result = aa_converge.converge(service, hq, full_aa(business_hours_menu=menu, after_hours_menu=by_id))
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
            "businessHoursMenu": dict(API_MENU, greeting="CUSTOM", audioAnnouncementFile=entity),
            "afterHoursMenu": dict(API_MENU, audioAnnouncementFile=ghost),
        },
    )
    own_menu = dict(MENU, greeting="CUSTOM", audio_announcement_file=audio("own.wav", "ENTITY"))
    options = dict(
        name="Desk",
        phone_number="+19705550001",
        business_schedule=BUSINESS,
        alternate_numbers=[
            {"phone_number": "+19705550002", "ring_pattern": "NORMAL"},
            {"phone_number": "+19705550003", "ring_pattern": "NORMAL"},
        ],
        business_hours_menu=dict(own_menu, extension_enabled=False),
        after_hours_menu=dict(MENU, audio_announcement_file=audio("missing.wav", "ORGANIZATION")),
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


def test_delete_without_diff_shows_the_list_item(sim, service, hq):
    auto_attendant_id = create_aa(sim, hq)
    plan, result = aa_converge.converge(service, hq, aa_params(name="Reception", state="absent"), True)
    assert plan.action == "delete" and result is None
    assert plan.before == {"name": "Reception"} and plan.diff() == {"before": {"name": "Reception"}, "after": {}}
    assert [path for method, path, query in calls(sim, AA=auto_attendant_id) if path.endswith("AA")] == []


# -- warnings --------------------------------------------------------------------------------------------------------


OPERATOR_MENU = {
    "greeting": "DEFAULT",
    "extensionEnabled": True,
    "keyConfigurations": [{"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2100"}],
}


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
    menu = dict(MENU, key_configurations=[{"key": "0", "action": "TRANSFER_TO_OPERATOR"}])
    plan, result = aa_converge.converge(
        service, hq, aa_params(name="Desk", business_hours_menu=menu), warn=warnings.append
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
    plan, result = aa_converge.converge(service, hq, aa_params(name="Desk", business_hours_menu=menu))
    assert plan.action == "nothing"


def test_attendant_deleted_during_the_update_is_created_again_with_the_whole_body(sim, service, hq):
    old_id = create_aa(sim, hq)
    original = service.update

    def deleting_update(location_id, auto_attendant_id, body):
        sim.api("DELETE", "/telephony/config/locations/%s/autoAttendants/%s" % (hq, auto_attendant_id))
        return original(location_id, auto_attendant_id, body)

    service.update = deleting_update
    plan, result = aa_converge.converge(service, hq, full_aa(name_dialing="GROUP"))
    desired = {
        "name": "Reception",
        "extension": "2100",
        "businessSchedule": BUSINESS,
        "nameDialing": "GROUP",
        "businessHoursMenu": API_MENU,
        "afterHoursMenu": API_MENU,
    }
    assert plan.action == "create" and plan.body == desired and plan.after == desired
    assert plan.before == dict(desired, nameDialing="ENTERPRISE")
    new_id = service.find(hq, "Reception")["id"]
    assert new_id != old_id and result["id"] == new_id and result["nameDialing"] == "GROUP"
    assert writes(sim) == [("DELETE", 204), ("PUT", 404), ("POST", 201)]


# -- the service's lookups -------------------------------------------------------------------------------------------


def test_audio_file_exists_by_name_type_and_level(sim, service, hq):
    annex = sim.location_id("Headquarters Annex")
    stored = sim.store_auto_attendant(
        hq,
        {
            "name": "Desk",
            "businessHoursMenu": dict(
                API_MENU,
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


def referring(**menu_options):
    key = dict({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Target"}, **menu_options)
    return full_aa(name="Front", extension="2200", business_hours_menu=dict(MENU, key_configurations=[key]))


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


def test_read_back_warns_about_what_it_cannot_export(sim, client, hq):
    sim.store_auto_attendant(
        hq,
        {
            "name": "Desk",
            "extension": "2300",
            "businessSchedule": BUSINESS,
            "businessHoursMenu": dict(
                OPERATOR_MENU,
                volume="LOUD",
                keyConfigurations=OPERATOR_MENU["keyConfigurations"] + [{"key": "1", "action": "PLAY_ANNOUNCEMENT"}],
            ),
            "afterHoursMenu": dict(
                API_MENU,
                keyConfigurations=[{"key": "0", "action": "EXIT", "mood": "calm"}],
                callTreatment={"noInputTimer": "0"},
            ),
        },
    )
    warnings = []
    attendants, export = read_back(client, "Headquarters", warn=warnings.append)
    where = "auto attendant 'Desk' in Headquarters"
    assert warnings == [
        "%s: not exported, webex_auto_attendant has no option for: business_hours_menu.volume, "
        "after_hours_menu.key_configurations.mood" % where,
        "%s: business_hours_menu key 0 is TRANSFER_TO_OPERATOR with value '2100' as stored by the service; the value "
        "is left out (the API refuses one, error 4806)" % where,
        "%s: webex_auto_attendant would refuse the export: business_hours_menu.key_configurations (key 1): action "
        "PLAY_ANNOUNCEMENT needs an audio_announcement_file; after_hours_menu.call_treatment.no_input_timer: 0 is out "
        "of range (1 to 60 seconds)" % where,
    ]
    assert [attendant["name"] for attendant in attendants] == ["Desk"]
    assert export == [
        {
            "location": "Headquarters",
            "name": "Desk",
            "extension": "2300",
            "alternate_numbers": [],
            "language_code": "en_us",
            "business_schedule": BUSINESS,
            "extension_dialing": "ENTERPRISE",
            "name_dialing": "ENTERPRISE",
            "time_zone": "America/Los_Angeles",
            "direct_line_caller_id_name": {"selection": "DISPLAY_NAME"},
            "business_hours_menu": {
                "greeting": "DEFAULT",
                "extension_enabled": True,
                "key_configurations": [
                    {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
                    {"key": "1", "action": "PLAY_ANNOUNCEMENT"},
                ],
            },
            "after_hours_menu": {
                "greeting": "DEFAULT",
                "extension_enabled": True,
                "key_configurations": [{"key": "0", "action": "EXIT"}],
                "call_treatment": {"no_input_timer": 0},
            },
        }
    ]
    assert list(export[0]) == ["location"] + [field for field in aa_options.FIELDS if field in export[0]]


def test_read_back_looks_each_location_up_once(sim, client, hq):
    annex = sim.location_id("Headquarters Annex")
    create_aa(sim, hq, "Reception", "2100")
    create_aa(sim, hq, "Main", "2101")
    create_aa(sim, annex, "Reception", "2100")
    warnings = []
    attendants, export = read_back(client, warn=warnings.append)
    assert [(options["location"], options["name"]) for options in export] == [
        ("Headquarters", "Main"),
        ("Headquarters", "Reception"),
        ("Headquarters Annex", "Reception"),
    ]
    assert [(a["location_id"], a["location_name"], a["name"]) for a in attendants] == [
        (hq, "Headquarters", "Main"),
        (hq, "Headquarters", "Reception"),
        (annex, "Headquarters Annex", "Reception"),
    ]
    assert warnings == []
    assert [query for method, path, query in calls(sim) if path == "/locations"] == [
        {"name": "Headquarters"},
        {"name": "Headquarters Annex"},
    ]
    sim.clear_requests()
    attendants, export = read_back(client, "Headquarters", "Main")
    assert [options["location"] for options in export] == ["Headquarters"]
    assert [path for method, path, query in calls(sim) if path == "/locations"] == [
        "/locations"
    ]  # the location given by name is not looked up twice
    sim.clear_requests()
    attendants, export = read_back(client, hq, "Main")
    assert [options["location"] for options in export] == ["Headquarters"]
    attendants, export = read_back(client, hq, "Main", export_location="id")
    assert [options["location"] for options in export] == [hq]
    sim.clear_requests()
    attendants, export = read_back(client, export_location="id")
    assert [options["location"] for options in export] == [hq, hq, annex]
    assert [path for method, path, query in calls(sim) if path == "/locations"] == []


def test_list_of_a_location_id_that_does_not_exist(sim, client):
    with pytest.raises(LocationUnknown) as caught:
        list_auto_attendants(client, location_id="Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL25vbmU")
    assert str(caught.value) == "location 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL25vbmU' not found (no location has that id)"
    sim.fault(method="GET", path="/autoAttendants$", status=404)
    with pytest.raises(WebexApiError) as caught:
        list_auto_attendants(client)
    assert caught.value.status == 404
    sim.fault(method="GET", path="/autoAttendants$", status=403)
    with pytest.raises(WebexApiError) as caught:
        list_auto_attendants(client, location_id=sim.location_id("Headquarters"))
    assert caught.value.status == 403


def test_create_without_an_answer_finds_the_new_attendant_in_its_location(sim, service, hq):
    annex = sim.location_id("Headquarters Annex")
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


def test_read_back_exports_transfers_to_attendants_it_read_as_references(sim, client, hq):
    annex = sim.location_id("Headquarters Annex")
    create_aa(sim, annex, "Target", "2400")
    create_aa(sim, hq, "Desk", "2500")
    keys = [
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "80022400"},  # Target's ESN
        {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "2500"},  # Desk's extension
        {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2999"},  # nobody's
    ]
    create_aa(sim, hq, "Front", "2200", businessHoursMenu=dict(API_MENU, keyConfigurations=keys))
    attendants, export = read_back(client)
    front = {options["name"]: options for options in export}["Front"]
    assert front["business_hours_menu"]["key_configurations"] == [
        {
            "key": "1",
            "action": "TRANSFER_WITHOUT_PROMPT",
            "auto_attendant": {"location": "Headquarters Annex", "name": "Target"},
        },
        {"key": "2", "action": "TRANSFER_WITH_PROMPT", "auto_attendant": "Desk"},
        {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2999"},
    ]
    attendants, export = read_back(client, export_location="id")
    front = {options["name"]: options for options in export}["Front"]
    assert front["business_hours_menu"]["key_configurations"][0]["auto_attendant"] == {
        "location": annex,
        "name": "Target",
    }


def test_read_back_with_forwarding_adds_it_to_info_and_exports_only_configured_forwarding(sim, client, hq):
    annex = sim.location_id("Headquarters Annex")
    forwarded = create_aa(sim, annex, "Forwarded", "2100")
    create_aa(sim, hq, "Plain", "2200")
    path = "/telephony/config/locations/%s/autoAttendants/%s/callForwarding" % (annex, forwarded)
    response = sim.api("PUT", path, json={"callForwarding": {"always": {"enabled": True, "destination": "2200"}}})
    assert response.status_code == 204, response.text
    forwarding_export, warnings = [], []
    attendants, export = read_back(client, forwarding_export=forwarding_export, warn=warnings.append)
    assert [(a["name"], a["forwarding"]["always"]["enabled"]) for a in attendants] == [
        ("Plain", False),
        ("Forwarded", True),
    ]
    assert [(options["location"], options["auto_attendant"]) for options in forwarding_export] == [
        ("Headquarters Annex", "Forwarded")
    ]
    assert forwarding_export[0]["always"]["destination"] == "2200" and warnings == []
    attendants, export = read_back(client)
    assert ["forwarding" in attendant for attendant in attendants] == [False, False]
