"""Pure steps of the auto attendant resource: validation, mapping, normalisation, comparison and plan."""

import copy

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.compare import writable as as_written

AUDIO_ID = "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw"


def options(**overrides):
    """Module parameters as AnsibleModule would hand them over: every option present, unset ones None."""
    params = {field: None for field in aa_options.argument_spec()}
    params.update(
        name="Reception",
        location="Headquarters",
        state="present",
        extension="2100",
        business_schedule="AUTOATTENDANT-BUSINESS-HOURS",
        business_hours_menu=menu([key("0", "EXIT")]),
        after_hours_menu=menu([key("0", "EXIT")]),
    )
    params.update(overrides)
    return params


def key(k, action, value=None, description=None, audio=None):
    return {"key": k, "action": action, "value": value, "description": description, "audio_announcement_file": audio}


def menu(keys, greeting="DEFAULT", audio=None, call_treatment=None):
    return {
        "greeting": greeting,
        "extension_enabled": True,
        "audio_announcement_file": audio,
        "key_configurations": keys,
        "call_treatment": call_treatment,
    }


def details(**overrides):
    """A details response as the service returns it, read-only fields included."""
    body = {
        "id": "AA1",
        "name": "Reception",
        "enabled": True,
        "extension": "2100",
        "routingPrefix": "8001",
        "esn": "80012100",
        "tollFreeNumber": False,
        "language": "English",
        "languageCode": "en_us",
        "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "extensionDialing": "ENTERPRISE",
        "nameDialing": "ENTERPRISE",
        "timeZone": "America/Los_Angeles",
        "businessHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": True,
            "keyConfigurations": [{"key": "0", "action": "EXIT"}],
            "callTreatment": {
                "retryAttemptForNoInput": "NO_REPEAT",
                "noInputTimer": "10",
                "actionToBePerformed": {"action": "DISCONNECT", "greeting": "DEFAULT"},
            },
        },
        "afterHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": True,
            "keyConfigurations": [{"key": "0", "action": "EXIT"}],
        },
    }
    body.update(overrides)
    return body


# -- validation -------------------------------------------------------------------------------------------------


def test_valid_options_give_no_errors():
    assert not aa_options.validate_options(options())


@pytest.mark.parametrize(
    "overrides, fragment",
    [
        ({"phone_number": "9705550026"}, "phone_number: '9705550026' is not an E.164 number"),
        ({"extension": "12a4"}, "extension: '12a4' must be 2 to 10 digits"),
        ({"extension": "12345678901"}, "extension: '12345678901' must be 2 to 10 digits"),
        ({"name": "x" * 81}, "name: 81 characters, the maximum is 80"),
        ({"name": "bad\x07name"}, "name: must not contain control characters"),
        ({"dial_by_name": "Sales+"}, "dial_by_name: must not contain"),
        (
            {
                "alternate_numbers": [
                    {"phone_number": "+15550001", "ring_pattern": "NORMAL"},
                    {"phone_number": "+15550001", "ring_pattern": "NORMAL"},
                ]
            },
            "alternate_numbers: +15550001 is listed more than once",
        ),
        (
            {"business_hours_menu": menu([key("1", "EXIT"), key("1", "REPEAT_MENU")])},
            "business_hours_menu.key_configurations (key 1): key 1 is used more than once",
        ),
        (
            {"after_hours_menu": menu([key("2", "TRANSFER_WITH_PROMPT")])},
            "after_hours_menu.key_configurations (key 2): action TRANSFER_WITH_PROMPT needs a value",
        ),
        (
            {"after_hours_menu": menu([key("2", "TRANSFER_WITHOUT_PROMPT", value="sales")])},
            "value 'sales' is neither an E.164 number",
        ),
        (
            {"business_hours_menu": menu([key("0", "TRANSFER_TO_OPERATOR", value="1000")])},
            "action TRANSFER_TO_OPERATOR takes no value, got '1000' (the service rejects it with error 4806",
        ),
        ({"business_hours_menu": menu([key("0", "EXIT", value="1000")])}, "action EXIT takes no value"),
        (
            {"business_hours_menu": menu([key("5", "PLAY_ANNOUNCEMENT")])},
            "action PLAY_ANNOUNCEMENT needs an audio_announcement_file",
        ),
        (
            {"business_hours_menu": menu([key("5", "EXIT", audio={"id": AUDIO_ID})])},
            "audio_announcement_file is only used with action PLAY_ANNOUNCEMENT",
        ),
        (
            {"business_hours_menu": menu([key("5", "PLAY_ANNOUNCEMENT", audio={"file_name": "a.wav"})])},
            "give the announcement id, or name and level, or all of file_name, media_file_type and level",
        ),
        ({"business_hours_menu": menu([])}, "business_hours_menu.key_configurations: a menu needs at least one key"),
        (
            {"business_hours_menu": menu([key("0", "EXIT")], call_treatment={"no_input_timer": 61})},
            "business_hours_menu.call_treatment.no_input_timer: 61 is out of range",
        ),
        (
            {"direct_line_caller_id_name": {"selection": "CUSTOM_NAME", "custom_name": None}},
            "direct_line_caller_id_name: selection CUSTOM_NAME needs custom_name",
        ),
    ],
)
def test_invalid_options_are_named(overrides, fragment):
    errors = aa_options.validate_options(options(**overrides))
    assert any(fragment in error for error in errors), errors


