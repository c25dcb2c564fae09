"""The module copes with what the real service does (tests/simulator/README.md, "Live-verified behaviour").

Real ansible-playbook runs against the simulator; assertions on what the simulator received.
"""

import copy
import os

import yaml

from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_auto_attendant"


class ExportLoader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """Reads an export: strings the export marks !unsafe (never templated by Ansible) are plain strings here."""


ExportLoader.add_constructor("!unsafe", lambda loader, node: loader.construct_scalar(node))

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")
EXIT_MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}


def attendant(**changes):
    args = {
        "location": "Headquarters",
        "name": "Reception",
        "extension": "2100",
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "business_hours_menu": copy.deepcopy(EXIT_MENU),
        "after_hours_menu": copy.deepcopy(EXIT_MENU),
    }
    args.update(changes)
    return args


def converge(sim, tmp_path, args, check=False):
    sim.clear_requests()
    run = run_playbook(write_playbook(tmp_path, [{"name": "Converge", MODULE: args}]), sim, check=check)
    return run, run.one("Converge")["result"]


def writes(sim):
    return [(entry["method"], entry["status"]) for entry in sim.writes()]


def test_numbers_the_service_reformats_compare_equal_and_rerun_writes_nothing(sim, tmp_path):
    menu = {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19175551092"},
            {"key": "2", "action": "TRANSFER_TO_MAILBOX", "value": "2100"},
        ],
        "call_treatment": {
            "action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "transfer_call_to": "+19073569984"}
        },
    }
    args = attendant(
        phone_number="+19705550010",
        business_hours_menu=menu,
        alternate_numbers=[{"phone_number": "+19705550011", "ring_pattern": "NORMAL"}],
    )
    run, result = converge(sim, tmp_path, args)
    assert run.rc == 0 and result["changed"] is True, run
    details = sim.api("GET", "/telephony/config/autoAttendants", params={"name": "Reception"}).json()["autoAttendants"][
        0
    ]
    stored = sim.api(
        "GET", "/telephony/config/locations/%s/autoAttendants/%s" % (sim.location_id("Headquarters"), details["id"])
    ).json()
    assert stored["businessHoursMenu"]["keyConfigurations"][0]["value"] == "+1-9175551092"  # the live read-back form
    # The module reports what it stored in E.164, never the read-back form.
    assert result["auto_attendant"]["business_hours_menu"]["key_configurations"][0]["value"] == "+19175551092"
    run, result = converge(sim, tmp_path, args)
    assert run.rc == 0 and result["changed"] is False, run
    assert writes(sim) == []
    assert [entry["method"] for entry in sim.requests()] == ["GET", "GET", "GET"]  # location, list, details


def test_a_menu_sent_whole_keeps_the_fields_the_module_does_not_know_and_put_200_is_success(sim, tmp_path):
    sim.store_auto_attendant(
        "Headquarters",
        {
            "name": "Reception",
            "extension": "2100",
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": {
                "greeting": "DEFAULT",
                "extensionEnabled": True,
                "futureMenuField": {"x": 1},
                "keyConfigurations": [{"key": "0", "action": "EXIT", "futureKeyField": "kept"}],
            },
            "afterHoursMenu": {
                "greeting": "DEFAULT",
                "extensionEnabled": True,
                "keyConfigurations": [{"key": "0", "action": "EXIT"}],
            },
        },
    )
    menu = {
        "greeting": "DEFAULT",
        "extension_enabled": False,
        "key_configurations": [{"key": "0", "action": "EXIT", "description": "Bye"}],
    }
    run, result = converge(sim, tmp_path, attendant(business_hours_menu=menu))
    assert run.rc == 0 and result["changed"] is True, run
    assert writes(sim) == [("PUT", 200)]
    sent = sim.writes()[0]["body"]["businessHoursMenu"]
    assert sent["futureMenuField"] == {"x": 1}
    assert sent["keyConfigurations"] == [{"key": "0", "action": "EXIT", "description": "Bye", "futureKeyField": "kept"}]


def test_operator_value_from_the_service_is_left_out_with_a_warning(sim, tmp_path):
    sim.store_auto_attendant(
        "Headquarters",
        {
            "name": "Reception",
            "extension": "2100",
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": {
                "greeting": "DEFAULT",
                "extensionEnabled": True,
                "keyConfigurations": [{"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2000"}],
            },
            "afterHoursMenu": {
                "greeting": "DEFAULT",
                "extensionEnabled": True,
                "keyConfigurations": [{"key": "0", "action": "EXIT"}],
            },
        },
    )
    menu = {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [{"key": "0", "action": "TRANSFER_TO_OPERATOR"}],
    }
    run, result = converge(sim, tmp_path, attendant(business_hours_menu=menu))
    assert run.rc == 0 and result["changed"] is False, run
    assert writes(sim) == []
    assert any(
        "'Reception'" in warning and "key 0" in warning and "TRANSFER_TO_OPERATOR" in warning
        for warning in result.get("warnings", [])
    ), result


