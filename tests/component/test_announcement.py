"""webex_announcement's converge(), its service and run() called in this process against the simulator over HTTP.

Every path of plugins/module_utils/_announcement/ that talks to the service: upload and text-to-speech create, replace,
no change, delete, absent already, check mode (reads only), the refusals made before any write (exact messages, the
users of a greeting in use among them), and the faults the code handles (a lost answer, a write that did not take, a
failed read-back, details that leave fields out).
"""

import hashlib

import pytest
import requests

from ansible_collections.wxc.calling.plugins.module_utils._announcement import converge as an_converge
from ansible_collections.wxc.calling.plugins.module_utils._announcement import options as an_options
from ansible_collections.wxc.calling.plugins.module_utils._announcement import service as an_service
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError
from tests.audio_fixtures import asf_wma, pcm_wav, write
from tests.builders import ANNOUNCEMENT_MODULE
from tests.component.helpers import Module, params_of, task_result

BASE = "/v1/telephony/config"
ORG = "/announcements"
GREETING_SIZE = len(pcm_wav(seconds=6))  # 96044 bytes: 93.8 KB, the simulator shows "94"
GREETING_KB = "94"
TTS_TEXT = "Welcome to Example. Please hold."


@pytest.fixture(name="service")
def fixture_service(client):
    return an_service.AnnouncementService(client, sleep=lambda seconds: None)


@pytest.fixture(name="greeting")
def fixture_greeting(tmp_path):
    return write(tmp_path, "greeting.wav", pcm_wav(seconds=6))


def params(**options):
    """Module params as AnsibleModule makes them: every option present, defaults filled in."""
    return params_of(an_options.argument_spec(), **dict({"name": "Main greeting"}, **options))


def log(sim):
    """The request log as (method, path under /v1/telephony/config, status)."""
    return [(entry["method"], entry["path"].replace(BASE, "", 1), entry["status"]) for entry in sim.requests()]


def sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def stored(sim, name):
    response = requests.get(sim.base_url + "/_sim/announcements", timeout=30)
    response.raise_for_status()
    return [item for item in response.json() if item["name"] == name]


def tts_control(sim, **spec):
    requests.post(sim.base_url + "/_sim/text_to_speech", json=spec, timeout=30).raise_for_status()


