"""_announcement/service.py: the text-to-speech polling, with growing waits that are recorded, never slept."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._announcement import service as an_service
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from tests.unit.plugins.module_utils._announcement.shared import FakeClient


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
