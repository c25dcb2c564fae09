"""_auto_attendant/resolve.py: audio files given by announcement name, resolved to the stored file (one lookup per
level and name, per organisation), and what a missing or ambiguous name gives, in a real run and in check mode."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import resolve as aa_resolve
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.references import UnresolvedReference
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from tests.unit.plugins.module_utils._auto_attendant.shared import (
    STORED,
    WELCOME,
    FakeClient,
    FakeService,
    Lookups,
    module_options,
    validated,
)


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


# -- resolve_references: the shared path of webex_auto_attendant and webex_auto_attendants --------------------------


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
