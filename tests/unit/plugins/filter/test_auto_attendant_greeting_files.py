"""The auto_attendant_greeting_files filter: the role's greeting files to upload, checked first and listed once per
organization, location and file name. (The menu that plays an uploaded file is built by plugin_utils/standard_menus.py:
tests/unit/plugins/plugin_utils/test_standard_menus.py.)"""

import os

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.wxc.calling.plugins.filter.auto_attendant_greeting_files import (
    FilterModule,
    auto_attendant_greeting_files,
)
from tests.audio_fixtures import MP3_BYTES, pcm_wav, write

ITEM = {"name": "HQ Main", "location": "Headquarters", "extension": "2000", "business_schedule": "Office hours"}


def item(**fields):
    return dict(ITEM, **fields)


def test_registered():
    assert FilterModule().filters()["auto_attendant_greeting_files"] is auto_attendant_greeting_files


def test_files_are_resolved_from_the_base_dir_checked_and_listed_once_per_location(tmp_path):
    files = tmp_path / "files"
    files.mkdir()
    write(files, "hq-welcome.wav", pcm_wav(seconds=6))
    write(files, "closed.wav", pcm_wav(seconds=6))
    defaults = {"after_hours": {"greeting_file": "files/closed.wav"}}
    attendants = [
        item(business_hours={"greeting_file": "files/hq-welcome.wav"}),
        item(name="HQ Annex", extension="2001", business_hours={"greeting_file": str(files / "hq-welcome.wav")}),
        item(name="Denver", location="Denver", extension="2002", org_id="other-org"),
        item(name="Gone", extension="2003", state="absent", business_hours={"greeting_file": "files/nothing.wav"}),
    ]
    uploads = auto_attendant_greeting_files(attendants, defaults, base_dir=str(tmp_path))
    assert uploads == [
        {"name": "hq-welcome.wav", "path": str(files / "hq-welcome.wav"), "location": "Headquarters"},
        {"name": "closed.wav", "path": str(files / "closed.wav"), "location": "Headquarters"},
        {"name": "closed.wav", "path": str(files / "closed.wav"), "location": "Denver", "org_id": "other-org"},
    ]


def test_a_raw_menu_uploads_nothing(tmp_path):
    raw = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
    attendants = [item(business_hours={"greeting_file": "files/missing.wav"}, business_hours_menu=raw)]
    assert auto_attendant_greeting_files(attendants, {}, base_dir=str(tmp_path)) == []


@pytest.mark.parametrize(
    "menu, greeting_file, content, message",
    [
        (
            "business_hours",
            "files/missing.wav",
            None,
            "business_hours.greeting_file: TMP/files/missing.wav: no such file",
        ),
        ("after_hours", " files/missing.wav ", None, "after_hours.greeting_file: TMP/files/missing.wav: no such file"),
        (
            "business_hours",
            "files/song.wav",
            MP3_BYTES,
            "business_hours.greeting_file: TMP/files/song.wav: named .wav but it is not a WAV file: "
            "it looks like an MP3 file",
        ),
        (
            "business_hours",
            "files/stereo.wav",
            pcm_wav(seconds=1, rate=44100, channels=2),
            "business_hours.greeting_file: TMP/files/stereo.wav: the announcement repository does not accept this WAV "
            "file: stereo (2 channels); it must be mono; sample rate 44100 Hz (44.1 kHz); it must be 8 or 16 kHz",
        ),
        (
            "business_hours",
            "files/greeting.mp3",
            MP3_BYTES,
            "business_hours.greeting_file: 'files/greeting.mp3' must end in .wav or .wma",
        ),
        (
            "business_hours",
            "files/",
            None,
            "business_hours.greeting_file: must be the path of a local .wav or .wma file, got 'files/'",
        ),
    ],
)
def test_bad_files_fail_naming_the_attendant_and_variable(tmp_path, menu, greeting_file, content, message):
    if content is not None:
        (tmp_path / "files").mkdir()
        write(tmp_path, greeting_file, content)
    with pytest.raises(AnsibleFilterError) as caught:
        auto_attendant_greeting_files([item(**{menu: {"greeting_file": greeting_file}})], {}, base_dir=str(tmp_path))
    assert str(caught.value) == "auto_attendant_list[0] (HQ Main): " + message.replace("TMP", str(tmp_path))