def upload(sim, path, name, file_name, content):
    """An upload made by someone else (multipart, as the module sends it); returns the new id."""
    response = requests.post(
        sim.url + "/telephony/config" + path,
        data={"name": name},
        files={"file": (file_name, content, "audio/wav")},
        headers={"Authorization": "Bearer %s" % sim.token},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def file_view(announcement_id, level="ORGANIZATION", location_id=None, file_size=GREETING_KB, **fields):
    return dict(
        {
            "id": announcement_id,
            "name": "Main greeting",
            "file_name": "greeting.wav",
            "media_file_type": "WAV",
            "level": level,
            "location_id": location_id,
            "file_size": file_size,
            "is_text_to_speech": False,
        },
        **fields,
    )


def speech_view(announcement_id, file_size, text=TTS_TEXT, voice="ashley"):
    return {
        "id": announcement_id,
        "name": "Spoken welcome",
        "file_name": "Spoken-welcome.wav",
        "media_file_type": "WAV",
        "level": "ORGANIZATION",
        "location_id": None,
        "file_size": file_size,
        "is_text_to_speech": True,
        "text": text,
        "voice": voice,
        "language_code": "en_us",
    }


# -- uploads ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("check_mode", [True, False])
def test_upload_at_organization_level(sim, service, greeting, check_mode):
    sim.clear_requests()
    plan, result = an_converge.converge(service, None, params(path=greeting), check_mode)
    assert plan.action == "create" and plan.changed is True
    assert plan.before == {} and plan.after == file_view(None)
    if check_mode:
        assert result == file_view(None)
        assert log(sim) == [("GET", ORG, 200), ("GET", ORG + "/usage", 200)]
        assert stored(sim, "Main greeting") == []
        return
    record = stored(sim, "Main greeting")[0]
    assert result == file_view(record["id"])
    assert log(sim) == [
        ("GET", ORG, 200),
        ("GET", ORG + "/usage", 200),
        ("POST", ORG, 201),
        ("GET", ORG + "/" + record["id"], 200),
    ]
    assert sim.requests()[0]["query"] == {"name": "Main greeting"}
    post = sim.writes()[0]["body"]
    assert post == {
        "name": "Main greeting",
        "file": {
            "fileName": "greeting.wav",
            "contentType": "audio/wav",
            "size": GREETING_SIZE,
            "sha256": sha256(greeting),
        },
    }
    assert record["level"] == "ORGANIZATION" and record["_sha256"] == sha256(greeting)


@pytest.mark.parametrize("check_mode", [True, False])
def test_upload_at_location_level(sim, service, greeting, hq, check_mode):
    sim.clear_requests()
    plan, result = an_converge.converge(service, hq, params(path=greeting, location="Headquarters"), check_mode)
    assert plan.action == "create" and plan.after == file_view(None, "LOCATION", hq)
    here = "/locations/%s/announcements" % hq
    if check_mode:
        assert result == file_view(None, "LOCATION", hq)
        assert log(sim) == [("GET", ORG, 200), ("GET", here + "/usage", 200)]
        return
    record = stored(sim, "Main greeting")[0]
    assert record["location"]["id"] == hq and result == file_view(record["id"], "LOCATION", hq)
    assert log(sim) == [
        ("GET", ORG, 200),
        ("GET", here + "/usage", 200),
        ("POST", here, 201),
        ("GET", here + "/" + record["id"], 200),
    ]
    assert sim.requests()[0]["query"] == {"name": "Main greeting", "locationId": hq}


def test_a_wma_file_is_sent_as_wma(sim, service, tmp_path):
    path = write(tmp_path, "closed.wma", asf_wma(size=4096))
    _plan, result = an_converge.converge(service, None, params(path=path))
    assert result["media_file_type"] == "WMA" and result["file_size"] == "4"
    assert sim.writes()[0]["body"]["file"]["contentType"] == "audio/x-ms-wma"


@pytest.mark.parametrize("check_mode", [True, False])
def test_the_same_file_again_is_no_change(sim, service, greeting, hq, check_mode):
    an_converge.converge(service, hq, params(path=greeting, location="Headquarters"))
    announcement_id = stored(sim, "Main greeting")[0]["id"]
    sim.clear_requests()
    plan, result = an_converge.converge(
        service, hq, params(path=greeting, location="Headquarters"), check_mode, diff=True
    )
    assert plan.action == "nothing" and plan.changed is False
    assert plan.before == plan.after == result == file_view(announcement_id, "LOCATION", hq)
    here = "/locations/%s/announcements/%s" % (hq, announcement_id)
    assert log(sim) == [("GET", ORG, 200), ("GET", here, 200)]


def test_a_name_found_in_another_spelling_is_not_the_same(sim, service, greeting):
    """The list's name filter only "contains", in any case: only the exact name at the level counts."""
    upload(sim, ORG, "main greeting", "greeting.wav", pcm_wav(seconds=6))
    upload(sim, ORG, "Main greeting 2", "greeting.wav", pcm_wav(seconds=6))
    upload(
        sim,
        "/locations/%s/announcements" % sim.location_id("Headquarters"),
        "Main greeting",
        "g.wav",
        pcm_wav(seconds=6),
    )
    sim.clear_requests()
    plan, _result = an_converge.converge(service, None, params(path=greeting), check_mode=True)
    assert plan.action == "create"


@pytest.mark.parametrize("check_mode", [True, False])
def test_a_changed_file_is_replaced_in_place(sim, service, tmp_path, greeting, check_mode):
    first = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=1))
    sim.clear_requests()
    plan, result = an_converge.converge(service, None, params(path=greeting), check_mode)
    assert plan.action == "update" and plan.fields == ["fileSize"]
    assert plan.before == file_view(first, file_size="16") and plan.after == file_view(first)
    item = "%s/%s" % (ORG, first)
    if check_mode:
        assert result == file_view(first)
        assert log(sim) == [("GET", ORG, 200), ("GET", item, 200), ("GET", ORG + "/usage", 200)]
        return
    assert result == file_view(first)
    assert log(sim) == [
        ("GET", ORG, 200),
        ("GET", item, 200),
        ("GET", ORG + "/usage", 200),
        ("PUT", item, 204),
        ("GET", item, 200),
    ]
    assert sim.writes()[0]["body"]["file"]["sha256"] == sha256(greeting)
    assert stored(sim, "Main greeting")[0]["_sha256"] == sha256(greeting)


def test_a_replace_at_location_level_goes_to_the_location(sim, service, greeting, hq):
    here = "/locations/%s/announcements" % hq
    first = upload(sim, here, "Main greeting", "old.wav", pcm_wav(seconds=6))
    sim.clear_requests()
    plan, result = an_converge.converge(service, hq, params(path=greeting, location="Headquarters"))
    assert plan.fields == ["fileName"] and result == file_view(first, "LOCATION", hq)
    assert [entry[:2] for entry in log(sim)][-2:] == [("PUT", here + "/" + first), ("GET", here + "/" + first)]


def test_force_replaces_a_file_that_looks_the_same(sim, service, greeting):
    first = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6, pitch=220.0))
    sim.clear_requests()
    plan, result = an_converge.converge(service, None, params(path=greeting))
    assert plan.action == "nothing" and sim.writes() == []
    plan, result = an_converge.converge(service, None, params(path=greeting, force=True))
    assert plan.action == "update" and plan.fields == ["force"] and result == file_view(first)
    assert [entry["method"] for entry in sim.writes()] == ["PUT"]
    assert stored(sim, "Main greeting")[0]["_sha256"] == sha256(greeting)


