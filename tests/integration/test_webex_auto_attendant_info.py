"""webex_auto_attendant_info and the export/apply playbooks, run by real ansible-playbook against the simulator."""

import base64
import os

import yaml

from tests.ansible_yaml import load as ansible_load
from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_auto_attendant_info"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")

AUDIO_ID = "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw"
# An organisation file given by id only, one by file name, media type and level, and one of Headquarters.
AUDIO = {"id": AUDIO_ID}
WELCOME = {"fileName": "welcome.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}
HQ_AFTER_HOURS = {"fileName": "hq-after-hours.wav", "mediaFileType": "WAV", "level": "LOCATION"}
CLOSED = {"fileName": "closed.wma", "mediaFileType": "WMA", "level": "ORGANIZATION"}


def menu(keys, greeting="DEFAULT", audio=None, extension_enabled=True, call_treatment=None):
    result = {"greeting": greeting, "extensionEnabled": extension_enabled, "keyConfigurations": keys}
    if audio:
        result["audioAnnouncementFile"] = audio
    if call_treatment:
        result["callTreatment"] = call_treatment
    return result


# Three attendants that together use every feature: both menus, every key action, audio files on greetings, keys and
# call treatment, alternate numbers, holiday schedule, caller id name, dial by name, first and last name.
MAIN_LINE = {
    "name": "Main Line",
    "phoneNumber": "+19705550020",
    "extension": "0028",
    "firstName": "Main",
    "lastName": "Line",
    "alternateNumbers": [
        {"phoneNumber": "+19705550021", "ringPattern": "LONG_LONG"},
        {"phoneNumber": "+18885550100", "ringPattern": "SHORT_SHORT_LONG"},
    ],
    "languageCode": "en_us",
    "businessSchedule": "HQ-Extended-Hours",
    "holidaySchedule": "AUTOATTENDANT-HOLIDAY",
    "extensionDialing": "GROUP",
    "nameDialing": "GROUP",
    "timeZone": "America/Los_Angeles",
    "businessHoursMenu": menu(
        [
            {"key": "#", "action": "EXIT", "description": "Goodbye"},
            {"key": "*", "action": "REPEAT_MENU"},
            {"key": "0", "action": "TRANSFER_TO_OPERATOR", "description": "Operator"},
            {"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "+19175551092", "description": "Sales"},
            {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000", "description": "Support"},
            {"key": "3", "action": "TRANSFER_TO_MAILBOX", "value": "0029"},
            {"key": "4", "action": "NAME_DIALING"},
            {"key": "5", "action": "EXTENSION_DIALING"},
            {"key": "9", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": WELCOME, "description": "Hours"},
        ],
        greeting="CUSTOM",
        audio=AUDIO,
        call_treatment={
            "retryAttemptForNoInput": "TWO_TIMES",
            "noInputTimer": 15,
            "actionToBePerformed": {"action": "TRANSFER_WITH_PROMPT", "greeting": "DEFAULT", "transferCallTo": "1000"},
        },
    ),
    "afterHoursMenu": menu(
        [
            {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19073569984"},
            {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": AUDIO},
            {"key": "*", "action": "REPEAT_MENU"},
        ],
        greeting="CUSTOM",
        audio=HQ_AFTER_HOURS,
        extension_enabled=False,
        call_treatment={
            "retryAttemptForNoInput": "ONE_TIME",
            "noInputTimer": "20",
            "actionToBePerformed": {
                "action": "PLAY_MESSAGE_AND_DISCONNECT",
                "greeting": "CUSTOM",
                "audioAnnouncementFile": CLOSED,
            },
        },
    ),
    "directLineCallerIdName": {"selection": "CUSTOM_NAME", "customName": "Main Line"},
    "dialByName": "Main Line",
}
DENVER = {
    "name": "Reception",
    "extension": "2100",
    "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "holidaySchedule": "AUTOATTENDANT-HOLIDAY",
    "timeZone": "America/Denver",
    "alternateNumbers": [{"phoneNumber": "+17205550101", "ringPattern": "NORMAL"}],
    "businessHoursMenu": menu(
        [
            {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2199", "description": "Operator"},
            {"key": "#", "action": "NAME_DIALING"},
        ]
    ),
    "afterHoursMenu": menu(
        [{"key": "0", "action": "TRANSFER_TO_MAILBOX", "value": "2199"}], greeting="CUSTOM", audio=CLOSED
    ),
    "directLineCallerIdName": {"selection": "DISPLAY_NAME"},
}
AUSTIN = {
    "name": "Recepción",
    "phoneNumber": "+15125550100",
    "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "languageCode": "es_es",
    "businessHoursMenu": menu(
        [
            {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": WELCOME},
            {"key": "2", "action": "TRANSFER_TO_OPERATOR"},
        ]
    ),
    "afterHoursMenu": menu([{"key": "#", "action": "EXIT"}]),
}
SMALL = {
    "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "businessHoursMenu": menu([{"key": "0", "action": "EXIT"}]),
    "afterHoursMenu": menu([{"key": "0", "action": "EXIT"}]),
}


def create(sim, location, body):
    """Create an auto attendant straight through the API (not through the module); return its id."""
    response = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % sim.location_id(location), json=body)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def create_all(sim):
    """The three full attendants; return {name: (location, id)}."""
    created = {}
    for location, body in (
        ("Headquarters", MAIN_LINE),
        ("Branch Office Denver", DENVER),
        ("Branch Office Austin", AUSTIN),
    ):
        created[body["name"]] = (location, create(sim, location, body))
    return created


def info(sim, tmp_path, args=None, check=False):
    """Run the info module once; return (the run, the task's result dict)."""
    path = write_playbook(tmp_path, [{"name": "Read", MODULE: args or {}, "register": "result"}], name="info.yml")
    run = run_playbook(path, sim, check=check)
    return run, run.one("Read")["result"]


def only_reads(sim):
    entries = sim.requests()
    return bool(entries) and all(entry["method"] == "GET" for entry in entries)


# -- info ------------------------------------------------------------------------------------------------------------


def test_organisation_sorted_with_details_and_location(sim, tmp_path):
    created = create_all(sim)
    create(sim, "Headquarters", dict(SMALL, name="Annex Line", extension="2200"))
    sim.clear_requests()
    run, result = info(sim, tmp_path)
    assert run.rc == 0, run
    assert result["changed"] is False
    found = result["auto_attendants"]
    assert [(a["location_name"], a["name"]) for a in found] == [
        ("Branch Office Austin", "Recepción"),
        ("Branch Office Denver", "Reception"),
        ("Headquarters", "Annex Line"),
        ("Headquarters", "Main Line"),
    ]
    main = found[3]
    assert main["id"] == created["Main Line"][1] and main["location_id"] == sim.location_id("Headquarters")
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
    assert only_reads(sim) and sim.writes() == []
    assert len(result["export"]) == 4


def test_one_location_by_name_and_by_id(sim, tmp_path):
    create_all(sim)
    create(sim, "Headquarters Annex", dict(SMALL, name="Main Line", extension="2300"))
    run, by_name = info(sim, tmp_path, {"location": "Headquarters"})
    assert run.rc == 0, run
    assert [(a["location_name"], a["name"]) for a in by_name["auto_attendants"]] == [("Headquarters", "Main Line")]
    assert by_name["export"][0]["location"] == "Headquarters"
    headquarters = sim.location_id("Headquarters")
    sim.clear_requests()
    run, by_id = info(sim, tmp_path, {"location": headquarters})
    assert run.rc == 0, run
    assert by_id["auto_attendants"] == by_name["auto_attendants"]
    assert by_id["export"] == by_name["export"]
    # An id needs no location lookup before the list; the export then checks once that the name is unique.
    paths = [e["path"] for e in sim.requests()]
    assert paths[0].endswith("/autoAttendants") and paths[1].endswith("/locations") and len(paths) == 4
    assert paths[3].endswith("/callForwarding")  # forwarding is read too (option forwarding, default true)
    run, as_ids = info(sim, tmp_path, {"location": "Headquarters", "export_location": "id"})
    assert as_ids["export"][0]["location"] == sim.location_id("Headquarters")


def test_exact_name_when_similar_names_exist(sim, tmp_path):
    create_all(sim)
    for name, extension in (("Reception 2", "2101"), ("reception", "2102"), ("Front Reception", "2103")):
        create(sim, "Branch Office Denver", dict(SMALL, name=name, extension=extension))
    create(sim, "Headquarters", dict(SMALL, name="Reception", extension="2104"))
    run, result = info(sim, tmp_path, {"name": "Reception"})
    assert run.rc == 0, run
    assert [(a["location_name"], a["name"]) for a in result["auto_attendants"]] == [
        ("Branch Office Denver", "Reception"),
        ("Headquarters", "Reception"),
    ]
    run, result = info(sim, tmp_path, {"name": "Reception", "location": "Branch Office Denver"})
    assert [a["extension"] for a in result["auto_attendants"]] == ["2100"]


def test_empty_list_when_none_and_check_mode(sim, tmp_path):
    create_all(sim)
    sim.clear_requests()
    run, result = info(sim, tmp_path, {"location": "Headquarters Annex"}, check=True)
    assert run.rc == 0, run
    assert result["changed"] is False
    assert result["auto_attendants"] == [] and result["export"] == [] and result["export_yaml"] == "[]\n"
    assert only_reads(sim)
    run, result = info(sim, tmp_path, {"name": "Nobody"})
    assert result["auto_attendants"] == []
    run, checked = info(sim, tmp_path, {"location": "Headquarters"}, check=True)
    run, normal = info(sim, tmp_path, {"location": "Headquarters"})
    assert checked["auto_attendants"] == normal["auto_attendants"] and len(normal["auto_attendants"]) == 1
    assert sim.writes() == []


def test_every_page_is_read(sim, tmp_path):
    sim.seed_auto_attendants("Headquarters", 130, prefix="Seeded ")
    sim.seed_auto_attendants("Headquarters Annex", 20, prefix="Annex ")
    sim.clear_requests()
    run, result = info(sim, tmp_path)
    assert run.rc == 0, run
    assert len(result["auto_attendants"]) == 150 == len(result["export"])
    assert len({a["id"] for a in result["auto_attendants"]}) == 150
    lists = [e for e in sim.requests() if e["path"].endswith("/autoAttendants")]
    assert len(lists) == 2 and lists[1]["query"].get("start") == "100"
    assert only_reads(sim)


def test_unknown_locations_fail_clearly(sim, tmp_path):
    run, result = info(sim, tmp_path, {"location": "Nowhere"})
    assert run.rc != 0 and "location 'Nowhere' not found" in result["msg"]
    run, result = info(sim, tmp_path, {"location": "headquarters"})
    assert run.rc != 0 and "location 'headquarters' not found" in result["msg"]
    missing = base64.b64encode(b"ciscospark://us/LOCATION/00000000-0000-0000-0000-000000000000").decode().rstrip("=")
    run, result = info(sim, tmp_path, {"location": missing})
    assert run.rc != 0 and "not found (no location has that id)" in result["msg"], result
    assert sim.writes() == []


# -- export and apply ----------------------------------------------------------------------------------------------


def export(sim, tmp_path, extra_vars=None, check=False, diff=False):
    target = os.path.join(str(tmp_path), "auto_attendants.yml")
    run = run_playbook(
        EXPORT_PLAYBOOK, sim, extra_vars=dict({"export_file": target}, **(extra_vars or {})), check=check, diff=diff
    )
    return run, target


def apply(sim, path, check=False):
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + path], check=check)
    assert run.rc == 0, run
    return run, run.one("Converge the auto attendants")["result"]["results"]


def test_export_then_apply_changes_nothing_then_recreates_a_deleted_one(sim, tmp_path):
    created = create_all(sim)
    sim.clear_requests()
    run, path = export(sim, tmp_path)
    assert run.rc == 0, run
    assert only_reads(sim)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    exported = ansible_load(text)["webex_auto_attendants"]
    assert [(a["location"], a["name"]) for a in exported] == [
        ("Branch Office Austin", "Recepción"),
        ("Branch Office Denver", "Reception"),
        ("Headquarters", "Main Line"),
    ]
    # Strings stay strings, whatever reads the file.
    for line in (
        'extension: "0028"',
        'key: "0"',
        'key: "*"',
        'key: !unsafe "#"',
        'value: "0029"',
        'value: "1000"',
        'phone_number: "+19705550020"',
        "no_input_timer: 20",
    ):
        assert line in text, (line, text)
    main = exported[2]
    for read_only in ("id", "enabled", "esn", "routing_prefix", "toll_free_number", "language", "location_id"):
        assert read_only not in main
    assert main["business_hours_menu"]["key_configurations"][0] == {
        "key": "0",
        "action": "TRANSFER_TO_OPERATOR",
        "description": "Operator",
    }
    assert [k["key"] for k in main["business_hours_menu"]["key_configurations"]] == [
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "9",
        "*",
        "#",
    ]
    assert "file_size" not in main["business_hours_menu"]["audio_announcement_file"]

    sim.clear_requests()
    run, results = apply(sim, path)
    assert [r["changed"] for r in results] == [False, False, False], run
    assert sim.writes() == []
    # Check mode before the second apply predicts the creation, without writing.
    location, deleted_id = created["Reception"]
    response = sim.api(
        "DELETE", "/telephony/config/locations/%s/autoAttendants/%s" % (sim.location_id(location), deleted_id)
    )
    assert response.status_code == 204
    sim.clear_requests()
    run, results = apply(sim, path, check=True)
    assert [r["changed"] for r in results] == [False, True, False] and sim.writes() == []
    run, results = apply(sim, path)
    assert [r["changed"] for r in results] == [False, True, False], run
    writes = sim.writes()
    assert [(w["method"], w["status"], w["body"]["name"]) for w in writes] == [("POST", 201, "Reception")]
    assert writes[0]["path"].endswith("/locations/%s/autoAttendants" % sim.location_id(location))
    # The recreated attendant exports exactly as before.
    run, again = export(sim, tmp_path, {"export_file": os.path.join(str(tmp_path), "again.yml")})
    with open(os.path.join(str(tmp_path), "again.yml"), encoding="utf-8") as handle:
        assert ansible_load(handle)["webex_auto_attendants"] == exported


def test_export_with_location_ids_applies_with_no_change(sim, tmp_path):
    create_all(sim)
    run, path = export(sim, tmp_path, {"export_location_form": "id", "export_location": "Headquarters"})
    assert run.rc == 0, run
    with open(path, encoding="utf-8") as handle:
        exported = ansible_load(handle)["webex_auto_attendants"]
    assert [(a["location"], a["name"]) for a in exported] == [(sim.location_id("Headquarters"), "Main Line")]
    sim.clear_requests()
    run, results = apply(sim, path)
    assert [r["changed"] for r in results] == [False] and sim.writes() == []


def test_export_honours_check_mode(sim, tmp_path):
    create_all(sim)
    sim.clear_requests()
    run, path = export(sim, tmp_path, check=True, diff=True)
    assert run.rc == 0, run
    assert not os.path.exists(path)
    assert run.one("Write the vars file")["changed"] is True
    assert "webex_auto_attendants:" in run.stdout  # the diff shows what would be written
    run, path = export(sim, tmp_path)
    assert os.path.exists(path) and run.one("Write the vars file")["changed"] is True
    run, path = export(sim, tmp_path, check=True)
    assert run.one("Write the vars file")["changed"] is False
    assert sim.writes() == []


def test_export_playbook_runs_by_its_collection_name(sim, tmp_path):
    create(sim, "Headquarters", dict(SMALL, name="Reception", extension="2100"))
    target = os.path.join(str(tmp_path), "by-name.yml")
    wrapper = os.path.join(str(tmp_path), "wrapper.yml")
    with open(wrapper, "w", encoding="utf-8") as handle:
        yaml.safe_dump(
            [{"name": "Export", "ansible.builtin.import_playbook": "wxc.calling.export_auto_attendants"}], handle
        )
    run = run_playbook(wrapper, sim, extra_vars={"export_file": target})
    assert run.rc == 0, run
    with open(target, encoding="utf-8") as handle:
        assert ansible_load(handle) == {
            "webex_auto_attendants": [
                {
                    "location": "Headquarters",
                    "name": "Reception",
                    "extension": "2100",
                    "alternate_numbers": [],
                    "language_code": "en_us",
                    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
                    "extension_dialing": "ENTERPRISE",
                    "name_dialing": "ENTERPRISE",
                    "time_zone": "America/Los_Angeles",
                    "direct_line_caller_id_name": {"selection": "DISPLAY_NAME"},
                    "business_hours_menu": {
                        "greeting": "DEFAULT",
                        "extension_enabled": True,
                        "key_configurations": [{"key": "0", "action": "EXIT"}],
                    },
                    "after_hours_menu": {
                        "greeting": "DEFAULT",
                        "extension_enabled": True,
                        "key_configurations": [{"key": "0", "action": "EXIT"}],
                    },
                }
            ],
            "webex_auto_attendant_forwarding": [],
        }


def test_export_fed_to_the_role_raw_form_changes_nothing(sim, tmp_path):
    create_all(sim)
    run, path = export(sim, tmp_path)
    assert run.rc == 0, run
    # As a user would: the export is a vars file, its strings tagged !unsafe, handed to the role as it is.
    playbook = str(tmp_path / "role_raw.yml")
    with open(playbook, "w", encoding="utf-8") as handle:
        yaml.safe_dump(
            [
                {
                    "name": "Apply the export through the role",
                    "hosts": "localhost",
                    "gather_facts": False,
                    "vars_files": [str(path)],
                    "tasks": [
                        {
                            "name": "Apply the export through the role",
                            "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"},
                            "vars": {"auto_attendant_list": "{{ webex_auto_attendants }}"},
                        }
                    ],
                }
            ],
            handle,
            sort_keys=False,
        )
    sim.clear_requests()
    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    results = run.one("wxc.calling.auto_attendant : Configure auto attendants")["result"]["results"]
    assert [r["changed"] for r in results] == [False, False, False]
    assert sim.writes() == []