CONTROL_HUB = {
    "name": "Made in Control Hub",
    "extension": "2190",
    "phoneNumber": "+19705550012",
    "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "businessHoursMenu": {
        "greeting": "CUSTOM",
        "extensionEnabled": True,
        "futureMenuField": True,
        "audioAnnouncementFile": {
            "id": "ZW50aXR5LWZpbGU",
            "fileName": "own.wav",
            "mediaFileType": "WAV",
            "level": "ENTITY",
        },
        "keyConfigurations": [
            {"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2000"},
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19195559876", "futureKeyField": 1},
            {"key": "*", "action": "RETURN_TO_PREVIOUS_MENU"},
        ],
        "callTreatment": {
            "noInputTimer": "10",
            "actionToBePerformed": {"action": "TRANSFER_WITH_PROMPT", "transferCallTo": "+19195559877"},
        },
    },
    "afterHoursMenu": {
        "greeting": "DEFAULT",
        "extensionEnabled": True,
        "keyConfigurations": [{"key": "0", "action": "EXIT"}],
    },
}


def test_export_of_an_attendant_made_elsewhere_reapplies_with_no_write(sim, tmp_path):
    sim.store_auto_attendant("Headquarters", copy.deepcopy(CONTROL_HUB))
    target = os.path.join(str(tmp_path), "auto_attendants.yml")
    run = run_playbook(EXPORT_PLAYBOOK, sim, extra_vars={"export_file": target})
    assert run.rc == 0, run
    warnings = run.one("Read the auto attendants")["result"].get("warnings", [])
    assert any("key 0" in warning and "Made in Control Hub" in warning for warning in warnings), warnings
    with open(target, encoding="utf-8") as handle:
        text = handle.read()
    exported = yaml.load(text, Loader=ExportLoader)["webex_auto_attendants"][0]
    menu = exported["business_hours_menu"]
    assert "+1-" not in text and "future" not in text.lower()  # E.164 only, nothing the module does not know
    assert menu["audio_announcement_file"]["level"] == "ENTITY"
    assert menu["key_configurations"] == [
        {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19195559876"},
        {"key": "*", "action": "RETURN_TO_PREVIOUS_MENU"},
    ]
    assert menu["call_treatment"]["action_to_be_performed"]["transfer_call_to"] == "+19195559877"
    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target])
    assert run.rc == 0, run
    assert [item["changed"] for item in run.one("Converge the auto attendants")["result"]["results"]] == [False]
    assert sim.writes() == []


def test_preflight_fails_before_any_write_naming_the_option_and_value(sim, tmp_path):
    cases = [
        (attendant(business_schedule="No Such Hours"), "business_schedule: 'No Such Hours'"),
        (
            attendant(holiday_schedule="AUTOATTENDANT-BUSINESS-HOURS"),
            "holiday_schedule: 'AUTOATTENDANT-BUSINESS-HOURS'",
        ),
        (
            attendant(
                business_hours_menu=dict(
                    EXIT_MENU,
                    greeting="CUSTOM",
                    audio_announcement_file={
                        "file_name": "missing.wav",
                        "media_file_type": "WAV",
                        "level": "ORGANIZATION",
                    },
                )
            ),
            "business_hours_menu.audio_announcement_file: no organization audio file 'missing.wav'",
        ),
        (attendant(phone_number="+14085550100"), "phone_number: +14085550100"),
        (
            attendant(alternate_numbers=[{"phone_number": "+19705550099", "ring_pattern": "NORMAL"}]),
            "alternate_numbers: +19705550099",
        ),
    ]
    for args, message in cases:
        run, result = converge(sim, tmp_path, args)
        assert run.rc != 0 and message in result["msg"], (message, result)
        assert writes(sim) == [], result["msg"]
        # Check mode: a warning naming the option and value, the change still predicted, nothing written.
        run, result = converge(sim, tmp_path, args, check=True)
        assert run.rc == 0 and result["changed"] is True, run
        assert any(message in warning for warning in result.get("warnings", [])), (message, result)
        assert writes(sim) == []


def test_preflight_passes_for_references_that_exist_and_an_update_that_changes_none_checks_none(sim, tmp_path):
    audio = {"file_name": "hq-after-hours.wav", "media_file_type": "WAV", "level": "LOCATION"}
    args = attendant(
        phone_number="+19705550013",
        holiday_schedule="AUTOATTENDANT-HOLIDAY",
        business_hours_menu=dict(EXIT_MENU, greeting="CUSTOM", audio_announcement_file=audio),
    )
    run, result = converge(sim, tmp_path, args)
    assert run.rc == 0 and result["changed"] is True, run
    assert writes(sim) == [("POST", 201)]
    run, result = converge(sim, tmp_path, dict(args, dial_by_name="Front Desk"))
    assert run.rc == 0 and result["changed"] is True, run
    # Only the changed field is written; nothing it sends refers to a schedule, a file or a new number: no pre-flight.
    assert [(entry["method"], entry["path"].rsplit("/", 2)[-2]) for entry in sim.requests()] == [
        ("GET", "v1"),
        ("GET", "config"),
        ("GET", "autoAttendants"),
        ("PUT", "autoAttendants"),
        ("GET", "autoAttendants"),
    ]
