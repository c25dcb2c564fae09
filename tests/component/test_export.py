"""The export of auto attendants (webex_auto_attendant_info's read_attendants() and list_auto_attendants()) called in
this process against the simulator over HTTP: which attendants it reads, where and how often it looks locations up,
the options it exports (locations by name or id, transfers to attendants as references, forwarding), and the warnings
about what it cannot export.
"""

import base64

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as attendant_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import (
    LocationUnknown,
    info_argument_spec,
    list_auto_attendants,
    run_info,
)
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import read_attendants as read_back
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError
from tests.ansible_yaml import load as ansible_load
from tests.builders import ANNEX, BUSINESS, DENVER, HQ, api_menu, every_feature_attendants, key
from tests.component.helpers import Module, aa_path, create_aa, params_of

OPERATOR_MENU = api_menu(key(0, "TRANSFER_TO_OPERATOR", value="2100"))


def calls(sim):
    """(method, path after /v1/telephony/config or /v1, query) of every request since the log was last cleared."""
    return [
        (entry["method"], entry["path"].split("/v1", 1)[-1].split("/telephony/config", 1)[-1], entry["query"])
        for entry in sim.requests()
    ]


def test_read_back_lists_details_and_export_options(sim, client, hq):
    annex = sim.location_id(ANNEX)
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


def test_read_back_looks_each_location_up_once(sim, client, hq):
    annex = sim.location_id(ANNEX)
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
        list_auto_attendants(client, location_id=sim.location_id(HQ))
    assert caught.value.status == 403


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
                api_menu(),
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
    assert list(export[0]) == ["location"] + [field for field in attendant_options.FIELDS if field in export[0]]


def test_read_back_exports_transfers_to_attendants_it_read_as_references(sim, client, hq):
    annex = sim.location_id(ANNEX)
    create_aa(sim, annex, "Target", "2400")
    create_aa(sim, hq, "Desk", "2500")
    keys = [
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "80022400"},  # Target's ESN
        {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "2500"},  # Desk's extension
        {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2999"},  # nobody's
    ]
    create_aa(sim, hq, "Front", "2200", businessHoursMenu=dict(api_menu(), keyConfigurations=keys))
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
    annex = sim.location_id(ANNEX)
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


# -- run_info(): webex_auto_attendant_info's whole work ---------------------------------------------------------------


def info(client, **options):
    """run_info() with OPTIONS as the module would get them; returns the module's result."""
    return run_info(Module(params_of(info_argument_spec(), **options)), client)


def create_every_feature(sim):
    """The three attendants of builders.every_feature_attendants(); return {name: id}."""
    created = {}
    for location, body in every_feature_attendants():
        response = sim.api("POST", aa_path(sim.location_id(location)), json=body)
        assert response.status_code == 201, response.text
        created[body["name"]] = response.json()["id"]
    sim.clear_requests()
    return created


def only_reads(sim):
    entries = sim.requests()
    return bool(entries) and all(entry["method"] == "GET" for entry in entries)


def test_info_of_the_organisation_sorted_with_details_and_location(sim, client, hq):
    created = create_every_feature(sim)
    create_aa(sim, hq, "Annex Line", "2200")
    result = info(client)
    assert result["changed"] is False
    found = result["auto_attendants"]
    assert [(a["location_name"], a["name"]) for a in found] == [
        ("Branch Office Austin", "Recepción"),
        ("Branch Office Denver", "Reception"),
        ("Headquarters", "Annex Line"),
        ("Headquarters", "Main Line"),
    ]
    main = found[3]
    assert main["id"] == created["Main Line"] and main["location_id"] == hq
    assert main["extension"] == "0028" and main["enabled"] is True and main["esn"] == "80010028"
    assert main["holiday_schedule"] == "AUTOATTENDANT-HOLIDAY"
    assert main["alternate_numbers"][0] == {
        "phone_number": "+19705550021",
        "ring_pattern": "LONG_LONG",
        "toll_free_number": False,
    }
    keys = main["business_hours_menu"]["key_configurations"]
    assert {k["key"] for k in keys} == {"0", "1", "2", "3", "4", "5", "9", "*", "#"}
    welcome = [k for k in keys if k["key"] == "9"][0]["audio_announcement_file"]
    assert welcome["file_name"] == "welcome.wav" and welcome["id"]
    assert main["after_hours_menu"]["audio_announcement_file"]["level"] == "LOCATION"
    assert main["direct_line_caller_id_name"] == {"selection": "CUSTOM_NAME", "custom_name": "Main Line"}
    assert only_reads(sim)
    assert len(result["export"]) == 4 and ansible_load(result["export_yaml"]) == result["export"]