# -- the repository's limits, checked before the write -------------------------------------------------------------


def usage_fault(sim, **body):
    sim.fault(method="GET", path="announcements/usage", status=200, body=body)


def test_a_file_over_the_per_file_limit_is_refused_before_the_upload(sim, service, greeting):
    usage_fault(sim, maxAudioFileSizeAllowedKB=93)
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, params(path=greeting))
    assert str(raised.value) == "path: 94 KB; this repository takes audio files of at most 93 KB"
    assert raised.value.changed is False and sim.writes() == []
    usage_fault(sim, maxAudioFileSizeAllowedKB=94)
    assert an_converge.converge(service, None, params(path=greeting), check_mode=True)[0].action == "create"


def test_a_file_that_does_not_fit_in_the_repository_is_refused(sim, service, greeting):
    usage_fault(sim, totalFileSizeUsedKB=2 * 1024 - 93, totalFileSizeLimitMB=2)
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, params(path=greeting))
    assert str(raised.value) == "path: 94 KB does not fit: the repository holds 1955 KB of its 2 MB"
    assert sim.writes() == []
    usage_fault(sim, totalFileSizeUsedKB=2 * 1024 - 94, totalFileSizeLimitMB=2)
    assert an_converge.converge(service, None, params(path=greeting), check_mode=True)[0].action == "create"
    usage_fault(sim, totalFileSizeUsedKB=0)  # no limit given: nothing to check
    assert an_converge.converge(service, None, params(path=greeting), check_mode=True)[0].action == "create"
    usage_fault(sim, totalFileSizeLimitMB=1)  # no figure used: nothing to check
    assert an_converge.converge(service, None, params(path=greeting), check_mode=True)[0].action == "create"


def test_a_replace_counts_the_room_the_old_file_frees(sim, service, greeting):
    upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=1))  # 16 KB
    # 2 MB = 2048 KB: 1970 KB used, less the 16 KB of the file replaced, plus the 94 KB of the new one fit exactly.
    usage_fault(sim, totalFileSizeUsedKB=1970, totalFileSizeLimitMB=2)
    assert an_converge.converge(service, None, params(path=greeting), check_mode=True)[0].action == "update"
    usage_fault(sim, totalFileSizeUsedKB=1971, totalFileSizeLimitMB=2)
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, params(path=greeting), check_mode=True)
    assert str(raised.value) == "path: 94 KB does not fit: the repository holds 1971 KB of its 2 MB"


def test_a_replaced_file_of_unknown_size_frees_no_room(sim, service, greeting):
    """When the details of the file replaced give no size, none of the repository's room is counted as freed."""
    upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=1))
    sim.clear_requests()
    details = {"name": "Main greeting", "fileName": "greeting.wav", "mediaFileType": "WAV", "isTextToSpeech": False}
    sim.fault(method="GET", path="announcements/(?!usage)", status=200, body=details)
    # 2 MB = 2048 KB: 1955 KB used plus the 94 KB of the new file is one KB too many.
    sim.fault(
        method="GET",
        path="announcements/usage",
        status=200,
        body={"totalFileSizeUsedKB": 1955, "totalFileSizeLimitMB": 2},
    )
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, params(path=greeting), check_mode=True)
    assert str(raised.value) == "path: 94 KB does not fit: the repository holds 1955 KB of its 2 MB"
    assert sim.writes() == []


# -- deletes -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("check_mode", [True, False])
def test_delete_at_both_levels(sim, service, hq, check_mode):
    org_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    here = "/locations/%s/announcements" % hq
    hq_id = upload(sim, here, "Main greeting", "greeting.wav", pcm_wav(seconds=1))
    sim.clear_requests()
    plan, result = an_converge.converge(service, None, params(state="absent"), check_mode)
    assert plan.action == "delete" and result is None
    assert plan.before == file_view(org_id) and plan.after == {}
    item = "%s/%s" % (ORG, org_id)
    if check_mode:
        assert log(sim) == [("GET", ORG, 200), ("GET", item, 200)]
        assert len(stored(sim, "Main greeting")) == 2
        return
    assert log(sim) == [("GET", ORG, 200), ("GET", item, 200), ("DELETE", item, 204), ("GET", item, 404)]
    sim.clear_requests()
    plan, result = an_converge.converge(service, hq, params(state="absent", location="Headquarters"))
    assert plan.action == "delete" and plan.before == file_view(hq_id, "LOCATION", hq, file_size="16")
    item = "%s/%s" % (here, hq_id)
    assert log(sim) == [("GET", ORG, 200), ("GET", item, 200), ("DELETE", item, 204), ("GET", item, 404)]
    assert stored(sim, "Main greeting") == []