def test_two_files_of_one_name_in_one_location_are_refused(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "welcome.wav", pcm_wav(seconds=6))
    attendants = [
        item(business_hours={"greeting_file": "a/welcome.wav"}),
        item(name="Other", extension="2001", business_hours={"greeting_file": "b/welcome.wav"}),
    ]
    with pytest.raises(AnsibleFilterError) as caught:
        auto_attendant_greeting_files(attendants, {}, base_dir=str(tmp_path))
    assert str(caught.value) == (
        "auto_attendant_list[1] (Other): business_hours.greeting_file: two different files are called 'welcome.wav' "
        "in location 'Headquarters': %s and %s" % (tmp_path / "a" / "welcome.wav", tmp_path / "b" / "welcome.wav")
    )


def test_one_file_name_per_organization_location_and_name(tmp_path, monkeypatch):
    """Files are keyed by (org_id, location, file name); a path is normalised and ~ is the home directory."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "welcome.wav", pcm_wav(seconds=6))
    monkeypatch.setenv("HOME", str(tmp_path / "a"))
    raw = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
    attendants = [
        # The after-hours menu is given raw: its greeting_file is not the menu's, nothing to upload (or check).
        item(
            business_hours={"greeting_file": "~/welcome.wav"},
            after_hours={"greeting_file": "b/missing.wav"},
            after_hours_menu=raw,
        ),
        item(name="Other org", org_id="org-2", business_hours={"greeting_file": "b/welcome.wav"}),
        item(name="Same file", extension="2002", business_hours={"greeting_file": "b/../a/./welcome.wav"}),
    ]
    assert auto_attendant_greeting_files(attendants, None, base_dir=str(tmp_path)) == [
        {"name": "welcome.wav", "path": str(tmp_path / "a" / "welcome.wav"), "location": "Headquarters"},
        {
            "name": "welcome.wav",
            "path": str(tmp_path / "b" / "welcome.wav"),
            "location": "Headquarters",
            "org_id": "org-2",
        },
    ]


def test_relative_paths_without_a_base_dir_use_the_working_directory(tmp_path, monkeypatch):
    write(tmp_path, "hello.wav", pcm_wav(seconds=6))
    monkeypatch.chdir(tmp_path)
    uploads = auto_attendant_greeting_files([item(business_hours={"greeting_file": "hello.wav"})], {})
    assert uploads[0]["path"] == os.path.join(str(tmp_path), "hello.wav")


def test_defaults_are_merged_into_each_menu_and_state_is_passed_on(tmp_path):
    write(tmp_path, "closed.wav", pcm_wav(seconds=6))
    defaults = {
        "location": "Headquarters",
        "business_schedule": "Office hours",
        "after_hours": {"greeting_file": "closed.wav"},
    }
    attendants = [
        {"name": "Gone", "extension": "2003", "state": "absent"},
        # The item's own after_hours fields are merged with the defaults' (the greeting_file stays).
        {"name": "HQ Main", "extension": "2000", "after_hours": {"dial_by_name": False}},
    ]
    expected = [{"name": "closed.wav", "path": str(tmp_path / "closed.wav"), "location": "Headquarters"}]
    assert auto_attendant_greeting_files(attendants, defaults, base_dir=str(tmp_path)) == expected
    # state is the state of the items that set none: absent attendants upload nothing.
    assert auto_attendant_greeting_files(attendants, defaults, state="absent", base_dir=str(tmp_path)) == []


def test_a_file_name_with_a_quote_or_a_backslash_is_uploaded_under_its_stored_name(tmp_path):
    """The upload's name, and the file name the menu plays, are the name the repository stores (issue 33)."""
    write(tmp_path, 'say "hi" \\ now.wav', pcm_wav(seconds=6))
    attendants = [item(business_hours={"greeting_file": 'say "hi" \\ now.wav'})]
    uploads = auto_attendant_greeting_files(attendants, {}, base_dir=str(tmp_path))
    assert uploads == [
        {"name": "say _hi_ _ now.wav", "path": str(tmp_path / 'say "hi" \\ now.wav'), "location": "Headquarters"}
    ]
    from ansible_collections.wxc.calling.plugins.filter.auto_attendant_module_args import (  # noqa: PLC0415
        auto_attendant_module_args,
    )

    built = auto_attendant_module_args(attendants)
    assert built[0]["business_hours_menu"]["audio_announcement_file"]["file_name"] == "say _hi_ _ now.wav"
