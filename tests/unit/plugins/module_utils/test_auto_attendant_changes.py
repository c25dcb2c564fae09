"""The body of an update: a changed menu is sent whole, with what the service knows and the user did not set kept.

Kept: the service's full description of an audio file the user gives by name (its id), the parts of a call treatment
the user left out, the menu fields and key fields the module does not manage (a newer API version's), on a key whose
action is unchanged. Not kept: what the user removed from a key, and any field of a key whose action changed.
"""

import copy

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare

WELCOME = {"fileName": "welcome.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}
CLOSED = {"fileName": "closed.wma", "mediaFileType": "WMA", "level": "ORGANIZATION"}


def current():
    """Writable details (as writable() makes them) of an attendant with service-side extras."""
    return {
        "name": "Reception",
        "businessHoursMenu": {
            "greeting": "CUSTOM",
            "extensionEnabled": True,
            "audioAnnouncementFile": dict(WELCOME, id="F1"),
            "keyConfigurations": [
                {"key": "2", "action": "EXIT", "futureFlag": True, "futureSettings": {"modes": ["kept"]}},
                {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100", "futureFlag": False},
                {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": dict(CLOSED, id="F2")},
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


def desired():
    return {
        "name": "Reception",
        "businessHoursMenu": {
            "greeting": "CUSTOM",
            "extensionEnabled": False,
            "audioAnnouncementFile": dict(WELCOME),
            "keyConfigurations": [
                {"key": "3", "action": "EXIT"},
                {"key": "2", "action": "EXIT"},
                {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": dict(CLOSED)},
                {"key": "0", "action": "EXIT"},
            ],
            "callTreatment": {"noInputTimer": 20, "actionToBePerformed": {"action": "PLAY_MESSAGE_AND_DISCONNECT"}},
        },
    }


def test_a_changed_menu_is_sent_whole_with_what_the_service_knows():
    assert aa_compare.changes(desired(), current()) == {
        "businessHoursMenu": {
            "greeting": "CUSTOM",
            "extensionEnabled": False,
            "audioAnnouncementFile": dict(WELCOME, id="F1"),
            "keyConfigurations": [
                {"key": "0", "action": "EXIT"},
                {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": dict(CLOSED, id="F2")},
                {"key": "2", "action": "EXIT", "futureFlag": True, "futureSettings": {"modes": ["kept"]}},
                {"key": "3", "action": "EXIT"},
            ],
            "callTreatment": {
                "retryAttemptForNoInput": "NO_REPEAT",
                "noInputTimer": 20,
                "actionToBePerformed": {"action": "PLAY_MESSAGE_AND_DISCONNECT"},
            },
            "futureMenuField": {"mode": "kept"},
        }
    }


def test_another_audio_file_is_sent_as_the_user_gives_it():
    want = desired()
    want["businessHoursMenu"]["audioAnnouncementFile"] = dict(CLOSED)
    want["businessHoursMenu"]["keyConfigurations"][2]["audioAnnouncementFile"] = dict(WELCOME)
    sent = aa_compare.changes(want, current())["businessHoursMenu"]
    assert sent["audioAnnouncementFile"] == CLOSED
    assert sent["keyConfigurations"][1] == {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": WELCOME}


def test_a_menu_the_service_does_not_have_is_sent_as_wanted():
    have = current()
    del have["businessHoursMenu"]
    sent = aa_compare.changes(desired(), have)["businessHoursMenu"]
    want = desired()["businessHoursMenu"]
    assert sent == dict(want, keyConfigurations=sorted(want["keyConfigurations"], key=lambda entry: entry["key"]))
    have["businessHoursMenu"] = "not a menu"
    assert aa_compare.changes(desired(), have)["businessHoursMenu"] == sent


def test_the_body_shares_nothing_with_its_inputs():
    want, have = desired(), current()
    body = aa_compare.changes(want, have)
    menu = body["businessHoursMenu"]
    menu["audioAnnouncementFile"]["id"] = "changed"
    menu["futureMenuField"]["mode"] = "changed"
    menu["callTreatment"]["actionToBePerformed"]["action"] = "changed"
    for entry in menu["keyConfigurations"]:
        entry["action"] = "changed"
        entry.get("audioAnnouncementFile", {})["id"] = "changed"
        entry.get("futureSettings", {"modes": []})["modes"].append("changed")
    assert want == desired() and have == current()


def test_changes_and_plan_leave_their_inputs_alone():
    want, have = desired(), current()
    frozen_want, frozen_have = copy.deepcopy(want), copy.deepcopy(have)
    aa_compare.plan("present", want, have)
    assert want == frozen_want and have == frozen_have


def test_the_order_of_the_menu_options_makes_no_difference():
    # The options keep the order the user wrote them in: call_treatment may come before the keys.
    want = desired()
    menu = want["businessHoursMenu"]
    want["businessHoursMenu"] = {"callTreatment": menu.pop("callTreatment"), **menu}
    assert list(want["businessHoursMenu"])[:2] == ["callTreatment", "greeting"]
    assert aa_compare.changes(want, current()) == aa_compare.changes(desired(), current())
