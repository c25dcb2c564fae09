"""The simulator's announcement repository and text-to-speech routes."""

import hashlib

import requests

from tests.audio_fixtures import MP3_BYTES, asf_wma, pcm_wav
from tests.simulator import errors
from tests.simulator.harness import Simulator

from .helpers import AUDIO_ID, DOC_EXAMPLE, assert_webex_error

ORG = "/telephony/config/announcements"
TTS = "/telephony/config/textToSpeech"


def upload(sim, path, name, file_name, content, method="POST", content_type="audio/wav"):
    """A multipart/form-data upload as wxc_sdk and wxcadm send it: name + a file part."""
    return requests.request(
        method,
        sim.url + path,
        data={"name": name},
        files={"file": (file_name, content, content_type)},
        headers={"Authorization": "Bearer %s" % sim.token},
        timeout=30,
    )


def control(sim, method, path, json=None):
    response = requests.request(method, sim.base_url + "/_sim" + path, json=json, timeout=30)
    response.raise_for_status()
    return response.json()


def stored(sim, announcement_id):
    return next(item for item in control(sim, "GET", "/announcements") if item["id"] == announcement_id)


def location_base(sim, name="Headquarters"):
    return "/telephony/config/locations/%s/announcements" % sim.location_id(name)


def test_upload_at_both_levels_then_list_details_and_the_request_log(sim):
    content = pcm_wav(seconds=1.5)
    created = upload(sim, ORG, "Main greeting", "main.wav", content)
    assert created.status_code == 201, created.text
    org_id = created.json()["id"]
    located = upload(sim, location_base(sim), "HQ greeting", "hq.wav", content)
    assert located.status_code == 201, located.text

    item = sim.api("GET", ORG, params={"name": "main greeting"}).json()["announcements"]
    assert len(item) == 1 and item[0]["level"] == "ORGANIZATION" and item[0]["fileName"] == "main.wav"
    assert item[0]["fileSize"] == str(-(-len(content) // 1024)) and item[0]["mediaFileType"] == "WAV"
    in_hq = sim.api("GET", ORG, params={"locationId": sim.location_id("Headquarters"), "name": "HQ greeting"}).json()[
        "announcements"
    ]
    assert [entry["name"] for entry in in_hq] == ["HQ greeting"]
    assert in_hq[0]["location"] == {"id": sim.location_id("Headquarters"), "name": "Headquarters"}

    details = sim.api("GET", ORG + "/" + org_id).json()
    assert "level" not in details and "location" not in details and "_sha256" not in details
    assert details["featureReferenceCount"] == 0 and "featureReferences" not in details and details["playlists"] == []
    location_details = sim.api("GET", location_base(sim) + "/" + located.json()["id"]).json()
    assert "playlists" not in location_details and location_details["name"] == "HQ greeting"

    assert stored(sim, org_id)["_sha256"] == hashlib.sha256(content).hexdigest()
    logged = [entry for entry in sim.writes() if entry["method"] == "POST"][0]["body"]
    expected_file = {
        "fileName": "main.wav",
        "contentType": "audio/wav",
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    assert logged == {"name": "Main greeting", "file": expected_file}


def test_replace_keeps_the_id_and_changes_content_size_and_name(sim):
    first = upload(sim, ORG, "Greeting", "greeting.wav", pcm_wav(seconds=1)).json()["id"]
    longer = pcm_wav(seconds=3)
    replaced = upload(sim, ORG + "/" + first, "Greeting v2", "greeting.wav", longer, method="PUT")
    assert replaced.status_code == 204 and not replaced.content
    details = sim.api("GET", ORG + "/" + first).json()
    assert details["name"] == "Greeting v2" and details["fileSize"] == str(-(-len(longer) // 1024))
    assert stored(sim, first)["_sha256"] == hashlib.sha256(longer).hexdigest()


def test_bad_uploads(sim):
    assert_webex_error(upload(sim, ORG, "Song", "song.wav", MP3_BYTES), 400, 27900)
    assert_webex_error(upload(sim, ORG, "Song", "song.mp3", MP3_BYTES), 400, 27900)
    assert_webex_error(upload(sim, ORG, "Too big", "big.wav", pcm_wav(seconds=330, rate=8000)), 400, 27901)
    no_name = requests.post(
        sim.url + ORG,
        files={"file": ("a.wav", pcm_wav(), "audio/wav")},
        headers={"Authorization": "Bearer %s" % sim.token},
        timeout=30,
    )
    assert_webex_error(no_name, 400, errors.ERR_MISSING_FIELD)
    no_file = requests.post(
        sim.url + ORG, files={"name": (None, "x")}, headers={"Authorization": "Bearer %s" % sim.token}, timeout=30
    )
    assert_webex_error(no_file, 400, errors.ERR_MISSING_FIELD)
    # Multipart is accepted only where the API takes it.
    multipart_elsewhere = requests.post(
        sim.url + location_base(sim).replace("announcements", "autoAttendants"),
        files={"file": ("a.wav", pcm_wav(), "audio/wav")},
        headers={"Authorization": "Bearer %s" % sim.token},
        timeout=30,
    )
    assert_webex_error(multipart_elsewhere, 415, errors.ERR_UNSUPPORTED_MEDIA_TYPE)
    assert upload(sim, ORG, "Closed", "closed2.wma", asf_wma(), content_type="audio/x-ms-wma").status_code == 201
    assert [entry for entry in sim.writes() if entry["status"] < 300][0]["body"]["file"]["fileName"] == "closed2.wma"


def test_feature_references_come_from_the_attendants_and_block_the_delete(sim):
    hq = sim.location_id("Headquarters")
    created = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % hq, json=DOC_EXAMPLE)
    assert created.status_code == 201, created.text
    details = sim.api("GET", ORG + "/" + AUDIO_ID).json()
    assert details["featureReferenceCount"] == 1
    assert details["featureReferences"] == [
        {
            "id": created.json()["id"],
            "name": DOC_EXAMPLE["name"],
            "type": "Auto Attendant",
            "locationId": hq,
            "locationName": "Headquarters",
        }
    ]
    refused = sim.api("DELETE", ORG + "/" + AUDIO_ID)
    assert_webex_error(refused, 400, 6675)
    assert DOC_EXAMPLE["name"] in refused.json()["message"]
    sim.api("DELETE", "/telephony/config/locations/%s/autoAttendants/%s" % (hq, created.json()["id"]))
    assert sim.api("DELETE", ORG + "/" + AUDIO_ID).status_code == 204
    assert_webex_error(sim.api("GET", ORG + "/" + AUDIO_ID), 404)


def test_usage_is_not_read_as_an_announcement_id(sim):
    usage = sim.api("GET", ORG + "/usage")
    assert usage.status_code == 200, usage.text
    assert set(usage.json()) == {
        "totalFileSizeUsedKB",
        "maxAudioFileSizeAllowedKB",
        "maxVideoFileSizeAllowedKB",
        "totalFileSizeLimitMB",
    }
    assert usage.json()["maxAudioFileSizeAllowedKB"] == 5120
    assert sim.api("GET", location_base(sim) + "/usage").json()["totalFileSizeUsedKB"] == 4096


def test_list_order_and_filters(sim):
    by_size = sim.api("GET", ORG, params={"order": "fileSize-desc"}).json()["announcements"]
    assert [int(item["fileSize"]) for item in by_size] == sorted(
        (int(item["fileSize"]) for item in by_size), reverse=True
    )
    assert sim.api("GET", ORG, params={"fileType": "video"}).json()["announcements"] == []
    assert_webex_error(sim.api("GET", ORG, params={"order": "name"}), 400, errors.ERR_INVALID_VALUE)


def test_text_to_speech_generate_poll_and_create(sim):
    control(sim, "POST", "/text_to_speech", {"polls_before_success": 2})
    body = {"voice": "ashley", "text": "Welcome to Example Corp.", "languageCode": "en_us"}
    job = sim.api("POST", TTS + "/actions/generate/invoke", json=body)
    assert job.status_code == 202, job.text
    statuses = [sim.api("GET", TTS + "/" + job.json()["id"]).json() for _read in range(3)]
    assert [status["status"] for status in statuses] == ["IN_PROGRESS", "IN_PROGRESS", "SUCCESS"]
    assert "fileUri" not in statuses[0] and statuses[2]["fileUri"].startswith("cmf://customers/")
    created = sim.api(
        "POST",
        ORG,
        json={
            "name": "TTS welcome",
            "fileUri": statuses[2]["fileUri"],
            "fileName": "tts-welcome.wav",
            "isTextToSpeech": True,
        },
    )
    assert created.status_code == 201, created.text
    details = sim.api("GET", ORG + "/" + created.json()["id"]).json()
    assert details["isTextToSpeech"] is True and details["text"] == body["text"]
    assert details["voice"] == "ashley" and details["language"] == "en_us"
    listed = [item for item in sim.api("GET", ORG).json()["announcements"] if item["id"] == created.json()["id"]]
    assert "text" not in listed[0] and listed[0]["isTextToSpeech"] is True
    # Without isTextToSpeech the metadata is not kept (the API's documented behaviour).
    without_flag = {"name": "TTS welcome", "fileUri": statuses[2]["fileUri"], "fileName": "tts-welcome.wav"}
    sim.api("PUT", ORG + "/" + created.json()["id"], json=without_flag)
    assert "text" not in sim.api("GET", ORG + "/" + created.json()["id"]).json()
    assert sim.api("GET", TTS + "/usage").json()["noOfApiCalls"] == 1


def test_text_to_speech_errors(sim):
    generate = TTS + "/actions/generate/invoke"
    assert_webex_error(
        sim.api("POST", generate, json={"voice": "ashley", "text": "Hi", "languageCode": "en_US"}), 400, 1014
    )
    assert_webex_error(
        sim.api("POST", generate, json={"voice": "lucia", "text": "Hi", "languageCode": "en_us"}), 400, 27902
    )
    assert_webex_error(
        sim.api(
            "POST",
            ORG,
            json={
                "name": "x",
                "fileUri": "https://example.com/welcome.wav",
                "fileName": "x.wav",
                "isTextToSpeech": False,
            },
        ),
        400,
        27917,
    )
    control(sim, "POST", "/text_to_speech", {"failure": "Text exceeds maximum allowed length."})
    job = sim.api("POST", generate, json={"voice": "ashley", "text": "Hi", "languageCode": "en_us"}).json()
    status = sim.api("GET", TTS + "/" + job["id"]).json()
    assert status["status"] == "FAILURE" and status["errorMessage"] == "Text exceeds maximum allowed length."
    voices = sim.api("GET", TTS + "/voices").json()["voices"]
    assert {"id": "ashley", "label": "Ashley-Female", "languageCode": "en_us"} in voices


def test_uploads_survive_a_restart_with_a_state_file(tmp_path):
    state_file = tmp_path / "state.json"
    with Simulator(state_file=state_file) as first:
        created = upload(first, ORG, "Kept", "kept.wav", pcm_wav()).json()["id"]
    with Simulator(state_file=state_file) as second:
        assert second.api("GET", ORG + "/" + created).json()["name"] == "Kept"