def test_absent_only_checks_identity():
    assert not aa_options.validate_options(options(state="absent", extension="bad"))


def test_missing_for_create():
    assert aa_options.missing_for_create(options()) == []
    assert aa_options.missing_for_create(options(extension=None, business_schedule=None, after_hours_menu=None)) == [
        "business_schedule",
        "after_hours_menu",
        "phone_number or extension",
    ]


# -- mapping -----------------------------------------------------------------------------------------------------


def test_desired_leaves_unset_options_out_and_uses_api_names():
    desired = aa_compare.desired_from_options(options(time_zone=None, holiday_schedule="AUTOATTENDANT-HOLIDAY"))
    assert list(desired) == [
        "name",
        "extension",
        "businessSchedule",
        "holidaySchedule",
        "businessHoursMenu",
        "afterHoursMenu",
    ]
    assert desired["businessHoursMenu"] == {
        "greeting": "DEFAULT",
        "extensionEnabled": True,
        "keyConfigurations": [{"key": "0", "action": "EXIT"}],
    }


def test_writable_drops_read_only_fields_and_sorts_keys():
    current = aa_compare.writable(
        details(
            businessHoursMenu={
                "greeting": "DEFAULT",
                "extensionEnabled": True,
                "audioAnnouncementFile": {
                    "id": AUDIO_ID,
                    "fileName": "AUDIO_FILE.wav",
                    "fileSize": "12",
                    "isTextToSpeech": False,
                },
                "keyConfigurations": [
                    {"key": "#", "action": "EXIT"},
                    {"key": "*", "action": "REPEAT_MENU"},
                    {"key": "1", "action": "NAME_DIALING"},
                ],
            }
        )
    )
    for field in aa_compare.READ_ONLY_FIELDS:
        assert field not in current
    assert [k["key"] for k in current["businessHoursMenu"]["keyConfigurations"]] == ["1", "*", "#"]
    assert current["businessHoursMenu"]["audioAnnouncementFile"] == {"id": AUDIO_ID, "fileName": "AUDIO_FILE.wav"}


def test_to_snake_orders_fields_like_the_body():
    snake = aa_compare.to_snake(details())
    assert list(snake)[:3] == ["id", "name", "extension"]
    assert snake["business_hours_menu"]["call_treatment"]["no_input_timer"] == "10"


# -- comparison and plan ---------------------------------------------------------------------------------------


def test_same_state_is_nothing_even_with_other_key_order_and_server_extras():
    current = aa_compare.writable(
        details(
            businessHoursMenu={
                "greeting": "DEFAULT",
                "extensionEnabled": True,
                "keyConfigurations": [
                    {"key": "*", "action": "REPEAT_MENU"},
                    {"key": "0", "action": "EXIT", "description": ""},
                ],
            }
        )
    )
    wanted = aa_compare.desired_from_options(
        options(business_hours_menu=menu([key("0", "EXIT"), key("*", "REPEAT_MENU")]))
    )
    assert aa_compare.plan("present", wanted, current).action == "nothing"


def test_one_key_changed_sends_that_menu_whole_and_nothing_else():
    current = aa_compare.writable(details())
    wanted = aa_compare.desired_from_options(
        options(business_hours_menu=menu([key("0", "EXIT"), key("1", "NAME_DIALING")]))
    )
    result = aa_compare.plan("present", wanted, current)
    assert result.action == "update"
    assert list(result.body) == ["businessHoursMenu"]
    sent = result.body["businessHoursMenu"]
    assert sent["keyConfigurations"] == [{"key": "0", "action": "EXIT"}, {"key": "1", "action": "NAME_DIALING"}]
    # The call treatment the user did not set keeps the service's value.
    assert sent["callTreatment"]["noInputTimer"] == "10"
    assert result.diff()["before"]["business_hours_menu"]["key_configurations"] == [{"key": "0", "action": "EXIT"}]
    assert result.diff()["after"]["business_hours_menu"]["key_configurations"][1] == {
        "key": "1",
        "action": "NAME_DIALING",
    }


def test_description_removed_is_a_change():
    current = aa_compare.writable(
        details(
            afterHoursMenu={
                "greeting": "DEFAULT",
                "extensionEnabled": True,
                "keyConfigurations": [{"key": "0", "action": "EXIT", "description": "Bye"}],
            }
        )
    )
    wanted = aa_compare.desired_from_options(options())
    assert list(aa_compare.plan("present", wanted, current).body) == ["afterHoursMenu"]


