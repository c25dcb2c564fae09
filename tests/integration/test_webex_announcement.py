"""webex_announcement run by real ansible-playbook against the simulator; asserts on what the simulator received.

The WAV files are written by the tests (tests/audio_fixtures.py); no binary is committed.
"""

import hashlib

import pytest
import requests

from tests.audio_fixtures import MP3_BYTES, WAVE_FORMAT_MULAW, pcm_wav, riff_wav, write
from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_announcement"
ORG = "/telephony/config/announcements"
TTS_TEXT = "Welcome to Example Corp. Our offices are open from eight to six."


def converge(sim, tmp_path, args, check=False, diff=False, module=MODULE):
    path = write_playbook(tmp_path, [{"name": "Converge", module: args, "register": "result"}])
    run = run_playbook(path, sim, check=check, diff=diff)
    return run, run.one("Converge")


def control(sim, method, path, json=None):
    response = requests.request(method, sim.base_url + "/_sim" + path, json=json, timeout=30)
    response.raise_for_status()
    return response.json()


def stored(sim, name):
    """The simulator's own records (with the content hash) of the announcements called NAME."""
    return [item for item in control(sim, "GET", "/announcements") if item["name"] == name]


def methods(sim):
    return [(entry["method"], entry["path"].replace("/v1/telephony/config", "")) for entry in sim.writes()]


def sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@pytest.fixture
def greeting(tmp_path):
    return write(tmp_path, "main-greeting.wav", pcm_wav(seconds=6, rate=8000))