def test_absent_and_already_gone_is_nothing(sim, service):
    sim.clear_requests()
    plan, result = an_converge.converge(service, None, params(state="absent"))
    assert plan.action == "nothing" and plan.before == plan.after == {} and result is None
    assert log(sim) == [("GET", ORG, 200)]


def test_a_greeting_used_by_two_attendants_names_both_in_the_refusal(sim, service, hq):
    """Deleting an announcement two attendants use is refused naming both users, joined by "; "."""
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    audio = {"id": announcement_id, "fileName": "greeting.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}
    menu = {"greeting": "CUSTOM", "audioAnnouncementFile": audio, "extensionEnabled": True, "keyConfigurations": []}
    sim.store_auto_attendant(hq, {"name": "Reception", "businessHoursMenu": menu})
    sim.store_auto_attendant(hq, {"name": "Night line", "businessHoursMenu": menu})
    sim.clear_requests()
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, params(state="absent"))
    assert str(raised.value) == (
        "announcement 'Main greeting' is in use and was not deleted; used by Auto Attendant 'Reception' "
        "(Headquarters); Auto Attendant 'Night line' (Headquarters). Point them at another greeting first"
    )
    assert sim.writes() == []


def test_a_greeting_in_use_is_not_deleted(sim, service, hq):
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    audio = {"id": announcement_id, "fileName": "greeting.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}
    menu = {"greeting": "CUSTOM", "audioAnnouncementFile": audio, "extensionEnabled": True, "keyConfigurations": []}
    sim.store_auto_attendant(hq, {"name": "Reception", "businessHoursMenu": menu})
    sim.clear_requests()
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, params(state="absent"))
    assert str(raised.value) == (
        "announcement 'Main greeting' is in use and was not deleted; used by Auto Attendant 'Reception' "
        "(Headquarters). Point them at another greeting first"
    )
    assert sim.writes() == []