def test_audio_files_compare_by_id_or_by_name_and_level():
    stored = {"id": AUDIO_ID, "fileName": "AUDIO_FILE.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}
    current = aa_compare.writable(
        details(
            businessHoursMenu={
                "greeting": "CUSTOM",
                "extensionEnabled": True,
                "audioAnnouncementFile": stored,
                "keyConfigurations": [{"key": "0", "action": "EXIT"}],
            }
        )
    )
    by_id = options(business_hours_menu=menu([key("0", "EXIT")], greeting="CUSTOM", audio={"id": AUDIO_ID}))
    by_name = options(
        business_hours_menu=menu(
            [key("0", "EXIT")],
            greeting="CUSTOM",
            audio={"file_name": "AUDIO_FILE.wav", "media_file_type": "WAV", "level": "ORGANIZATION"},
        )
    )
    other = options(
        business_hours_menu=menu(
            [key("0", "EXIT")],
            greeting="CUSTOM",
            audio={"file_name": "AUDIO_FILE.wav", "media_file_type": "WAV", "level": "LOCATION"},
        )
    )
    assert aa_compare.plan("present", aa_compare.desired_from_options(by_id), current).action == "nothing"
    assert aa_compare.plan("present", aa_compare.desired_from_options(by_name), current).action == "nothing"
    assert aa_compare.plan("present", aa_compare.desired_from_options(other), current).action == "update"


def test_alternate_numbers_are_a_set():
    current = aa_compare.writable(
        details(
            alternateNumbers=[
                {"phoneNumber": "+19705550030", "ringPattern": "NORMAL", "tollFreeNumber": False},
                {"phoneNumber": "+19705550031", "ringPattern": "LONG_LONG", "tollFreeNumber": False},
            ]
        )
    )
    same = options(
        alternate_numbers=[
            {"phone_number": "+19705550031", "ring_pattern": "LONG_LONG", "toll_free_number": None},
            {"phone_number": "+19705550030", "ring_pattern": "NORMAL", "toll_free_number": None},
        ]
    )
    other = options(
        alternate_numbers=[{"phone_number": "+19705550030", "ring_pattern": "NORMAL", "toll_free_number": None}]
    )
    assert aa_compare.plan("present", aa_compare.desired_from_options(same), current).action == "nothing"
    assert aa_compare.plan("present", aa_compare.desired_from_options(other), current).body == {
        "alternateNumbers": [{"phoneNumber": "+19705550030", "ringPattern": "NORMAL"}]
    }


def test_no_input_timer_compares_as_a_number():
    current = aa_compare.writable(details())
    wanted = options(
        business_hours_menu=menu(
            [key("0", "EXIT")],
            call_treatment={"retry_attempt_for_no_input": None, "no_input_timer": 10, "action_to_be_performed": None},
        )
    )
    assert aa_compare.plan("present", aa_compare.desired_from_options(wanted), current).action == "nothing"


def test_unset_options_are_left_alone():
    current = aa_compare.writable(details(holidaySchedule="AUTOATTENDANT-HOLIDAY", timeZone="Europe/Paris"))
    result = aa_compare.plan("present", aa_compare.desired_from_options(options(name_dialing="GROUP")), current)
    assert result.body == {"nameDialing": "GROUP"}
    assert list(result.diff()["before"]) == [
        "name",
        "extension",
        "business_schedule",
        "name_dialing",
        "business_hours_menu",
        "after_hours_menu",
    ]


def test_create_and_delete_plans():
    wanted = aa_compare.desired_from_options(options())
    create = aa_compare.plan("present", wanted, None)
    assert create.action == "create" and create.body == wanted
    assert create.diff()["before"] == {} and create.diff()["after"]["name"] == "Reception"
    current = aa_compare.writable(details())
    delete = aa_compare.plan("absent", {}, current)
    assert delete.action == "delete" and delete.diff()["after"] == {} and delete.diff()["before"]["name"] == "Reception"
    assert aa_compare.plan("absent", {}, None).action == "nothing"


def test_plan_does_not_modify_its_inputs():
    current = aa_compare.writable(details())
    wanted = aa_compare.desired_from_options(options(business_hours_menu=menu([key("3", "EXIT")])))
    before = copy.deepcopy((current, wanted))
    aa_compare.plan("present", wanted, current)
    assert (current, wanted) == before


def test_writable_gives_read_back_numbers_in_e164():

    details = {
        "businessHoursMenu": {
            "keyConfigurations": [
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+1-9175551092"},
                {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+442071234567"},
                {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100"},
            ],
            "callTreatment": {
                "actionToBePerformed": {"action": "TRANSFER_WITH_PROMPT", "transferCallTo": "+1-9705550006"}
            },
        }
    }
    menu = as_written(details)["businessHoursMenu"]
    assert [key["value"] for key in menu["keyConfigurations"]] == ["+19175551092", "+442071234567", "2100"]
    assert menu["callTreatment"]["actionToBePerformed"]["transferCallTo"] == "+19705550006"
    assert details["businessHoursMenu"]["keyConfigurations"][0]["value"] == "+1-9175551092"
