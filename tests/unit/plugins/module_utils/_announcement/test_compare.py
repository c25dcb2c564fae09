"""_announcement/compare.py: the desired state of a file or of speech, when the stored announcement is the same, the
plan, the file names speech gets, and what uses an announcement."""

from ansible_collections.wxc.calling.plugins.module_utils._announcement import compare as an_compare
from tests.unit.plugins.module_utils._announcement.shared import details, file_want, params


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


def test_a_file_is_the_same_by_name_type_and_size_either_rounding():
    assert an_compare.differences(file_want(6000), details(fileSize="5")) == []
    assert an_compare.differences(file_want(6000), details(fileSize="6")) == []
    assert an_compare.differences(file_want(6000), details(fileSize="7")) == ["fileSize"]
    assert an_compare.differences(file_want(file_name="other.wav"), details()) == ["fileName"]
    assert an_compare.differences(file_want(), details(mediaFileType="WMA")) == ["mediaFileType"]
    assert an_compare.differences(file_want(), details(isTextToSpeech=True)) == ["isTextToSpeech"]


def test_a_size_given_as_a_number_and_an_unset_flag_compare_as_the_service_means_them():
    have = details(fileSize=6)
    del have["isTextToSpeech"]
    assert an_compare.differences(file_want(6000), have) == []
    speech = an_compare.desired(params(text="Hello", voice="ashley"))
    assert an_compare.differences(speech, {"name": "Main greeting", "isTextToSpeech": True, "text": "Hello"}) == [
        "voice",
        "language",
    ]


def test_speech_is_the_same_by_text_voice_and_language_in_either_spelling():
    want = an_compare.desired(params(text="Hello there", voice="ashley"))
    assert want["fileName"] == "Main-greeting.wav" and want["language"] == "en_us"
    have = details(isTextToSpeech=True, text="Hello there", voice="Ashley", language="en-US", fileName="x.wav")
    assert an_compare.differences(want, have) == []
    assert an_compare.differences(want, dict(have, text="Hello")) == ["text"]
    assert an_compare.differences(want, dict(have, voice="steve", language="es_es")) == ["voice", "language"]
    assert an_compare.differences(want, dict(have, isTextToSpeech=False)) == ["isTextToSpeech"]


def test_normalised_language():
    assert an_compare.normalised_language("en-US") == "en_us"
    assert an_compare.normalised_language("") is None
    assert an_compare.normalised_language(None) is None


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


def test_speech_file_names_in_full():
    assert an_compare.speech_file_name("x" * 200) == "x" * 76 + ".wav"
    assert an_compare.speech_file_name("-Hello, world.-") == "Hello-world.wav"
    assert an_compare.speech_file_name("Été") == "t.wav"


def test_speech_file_names_keep_the_letters_at_their_ends():
    assert an_compare.speech_file_name("Xmas greeting X") == "Xmas-greeting-X.wav"


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


def test_in_use_without_type_location_or_count():
    assert an_compare.in_use({"featureReferences": [{"name": "Reception"}], "featureReferenceCount": 1}) == [
        "feature 'Reception'"
    ]
    assert an_compare.in_use({"featureReferenceCount": None, "playlists": None}) == []
    assert an_compare.in_use({"featureReferenceCount": 1}) == ["1 feature(s) the service does not name"]