def test_force_never_deletes_a_greeting_in_use(sim, client, hq):
    """force replaces a file that looks the same; it never bypasses the in-use refusal of a delete. The simulator
    refuses such a DELETE by itself, so only the request log shows the promise: no DELETE is sent (issue 33)."""
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    audio = {"id": announcement_id, "fileName": "greeting.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}
    menu = {"greeting": "CUSTOM", "audioAnnouncementFile": audio, "extensionEnabled": True, "keyConfigurations": []}
    sim.store_auto_attendant(hq, {"name": "Reception", "businessHoursMenu": menu})
    sim.clear_requests()
    for check_mode in (True, False):
        result = task_result(
            client, ANNOUNCEMENT_MODULE, {"name": "Main greeting", "state": "absent", "force": True}, check_mode
        )
        assert result["failed"] and result["changed"] is False, result
        assert "announcement 'Main greeting' is in use and was not deleted" in result["msg"]
    assert [entry["method"] for entry in sim.requests()] == ["GET", "GET"] * 2  # the look-up and the details, twice
    assert len(stored(sim, "Main greeting")) == 1


def test_a_delete_that_did_not_take_is_reported(sim, service, client):
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    sim.fault(method="DELETE", path="announcements", ignore_write=True)
    tracking_ids = {}  # method -> the trackingId of its last answer, as the client records it
    client.session.hooks["response"].append(
        lambda response, *args, **kwargs: tracking_ids.__setitem__(
            response.request.method, response.headers.get("trackingid") or response.request.headers["TrackingID"]
        )
    )
    with pytest.raises(WriteNotApplied) as raised:
        an_converge.converge(service, None, params(state="absent"))
    assert str(raised.value) == (
        "the service answered the DELETE of announcement 'Main greeting', but it is still there: the delete did not "
        "take (trackingId %s)" % tracking_ids["DELETE"]
    )
    assert tracking_ids["DELETE"].startswith("WXC_ANSIBLE_") and raised.value.fields == ["delete"]
    assert raised.value.changed is True
    assert [entry["id"] for entry in stored(sim, "Main greeting")] == [announcement_id]


def test_a_delete_whose_read_back_fails_raises_the_read_error(sim, service):
    upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    sim.fault(method="GET", path="announcements/.", delay=0.001)  # the details read before the delete: answered
    sim.fault(method="GET", path="announcements/.", status=403)  # the read after it
    sim.clear_requests()
    with pytest.raises(WebexApiError) as raised:
        an_converge.converge(service, None, params(state="absent"))
    assert raised.value.status == 403
    assert [entry["method"] for entry in sim.writes()] == ["DELETE"]


# -- text to speech -------------------------------------------------------------------------------------------------


def speech(**options):
    return params(**dict({"name": "Spoken welcome", "text": TTS_TEXT, "voice": "ashley"}, **options))


@pytest.mark.parametrize("check_mode", [True, False])
def test_text_to_speech_create(sim, service, check_mode):
    sim.clear_requests()
    voice = "Ashley" if check_mode else "ashley"  # the voice check ignores case; the generate request sends it as given
    plan, result = an_converge.converge(service, None, speech(voice=voice), check_mode)
    assert plan.action == "create"
    assert plan.after == speech_view(None, None, voice=voice)
    if check_mode:
        assert result == plan.after
        assert log(sim) == [("GET", ORG, 200), ("GET", "/textToSpeech/voices", 200)]
        assert sim.requests()[1]["query"] == {"languageCode": "en_us"}
        return
    record = stored(sim, "Spoken welcome")[0]
    assert result == speech_view(record["id"], record["fileSize"])
    requested = log(sim)
    job = requested[3][1].rsplit("/", 1)[1]
    assert requested == [
        ("GET", ORG, 200),
        ("GET", "/textToSpeech/voices", 200),
        ("POST", "/textToSpeech/actions/generate/invoke", 202),
        ("GET", "/textToSpeech/" + job, 200),
        ("POST", ORG, 201),
        ("GET", ORG + "/" + record["id"], 200),
    ]
    generate, create = sim.writes()
    assert generate["body"] == {"voice": "ashley", "text": TTS_TEXT, "languageCode": "en_us"}
    assert set(create["body"]) == {"name", "fileUri", "fileName", "isTextToSpeech"}
    assert create["body"]["fileUri"].startswith("cmf://customers/")
    assert dict(create["body"], fileUri=None) == {
        "name": "Spoken welcome",
        "fileUri": None,
        "fileName": "Spoken-welcome.wav",
        "isTextToSpeech": True,
    }


def test_text_to_speech_change_and_no_change(sim, service):
    an_converge.converge(service, None, speech())
    record = stored(sim, "Spoken welcome")[0]
    sim.clear_requests()
    plan, result = an_converge.converge(service, None, speech(language_code="en_us"))
    assert plan.action == "nothing" and result == speech_view(record["id"], record["fileSize"])
    assert sim.writes() == []
    plan, result = an_converge.converge(service, None, speech(text="Hello again"))
    assert plan.action == "update" and plan.fields == ["text"]
    assert plan.before == speech_view(record["id"], record["fileSize"])
    assert plan.after == speech_view(record["id"], None, text="Hello again")
    assert result == speech_view(record["id"], stored(sim, "Spoken welcome")[0]["fileSize"], text="Hello again")
    assert [(entry["method"], entry["path"].replace(BASE, "")) for entry in sim.writes()] == [
        ("POST", "/textToSpeech/actions/generate/invoke"),
        ("PUT", ORG + "/" + record["id"]),
    ]


def test_a_voice_the_language_does_not_have_is_refused_before_any_write(sim, service):
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, speech(voice="lucia"))
    assert str(raised.value) == (
        "voice: 'lucia' is not a voice for language_code en_us; the service offers: ashley, steve, veronica, calvin"
    )
    sim.fault(method="GET", path="voices", status=200, body={"voices": []})
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, speech(language_code="es_es", voice="lucia"))
    assert str(raised.value) == "voice: 'lucia' is not a voice for language_code es_es; the service offers: none"
    sim.fault(method="GET", path="voices", status=200, body={})
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, speech())
    assert str(raised.value) == "voice: 'ashley' is not a voice for language_code en_us; the service offers: none"
    assert sim.writes() == []


def test_speech_is_polled_until_ready(sim, client):
    tts_control(sim, polls_before_success=3)
    slept = []
    service = an_service.AnnouncementService(client, sleep=slept.append)
    plan, result = an_converge.converge(service, None, speech())
    assert plan.action == "create" and result["is_text_to_speech"] is True
    assert slept == [0.5, 1.0, 2.0]
    slept.clear()
    tts_control(sim, polls_before_success=5)
    service = an_service.AnnouncementService(client, sleep=slept.append, poll_interval=1.0, poll_max_interval=3.0)
    assert service.speak("Hello", "ashley", "en_us").startswith("cmf://")
    assert slept == [1.0, 2.0, 3.0, 3.0, 3.0]


def test_speech_that_never_finishes_is_given_up(sim, client):
    tts_control(sim, polls_before_success=10)
    slept = []
    service = an_service.AnnouncementService(client, sleep=slept.append, poll_timeout=2.0)
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, speech())
    job = [entry for entry in sim.requests() if entry["method"] == "POST"][0]
    job_id = sim.requests()[-1]["path"].rsplit("/", 1)[1]
    assert job["status"] == 202 and slept == [0.5, 1.0, 2.0]
    assert str(raised.value) == (
        "text-to-speech request %s was still IN_PROGRESS after 3 seconds; nothing was created, run again" % job_id
    )
    assert raised.value.changed is False
    assert [entry["method"] for entry in sim.writes()] == ["POST"]


