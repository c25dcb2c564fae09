"""Pure steps of the announcement resource, the text-to-speech polling (no sleeping) and the read-back."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._announcement import compare as an_compare
from ansible_collections.wxc.calling.plugins.module_utils._announcement import converge as an_converge
from ansible_collections.wxc.calling.plugins.module_utils._announcement import options as an_options
from ansible_collections.wxc.calling.plugins.module_utils._announcement import service as an_service
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from tests.audio_fixtures import pcm_wav, riff_wav, write


def params(**overrides):
    """Options as AnsibleModule hands them over: every option present, unset ones None."""
    base = {
        "name": "Main greeting",
        "path": None,
        "text": None,
        "voice": None,
        "language_code": None,
        "level": None,
        "location": None,
        "state": "present",
        "force": False,
    }
    base.update(overrides)
    return base


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


def test_a_missing_file_with_state_absent_is_fine():
    assert an_options.validate_options(params(state="absent", path="/nonexistent/greeting.wav")) == []


def file_want(size=6000, file_name="greeting.wav"):
    return an_compare.desired(params(), {"file_name": file_name, "media_type": "WAV", "size": size})


def details(**fields):
    base = {
        "id": "A1",
        "name": "Main greeting",
        "fileName": "greeting.wav",
        "mediaFileType": "WAV",
        "fileSize": "6",
        "featureReferenceCount": 0,
        "isTextToSpeech": False,
    }
    base.update(fields)
    return base


def test_a_file_is_the_same_by_name_type_and_size_either_rounding():
    assert an_compare.differences(file_want(6000), details(fileSize="5")) == []
    assert an_compare.differences(file_want(6000), details(fileSize="6")) == []
    assert an_compare.differences(file_want(6000), details(fileSize="7")) == ["fileSize"]
    assert an_compare.differences(file_want(file_name="other.wav"), details()) == ["fileName"]
    assert an_compare.differences(file_want(), details(mediaFileType="WMA")) == ["mediaFileType"]
    assert an_compare.differences(file_want(), details(isTextToSpeech=True)) == ["isTextToSpeech"]


def test_speech_is_the_same_by_text_voice_and_language_in_either_spelling():
    want = an_compare.desired(params(text="Hello there", voice="ashley"))
    assert want["fileName"] == "Main-greeting.wav" and want["language"] == "en_us"
    have = details(isTextToSpeech=True, text="Hello there", voice="Ashley", language="en-US", fileName="x.wav")
    assert an_compare.differences(want, have) == []
    assert an_compare.differences(want, dict(have, text="Hello")) == ["text"]
    assert an_compare.differences(want, dict(have, voice="steve", language="es_es")) == ["voice", "language"]
    assert an_compare.differences(want, dict(have, isTextToSpeech=False)) == ["isTextToSpeech"]


def test_plan_actions():
    want = file_want()
    assert an_compare.plan("present", want, None).action == "create"
    assert an_compare.plan("present", want, details()).action == "nothing"
    forced = an_compare.plan("present", want, details(), force=True)
    assert forced.action == "update" and forced.fields == ["force"]
    changed = an_compare.plan("present", want, details(fileSize="99"))
    assert changed.action == "update" and changed.after["id"] == "A1" and changed.fields == ["fileSize"]
    assert an_compare.plan("absent", None, None).action == "nothing"
    assert an_compare.plan("absent", None, details()).action == "delete"


def test_speech_file_names_are_safe():
    assert an_compare.speech_file_name("Welcome / main (EN)") == "Welcome-main-EN.wav"
    assert an_compare.speech_file_name("...") == "announcement.wav"
    assert len(an_compare.speech_file_name("x" * 200)) == 80


def test_in_use_names_features_and_playlists():
    used = details(
        featureReferenceCount=2,
        featureReferences=[
            {"id": "AA1", "name": "Reception", "type": "Auto Attendant", "locationName": "Headquarters"}
        ],
        playlists=[{"id": "P1", "name": "Hold music"}],
    )
    assert an_compare.in_use(used) == [
        "Auto Attendant 'Reception' (Headquarters)",
        "1 feature(s) the service does not name",
        "playlist 'Hold music'",
    ]
    assert an_compare.in_use(details(playlists=[])) == []


class FakeClient:
    """Answers GETs from a script and records every call; POSTs answer {"id": "job"}."""

    last_tracking_id = "WXC_ANSIBLE_test"

    def __init__(self, gets):
        self.gets = list(gets)
        self.calls = []

    def get(self, path, params=None):
        self.calls.append(("GET", path))
        return self.gets.pop(0)

    def post(self, path, json, params=None):
        self.calls.append(("POST", path))
        return {"id": "job"}


def test_speech_is_polled_with_growing_waits_and_no_real_sleep():
    client = FakeClient([{"status": "IN_PROGRESS"}] * 4 + [{"status": "SUCCESS", "fileUri": "cmf://x"}])
    slept = []
    service = an_service.AnnouncementService(client, sleep=slept.append, poll_interval=0.5, poll_max_interval=2.0)
    assert service.speak("Hello", "ashley", "en_us") == "cmf://x"
    assert slept == [0.5, 1.0, 2.0, 2.0]


def test_speech_polling_is_bounded_and_failures_are_reported():
    slept = []
    service = an_service.AnnouncementService(
        FakeClient([{"status": "IN_PROGRESS"}] * 10),
        sleep=slept.append,
        poll_interval=1.0,
        poll_max_interval=1.0,
        poll_timeout=3.0,
    )
    with pytest.raises(ResourceError, match="text-to-speech request job was still IN_PROGRESS after 3 seconds"):
        service.speak("Hello", "ashley", "en_us")
    assert slept == [1.0, 1.0, 1.0]
    failing = an_service.AnnouncementService(
        FakeClient([{"status": "FAILURE", "errorMessage": "Text exceeds maximum allowed length."}]), sleep=slept.append
    )
    with pytest.raises(ResourceError, match="generation failed: Text exceeds maximum allowed length"):
        failing.speak("Hello", "ashley", "en_us")


def test_a_write_that_did_not_take_raises_write_not_applied():
    service = an_service.AnnouncementService(FakeClient([details(fileSize="1")]))
    with pytest.raises(WriteNotApplied) as raised:
        an_converge._verify(service, None, "A1", file_want(6000))  # pylint: disable=protected-access
    assert raised.value.fields == ["fileSize"] and raised.value.changed is True
    assert "trackingId WXC_ANSIBLE_test" in str(raised.value)


def test_a_short_file_is_uploaded_with_a_warning(tmp_path):
    path = write(tmp_path, "beep.wav", pcm_wav(seconds=1))
    assert an_converge.short_file_warning(params(path=path)) == (
        "beep.wav is 1.0 seconds long; Cisco's help states a 5 second minimum for announcements (enforced at least "
        "for music on hold)"
    )
    assert an_converge.short_file_warning(params(path=write(tmp_path, "long.wav", pcm_wav(seconds=6)))) is None


# -- the exact problems and values (users read the messages) ----------------------------------------------------------

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


def test_level_of_reads_the_option_in_either_case():
    assert an_options.level_of(params(level="organization", location="Headquarters")) == "ORGANIZATION"
    assert an_options.level_of(params(level="LOCATION")) == "LOCATION"


def test_speech_file_names_in_full():
    assert an_compare.speech_file_name("x" * 200) == "x" * 76 + ".wav"
    assert an_compare.speech_file_name("-Hello, world.-") == "Hello-world.wav"
    assert an_compare.speech_file_name("Été") == "t.wav"


def test_normalised_language():
    assert an_compare.normalised_language("en-US") == "en_us"
    assert an_compare.normalised_language("") is None
    assert an_compare.normalised_language(None) is None


def test_desired_in_full():
    assert an_compare.desired(params(name="Hi there", text="Hello", voice="steve", language_code="es_es")) == {
        "name": "Hi there",
        "fileName": "Hi-there.wav",
        "mediaFileType": "WAV",
        "isTextToSpeech": True,
        "text": "Hello",
        "voice": "steve",
        "language": "es_es",
    }
    assert file_want(1500) == {
        "name": "Main greeting",
        "fileName": "greeting.wav",
        "mediaFileType": "WAV",
        "fileSize": "2",
        "isTextToSpeech": False,
        "sizes": ["1", "2"],
    }


def test_a_size_given_as_a_number_and_an_unset_flag_compare_as_the_service_means_them():
    have = details(fileSize=6)
    del have["isTextToSpeech"]
    assert an_compare.differences(file_want(6000), have) == []
    speech = an_compare.desired(params(text="Hello", voice="ashley"))
    assert an_compare.differences(speech, {"name": "Main greeting", "isTextToSpeech": True, "text": "Hello"}) == [
        "voice",
        "language",
    ]


def test_in_use_without_type_location_or_count():
    assert an_compare.in_use({"featureReferences": [{"name": "Reception"}], "featureReferenceCount": 1}) == [
        "feature 'Reception'"
    ]
    assert an_compare.in_use({"featureReferenceCount": None, "playlists": None}) == []
    assert an_compare.in_use({"featureReferenceCount": 1}) == ["1 feature(s) the service does not name"]


def test_a_location_given_with_level_location_is_fine():
    assert an_options.validate_options(params(state="absent", level="location", location="Headquarters")) == []


def test_speech_file_names_keep_the_letters_at_their_ends():
    assert an_compare.speech_file_name("Xmas greeting X") == "Xmas-greeting-X.wav"


def test_a_file_without_audio_is_warned_about_as_zero_seconds(tmp_path):
    path = write(tmp_path, "silent.wav", riff_wav(data_bytes=0))
    assert an_converge.short_file_warning(params(path=path)) == (
        "silent.wav is 0.0 seconds long; Cisco's help states a 5 second minimum for announcements (enforced at least "
        "for music on hold)"
    )
    assert an_converge.short_file_warning(params(state="absent", path=path)) is None
    assert an_converge.short_file_warning(params(text="Hello", voice="ashley")) is None


def test_a_voice_list_with_a_voice_without_id_still_gives_the_refusal():
    class Service:
        @staticmethod
        def voices(language):
            return ["Joanna", None, "Matthew"] if language == "en_US" else []

    with pytest.raises(ResourceError) as caught:
        an_converge._check_voice(Service(), {"voice": "Nobody", "language": "en_US"})
    assert str(caught.value) == (
        "voice: 'Nobody' is not a voice for language_code en_US; the service offers: Joanna, Matthew"
    )
