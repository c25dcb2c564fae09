"""The module copes with what the real service does (tests/simulator/README.md, "Live-verified behaviour").

Each task is webex_auto_attendant's work computed in this process (helpers.task_result) against the simulator over
HTTP; assertions on what the simulator received. tests/integration/test_live_fidelity.py keeps the export and apply
playbooks over an attendant made elsewhere.
"""

import copy

from tests.builders import AA_MODULE as MODULE
from tests.component.helpers import task_result

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


def converge(sim, client, args, check=False):
    sim.clear_requests()
    return task_result(client, MODULE, args, check_mode=check)


def writes(sim):
    return [(entry["method"], entry["status"]) for entry in sim.writes()]


def test_numbers_the_service_reformats_compare_equal_and_rerun_writes_nothing(sim, client):
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
    result = converge(sim, client, args)
    assert not result["failed"] and result["changed"] is True, result
    details = sim.api("GET", "/telephony/config/autoAttendants", params={"name": "Reception"}).json()["autoAttendants"][
        0
    ]
    stored = sim.api(
        "GET", "/telephony/config/locations/%s/autoAttendants/%s" % (sim.location_id("Headquarters"), details["id"])
    ).json()
    assert stored["businessHoursMenu"]["keyConfigurations"][0]["value"] == "+1-9175551092"  # the live read-back form
    # The module reports what it stored in E.164, never the read-back form.
    assert result["auto_attendant"]["business_hours_menu"]["key_configurations"][0]["value"] == "+19175551092"
    result = converge(sim, client, args)
    assert not result["failed"] and result["changed"] is False, result
    assert writes(sim) == []
    assert [entry["method"] for entry in sim.requests()] == ["GET", "GET", "GET"]  # location, list, details


def test_a_menu_sent_whole_leaves_out_the_fields_the_request_schema_lacks_and_put_200_is_success(sim, client):
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
    result = converge(sim, client, attendant(business_hours_menu=menu))
    assert not result["failed"] and result["changed"] is True, result
    assert writes(sim) == [("PUT", 200)]
    sent = sim.writes()[0]["body"]["businessHoursMenu"]
    # The 2026 request schema's fields only: the service refuses a field it shows read only, or does not know, there.
    assert "futureMenuField" not in sent
    assert sent["keyConfigurations"] == [{"key": "0", "action": "EXIT", "description": "Bye"}]


def test_operator_value_from_the_service_is_left_out_with_a_warning(sim, client):
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
    result = converge(sim, client, attendant(business_hours_menu=menu))
    assert not result["failed"] and result["changed"] is False, result
    assert writes(sim) == []
    assert any(
        "'Reception'" in warning and "key 0" in warning and "TRANSFER_TO_OPERATOR" in warning
        for warning in result.get("warnings", [])
    ), result


def test_preflight_fails_before_any_write_naming_the_option_and_value(sim, client):
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
        result = converge(sim, client, args)
        assert result["failed"] and message in result["msg"], (message, result)
        assert writes(sim) == [], result["msg"]
        # Check mode: a warning naming the option and value, the change still predicted, nothing written.
        result = converge(sim, client, args, check=True)
        assert not result["failed"] and result["changed"] is True, result
        assert any(message in warning for warning in result.get("warnings", [])), (message, result)
        assert writes(sim) == []


def test_preflight_passes_for_references_that_exist_and_an_update_that_changes_none_checks_none(sim, client):
    audio = {"file_name": "hq-after-hours.wav", "media_file_type": "WAV", "level": "LOCATION"}
    args = attendant(
        phone_number="+19705550013",
        holiday_schedule="AUTOATTENDANT-HOLIDAY",
        business_hours_menu=dict(EXIT_MENU, greeting="CUSTOM", audio_announcement_file=audio),
    )
    result = converge(sim, client, args)
    assert not result["failed"] and result["changed"] is True, result
    assert writes(sim) == [("POST", 201)]
    result = converge(sim, client, dict(args, dial_by_name="Front Desk"))
    assert not result["failed"] and result["changed"] is True, result
    # Only the changed field is written; nothing it sends refers to a schedule, a file or a new number: no pre-flight.
    assert [(entry["method"], entry["path"].rsplit("/", 2)[-2]) for entry in sim.requests()] == [
        ("GET", "v1"),
        ("GET", "config"),
        ("GET", "autoAttendants"),
        ("PUT", "autoAttendants"),
        ("GET", "autoAttendants"),
    ]