def test_failed_speech_is_reported(sim, service):
    tts_control(sim, failure="Text exceeds maximum allowed length.")
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, speech())
    assert str(raised.value) == "text-to-speech generation failed: Text exceeds maximum allowed length."
    sim.fault(method="GET", path="textToSpeech/[^v]", status=200, body={"status": "FAILURE"})
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, speech())
    assert str(raised.value) == "text-to-speech generation failed: no reason given"
    assert stored(sim, "Spoken welcome") == []


def test_speech_success_without_a_file_is_read_again(sim, client):
    slept = []
    service = an_service.AnnouncementService(client, sleep=slept.append)
    sim.fault(method="GET", path="textToSpeech/[^v]", status=200, body={"status": "SUCCESS"})
    assert service.speak("Hello", "ashley", "en_us").startswith("cmf://customers/")
    assert slept == [0.5]


def test_a_generate_answer_without_an_id_is_refused(sim, service):
    sim.fault(method="POST", path="generate", status=202, body={})
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, speech())
    assert str(raised.value) == "the text-to-speech request was answered without an id"
    assert raised.value.changed is False
    assert [entry["method"] for entry in sim.writes()] == ["POST"]


# -- faults around the write ---------------------------------------------------------------------------------------


def test_an_upload_whose_answer_is_lost_is_found_not_sent_twice(sim, service, greeting, hq):
    sim.fault(method="POST", path="announcements", drop_after_commit=True)
    plan, result = an_converge.converge(service, hq, params(path=greeting, location="Headquarters"))
    record = stored(sim, "Main greeting")
    assert len(record) == 1 and plan.action == "create"
    assert result == file_view(record[0]["id"], "LOCATION", hq)
    assert [entry["method"] for entry in sim.writes()] == ["POST"]


def test_an_upload_answered_without_an_id_is_reported(sim, service, greeting):
    sim.fault(method="POST", path="announcements", status=201, body={})
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, params(path=greeting))
    assert str(raised.value) == (
        "POST /telephony/config/announcements answered without the id of the new object; it may have been "
        "created: run again to find it by name"
    )


def test_a_replace_that_did_not_take_is_reported(sim, service, greeting, client):
    upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=1))
    sim.fault(method="PUT", path="announcements", ignore_write=True)
    tracking_ids = {}  # method -> the trackingId of its last answer, as the client records it

    def record(response, *args, **kwargs):
        tracking_ids[response.request.method] = (
            response.headers.get("trackingid") or response.request.headers["TrackingID"]
        )

    client.session.hooks["response"].append(record)
    with pytest.raises(WriteNotApplied) as raised:
        an_converge.converge(service, None, params(path=greeting))
    assert raised.value.fields == ["fileSize"]
    put_tracking_id = tracking_ids["PUT"]
    assert put_tracking_id != client.last_tracking_id  # the read-back's: the message names the write's
    assert str(raised.value) == (
        "the service answered 2xx but did not apply fileSize of announcement 'Main greeting' (trackingId %s)"
        % put_tracking_id
    )


def test_a_failed_read_back_says_the_write_went_through(sim, client, greeting):
    sim.fault(method="GET", path="announcements/(?!usage)", status=403)
    result = task_result(client, ANNOUNCEMENT_MODULE, {"name": "Main greeting", "path": greeting})
    assert result["failed"] and result["api_error"]["status"] == 403 and result["changed"] is True
    assert result["msg"].startswith(
        "POST /telephony/config/announcements was sent (answered 201); the read-back failed"
    )
    assert len(stored(sim, "Main greeting")) == 1


# -- the lookup ----------------------------------------------------------------------------------------------------


def test_two_announcements_with_the_name_are_refused(sim, service, greeting):
    first = upload(sim, ORG, "Main greeting", "a.wav", pcm_wav(seconds=6))
    second = upload(sim, ORG, "Main greeting", "b.wav", pcm_wav(seconds=6))
    sim.clear_requests()
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, params(path=greeting))
    assert str(raised.value) == (
        "2 announcements are called 'Main greeting' at this level (ids: %s, %s); rename or delete the extra ones"
        % (first, second)
    )
    assert sim.writes() == []


def list_fault(sim, *items):
    sim.fault(method="GET", path="config/announcements$", status=200, body={"announcements": list(items)})


