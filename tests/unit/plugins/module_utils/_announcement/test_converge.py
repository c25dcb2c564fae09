"""_announcement/converge.py: the read-back of a write, the warning about a short file, and the check of a voice."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._announcement import converge as an_converge
from ansible_collections.wxc.calling.plugins.module_utils._announcement import service as an_service
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from tests.audio_fixtures import pcm_wav, riff_wav, write
from tests.unit.plugins.module_utils._announcement.shared import FakeClient, details, file_want, params


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