def test_info_of_one_location_by_name_and_by_id(sim, client, hq):
    create_every_feature(sim)
    create_aa(sim, sim.location_id(ANNEX), "Main Line", "2300")
    by_name = info(client, location="Headquarters")
    assert [(a["location_name"], a["name"]) for a in by_name["auto_attendants"]] == [("Headquarters", "Main Line")]
    assert by_name["export"][0]["location"] == "Headquarters"
    sim.clear_requests()
    by_id = info(client, location=hq)
    assert by_id["auto_attendants"] == by_name["auto_attendants"] and by_id["export"] == by_name["export"]
    # An id needs no location lookup before the list; the export then checks once that the name is unique; the
    # forwarding is read too (option forwarding, default true).
    paths = [path for _method, path, _query in calls(sim)]
    assert len(paths) == 4 and paths[0] == "/autoAttendants" and paths[1] == "/locations"
    assert paths[3].endswith("/callForwarding")
    as_ids = info(client, location="Headquarters", export_location="id")
    assert as_ids["export"][0]["location"] == hq


def test_info_by_exact_name_when_similar_names_exist(sim, client, hq):
    create_every_feature(sim)
    denver = sim.location_id(DENVER)
    for name, extension in (("Reception 2", "2101"), ("reception", "2102"), ("Front Reception", "2103")):
        create_aa(sim, denver, name, extension)
    create_aa(sim, hq, "Reception", "2104")
    result = info(client, name="Reception")
    assert [(a["location_name"], a["name"]) for a in result["auto_attendants"]] == [
        ("Branch Office Denver", "Reception"),
        ("Headquarters", "Reception"),
    ]
    result = info(client, name="Reception", location=DENVER)
    assert [a["extension"] for a in result["auto_attendants"]] == ["2100"]


def test_info_finds_none_as_an_empty_list(sim, client):
    create_every_feature(sim)
    result = info(client, location=ANNEX)
    assert result["auto_attendants"] == [] and result["export"] == [] and result["export_yaml"] == "[]\n"
    assert result["export_forwarding"] == [] and only_reads(sim)
    assert info(client, name="Nobody")["auto_attendants"] == []


def test_info_reads_every_page(sim, client):
    sim.seed_auto_attendants("Headquarters", 130, prefix="Seeded ")
    sim.seed_auto_attendants("Headquarters Annex", 20, prefix="Annex ")
    sim.clear_requests()
    result = info(client, forwarding=False)
    assert len(result["auto_attendants"]) == 150 == len(result["export"])
    assert len({a["id"] for a in result["auto_attendants"]}) == 150
    lists = [entry for entry in sim.requests() if entry["path"].endswith("/autoAttendants")]
    assert len(lists) == 2 and lists[1]["query"].get("start") == "100"
    assert only_reads(sim)


def test_info_of_unknown_locations_fails_clearly(sim, client):
    for location in ("Nowhere", "headquarters"):
        with pytest.raises(ResourceError) as caught:
            info(client, location=location)
        assert "location %r not found" % location in str(caught.value)
    missing = base64.b64encode(b"ciscospark://us/LOCATION/00000000-0000-0000-0000-000000000000").decode().rstrip("=")
    with pytest.raises(ResourceError) as caught:
        info(client, location=missing)
    assert "not found (no location has that id)" in str(caught.value)
    assert sim.writes() == []


def test_info_returns_the_forwarding_and_can_skip_it(sim, client, hq):
    auto_attendant_id = create_aa(sim, hq, "Reception", "2100")
    rule = {
        "name": "VIP",
        "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"},
        "callsFrom": {
            "selection": "CUSTOM",
            "customNumbers": {"privateNumberEnabled": True, "unavailableNumberEnabled": False, "numbers": ["4554"]},
        },
    }
    forwarding = "/telephony/config/locations/%s/autoAttendants/%s/callForwarding" % (hq, auto_attendant_id)
    assert sim.api("POST", forwarding + "/selectiveRules", json=rule).status_code == 201
    sim.clear_requests()
    with_forwarding = info(client, location="Headquarters")
    read = with_forwarding["auto_attendants"][0]["forwarding"]["rules"][0]
    assert read["name"] == "VIP" and read["calls_from"]["custom_numbers"]["private_number_enabled"] is True
    assert with_forwarding["export_forwarding"][0]["rules"][0]["name"] == "VIP"
    assert ansible_load(with_forwarding["export_forwarding_yaml"]) == with_forwarding["export_forwarding"]
    # The settings and the one rule.
    assert len([entry for entry in sim.requests() if "/callForwarding" in entry["path"]]) == 2
    sim.clear_requests()
    without = info(client, location="Headquarters", forwarding=False)
    assert "forwarding" not in without["auto_attendants"][0]
    assert "export_forwarding" not in without and "export_forwarding_yaml" not in without
    assert [entry for entry in sim.requests() if "/callForwarding" in entry["path"]] == []