def test_upload_at_both_levels_then_rerun_writes_nothing(sim, tmp_path, greeting):
    hq_file = write(tmp_path, "hq-welcome.wav", riff_wav(format_tag=WAVE_FORMAT_MULAW, data_bytes=8000 * 6))
    hq = sim.location_id("Headquarters")
    org_args = {"name": "Main greeting", "path": greeting, "level": "organization"}
    hq_args = {"name": "HQ welcome", "path": hq_file, "location": "Headquarters", "level": "LOCATION"}

    run, result = converge(sim, tmp_path, org_args, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True
    announcement = result["result"]["announcement"]
    [record] = stored(sim, "Main greeting")
    assert announcement["id"] == record["id"] and announcement["level"] == "ORGANIZATION"
    assert announcement["file_name"] == "main-greeting.wav" and announcement["media_file_type"] == "WAV"
    assert announcement["location_id"] is None and announcement["file_size"] == record["fileSize"]
    assert record["_sha256"] == sha256(greeting)
    assert result["result"]["diff"]["before"] == {}
    [post] = sim.writes()
    assert (post["method"], post["path"], post["status"]) == ("POST", "/v1" + ORG, 201)
    assert post["body"]["name"] == "Main greeting" and post["body"]["file"]["fileName"] == "main-greeting.wav"
    assert post["body"]["file"]["contentType"] == "audio/wav"

    run, result = converge(sim, tmp_path, hq_args)
    assert run.rc == 0, run
    assert result["changed"] is True and result["result"]["announcement"]["location_id"] == hq
    [record] = stored(sim, "HQ welcome")
    assert record["level"] == "LOCATION" and record["location"]["id"] == hq and record["_sha256"] == sha256(hq_file)
    assert methods(sim)[-1] == ("POST", "/locations/%s/announcements" % hq)

    sim.clear_requests()
    for args in (org_args, hq_args):
        run, result = converge(sim, tmp_path, args)
        assert run.rc == 0, run
        assert (
            result["changed"] is False and result["result"]["announcement"]["id"] == stored(sim, args["name"])[0]["id"]
        )
    assert sim.writes() == []


def test_a_changed_file_is_replaced_keeping_the_id(sim, tmp_path, greeting):
    args = {"name": "Main greeting", "path": greeting}
    run, first = converge(sim, tmp_path, args)
    assert run.rc == 0, run
    first_id = first["result"]["announcement"]["id"]
    write(tmp_path, "main-greeting.wav", pcm_wav(seconds=9, rate=16000))
    sim.clear_requests()
    run, result = converge(sim, tmp_path, args, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True and result["result"]["announcement"]["id"] == first_id
    assert methods(sim) == [("PUT", "/announcements/%s" % first_id)]
    assert sim.writes()[0]["body"]["file"]["sha256"] == sha256(greeting)
    [record] = stored(sim, "Main greeting")
    assert record["id"] == first_id and record["_sha256"] == sha256(greeting)
    diff = result["result"]["diff"]
    assert diff["before"]["file_size"] != diff["after"]["file_size"]


def test_force_uploads_a_same_length_recording(sim, tmp_path, greeting):
    args = {"name": "Main greeting", "path": greeting}
    assert converge(sim, tmp_path, args)[0].rc == 0
    write(tmp_path, "main-greeting.wav", pcm_wav(seconds=6, rate=8000, pitch=660.0))
    sim.clear_requests()
    run, result = converge(sim, tmp_path, args)
    assert run.rc == 0 and result["changed"] is False and sim.writes() == []  # the documented blind spot
    run, result = converge(sim, tmp_path, dict(args, force=True))
    assert run.rc == 0, run
    assert result["changed"] is True and [method for method, _path in methods(sim)] == ["PUT"]
    assert stored(sim, "Main greeting")[0]["_sha256"] == sha256(greeting)


def test_check_mode_writes_nothing_and_predicts(sim, tmp_path, greeting):
    run, result = converge(sim, tmp_path, {"name": "Main greeting", "path": greeting}, check=True, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True and sim.writes() == [] and stored(sim, "Main greeting") == []
    predicted = result["result"]["announcement"]
    assert predicted["id"] is None and predicted["file_name"] == "main-greeting.wav"
    run, result = converge(sim, tmp_path, {"name": "Spoken", "text": TTS_TEXT, "voice": "ashley"}, check=True)
    assert run.rc == 0 and result["changed"] is True and sim.writes() == []
    assert not [entry for entry in sim.requests() if "textToSpeech/actions" in entry["path"]]


BAD_FILES = [
    ("song.wav", MP3_BYTES, "song.wav: named .wav but it is not a WAV file: it looks like an MP3 file"),
    (
        "stereo.wav",
        pcm_wav(seconds=1, rate=44100, channels=2),
        "stereo (2 channels); it must be mono; sample rate 44100 Hz",
    ),
    ("big.wav", None, "the announcement repository takes at most 5 MB a file"),
    ("missing.wav", False, "missing.wav: no such file"),
]


def test_bad_files_fail_before_any_request(sim, tmp_path):
    tasks = []
    for name, content, _message in BAD_FILES:
        path = str(tmp_path / name)
        if content is None:
            with open(path, "wb") as handle:
                handle.write(riff_wav(data_bytes=0))
                handle.truncate(6 * 1024 * 1024)
        elif content is not False:
            write(tmp_path, name, content)
        tasks.append({"name": name, MODULE: {"name": "Bad", "path": path}, "ignore_errors": True})
    run = run_playbook(write_playbook(tmp_path, tasks), sim)
    for name, _content, message in BAD_FILES:
        entry = run.one(name)
        result = entry["result"]
        assert entry["failed"] is True, result
        assert result["msg"].startswith("Invalid options: path: ") and message in result["msg"], result["msg"]
        assert str(tmp_path / name) in result["msg"] and result.get("changed") is False
    assert sim.requests() == []


def test_text_to_speech_create_and_rerun(sim, tmp_path):
    control(sim, "POST", "/text_to_speech", {"polls_before_success": 1})
    args = {
        "name": "Spoken welcome",
        "text": TTS_TEXT,
        "voice": "ashley",
        "language_code": "en_us",
        "level": "organization",
    }
    run, result = converge(sim, tmp_path, args)
    assert run.rc == 0, run
    assert result["changed"] is True
    announcement = result["result"]["announcement"]
    assert announcement["is_text_to_speech"] is True and announcement["text"] == TTS_TEXT
    assert announcement["file_name"] == "Spoken-welcome.wav" and announcement["language_code"] == "en_us"
    paths = [(entry["method"], entry["path"].replace("/v1/telephony/config", "")) for entry in sim.requests()]
    generate = paths.index(("POST", "/textToSpeech/actions/generate/invoke"))
    assert ("GET", "/textToSpeech/voices") in paths[:generate]
    assert [method for method, path in paths if path.startswith("/textToSpeech/") and "voices" not in path] == [
        "POST",
        "GET",
        "GET",
    ]  # generate, IN_PROGRESS, SUCCESS
    post = [entry for entry in sim.writes() if entry["path"].endswith("/announcements")][0]
    assert post["body"]["isTextToSpeech"] is True and post["body"]["fileUri"].startswith("cmf://")

    sim.clear_requests()
    run, result = converge(sim, tmp_path, args)
    assert run.rc == 0 and result["changed"] is False and sim.writes() == []

    run, result = converge(sim, tmp_path, dict(args, text=TTS_TEXT + " Goodbye."))
    assert run.rc == 0 and result["changed"] is True
    assert [method for method, _path in methods(sim)] == ["POST", "PUT"]  # generate, then replace in place
    assert result["result"]["announcement"]["id"] == announcement["id"]


def test_text_to_speech_option_errors(sim, tmp_path):
    run, result = converge(
        sim, tmp_path, {"name": "Spoken", "text": "Hello", "voice": "ashley", "language_code": "en_US"}
    )
    assert run.rc != 0 and "language_code: 'en_US'" in result["result"]["msg"] and sim.requests() == []
    run, result = converge(sim, tmp_path, {"name": "Spoken", "text": "Hello", "voice": "lucia"})
    assert run.rc != 0 and "voice: 'lucia' is not a voice for language_code en_us" in result["result"]["msg"]
    assert sim.writes() == []


def test_delete_is_refused_while_an_attendant_uses_the_greeting(sim, tmp_path, greeting):
    run, result = converge(sim, tmp_path, {"name": "Main greeting", "path": greeting})
    assert run.rc == 0, run
    announcement = result["result"]["announcement"]
    menu = {
        "greeting": "CUSTOM",
        "extension_enabled": True,
        "key_configurations": [{"key": "0", "action": "EXIT"}],
        "audio_announcement_file": {key: announcement[key] for key in ("file_name", "media_file_type", "level")},
    }
    run, _result = converge(
        sim,
        tmp_path,
        {
            "location": "Headquarters",
            "name": "Reception",
            "extension": "2100",
            "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "business_hours_menu": menu,
            "after_hours_menu": menu,
        },
        module="wxc.calling.webex_auto_attendant",
    )
    assert run.rc == 0, run
    sim.clear_requests()
    for check in (True, False):
        run, result = converge(sim, tmp_path, {"name": "Main greeting", "state": "absent"}, check=check)
        assert run.rc != 0, run
        message = result["result"]["msg"]
        assert "announcement 'Main greeting' is in use and was not deleted" in message
        assert "Auto Attendant 'Reception' (Headquarters)" in message and result["result"]["changed"] is False
    assert sim.writes() == [] and len(stored(sim, "Main greeting")) == 1


def test_delete_when_unused_and_again_when_gone(sim, tmp_path, greeting):
    hq_args = {"name": "HQ welcome", "path": greeting, "location": sim.location_id("Headquarters")}
    assert converge(sim, tmp_path, hq_args)[0].rc == 0
    [record] = stored(sim, "HQ welcome")
    sim.clear_requests()
    run, result = converge(sim, tmp_path, dict(hq_args, state="absent", path=None), diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True and result["result"]["announcement"] is None
    assert methods(sim) == [("DELETE", "/locations/%s/announcements/%s" % (record["location"]["id"], record["id"]))]
    assert result["result"]["diff"]["after"] == {} and result["result"]["diff"]["before"]["id"] == record["id"]
    assert stored(sim, "HQ welcome") == []
    sim.clear_requests()
    run, result = converge(sim, tmp_path, dict(hq_args, state="absent", path=None))
    assert run.rc == 0 and result["changed"] is False and sim.writes() == []


def test_rate_limited_upload_is_sent_again_once(sim, tmp_path, greeting):
    sim.fault(method="POST", path="/announcements$", status=429, retry_after="0")
    run, result = converge(sim, tmp_path, {"name": "Main greeting", "path": greeting})
    assert run.rc == 0, run
    assert [entry["status"] for entry in sim.writes()] == [429, 201]
    [record] = stored(sim, "Main greeting")
    assert result["result"]["announcement"]["id"] == record["id"] and record["_sha256"] == sha256(greeting)


def test_an_upload_whose_answer_is_lost_is_found_not_sent_twice(sim, tmp_path, greeting):
    sim.fault(method="POST", path="/announcements$", drop_after_commit=True)
    run, result = converge(sim, tmp_path, {"name": "Main greeting", "path": greeting})
    assert run.rc == 0, run
    assert [entry["method"] for entry in sim.writes()] == ["POST"]
    [record] = stored(sim, "Main greeting")
    assert result["changed"] is True and result["result"]["announcement"]["id"] == record["id"]


def test_a_replace_whose_answer_is_lost_is_sent_again(sim, tmp_path, greeting):
    args = {"name": "Main greeting", "path": greeting}
    assert converge(sim, tmp_path, args)[0].rc == 0
    write(tmp_path, "main-greeting.wav", pcm_wav(seconds=8, rate=8000))
    sim.fault(method="PUT", path="/announcements/", drop_after_commit=True)
    sim.clear_requests()
    run, result = converge(sim, tmp_path, args)
    assert run.rc == 0, run
    assert [entry["method"] for entry in sim.writes()] == ["PUT", "PUT"]  # PUT is idempotent: sent again
    assert stored(sim, "Main greeting")[0]["_sha256"] == sha256(greeting) and result["changed"] is True
