"""Audio files given by announcement name: validation, resolution to the stored file, comparison by id afterwards."""

import copy

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import resolve as aa_resolve
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import service as aa_service
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.references import UnresolvedReference
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError

WELCOME = {
    "id": "ANN-WELCOME",
    "name": "Welcome",
    "fileName": "welcome.wav",
    "mediaFileType": "WAV",
    "level": "LOCATION",
    "location": {"id": "LOC1", "name": "Headquarters"},
    "fileSize": "120",
    "isTextToSpeech": False,
}
STORED = {"id": "ANN-WELCOME", "file_name": "welcome.wav", "media_file_type": "WAV", "level": "LOCATION"}


def module_options(greeting=None, key_file=None, treatment_file=None):
    """Options as a playbook gives them (check_options applies the argument spec, as AnsibleModule does)."""
    keys = [{"key": "0", "action": "EXIT"}]
    if key_file is not None:
        keys.append({"key": "5", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": key_file})
    business = {"greeting": "CUSTOM" if greeting else "DEFAULT", "extension_enabled": True, "key_configurations": keys}
    if greeting is not None:
        business["audio_announcement_file"] = greeting
    if treatment_file is not None:
        business["call_treatment"] = {
            "action_to_be_performed": {
                "action": "PLAY_MESSAGE_AND_DISCONNECT",
                "greeting": "CUSTOM",
                "audio_announcement_file": treatment_file,
            }
        }
    return {
        "name": "Reception",
        "location": "Headquarters",
        "extension": "2100",
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "business_hours_menu": business,
        "after_hours_menu": {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": keys[:1]},
    }


def validated(options):
    """The options as the module hands them over: every suboption present, unset ones None."""
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

    result = ArgumentSpecValidator(aa_options.argument_spec()).validate(options)
    assert not result.error_messages, result.error_messages
    return result.validated_parameters


# -- validation ---------------------------------------------------------------------------------------------------

GREETING = "business_hours_menu.audio_announcement_file"
KEY = "business_hours_menu.key_configurations (key 5).audio_announcement_file"
TREATMENT = "business_hours_menu.call_treatment.action_to_be_performed.audio_announcement_file"


def placed(where, audio):
    """Options with AUDIO at the option path WHERE (greeting, key, call treatment)."""
    return module_options(
        greeting=audio if where == GREETING else None,
        key_file=audio if where == KEY else None,
        treatment_file=audio if where == TREATMENT else None,
    )


@pytest.mark.parametrize("where", [GREETING, KEY, TREATMENT])
def test_name_and_level_are_accepted_everywhere_a_file_is(where):
    for level in ("ORGANIZATION", "LOCATION"):
        assert aa_options.check_options(placed(where, {"name": "Welcome", "level": level})) == []


@pytest.mark.parametrize("where", [GREETING, KEY, TREATMENT])
@pytest.mark.parametrize(
    "audio, message",
    [
        (
            {"name": "Welcome", "level": "LOCATION", "id": "ANN1"},
            ": name cannot be combined with id; name the file one way: id, or name and level, or file_name, "
            "media_file_type and level",
        ),
        (
            {"name": "Welcome", "level": "LOCATION", "file_name": "welcome.wav"},
            ": name cannot be combined with file_name;",
        ),
        (
            {"name": "Welcome", "level": "LOCATION", "file_name": "welcome.wav", "media_file_type": "WAV"},
            ": name cannot be combined with file_name, media_file_type;",
        ),
        (
            {"name": "Welcome", "level": "LOCATION", "media_file_type": "WAV"},
            ": name cannot be combined with media_file_type;",
        ),
        ({"name": "Welcome", "level": "ENTITY"}, ".level: ENTITY cannot be used with name;"),
        ({"name": "Welcome"}, ".level: required with name (ORGANIZATION or LOCATION"),
        ({"name": "", "level": "LOCATION"}, ".name: must not be empty"),
        ({"name": "x" * 257, "level": "LOCATION"}, ".name: 257 characters, the maximum is 256"),
    ],
)
def test_a_file_named_two_ways_or_at_a_wrong_level_is_refused_naming_the_option(where, audio, message):
    problems = aa_options.check_options(placed(where, audio))
    assert [problem for problem in problems if problem.startswith(where + message)], problems


def test_a_name_yaml_made_a_number_of_is_refused_like_every_text_option():
    problems = aa_options.check_options(placed(GREETING, {"name": 2024, "level": "ORGANIZATION"}))
    assert len(problems) == 1 and problems[0].startswith(GREETING + ".name: "), problems
    assert "quote it" in problems[0]


def test_level_is_upper_case_as_for_the_other_forms():
    problems = aa_options.check_options(placed(GREETING, {"name": "Welcome", "level": "location"}))
    assert problems and "level" in problems[0], problems


# -- resolution ---------------------------------------------------------------------------------------------------


class Lookups:
    """A LOOKUP(level, name) over a fixed repository, recording its calls."""

    def __init__(self, *items):
        self.items = items
        self.calls = []

    def __call__(self, level, name):
        self.calls.append((level, name))
        return next((item for item in self.items if item["name"] == name and item["level"] == level), None)


def test_every_place_is_resolved_to_the_stored_file_with_one_lookup_per_level_and_name():
    org_welcome = dict(WELCOME, id="ANN-ORG", level="ORGANIZATION", fileName="org.wav", location=None)
    lookup = Lookups(WELCOME, org_welcome)
    params = validated(
        module_options(
            greeting={"name": "Welcome", "level": "LOCATION"},
            key_file={"name": "Welcome", "level": "LOCATION"},
            treatment_file={"name": "Welcome", "level": "ORGANIZATION"},
        )
    )
    resolved = aa_resolve.resolve_announcement_names(lookup, params)
    menu = resolved["business_hours_menu"]
    assert menu["audio_announcement_file"] == STORED
    assert menu["key_configurations"][1]["audio_announcement_file"] == STORED
    assert menu["call_treatment"]["action_to_be_performed"]["audio_announcement_file"] == {
        "id": "ANN-ORG",
        "file_name": "org.wav",
        "media_file_type": "WAV",
        "level": "ORGANIZATION",
    }
    assert lookup.calls == [("LOCATION", "Welcome"), ("ORGANIZATION", "Welcome")]
    assert params["business_hours_menu"]["audio_announcement_file"]["name"] == "Welcome"  # the input is left alone
    # What is resolved is what the module accepts, and what it sends.
    assert aa_options.validate_options(resolved) == []
    body = aa_compare.desired_from_options(resolved)["businessHoursMenu"]
    assert body["audioAnnouncementFile"] == {
        "id": "ANN-WELCOME",
        "fileName": "welcome.wav",
        "mediaFileType": "WAV",
        "level": "LOCATION",
    }


def test_without_names_nothing_is_looked_up():
    lookup = Lookups(WELCOME)
    params = validated(module_options(greeting={"id": "ANN-WELCOME"}))
    assert aa_resolve.resolve_announcement_names(lookup, params) == params and lookup.calls == []


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


def test_a_missing_announcement_fails_naming_every_option_and_name():
    params = validated(
        module_options(
            greeting={"name": "Welcome", "level": "LOCATION"},
            key_file={"name": "Menu", "level": "ORGANIZATION"},
        )
    )
    with pytest.raises(UnresolvedReference) as failure:
        aa_resolve.resolve_announcement_names(Lookups(), params)
    assert str(failure.value) == (
        "business_hours_menu.audio_announcement_file: no location announcement named 'Welcome'; "
        "business_hours_menu.key_configurations (key 5).audio_announcement_file: no organization announcement named "
        "'Menu' (nothing was written)"
    )


def test_in_check_mode_a_missing_announcement_is_a_warning_and_still_a_change():
    warnings = []
    params = validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    resolved = aa_resolve.resolve_announcement_names(Lookups(), params, check_mode=True, warn=warnings.append)
    assert warnings == [
        "business_hours_menu.audio_announcement_file: no location announcement named 'Welcome'; the real run fails "
        "unless it is created first"
    ]
    stand_in = resolved["business_hours_menu"]["audio_announcement_file"]
    assert stand_in["level"] == "LOCATION" and "Welcome" in stand_in["id"]
    current = {"businessHoursMenu": dict(aa_compare.desired_from_options(resolved)["businessHoursMenu"])}
    current["businessHoursMenu"]["audioAnnouncementFile"] = {"id": "ANN-WELCOME", "level": "LOCATION"}
    assert aa_compare.plan("present", aa_compare.desired_from_options(resolved), current).action == "update"


def test_two_announcements_with_the_name_fail_naming_the_option():
    def lookup(level, name):
        raise ResourceError("2 announcements are called 'Welcome' at this level (ids A, B); rename or delete one")

    params = validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    with pytest.raises(UnresolvedReference, match=r"^business_hours_menu.audio_announcement_file: 2 announcements"):
        aa_resolve.resolve_announcement_names(lookup, params)


# -- resolve_references: the shared path of webex_auto_attendant and webex_auto_attendants ------------------------


class FakeClient:
    """The list route of the announcement repository, recording each call."""

    org_id = None

    def __init__(self, *items):
        self.items = items
        self.calls = []

    def get_all(self, path, item_key, params=None):
        assert path == "/telephony/config/announcements" and item_key == "announcements"
        self.calls.append(dict(params))
        return [
            item
            for item in self.items
            if params["name"].lower() in item["name"].lower()
            and (item["level"] == "LOCATION") == bool(params.get("locationId"))
        ]


class FakeService:
    def __init__(self, client):
        self.client = client

    def list(self, name=None, page_size=None):
        raise AssertionError("no attendant is referred to")


def test_resolve_references_looks_names_up_in_the_attendants_location_once_per_task():
    client = FakeClient(dict(WELCOME, name="Welcome back"), WELCOME)
    lookups = aa_resolve.AnnouncementLookups()
    params = validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    for _run in range(2):  # two attendants of one bulk task
        resolved = aa_resolve.resolve_references(FakeService(client), "LOC1", params, announcement_lookups=lookups)
        assert resolved["business_hours_menu"]["audio_announcement_file"] == STORED
    assert client.calls == [{"name": "Welcome", "locationId": "LOC1"}]


def test_resolve_references_leaves_a_deletion_alone():
    client = FakeClient()
    params = validated(dict(module_options(greeting={"name": "Welcome", "level": "LOCATION"}), state="absent"))
    assert aa_resolve.resolve_references(FakeService(client), "LOC1", params) is params and client.calls == []


def test_converge_refuses_a_name_nobody_resolved():
    params = validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    with pytest.raises(
        aa_service.AutoAttendantError, match="business_hours_menu.audio_announcement_file: the announcement"
    ):
        aa_converge.converge(FakeService(FakeClient()), "LOC1", params)
