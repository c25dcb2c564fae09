"""_announcement/options.py: validate_options() (which option a problem names, and every message in full) and
level_of()."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._announcement import options as an_options
from tests.audio_fixtures import pcm_wav, write
from tests.unit.plugins.module_utils._announcement.shared import params


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({"path": "x.wav", "text": "Hi", "voice": "ashley"}, "path, text: give one of them"),
        ({}, "path or text: one of them is required with state present"),
        ({"text": "Hi"}, "voice: required with text"),
        ({"text": "  ", "voice": "ashley"}, "text: must not be empty"),
        ({"text": "Hi", "voice": "ashley", "language_code": "en-US"}, "language_code: 'en-US' is not a language code"),
        ({"state": "absent", "voice": "ashley"}, "voice: only with text"),
        ({"state": "absent", "level": "location"}, "location: required with level location"),
        (
            {"state": "absent", "level": "ORGANIZATION", "location": "Headquarters"},
            "location: only with level location",
        ),
        ({"state": "absent", "name": "x" * 257}, "name: 257 characters, the maximum is 256"),
        ({"path": "/nonexistent/greeting.wav"}, "path: /nonexistent/greeting.wav: no such file"),
    ],
)
def test_validation_names_the_option(overrides, expected):
    errors = an_options.validate_options(params(**overrides))
    assert any(error.startswith(expected) for error in errors), errors


def test_valid_options_and_the_level_default(tmp_path):
    path = write(tmp_path, "greeting.wav", pcm_wav(seconds=6))
    assert an_options.validate_options(params(path=path)) == []
    assert an_options.validate_options(params(text="Hello", voice="ashley")) == []
    assert an_options.validate_options(params(state="absent")) == []
    assert an_options.level_of(params(location="Headquarters")) == "LOCATION"
    assert an_options.level_of(params()) == "ORGANIZATION"
    assert an_options.level_of(params(level="location", location="x")) == "LOCATION"


MISSING = "/nonexistent/greeting.wav"


VOICE_REQUIRED = "voice: required with text (a voice id such as ashley; the service lists them per language)"


VOICE_ONLY = ["voice: only with text"]


@pytest.mark.parametrize(
    "overrides, errors",
    [
        ({"name": " ", "state": "absent"}, ["name: must not be empty"]),
        (
            {"state": "absent", "level": "location"},
            ["location: required with level location (the location's id or exact name)"],
        ),
        (
            {"state": "absent", "level": "organization", "location": "Headquarters"},
            ["location: only with level location (an organization-level announcement has no location)"],
        ),
        (
            {"path": MISSING, "text": "Hi", "voice": "ashley"},
            [
                "path, text: give one of them (a file to upload, or text to turn into speech), not both",
                "path: %s: no such file" % MISSING,
            ],
        ),
        ({}, ["path or text: one of them is required with state present"]),
        ({"state": "absent", "text": ""}, ["text: must not be empty", VOICE_REQUIRED]),
        (
            {"text": "Hi"},
            ["voice: required with text (a voice id such as ashley; the service lists them per language)"],
        ),
        (
            {"text": "Hi", "voice": "ashley", "language_code": "en_US"},
            [
                "language_code: 'en_US' is not a language code as the service writes them: lower case with an "
                "underscore, for example en_us"
            ],
        ),
        ({"text": "Hi", "voice": "ashley", "language_code": "pt_br"}, []),
        ({"text": "Hi", "voice": "ashley", "language_code": "yue_hant"}, []),
        (
            {"state": "absent", "voice": "ashley", "language_code": "en_us"},
            VOICE_ONLY + ["language_code: only with text"],
        ),
        ({"state": "absent", "path": MISSING}, []),
        ({"state": "present", "path": MISSING}, ["path: %s: no such file" % MISSING]),
    ],
)
def test_validation_problems_in_full(overrides, errors):
    assert an_options.validate_options(params(**overrides)) == errors


def test_a_location_given_with_level_location_is_fine():
    assert an_options.validate_options(params(state="absent", level="location", location="Headquarters")) == []


def test_level_of_reads_the_option_in_either_case():
    assert an_options.level_of(params(level="organization", location="Headquarters")) == "ORGANIZATION"
    assert an_options.level_of(params(level="LOCATION")) == "LOCATION"