def test_find_keeps_only_the_exact_name_at_the_level(sim, service, hq):
    """Items of another level or location, as a service that filters differently may list them, are not matches."""
    org = {"id": "O1", "name": "Main greeting", "level": "ORGANIZATION"}
    here = {"id": "L1", "name": "Main greeting", "level": "LOCATION", "location": {"id": hq}}
    elsewhere = {"id": "L2", "name": "Main greeting", "level": "LOCATION", "location": {"id": "elsewhere"}}
    list_fault(sim, dict(here, id="X", name="main greeting"), here, org, elsewhere)
    assert service.find(None, "Main greeting") == org
    list_fault(sim, org, elsewhere, here)
    assert service.find(hq, "Main greeting") == here
    unlabelled = {"id": "U1", "name": "Main greeting"}  # no level and no location: taken as the one asked for
    list_fault(sim, unlabelled)
    assert service.find(None, "Main greeting") == unlabelled
    list_fault(sim, unlabelled)
    assert service.find(hq, "Main greeting") == unlabelled
    list_fault(sim, dict(here, location=None))
    assert service.find(hq, "Main greeting")["id"] == "L1"
    list_fault(sim, here)
    assert service.find(None, "Main greeting") is None
    list_fault(sim, org)
    assert service.find(hq, "Main greeting") is None


def test_usage_and_voices_are_read_where_asked(sim, service, hq):
    sim.clear_requests()
    assert service.usage(None)["totalFileSizeLimitMB"] == 1024
    assert service.usage(hq)["maxAudioFileSizeAllowedKB"] == 5120
    assert service.voices("es_es") == ["lucia", "sergio"]
    assert [entry[1] for entry in log(sim)] == [
        ORG + "/usage",
        "/locations/%s/announcements/usage" % hq,
        "/textToSpeech/voices",
    ]


# -- run(): what the module does ----------------------------------------------------------------------------------


def test_run_at_a_location_by_name_with_diff(sim, client, hq, tmp_path):
    path = write(tmp_path, "beep.wav", pcm_wav(seconds=1))
    module = Module(params(path=path, location="Headquarters"), diff=True)
    result = an_converge.run(module, client)
    record = stored(sim, "Main greeting")[0]
    expected = file_view(record["id"], "LOCATION", hq, file_size="16", file_name="beep.wav")
    assert result == {
        "changed": True,
        "announcement": expected,
        "diff": {"before": {}, "after": dict(expected, id=None)},
    }
    assert module.warnings == [
        "beep.wav is 1.0 seconds long; Cisco's help states a 5 second minimum for announcements (enforced at least "
        "for music on hold)"
    ]


def test_run_at_organization_level_in_check_mode(sim, client, greeting):
    module = Module(params(path=greeting), check_mode=True)
    assert an_converge.run(module, client) == {"changed": True, "announcement": file_view(None)}
    assert module.warnings == [] and sim.writes() == []
    module = Module(params(state="absent"), diff=True)
    assert an_converge.run(module, client) == {
        "changed": False,
        "announcement": None,
        "diff": {"before": {}, "after": {}},
    }


def test_run_with_an_unknown_location(sim, client, greeting):
    with pytest.raises(ResourceError) as raised:
        an_converge.run(Module(params(path=greeting, level="location", location="Nowhere")), client)
    assert str(raised.value) == (
        "location: location 'Nowhere' not found: no location has exactly that name (give its exact name or id)"
    )
    assert raised.value.changed is False and sim.writes() == []


def test_details_without_a_name_take_the_list_s(sim, service):
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    details = {"id": announcement_id, "fileName": "greeting.wav", "mediaFileType": "WAV", "fileSize": GREETING_KB}
    sim.fault(method="GET", path="announcements/.", status=200, body=details)
    plan, _result = an_converge.converge(service, None, params(state="absent"), check_mode=True)
    assert plan.action == "delete" and plan.before == file_view(announcement_id)


def test_details_without_an_id_take_the_list_s(sim, service):
    """The announcement's id comes from the list item when its details leave it out: the plan shows it."""
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    details = {"name": "Main greeting", "fileName": "greeting.wav", "mediaFileType": "WAV", "fileSize": GREETING_KB}
    sim.fault(method="GET", path="announcements/.", status=200, body=details)
    plan, result = an_converge.converge(service, None, params(state="absent"), check_mode=True)
    assert plan.action == "delete" and result is None
    assert plan.before == file_view(announcement_id) and plan.after == {}


def test_the_default_poll_timings(sim, client):
    """Waits double from half a second up to four; after a minute of waiting in all the request is given up."""
    tts_control(sim, polls_before_success=5)
    slept = []
    service = an_service.AnnouncementService(client, sleep=slept.append)
    assert service.speak("Hello", "ashley", "en_us").startswith("cmf://")
    assert slept == [0.5, 1.0, 2.0, 4.0, 4.0]
    tts_control(sim, polls_before_success=100)
    slept.clear()
    with pytest.raises(ResourceError) as raised:
        service.speak("Hello", "ashley", "en_us")
    assert slept == [0.5, 1.0, 2.0] + [4.0] * 15 and sum(slept) == 63.5
    job_id = sim.requests()[-1]["path"].rsplit("/", 1)[1]
    assert str(raised.value) == (
        "text-to-speech request %s was still IN_PROGRESS after 63 seconds; nothing was created, run again" % job_id
    )


