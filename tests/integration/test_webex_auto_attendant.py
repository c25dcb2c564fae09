"""webex_auto_attendant run by real ansible-playbook against the simulator; asserts on what the simulator received."""

import copy
import json
import threading
import time

import pytest

from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_auto_attendant"
AUDIO = {
    "id": "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw",
    "file_name": "AUDIO_FILE.wav",
    "media_file_type": "WAV",
    "level": "ORGANIZATION",
}
# The documentation example body of "Create an Auto Attendant", as module options.
DOC_EXAMPLE = {
    "location": "Headquarters",
    "name": "Main Line AA - Test",
    "phone_number": "+19705550026",
    "extension": "200",
    "first_name": "Main Line AA",
    "last_name": "Test",
    "language_code": "en_us",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "holiday_schedule": "AUTOATTENDANT-HOLIDAY",
    "extension_dialing": "ENTERPRISE",
    "name_dialing": "ENTERPRISE",
    "time_zone": "America/Los_Angeles",
    "business_hours_menu": {
        "greeting": "DEFAULT",
        "audio_announcement_file": AUDIO,
        "extension_enabled": True,
        "key_configurations": [
            {"key": "0", "action": "EXIT"},
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19175551092"},
            {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "+19073569984"},
            {"key": "3", "action": "EXTENSION_DIALING"},
            {"key": "4", "action": "TRANSFER_TO_MAILBOX", "value": "+19705550006"},
            {"key": "5", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": AUDIO},
            {"key": "6", "action": "REPEAT_MENU"},
        ],
    },
    "after_hours_menu": {
        "greeting": "DEFAULT",
        "audio_announcement_file": AUDIO,
        "extension_enabled": True,
        "key_configurations": [
            {"key": "0", "action": "EXIT"},
            {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": AUDIO},
        ],
    },
}
SMALL = {
    "location": "Headquarters",
    "name": "Reception",
    "extension": "2100",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours_menu": {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [
            {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000", "description": "Operator"},
            {"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "+19175551092", "description": "Sales"},
            {"key": "*", "action": "REPEAT_MENU"},
        ],
    },
    "after_hours_menu": {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [{"key": "0", "action": "EXIT"}],
    },
}


def converge(sim, tmp_path, args, check=False, diff=False, extra_args=()):
    """Run the module once with ARGS; return (the run, the task's result)."""
    path = write_playbook(tmp_path, [{"name": "Converge", MODULE: args, "register": "result"}])
    run = run_playbook(path, sim, check=check, diff=diff, extra_args=extra_args)
    return run, run.one("Converge")


def stored(sim, name, location="Headquarters"):
    """The auto attendants called NAME in LOCATION, as details read straight from the simulator."""
    location_id = sim.location_id(location)
    query = {"locationId": location_id, "name": name, "max": 1000}
    items = sim.api("GET", "/telephony/config/autoAttendants", params=query).json()["autoAttendants"]
    return [
        sim.api("GET", "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, item["id"])).json()
        for item in items
        if item["name"] == name
    ]


def methods(entries):
    return [entry["method"] for entry in entries]


def test_documentation_example_creates_then_is_ok(sim, tmp_path):
    run, result = converge(sim, tmp_path, DOC_EXAMPLE)
    assert run.rc == 0, run
    assert result["changed"] is True
    writes = sim.writes()
    assert methods(writes) == ["POST"] and writes[0]["status"] == 201
    assert writes[0]["body"]["name"] == "Main Line AA - Test"
    assert writes[0]["body"]["businessHoursMenu"]["keyConfigurations"][1] == {
        "key": "1",
        "action": "TRANSFER_WITHOUT_PROMPT",
        "value": "+19175551092",
    }
    returned = result["result"]["auto_attendant"]
    assert returned["id"] and returned["extension"] == "200" and returned["enabled"] is True
    assert returned["location_id"] == sim.location_id("Headquarters")

    sim.clear_requests()
    run, result = converge(sim, tmp_path, DOC_EXAMPLE)
    assert run.rc == 0, run
    assert result["changed"] is False
    assert sim.writes() == []
    # Calls at the floor for a no-op by location name: location, list, details.
    assert methods(sim.requests()) == ["GET", "GET", "GET"]
    assert len(stored(sim, "Main Line AA - Test")) == 1


def test_check_mode_reads_only_and_predicts(sim, tmp_path):
    run, result = converge(sim, tmp_path, SMALL, check=True, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True
    assert sim.writes() == []
    assert all(entry["method"] == "GET" for entry in sim.requests())
    predicted = result["result"]["auto_attendant"]
    assert predicted["name"] == "Reception" and predicted["id"] is None
    assert result["result"]["diff"]["before"] == {}
    assert stored(sim, "Reception") == []

    converge(sim, tmp_path, SMALL)
    changed = copy.deepcopy(SMALL)
    changed["business_hours_menu"]["key_configurations"][1]["value"] = "+19073569984"
    sim.clear_requests()
    run, result = converge(sim, tmp_path, changed, check=True)
    assert result["changed"] is True and sim.writes() == []
    assert result["result"]["auto_attendant"]["business_hours_menu"]["key_configurations"][1]["value"] == "+19073569984"
    run, result = converge(sim, tmp_path, SMALL, check=True)
    assert result["changed"] is False


def test_one_key_changed_is_exactly_one_put_of_that_menu(sim, tmp_path):
    converge(sim, tmp_path, SMALL)
    changed = copy.deepcopy(SMALL)
    changed["business_hours_menu"]["key_configurations"][1]["value"] = "+19073569984"
    sim.clear_requests()
    run, result = converge(sim, tmp_path, changed, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True
    writes = sim.writes()
    assert (
        methods(writes) == ["PUT"] and writes[0]["status"] == 200
    )  # the live service answers 200 (any 2xx is success)
    assert list(writes[0]["body"]) == ["businessHoursMenu"]
    keys = writes[0]["body"]["businessHoursMenu"]["keyConfigurations"]
    assert [k["key"] for k in keys] == ["0", "1", "*"] and keys[1]["value"] == "+19073569984"
    details = stored(sim, "Reception")[0]
    assert (
        details["businessHoursMenu"]["keyConfigurations"][1]["value"] == "+1-9073569984"
    )  # read back as the live service does

    diff = result["result"]["diff"]
    assert diff["before"]["business_hours_menu"]["key_configurations"][1]["value"] == "+19175551092"
    assert diff["after"]["business_hours_menu"]["key_configurations"][1]["value"] == "+19073569984"
    assert list(diff["before"]) == ["name", "extension", "business_schedule", "business_hours_menu", "after_hours_menu"]
    assert "--- before" in run.stdout and "+++ after" in run.stdout


def test_unset_options_are_left_alone(sim, tmp_path):
    converge(sim, tmp_path, SMALL)
    sim.clear_requests()
    run, result = converge(sim, tmp_path, {"location": "Headquarters", "name": "Reception", "name_dialing": "GROUP"})
    assert run.rc == 0, run
    assert result["changed"] is True
    assert [(e["method"], e["body"]) for e in sim.writes()] == [("PUT", {"nameDialing": "GROUP"})]
    details = stored(sim, "Reception")[0]
    assert details["nameDialing"] == "GROUP" and details["extension"] == "2100"


def test_delete_then_delete_again(sim, tmp_path):
    converge(sim, tmp_path, SMALL)
    sim.clear_requests()
    absent = {"location": "Headquarters", "name": "Reception", "state": "absent"}
    run, result = converge(sim, tmp_path, absent, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True
    assert methods(sim.writes()) == ["DELETE"]
    assert result["result"]["diff"]["after"] == {} and result["result"]["diff"]["before"]["name"] == "Reception"
    assert result["result"]["auto_attendant"] is None
    assert stored(sim, "Reception") == []
    sim.clear_requests()
    run, result = converge(sim, tmp_path, absent)
    assert result["changed"] is False and sim.writes() == []


def test_rate_limited_create_ends_with_one_auto_attendant(sim, tmp_path):
    sim.fault(method="POST", path="/autoAttendants$", count=2, status=429, retry_after="1")
    run, result = converge(sim, tmp_path, SMALL)
    assert run.rc == 0, run
    assert result["changed"] is True
    assert [e["status"] for e in sim.writes()] == [429, 429, 201]
    assert len(stored(sim, "Reception")) == 1


def test_dropped_connection_after_create_is_not_a_duplicate(sim, tmp_path):
    sim.fault(method="POST", path="/autoAttendants$", count=1, drop_after_commit=True)
    run, result = converge(sim, tmp_path, SMALL)
    assert run.rc == 0, run
    assert result["changed"] is True
    # The POST went through but its answer was lost: the module looked the name up instead of posting again.
    assert [e["method"] for e in sim.writes()] == ["POST"]
    assert len(stored(sim, "Reception")) == 1
    assert result["result"]["auto_attendant"]["id"] == stored(sim, "Reception")[0]["id"]


def test_match_on_a_later_page_of_a_substring_lookup(sim, tmp_path):
    # 1050 attendants whose names contain "Reception": the name filter returns them all, 1000 a page (the module asks
    # for max=1000; the simulator caps pages there).
    sim.seed_auto_attendants("Headquarters", 1050, prefix="Reception ")
    converge(sim, tmp_path, SMALL)
    sim.clear_requests()
    run, result = converge(sim, tmp_path, SMALL)
    assert run.rc == 0, run
    assert result["changed"] is False and sim.writes() == []
    lists = [e for e in sim.requests() if e["path"].endswith("/autoAttendants")]
    assert len(lists) == 2 and lists[1]["query"].get("start") == "1000"
    assert lists[1]["query"].get("name") == "Reception"


def test_location_by_id_saves_a_call_and_similar_names_are_not_confused(sim, tmp_path):
    args = dict(copy.deepcopy(SMALL), location=sim.location_id("Headquarters"))
    converge(sim, tmp_path, args)
    sim.clear_requests()
    run, result = converge(sim, tmp_path, args)
    assert result["changed"] is False
    assert [e["path"].rsplit("/", 1)[-1] for e in sim.requests()][0] == "autoAttendants"
    assert len(sim.requests()) == 2
    # Another location whose name contains "Headquarters" is a different place.
    run, result = converge(sim, tmp_path, dict(copy.deepcopy(SMALL), location="Headquarters Annex"))
    assert run.rc == 0, run
    assert result["changed"] is True
    assert len(stored(sim, "Reception", "Headquarters Annex")) == 1 and len(stored(sim, "Reception")) == 1


@pytest.mark.parametrize(
    "args, message",
    [
        ({"phone_number": "9705550026"}, "phone_number: '9705550026' is not an E.164 number"),
        ({"extension": "21a0"}, "extension: '21a0' must be 2 to 10 digits"),
        (
            {
                "business_hours_menu": {
                    "greeting": "DEFAULT",
                    "extension_enabled": True,
                    "key_configurations": [{"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "1000"}],
                }
            },
            "action TRANSFER_TO_OPERATOR takes no value",
        ),
        (
            {
                "business_hours_menu": {
                    "greeting": "DEFAULT",
                    "extension_enabled": True,
                    "key_configurations": [{"key": "1", "action": "EXIT"}, {"key": "1", "action": "REPEAT_MENU"}],
                }
            },
            "key 1 is used more than once",
        ),
        (
            {
                "after_hours_menu": {
                    "greeting": "DEFAULT",
                    "extension_enabled": True,
                    "key_configurations": [{"key": "1", "action": "TRANSFER_WITH_PROMPT"}],
                }
            },
            "action TRANSFER_WITH_PROMPT needs a value",
        ),
        (
            {"business_hours_menu": {"greeting": "HELLO", "extension_enabled": True, "key_configurations": []}},
            "value of greeting must be one of: DEFAULT, CUSTOM",
        ),
        ({"location": "Nowhere"}, "location 'Nowhere' not found"),
        ({"location": "headquarters"}, "location 'headquarters' not found"),
    ],
)
def test_bad_input_fails_clearly_without_writing(sim, tmp_path, args, message):
    run, result = converge(sim, tmp_path, dict(copy.deepcopy(SMALL), **args))
    assert run.rc != 0
    assert result["failed"] and message in result["result"]["msg"], result["result"]["msg"]
    assert sim.writes() == []
    if not args.get("location"):
        assert sim.requests() == []


def test_missing_creation_options_fail_before_any_write(sim, tmp_path):
    run, result = converge(sim, tmp_path, {"location": "Headquarters", "name": "Reception", "extension": "2100"})
    assert run.rc != 0
    assert "creating it needs business_schedule, business_hours_menu, after_hours_menu" in result["result"]["msg"]
    assert sim.writes() == []


def test_api_errors_report_status_code_message_and_tracking_id_never_the_token(sim, tmp_path):
    # The extension is taken by another attendant: only the service can tell (the pre-flight does not check it).
    location_id = sim.location_id("Headquarters")
    other = {
        "name": "Other",
        "extension": "2100",
        "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "businessHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": True,
            "keyConfigurations": [{"key": "0", "action": "EXIT"}],
        },
        "afterHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": True,
            "keyConfigurations": [{"key": "0", "action": "EXIT"}],
        },
    }
    assert sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % location_id, json=other).status_code == 201
    sim.clear_requests()
    run, result = converge(sim, tmp_path, copy.deepcopy(SMALL), extra_args=["-vvv"])
    assert run.rc != 0
    error = result["result"]["api_error"]
    assert error["method"] == "POST" and error["status"] == 400 and error["error_code"]
    assert error["tracking_id"] and error["tracking_id"] in result["result"]["msg"]
    assert "HTTP 400" in result["result"]["msg"] and "2100" in result["result"]["msg"]
    assert sim.token not in run.stdout + run.stderr + json.dumps(run.results)
    assert [e["status"] for e in sim.writes()] == [400]


def test_read_only_token_is_refused_with_a_clear_error(sim, tmp_path):
    path = write_playbook(
        tmp_path, [{"name": "Converge", MODULE: dict(SMALL, access_token=sim.read_only_token), "register": "result"}]
    )
    run = run_playbook(path, sim)
    result = run.one("Converge")["result"]
    assert run.rc != 0 and result["api_error"]["status"] == 403
    assert sim.read_only_token not in run.stdout + run.stderr
    assert stored(sim, "Reception") == []


def test_deleted_between_lookup_and_update_is_created_again_once(sim, tmp_path):
    converge(sim, tmp_path, SMALL)
    original = stored(sim, "Reception")[0]
    location_id = sim.location_id("Headquarters")
    changed = copy.deepcopy(SMALL)
    changed["business_hours_menu"]["key_configurations"][1]["value"] = "+19073569984"
    item_path = "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, original["id"])

    def delete_once_the_module_has_read_it():
        # As another admin would, between the module's read of the details and its (held back) PUT.
        for _attempt in range(600):
            if any(e["method"] == "GET" and e["path"].endswith(original["id"]) for e in sim.requests()):
                sim.api("DELETE", item_path)
                return
            time.sleep(0.05)

    sim.fault(method="PUT", path="/autoAttendants/", count=1, delay=2)
    sim.clear_requests()
    deleter = threading.Thread(target=delete_once_the_module_has_read_it)
    deleter.start()
    run, result = converge(sim, tmp_path, changed)
    deleter.join()
    assert run.rc == 0, run
    assert result["changed"] is True
    assert [(e["method"], e["status"]) for e in sim.writes()] == [("DELETE", 204), ("PUT", 404), ("POST", 201)]
    now = stored(sim, "Reception")
    assert len(now) == 1 and now[0]["businessHoursMenu"]["keyConfigurations"][1]["value"] == "+1-9073569984"
