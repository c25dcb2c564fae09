"""Comparison, normalisation, plan inputs and announcement-name resolution of the auto attendant resource.

What the module reports as changed (differences(), the paths a user reads), what an update sends (changes()), how
details read back are normalised (writable(), with_e164_numbers()), the warnings about operator keys, what the
pre-flight checks, and how audio files given by announcement name are looked up and resolved.
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import resolve as aa_resolve
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import service as aa_service
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.references import UnresolvedReference

from .test_announcement_names import STORED, WELCOME, FakeClient, FakeService, Lookups, module_options, validated

WELCOME_FILE = {"fileName": "welcome.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}


def exit_key(key):
    return {"key": key, "action": "EXIT"}


# -- differences(): the option paths a changed or not-applied attendant is reported with --------------------------


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
    want = [exit_key("#"), exit_key("*"), exit_key("0")]
    have = [{"key": key, "action": "REPEAT_MENU"} for key in ("0", "*", "#")]
    assert aa_compare.differing_keys(want, have) == ["0", "*", "#"]


def test_after_hours_keys_compare_as_a_set():
    """The after hours menu's keys in another order than the service's are no change, as in the business menu."""
    have = {"afterHoursMenu": {"greeting": "DEFAULT", "keyConfigurations": [exit_key("0"), exit_key("1")]}}
    assert aa_compare.differences({"afterHoursMenu": {"keyConfigurations": [exit_key("1"), exit_key("0")]}}, have) == []
    assert aa_compare.plan(
        "present", {"afterHoursMenu": {"keyConfigurations": [exit_key("1"), exit_key("0")]}}, have
    ).action == ("nothing")


# -- directLineCallerIdName --------------------------------------------------------------------------------------


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


# -- changes(): the update body ----------------------------------------------------------------------------------


def test_a_changed_after_hours_menu_is_sent_whole_with_the_service_s_parts():
    """The after hours menu is merged like the business menu: the parts the user left out keep the service's values."""
    current = {
        "afterHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": True,
            "keyConfigurations": [exit_key("0")],
            "callTreatment": {"retryAttemptForNoInput": "NO_REPEAT", "noInputTimer": "10"},
        }
    }
    assert aa_compare.changes({"afterHoursMenu": {"extensionEnabled": False}}, current) == {
        "afterHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": False,
            "keyConfigurations": [exit_key("0")],
            "callTreatment": {"retryAttemptForNoInput": "NO_REPEAT", "noInputTimer": "10"},
        }
    }


# -- writable() and with_e164_numbers(): details as compared -----------------------------------------------------


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


# -- preflight() -------------------------------------------------------------------------------------------------


class Checks:
    """The existence checks preflight() makes, recording the audio file checks; every audio file is missing."""

    client = None

    def __init__(self, monkeypatch):
        self.audio_checks = []
        monkeypatch.setattr(aa_converge.ScheduleService, "find", lambda *args: {"id": "S1"})
        monkeypatch.setattr(aa_converge, "audio_file_exists", self.audio_file_exists)

    def audio_file_exists(self, service, location_id, audio, auto_attendant_id):
        self.audio_checks.append(audio)
        return False

    def number_available(self, location_id, number, alternate=False):
        return True


def test_preflight_does_not_look_up_a_file_known_by_its_id(monkeypatch):
    """A file resolved from its announcement name carries its id (and file name): it is not checked by file name."""
    params = aa_resolve.resolve_announcement_names(
        Lookups(WELCOME), validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    )
    assert params["business_hours_menu"]["audio_announcement_file"] == STORED
    the_plan = aa_compare.plan("present", aa_compare.desired_from_options(params), None)
    checks = Checks(monkeypatch)
    assert aa_converge.preflight(checks, "LOC1", params, the_plan, None) == []
    assert checks.audio_checks == []


def test_preflight_checks_the_after_hours_menu_when_only_it_is_sent(monkeypatch):
    """An update that sends only the after hours menu still checks its audio files by file name."""
    options = module_options()
    options["after_hours_menu"] = dict(
        options["after_hours_menu"],
        greeting="CUSTOM",
        audio_announcement_file={"file_name": "closed.wav", "media_file_type": "WAV", "level": "ORGANIZATION"},
    )
    params = validated(options)
    desired = aa_compare.desired_from_options(params)
    current = dict(desired, afterHoursMenu={"greeting": "DEFAULT"})
    the_plan = aa_compare.plan("present", desired, current)
    assert sorted(the_plan.body) == ["afterHoursMenu"]
    checks = Checks(monkeypatch)
    assert aa_converge.preflight(checks, "LOC1", params, the_plan, current) == [
        "after_hours_menu.audio_announcement_file: no organization audio file 'closed.wav'"
    ]
    assert [audio["file_name"] for audio in checks.audio_checks] == ["closed.wav"]


