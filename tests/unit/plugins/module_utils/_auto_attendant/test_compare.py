"""_auto_attendant/compare.py: what the options become (desired_from_options()), how details read back are normalised
(writable(), with_e164_numbers()), what is reported as changed (differences()), what an update sends (changes()), the
warnings about operator keys, and the plan."""

import copy

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import resolve as aa_resolve
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.compare import writable as as_written
from tests.builders import aa_options as attendant_options
from tests.builders import api_menu, key
from tests.unit.plugins.module_utils._auto_attendant.shared import (
    AUDIO_ID,
    WELCOME,
    Lookups,
    details,
    module_options,
    params,
    params_key,
    params_menu,
    validated,
)

WELCOME_FILE = {"fileName": "welcome.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}


# -- mapping: options -> body, details -> what is compared ----------------------------------------------------------


def test_desired_leaves_unset_options_out_and_uses_api_names():
    desired = aa_compare.desired_from_options(params(time_zone=None, holiday_schedule="AUTOATTENDANT-HOLIDAY"))
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


def test_toll_free_number_is_never_sent():
    """An alternate number's toll_free_number is the service's to derive: the body leaves it out, whatever its value."""
    options = attendant_options(
        alternate_numbers=[
            dict(phone_number="+15551230001", ring_pattern="NORMAL", toll_free_number=True),
            dict(phone_number="+15551230002", ring_pattern="LONG_LONG", toll_free_number=False),
        ]
    )
    assert aa_compare.desired_from_options(options)["alternateNumbers"] == [
        {"phoneNumber": "+15551230001", "ringPattern": "NORMAL"},
        {"phoneNumber": "+15551230002", "ringPattern": "LONG_LONG"},
    ]


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


def test_writable_normalises_every_number_and_drops_operator_values():
    details = {
        "phoneNumber": "+1-9705550010",
        "alternateNumbers": [{"phoneNumber": "+1-9705550011", "ringPattern": "NORMAL"}],
        "businessHoursMenu": api_menu(
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+1-9195559876"},
            {"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2000"},
            callTreatment={
                "actionToBePerformed": {"action": "TRANSFER_WITH_PROMPT", "transferCallTo": "+1-9195559877"}
            },
        ),
        "afterHoursMenu": api_menu(),
    }
    current = aa_compare.writable(details)
    assert current["phoneNumber"] == "+19705550010"
    assert current["alternateNumbers"][0]["phoneNumber"] == "+19705550011"
    assert current["businessHoursMenu"]["keyConfigurations"] == [
        {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19195559876"},
    ]
    assert current["businessHoursMenu"]["callTreatment"]["actionToBePerformed"]["transferCallTo"] == "+19195559877"
    assert details["businessHoursMenu"]["keyConfigurations"][0]["value"] == "+1-9195559876"  # the input is untouched
    assert aa_compare.operator_values(details) == [("business_hours_menu", "0", "2000")]
    desired = {
        "phoneNumber": "+19705550010",
        "businessHoursMenu": {
            "keyConfigurations": [
                {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19195559876"},
            ]
        },
    }
    assert aa_compare.differences(desired, current) == []


def test_writable_normalises_an_after_hours_menu_when_there_is_no_business_menu():
    """Keys sorted, read-only audio fields dropped, numbers in E.164: in the after hours menu too, alone."""
    details = {
        "id": "AA1",
        "name": "Reception",
        "afterHoursMenu": {
            "greeting": "CUSTOM",
            "audioAnnouncementFile": dict(WELCOME_FILE, id="F1", fileSize="120", isTextToSpeech=False),
            "keyConfigurations": [
                {"key": "A", "action": "EXIT"},
                {"key": "#", "action": "EXIT"},
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+1-408-555-1234"},
                {"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2100"},
            ],
            "callTreatment": {
                "actionToBePerformed": {
                    "action": "TRANSFER_WITH_PROMPT",
                    "transferCallTo": "+1-408-555-9876",
                    "audioAnnouncementFile": dict(WELCOME_FILE, id="F1", fileSize="120", isTextToSpeech=True),
                }
            },
        },
    }
    assert aa_compare.writable(details) == {
        "name": "Reception",
        "afterHoursMenu": {
            "greeting": "CUSTOM",
            "audioAnnouncementFile": dict(WELCOME_FILE, id="F1"),
            "keyConfigurations": [
                {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+14085551234"},
                {"key": "#", "action": "EXIT"},
                {"key": "A", "action": "EXIT"},  # a key the module does not know (a newer API's) comes last
            ],
            "callTreatment": {
                "actionToBePerformed": {
                    "action": "TRANSFER_WITH_PROMPT",
                    "transferCallTo": "+14085559876",
                    "audioAnnouncementFile": dict(WELCOME_FILE, id="F1"),
                }
            },
        },
    }


def test_writable_drops_read_only_audio_fields_of_a_call_treatment():
    """The call treatment's audio file loses fileSize and isTextToSpeech, so it compares equal to the wanted file."""
    audio = dict(WELCOME_FILE, id="F1", fileSize="120", isTextToSpeech=False)
    details = {
        "businessHoursMenu": {
            "callTreatment": {
                "actionToBePerformed": {"action": "PLAY_MESSAGE_AND_DISCONNECT", "audioAnnouncementFile": audio}
            }
        }
    }
    assert aa_compare.writable(details) == {
        "businessHoursMenu": {
            "callTreatment": {
                "actionToBePerformed": {
                    "action": "PLAY_MESSAGE_AND_DISCONNECT",
                    "audioAnnouncementFile": dict(WELCOME_FILE, id="F1"),
                }
            }
        }
    }


def test_writable_keeps_a_key_entry_that_is_not_a_dictionary_last_as_it_came():
    """A key entry the service sends as null (or anything but an object) sorts last and is left alone, no crash; a
    key the module does not know sorts with it, in the order read, and is still normalised."""
    details = {
        "businessHoursMenu": {
            "keyConfigurations": [
                None,
                {"key": "A", "action": "TRANSFER_TO_OPERATOR", "value": "2100"},
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+1-408-555-1234"},
                {"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2100"},
            ]
        }
    }
    assert aa_compare.writable(details) == {
        "businessHoursMenu": {
            "keyConfigurations": [
                {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+14085551234"},
                None,
                {"key": "A", "action": "TRANSFER_TO_OPERATOR"},
            ]
        }
    }


def test_with_e164_numbers_skips_an_alternate_entry_without_a_number():
    """An alternate number entry without phoneNumber is kept as it is; the others are normalised."""
    details = {"alternateNumbers": [{"ringPattern": "NORMAL"}, {"phoneNumber": "+1-408-555-1234"}]}
    assert aa_compare.with_e164_numbers(details) == {
        "alternateNumbers": [{"ringPattern": "NORMAL"}, {"phoneNumber": "+14085551234"}]
    }


@pytest.mark.parametrize("business", [None, {"greeting": "DEFAULT"}])
def test_with_e164_numbers_normalises_the_after_hours_menu(business):
    """After hours key values and transfer numbers are normalised, with or without a business hours menu."""
    details = {
        "afterHoursMenu": {
            "keyConfigurations": [{"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "+1-408-555-1234"}],
            "callTreatment": {"actionToBePerformed": {"transferCallTo": "+1 408 555 9876"}},
        }
    }
    if business is not None:
        details["businessHoursMenu"] = business
    expected = {
        "afterHoursMenu": {
            "keyConfigurations": [{"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "+14085551234"}],
            "callTreatment": {"actionToBePerformed": {"transferCallTo": "+14085559876"}},
        }
    }
    if business is not None:
        expected["businessHoursMenu"] = business
    assert aa_compare.with_e164_numbers(details) == expected


def test_operator_warnings_of_an_attendant_with_one_menu():
    """An operator key's stored value is warned about when the attendant shows only one of the two menus."""
    details = {
        "businessHoursMenu": {"keyConfigurations": [{"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2100"}]}
    }
    assert aa_compare.operator_value_warnings(details, "auto attendant 'Reception'") == [
        "auto attendant 'Reception': business_hours_menu key 0 is TRANSFER_TO_OPERATOR with value '2100' as stored by "
        "the service; the value is left out (the API refuses one, error 4806)"
    ]


def test_to_snake_orders_fields_like_the_body():
    snake = aa_compare.to_snake(details())
    assert list(snake)[:3] == ["id", "name", "extension"]
    assert snake["business_hours_menu"]["call_treatment"]["no_input_timer"] == "10"


# -- differences(): the option paths a changed or not-applied attendant is reported with ----------------------------


def test_a_changed_menu_part_is_reported_by_its_option_path():
    """A menu that differs in one part names that part, in the business hours and the after hours menu alike."""
    current = {
        "businessHoursMenu": {"greeting": "DEFAULT", "extensionEnabled": True},
        "afterHoursMenu": {"greeting": "DEFAULT", "extensionEnabled": True},
    }
    desired = {"businessHoursMenu": {"greeting": "CUSTOM"}, "afterHoursMenu": {"extensionEnabled": False}}
    assert aa_compare.differences(desired, current) == [
        "business_hours_menu.greeting",
        "after_hours_menu.extension_enabled",
    ]


def test_every_changed_top_level_field_is_reported():
    """Every differing field is named, not only the first one."""
    current = {"name": "Reception", "extension": "2100", "timeZone": "America/Los_Angeles"}
    desired = {"name": "Reception", "extension": "2200", "timeZone": "Europe/Paris"}
    assert aa_compare.differences(desired, current) == ["extension", "time_zone"]


def test_a_menu_the_service_does_not_have_is_reported_whole():
    """A wanted menu the attendant lacks is named as the menu option, without parts."""
    assert aa_compare.differences({"afterHoursMenu": {"greeting": "DEFAULT"}}, {}) == ["after_hours_menu"]


def test_a_call_treatment_the_service_does_not_have_is_a_change():
    """A wanted call treatment is a change when the service shows none."""
    current = {"businessHoursMenu": {"greeting": "DEFAULT"}}
    desired = {"businessHoursMenu": {"callTreatment": {"noInputTimer": 10}}}
    assert aa_compare.differences(desired, current) == ["business_hours_menu.call_treatment"]


@pytest.mark.parametrize("have", [{"noInputTimer": "10"}, {"retryAttemptForNoInput": "NO_REPEAT"}])
def test_a_different_or_missing_no_input_timer_is_a_change(have):
    """The no-input timer compares as a number: 20 is not "10", and a timer the service does not show differs."""
    current = {"businessHoursMenu": {"callTreatment": have}}
    desired = {"businessHoursMenu": {"callTreatment": {"noInputTimer": 20}}}
    assert aa_compare.differences(desired, current) == ["business_hours_menu.call_treatment"]


def test_an_audio_file_without_id_differs_by_file_name_or_media_type():
    """A greeting given by file name, level and type is another file when the name or the type differs."""
    stored = dict(WELCOME_FILE, id="F1", fileSize="120")
    for wanted in (dict(WELCOME_FILE, fileName="closed.wav"), dict(WELCOME_FILE, mediaFileType="WMA")):
        current = {"businessHoursMenu": {"greeting": "CUSTOM", "audioAnnouncementFile": stored}}
        desired = {"businessHoursMenu": {"greeting": "CUSTOM", "audioAnnouncementFile": wanted}}
        assert aa_compare.differences(desired, current) == ["business_hours_menu.audio_announcement_file"]
    desired = {"businessHoursMenu": {"greeting": "CUSTOM", "audioAnnouncementFile": dict(WELCOME_FILE)}}
    assert aa_compare.differences(desired, current) == []


def test_an_audio_file_with_id_compares_by_id_only():
    """A greeting given by id is the same file whatever name the service now shows for it (renamed since)."""
    current = {"businessHoursMenu": {"audioAnnouncementFile": dict(WELCOME_FILE, id="F1", fileName="renamed.wav")}}
    desired = {"businessHoursMenu": {"audioAnnouncementFile": dict(WELCOME_FILE, id="F1")}}
    assert aa_compare.differences(desired, current) == []
    assert aa_compare.changes(desired, current) == {}


def test_a_key_whose_audio_file_is_removed_is_a_change():
    """A key wanted without an audio file differs from the same key that has one."""
    have = [{"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": dict(WELCOME_FILE, id="F1")}]
    assert aa_compare.differing_keys([{"key": "1", "action": "PLAY_ANNOUNCEMENT"}], have) == ["1"]
    assert aa_compare.differences(
        {"businessHoursMenu": {"keyConfigurations": [{"key": "1", "action": "PLAY_ANNOUNCEMENT"}]}},
        {"businessHoursMenu": {"keyConfigurations": have}},
    ) == ["business_hours_menu.key_configurations (key 1)"]


def test_differing_keys_are_named_in_keypad_order():
    """Keys are listed 0-9, then * and # (the keypad order), not in character order."""
    want = [key("#", "EXIT"), key("*", "EXIT"), key("0", "EXIT")]
    have = [{"key": key, "action": "REPEAT_MENU"} for key in ("0", "*", "#")]
    assert aa_compare.differing_keys(want, have) == ["0", "*", "#"]


def test_after_hours_keys_compare_as_a_set():
    """The after hours menu's keys in another order than the service's are no change, as in the business menu."""
    have = {"afterHoursMenu": {"greeting": "DEFAULT", "keyConfigurations": [key("0", "EXIT"), key("1", "EXIT")]}}
    assert (
        aa_compare.differences({"afterHoursMenu": {"keyConfigurations": [key("1", "EXIT"), key("0", "EXIT")]}}, have)
        == []
    )
    assert aa_compare.plan(
        "present", {"afterHoursMenu": {"keyConfigurations": [key("1", "EXIT"), key("0", "EXIT")]}}, have
    ).action == ("nothing")


@pytest.mark.parametrize(
    "want, have, paths",
    [
        # The custom name only counts with CUSTOM_NAME: the service keeps none otherwise.
        ({"selection": "DISPLAY_NAME", "customName": "Front desk"}, {"selection": "DISPLAY_NAME"}, []),
        (
            {"selection": "CUSTOM_NAME", "customName": "Front desk"},
            {"selection": "CUSTOM_NAME", "customName": "Front desk"},
            [],
        ),
        (
            {"selection": "CUSTOM_NAME", "customName": "Front desk"},
            {"selection": "CUSTOM_NAME", "customName": "Reception"},
            ["direct_line_caller_id_name"],
        ),
        (
            {"selection": "DISPLAY_NAME"},
            {"selection": "CUSTOM_NAME", "customName": "Reception"},
            ["direct_line_caller_id_name"],
        ),
        ({"selection": "DISPLAY_NAME"}, None, ["direct_line_caller_id_name"]),
    ],
)
def test_direct_line_caller_id_name_compares_the_custom_name_only_when_selected(want, have, paths):
    """Selection decides; the custom name is compared only when the selection is CUSTOM_NAME."""
    current = {} if have is None else {"directLineCallerIdName": have}
    assert aa_compare.differences({"directLineCallerIdName": want}, current) == paths
    assert aa_compare.changes({"directLineCallerIdName": want}, current) == (
        {"directLineCallerIdName": want} if paths else {}
    )


# -- plan() ---------------------------------------------------------------------------------------------------------


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
        params(business_hours_menu=params_menu([params_key("0", "EXIT"), params_key("*", "REPEAT_MENU")]))
    )
    assert aa_compare.plan("present", wanted, current).action == "nothing"


def test_one_key_changed_sends_that_menu_whole_and_nothing_else():
    current = aa_compare.writable(details())
    wanted = aa_compare.desired_from_options(
        params(business_hours_menu=params_menu([params_key("0", "EXIT"), params_key("1", "NAME_DIALING")]))
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
    wanted = aa_compare.desired_from_options(params())
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
    by_id = params(
        business_hours_menu=params_menu([params_key("0", "EXIT")], greeting="CUSTOM", audio={"id": AUDIO_ID})
    )
    by_name = params(
        business_hours_menu=params_menu(
            [params_key("0", "EXIT")],
            greeting="CUSTOM",
            audio={"file_name": "AUDIO_FILE.wav", "media_file_type": "WAV", "level": "ORGANIZATION"},
        )
    )
    other = params(
        business_hours_menu=params_menu(
            [params_key("0", "EXIT")],
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
    same = params(
        alternate_numbers=[
            {"phone_number": "+19705550031", "ring_pattern": "LONG_LONG", "toll_free_number": None},
            {"phone_number": "+19705550030", "ring_pattern": "NORMAL", "toll_free_number": None},
        ]
    )
    other = params(
        alternate_numbers=[{"phone_number": "+19705550030", "ring_pattern": "NORMAL", "toll_free_number": None}]
    )
    assert aa_compare.plan("present", aa_compare.desired_from_options(same), current).action == "nothing"
    assert aa_compare.plan("present", aa_compare.desired_from_options(other), current).body == {
        "alternateNumbers": [{"phoneNumber": "+19705550030", "ringPattern": "NORMAL"}]
    }


def test_no_input_timer_compares_as_a_number():
    current = aa_compare.writable(details())
    wanted = params(
        business_hours_menu=params_menu(
            [params_key("0", "EXIT")],
            call_treatment={"retry_attempt_for_no_input": None, "no_input_timer": 10, "action_to_be_performed": None},
        )
    )
    assert aa_compare.plan("present", aa_compare.desired_from_options(wanted), current).action == "nothing"


def test_unset_options_are_left_alone():
    current = aa_compare.writable(details(holidaySchedule="AUTOATTENDANT-HOLIDAY", timeZone="Europe/Paris"))
    result = aa_compare.plan("present", aa_compare.desired_from_options(params(name_dialing="GROUP")), current)
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
    wanted = aa_compare.desired_from_options(params())
    create = aa_compare.plan("present", wanted, None)
    assert create.action == "create" and create.body == wanted
    assert create.diff()["before"] == {} and create.diff()["after"]["name"] == "Reception"
    current = aa_compare.writable(details())
    delete = aa_compare.plan("absent", {}, current)
    assert delete.action == "delete" and delete.diff()["after"] == {} and delete.diff()["before"]["name"] == "Reception"
    assert aa_compare.plan("absent", {}, None).action == "nothing"


def test_plan_does_not_modify_its_inputs():
    current = aa_compare.writable(details())
    wanted = aa_compare.desired_from_options(params(business_hours_menu=params_menu([params_key("3", "EXIT")])))
    before = copy.deepcopy((current, wanted))
    aa_compare.plan("present", wanted, current)
    assert (current, wanted) == before


def test_a_resolved_file_compares_by_id_so_a_rerun_is_nothing_and_another_file_is_a_change():
    params = aa_resolve.resolve_announcement_names(
        Lookups(WELCOME), validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    )
    wanted = aa_compare.desired_from_options(params)
    # The attendant as the service shows it after the first run: the same file, with the fields it adds.
    stored = {"id": "ANN-WELCOME", "fileName": "welcome.wav", "mediaFileType": "WAV", "level": "LOCATION"}
    details = copy.deepcopy(wanted)
    details["businessHoursMenu"]["audioAnnouncementFile"] = dict(stored, fileSize="120", isTextToSpeech=False)
    assert aa_compare.plan("present", wanted, aa_compare.writable(details)).action == "nothing"
    details["businessHoursMenu"]["audioAnnouncementFile"] = dict(stored, id="ANN-OTHER")
    the_plan = aa_compare.plan("present", wanted, aa_compare.writable(details))
    assert the_plan.action == "update"
    assert the_plan.body["businessHoursMenu"]["audioAnnouncementFile"]["id"] == "ANN-WELCOME"


# -- changes(): the body of an update -------------------------------------------------------------------------------
#
# A changed menu is sent whole, with what the service knows and the user did not set kept: the service's full
# description of an audio file the user gives by name (its id), the parts of a call treatment the user left out, and
# the greeting of the same call treatment action. It carries the fields of the 2026 request schema only: a menu, key or
# audio field the module does not manage (a read-only one, a newer API version's) is left out, noInputTimer is a
# string, and the call treatment's action always has a greeting (DEFAULT when nobody names one).


CLOSED_FILE = {"fileName": "closed.wma", "mediaFileType": "WMA", "level": "ORGANIZATION"}


def service_attendant():
    """Writable details (as writable() makes them) of an attendant with service-side extras."""
    return {
        "name": "Reception",
        "businessHoursMenu": {
            "greeting": "CUSTOM",
            "extensionEnabled": True,
            "audioAnnouncementFile": dict(WELCOME_FILE, id="F1"),
            "keyConfigurations": [
                {"key": "2", "action": "EXIT", "futureFlag": True, "futureSettings": {"modes": ["kept"]}},
                {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100", "futureFlag": False},
                {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": dict(CLOSED_FILE, id="F2")},
                {"key": "3", "action": "EXIT", "description": "Bye"},
            ],
            "callTreatment": {
                "retryAttemptForNoInput": "NO_REPEAT",
                "noInputTimer": "10",
                "actionToBePerformed": {"action": "DISCONNECT", "greeting": "DEFAULT"},
            },
            "futureMenuField": {"mode": "kept"},
        },
    }


def wanted_attendant():
    return {
        "name": "Reception",
        "businessHoursMenu": {
            "greeting": "CUSTOM",
            "extensionEnabled": False,
            "audioAnnouncementFile": dict(WELCOME_FILE),
            "keyConfigurations": [
                {"key": "3", "action": "EXIT"},
                {"key": "2", "action": "EXIT"},
                {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": dict(CLOSED_FILE)},
                {"key": "0", "action": "EXIT"},
            ],
            "callTreatment": {"noInputTimer": 20, "actionToBePerformed": {"action": "PLAY_MESSAGE_AND_DISCONNECT"}},
        },
    }


def test_a_changed_menu_is_sent_whole_with_what_the_service_knows():
    assert aa_compare.changes(wanted_attendant(), service_attendant()) == {
        "businessHoursMenu": {
            "greeting": "CUSTOM",
            "extensionEnabled": False,
            "audioAnnouncementFile": dict(WELCOME_FILE, id="F1"),
            "keyConfigurations": [
                {"key": "0", "action": "EXIT"},
                {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": dict(CLOSED_FILE, id="F2")},
                {"key": "2", "action": "EXIT"},
                {"key": "3", "action": "EXIT"},
            ],
            "callTreatment": {
                "retryAttemptForNoInput": "NO_REPEAT",
                "noInputTimer": "20",
                "actionToBePerformed": {"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "DEFAULT"},
            },
        }
    }


def test_another_audio_file_is_sent_as_the_user_gives_it():
    want = wanted_attendant()
    want["businessHoursMenu"]["audioAnnouncementFile"] = dict(CLOSED_FILE)
    want["businessHoursMenu"]["keyConfigurations"][2]["audioAnnouncementFile"] = dict(WELCOME_FILE)
    sent = aa_compare.changes(want, service_attendant())["businessHoursMenu"]
    assert sent["audioAnnouncementFile"] == CLOSED_FILE
    assert sent["keyConfigurations"][1] == {
        "key": "1",
        "action": "PLAY_ANNOUNCEMENT",
        "audioAnnouncementFile": WELCOME_FILE,
    }


def test_a_menu_the_service_does_not_have_is_sent_as_wanted():
    have = service_attendant()
    del have["businessHoursMenu"]
    sent = aa_compare.changes(wanted_attendant(), have)["businessHoursMenu"]
    want = wanted_attendant()["businessHoursMenu"]
    assert sent == dict(
        want,
        keyConfigurations=sorted(want["keyConfigurations"], key=lambda entry: entry["key"]),
        callTreatment={
            "noInputTimer": "20",
            "actionToBePerformed": {"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "DEFAULT"},
        },
    )
    have["businessHoursMenu"] = "not a menu"
    assert aa_compare.changes(wanted_attendant(), have)["businessHoursMenu"] == sent


def test_the_body_shares_nothing_with_its_inputs():
    want, have = wanted_attendant(), service_attendant()
    body = aa_compare.changes(want, have)
    menu = body["businessHoursMenu"]
    menu["audioAnnouncementFile"]["id"] = "changed"
    menu["callTreatment"]["actionToBePerformed"]["action"] = "changed"
    for entry in menu["keyConfigurations"]:
        entry["action"] = "changed"
        entry.get("audioAnnouncementFile", {})["id"] = "changed"
    assert want == wanted_attendant() and have == service_attendant()
    # The same with an action whose greeting and audio file come from the service.
    want["businessHoursMenu"]["callTreatment"] = {"actionToBePerformed": {"action": "PLAY_MESSAGE_AND_DISCONNECT"}}
    have["businessHoursMenu"]["callTreatment"]["actionToBePerformed"] = {
        "action": "PLAY_MESSAGE_AND_DISCONNECT",
        "greeting": "CUSTOM",
        "audioAnnouncementFile": dict(CLOSED_FILE, id="F2"),
    }
    frozen_want, frozen_have = copy.deepcopy(want), copy.deepcopy(have)
    action = aa_compare.changes(want, have)["businessHoursMenu"]["callTreatment"]["actionToBePerformed"]
    action["audioAnnouncementFile"]["id"] = "changed"
    assert (want, have) == (frozen_want, frozen_have)


def test_changes_and_plan_leave_their_inputs_alone():
    want, have = wanted_attendant(), service_attendant()
    frozen_want, frozen_have = copy.deepcopy(want), copy.deepcopy(have)
    aa_compare.plan("present", want, have)
    assert want == frozen_want and have == frozen_have


def test_the_order_of_the_menu_options_makes_no_difference():
    # The options keep the order the user wrote them in: call_treatment may come before the keys.
    want = wanted_attendant()
    menu = want["businessHoursMenu"]
    want["businessHoursMenu"] = {"callTreatment": menu.pop("callTreatment"), **menu}
    assert list(want["businessHoursMenu"])[:2] == ["callTreatment", "greeting"]
    assert aa_compare.changes(want, service_attendant()) == aa_compare.changes(wanted_attendant(), service_attendant())


def test_a_changed_after_hours_menu_is_sent_whole_with_the_service_s_parts():
    """The after hours menu is merged like the business menu: the parts the user left out keep the service's values."""
    current = {
        "afterHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": True,
            "keyConfigurations": [key("0", "EXIT")],
            "callTreatment": {"retryAttemptForNoInput": "NO_REPEAT", "noInputTimer": "10"},
        }
    }
    assert aa_compare.changes({"afterHoursMenu": {"extensionEnabled": False}}, current) == {
        "afterHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": False,
            "keyConfigurations": [key("0", "EXIT")],
            "callTreatment": {"retryAttemptForNoInput": "NO_REPEAT", "noInputTimer": "10"},
        }
    }


def test_a_menu_sent_whole_carries_the_request_schema_s_fields_only():
    # Read-only fields (an audio file's type, fileSize, isTextToSpeech) and fields the module does not know, at every
    # level of the menu, are never sent back: the service refuses them (issue: read-only audio fields refused).
    audio = dict(CLOSED_FILE, id="F2", type="ANNOUNCEMENT", fileSize="12", isTextToSpeech=False)
    have = {
        "greeting": "CUSTOM",
        "extensionEnabled": True,
        "future": 1,
        "audioAnnouncementFile": dict(audio),
        "keyConfigurations": [
            {"key": "0", "action": "EXIT", "extra": "x"},
            {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": dict(audio), "extra": "y"},
        ],
        "callTreatment": {
            "noInputTimer": "10",
            "later": True,
            "actionToBePerformed": {
                "action": "PLAY_MESSAGE_AND_DISCONNECT",
                "greeting": "CUSTOM",
                "audioAnnouncementFile": dict(audio),
                "later": 2,
            },
        },
    }
    want = {
        "keyConfigurations": [
            {"key": "0", "action": "EXIT", "description": "Bye"},
            {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": {"id": "F2"}},
        ]
    }
    update = aa_compare.changes({"businessHoursMenu": want}, {"businessHoursMenu": have})
    schema_audio = dict(CLOSED_FILE, id="F2")
    assert update["businessHoursMenu"] == {
        "greeting": "CUSTOM",
        "extensionEnabled": True,
        "audioAnnouncementFile": schema_audio,
        "keyConfigurations": [
            {"key": "0", "action": "EXIT", "description": "Bye"},
            {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": schema_audio},
        ],
        "callTreatment": {
            "noInputTimer": "10",
            "actionToBePerformed": {
                "action": "PLAY_MESSAGE_AND_DISCONNECT",
                "greeting": "CUSTOM",
                "audioAnnouncementFile": schema_audio,
            },
        },
    }


@pytest.mark.parametrize(
    "wanted,service,sent",
    [
        # The user names the greeting: sent as named.
        ({"action": "DISCONNECT", "greeting": "CUSTOM"}, None, {"action": "DISCONNECT", "greeting": "CUSTOM"}),
        # Nobody names one: the document requires it, DEFAULT is sent.
        ({"action": "DISCONNECT"}, None, {"action": "DISCONNECT", "greeting": "DEFAULT"}),
        ({"action": "DISCONNECT"}, {"action": "DISCONNECT"}, {"action": "DISCONNECT", "greeting": "DEFAULT"}),
        # The service's, for the same action, with its file when that greeting is CUSTOM.
        (
            {"action": "PLAY_MESSAGE_AND_DISCONNECT"},
            {"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "CUSTOM", "audioAnnouncementFile": {"id": "F9"}},
            {"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "CUSTOM", "audioAnnouncementFile": {"id": "F9"}},
        ),
        # Another action: the service's greeting is not the user's.
        (
            {"action": "DISCONNECT"},
            {"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "CUSTOM", "audioAnnouncementFile": {"id": "F9"}},
            {"action": "DISCONNECT", "greeting": "DEFAULT"},
        ),
    ],
)
def test_the_call_treatment_action_is_always_sent_with_a_greeting(wanted, service, sent):
    have = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [key("0", "EXIT")]}
    if service is not None:
        have["callTreatment"] = {"actionToBePerformed": service}
    want = {
        "extensionEnabled": False,
        "callTreatment": {"actionToBePerformed": wanted},
    }  # a change, whatever the action
    update = aa_compare.changes({"businessHoursMenu": want}, {"businessHoursMenu": have})
    assert update["businessHoursMenu"]["callTreatment"]["actionToBePerformed"] == sent
    created = aa_compare.plan("present", {"businessHoursMenu": dict(have, **want)}, None).body
    assert created["businessHoursMenu"]["callTreatment"]["actionToBePerformed"]["greeting"] == (
        wanted.get("greeting") or "DEFAULT"
    )


# -- clearing: "" equals what the service shows after a clear (left out, or empty) ------------------------------------


@pytest.mark.parametrize("field", aa_compare.CLEARABLE_TEXT_FIELDS)
@pytest.mark.parametrize("have,equal", [(None, True), ("", True), ("Front", False)])
def test_a_cleared_text_field_equals_a_field_left_out_or_empty(field, have, equal):
    assert aa_compare.field_equal(field, "", have) is equal
    current = {} if have is None else {field: have}
    assert (aa_compare.differences({field: ""}, current) == []) is equal


@pytest.mark.parametrize(
    "want,have,equal",
    [
        # The display name is shown: a custom name given for later is not compared, a cleared one is.
        ({"selection": "DISPLAY_NAME", "customName": "Later"}, {"selection": "DISPLAY_NAME"}, True),
        ({"selection": "DISPLAY_NAME"}, {"selection": "DISPLAY_NAME", "customName": "Old"}, True),
        ({"selection": "DISPLAY_NAME", "customName": ""}, {"selection": "DISPLAY_NAME", "customName": "Old"}, False),
        ({"selection": "DISPLAY_NAME", "customName": ""}, {"selection": "DISPLAY_NAME"}, True),
        ({"selection": "CUSTOM_NAME", "customName": "New"}, {"selection": "CUSTOM_NAME", "customName": "Old"}, False),
        ({"selection": "CUSTOM_NAME", "customName": "Old"}, {"selection": "CUSTOM_NAME", "customName": "Old"}, True),
        ({"selection": "CUSTOM_NAME", "customName": "Old"}, {"selection": "DISPLAY_NAME", "customName": "Old"}, False),
        ({"selection": "DISPLAY_NAME"}, None, False),
    ],
)
def test_the_caller_id_custom_name_counts_with_custom_name_and_when_cleared(want, have, equal):
    assert aa_compare.field_equal("directLineCallerIdName", want, have) is equal


def test_a_cleared_menu_audio_file_is_left_out_of_the_menu_sent():
    have = {"businessHoursMenu": api_menu(audioAnnouncementFile=dict(WELCOME_FILE, id="F1"))}
    want = {"businessHoursMenu": {"audioAnnouncementFile": {}}}
    assert aa_compare.changes(want, have) == {"businessHoursMenu": api_menu()}
    assert aa_compare.changes(want, {"businessHoursMenu": api_menu()}) == {}


# -- the legacy key action ------------------------------------------------------------------------------------------


def test_legacy_keys_and_their_warnings_name_the_menu_and_the_key():
    details = {
        "businessHoursMenu": api_menu(key("9", "RETURN_TO_PREVIOUS_MENU"), key("0", "EXIT")),
        "afterHoursMenu": api_menu(key("*", "RETURN_TO_PREVIOUS_MENU")),
    }
    assert aa_compare.legacy_keys(details) == [("business_hours_menu", "9"), ("after_hours_menu", "*")]
    warnings = aa_compare.legacy_key_warnings(details, "auto attendant 'Old'")
    assert [warning.split(" is ")[0] for warning in warnings] == [
        "auto attendant 'Old': business_hours_menu.key_configurations (key 9)",
        "auto attendant 'Old': after_hours_menu.key_configurations (key *)",
    ]
    assert aa_compare.legacy_keys({"businessHoursMenu": api_menu()}) == []


def test_custom_greetings_without_a_file_are_found_where_a_body_sends_them():
    """The service refuses a CUSTOM greeting without its file (400, 6515); converge refuses such a body first."""
    no_input = {"actionToBePerformed": {"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "CUSTOM"}}
    body = {
        "businessHoursMenu": api_menu(greeting="CUSTOM"),
        "afterHoursMenu": api_menu(callTreatment=no_input),
    }
    assert aa_compare.custom_greetings_without_file(body) == [
        "business_hours_menu",
        "after_hours_menu.call_treatment.action_to_be_performed",
    ]
    with_files = {
        "businessHoursMenu": api_menu(greeting="CUSTOM", audioAnnouncementFile={"id": AUDIO_ID}),
        "afterHoursMenu": api_menu(
            callTreatment={
                "actionToBePerformed": dict(no_input["actionToBePerformed"], audioAnnouncementFile=WELCOME_FILE)
            }
        ),
    }
    assert aa_compare.custom_greetings_without_file(with_files) == []
    assert aa_compare.custom_greetings_without_file({"extension": "2100"}) == []