def test_run_text_to_speech_without_diff(sim, client):
    module = Module(speech())
    result = an_converge.run(module, client)
    record = stored(sim, "Spoken welcome")[0]
    assert result == {"changed": True, "announcement": speech_view(record["id"], record["fileSize"])}
    assert module.warnings == []


def test_a_replace_answered_503_is_sent_again(sim, service, greeting):
    """A PUT is idempotent: the client sends it again after a 5xx (and names it PUT in any error)."""
    first = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=1))
    sim.fault(method="PUT", path="announcements", status=503)
    sim.clear_requests()
    _plan, result = an_converge.converge(service, None, params(path=greeting))
    assert result == file_view(first)
    assert [(entry["method"], entry["status"]) for entry in sim.writes()] == [("PUT", 503), ("PUT", 204)]


def test_a_refused_upload_names_the_request(sim, service, greeting):
    sim.fault(method="POST", path="announcements", status=400, body={"message": "Bad file", "errors": []})
    with pytest.raises(WebexApiError) as raised:
        an_converge.converge(service, None, params(path=greeting))
    assert (raised.value.method, raised.value.path, raised.value.status) == (
        "POST",
        "/telephony/config/announcements",
        400,
    )
    sim.fault(method="PUT", path="announcements", status=400, body={"message": "Bad file", "errors": []})
    upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=1))
    with pytest.raises(WebexApiError) as raised:
        an_converge.converge(service, None, params(path=greeting))
    assert (raised.value.method, raised.value.status) == ("PUT", 400)


def test_absent_with_the_path_of_a_file_that_is_gone_still_deletes(sim, service, tmp_path):
    """With state absent the file is never read: a path left in the task after the file was removed is fine."""
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    plan, result = an_converge.converge(service, None, params(state="absent", path=str(tmp_path / "gone.wav")))
    assert plan.action == "delete" and plan.before == file_view(announcement_id) and result is None
    assert stored(sim, "Main greeting") == []


def test_the_result_keeps_the_id_when_the_read_back_leaves_it_out(sim, service, greeting):
    details = {
        "name": "Main greeting",
        "fileName": "greeting.wav",
        "mediaFileType": "WAV",
        "fileSize": GREETING_KB,
        "isTextToSpeech": False,
    }
    sim.fault(method="GET", path="announcements/(?!usage)", status=200, body=details)
    _plan, result = an_converge.converge(service, None, params(path=greeting))
    assert result == file_view(stored(sim, "Main greeting")[0]["id"])


# -- faults the client handles on an upload and a replace -----------------------------------------------------------


def test_a_rate_limited_upload_is_sent_again_once_whole(sim, service, greeting):
    sim.fault(method="POST", path="/announcements$", status=429, retry_after="0")
    plan, result = an_converge.converge(service, None, params(path=greeting))
    assert [(entry["method"], entry["status"]) for entry in sim.writes()] == [("POST", 429), ("POST", 201)]
    [record] = stored(sim, "Main greeting")
    assert plan.changed and result == file_view(record["id"]) and record["_sha256"] == sha256(greeting)


def test_a_replace_whose_answer_is_lost_is_sent_again(sim, service, greeting):
    first = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=1))
    sim.fault(method="PUT", path="/announcements/", drop_after_commit=True)
    sim.clear_requests()
    plan, result = an_converge.converge(service, None, params(path=greeting))
    # A PUT is idempotent: sent again.
    assert [entry["method"] for entry in sim.writes()] == ["PUT", "PUT"]
    assert plan.changed and result == file_view(first)
    assert stored(sim, "Main greeting")[0]["_sha256"] == sha256(greeting)


def test_a_greeting_in_use_is_not_deleted_in_check_mode_either(sim, client, hq):
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    audio = {"fileName": "greeting.wav", "mediaFileType": "WAV", "level": "ORGANIZATION", "id": announcement_id}
    menu = {"greeting": "CUSTOM", "audioAnnouncementFile": audio, "extensionEnabled": True, "keyConfigurations": []}
    sim.store_auto_attendant(hq, {"name": "Reception", "businessHoursMenu": menu})
    sim.clear_requests()
    for check_mode in (True, False):
        with pytest.raises(ResourceError) as raised:
            an_converge.run(Module(params(state="absent"), check_mode=check_mode), client)
        assert "announcement 'Main greeting' is in use and was not deleted" in str(raised.value)
        assert "Auto Attendant 'Reception' (Headquarters)" in str(raised.value) and raised.value.changed is False
    assert sim.writes() == [] and len(stored(sim, "Main greeting")) == 1