# -- converge() and the resolution of announcement names ---------------------------------------------------------


def test_converge_refuses_an_unresolved_name_with_the_whole_message():
    """The caller bug (converge() before resolve_references()) is told with the option path, whole."""
    params = validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    with pytest.raises(aa_service.AutoAttendantError) as failure:
        aa_converge.converge(FakeService(FakeClient()), "LOC1", params)
    assert str(failure.value) == (
        "business_hours_menu.audio_announcement_file: the announcement name is not resolved "
        "(resolve_references() comes before converge())"
    )


def test_resolve_references_in_check_mode_warns_and_puts_a_stand_in():
    """In check mode a missing announcement is a warning and a stand-in file, not a failure."""
    warnings = []
    params = validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    resolved = aa_resolve.resolve_references(
        FakeService(FakeClient()), "LOC1", params, check_mode=True, warn=warnings.append
    )
    assert resolved["business_hours_menu"]["audio_announcement_file"] == {
        "id": "<announcement Welcome>",
        "level": "LOCATION",
    }
    assert warnings == [
        "business_hours_menu.audio_announcement_file: no location announcement named 'Welcome'; the real run fails "
        "unless it is created first"
    ]
    with pytest.raises(UnresolvedReference):
        aa_resolve.resolve_references(FakeService(FakeClient()), "LOC1", params)


def test_resolve_references_looks_an_organization_announcement_up_without_a_location():
    """An ORGANIZATION level name is looked up in the organisation's repository, not the attendant's location."""
    organization = dict(WELCOME, id="ANN-ORG", level="ORGANIZATION", fileName="org.wav", location=None)
    client = FakeClient(organization)
    params = validated(module_options(greeting={"name": "Welcome", "level": "ORGANIZATION"}))
    resolved = aa_resolve.resolve_references(FakeService(client), "LOC1", params)
    assert resolved["business_hours_menu"]["audio_announcement_file"] == {
        "id": "ANN-ORG",
        "file_name": "org.wav",
        "media_file_type": "WAV",
        "level": "ORGANIZATION",
    }
    assert client.calls == [{"name": "Welcome", "locationId": None}]


def test_an_announcement_without_a_level_gets_the_level_it_was_looked_up_at():
    """The resolved file's level is the one asked for when the repository item does not show one."""
    params = validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    item = {"id": "ANN-1", "name": "Welcome", "fileName": "welcome.wav", "mediaFileType": "WAV"}
    resolved = aa_resolve.resolve_announcement_names(lambda level, name: item, params)
    assert resolved["business_hours_menu"]["audio_announcement_file"] == {
        "id": "ANN-1",
        "file_name": "welcome.wav",
        "media_file_type": "WAV",
        "level": "LOCATION",
    }


def test_a_name_in_the_after_hours_menu_alone_is_resolved():
    """A greeting named in the after hours menu is resolved when the business hours menu is not given."""
    options = module_options()
    options.pop("business_hours_menu")
    options["after_hours_menu"] = dict(
        options["after_hours_menu"], greeting="CUSTOM", audio_announcement_file={"name": "Welcome", "level": "LOCATION"}
    )
    lookup = Lookups(WELCOME)
    resolved = aa_resolve.resolve_announcement_names(lookup, validated(options))
    assert resolved["after_hours_menu"]["audio_announcement_file"] == STORED
    assert lookup.calls == [("LOCATION", "Welcome")]


class OrgClient(FakeClient):
    """The announcement list of one organisation."""

    def __init__(self, org_id, *items):
        super().__init__(*items)
        self.org_id = org_id


def test_announcement_lookups_are_per_organisation_and_name():
    """One lookup per (organisation, location, name): another name or another organisation is looked up again."""
    lookups = aa_resolve.AnnouncementLookups()
    menu_item = dict(WELCOME, id="ANN-MENU", name="Menu")
    first = OrgClient("ORG-A", WELCOME, menu_item)
    other = OrgClient("ORG-B", dict(WELCOME, id="ANN-B"))
    assert lookups.find(first, "LOC1", "Welcome") == WELCOME
    assert lookups.find(first, "LOC1", "Menu") == menu_item
    assert lookups.find(first, "LOC1", "Welcome") == WELCOME
    assert lookups.find(other, "LOC1", "Welcome") == dict(WELCOME, id="ANN-B")
    assert first.calls == [{"name": "Welcome", "locationId": "LOC1"}, {"name": "Menu", "locationId": "LOC1"}]
    assert other.calls == [{"name": "Welcome", "locationId": "LOC1"}]
