"""webex_announcement run by real ansible-playbook against the simulator: what only Ansible shows (the result,
check mode and diff wiring, the refusal of bad files before any request). What the module sends and when (uploads,
replaces, force, text to speech, deletes, greetings in use, lost answers, rate limits) is proven in this process by
tests/component/test_announcement.py; its text-to-speech option errors by tests/integration/test_bad_input.py.

The WAV files are written by the tests (tests/audio_fixtures.py); no binary is committed.
"""

import hashlib

import pytest
import requests

from tests.audio_fixtures import MP3_BYTES, WAVE_FORMAT_MULAW, pcm_wav, riff_wav, write
from tests.integration.runner import run_playbook, write_playbook
from tests.integration.scenario import play, task

MODULE = "wxc.calling.webex_announcement"
ORG = "/telephony/config/announcements"


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


def test_upload_check_apply_again_and_delete_in_one_playbook(sim, tmp_path, greeting):
    hq_file = write(tmp_path, "hq-welcome.wav", riff_wav(format_tag=WAVE_FORMAT_MULAW, data_bytes=8000 * 6))
    hq = sim.location_id("Headquarters")
    org_args = {"name": "Main greeting", "path": greeting, "level": "organization"}
    hq_args = {"name": "HQ welcome", "path": hq_file, "location": "Headquarters", "level": "LOCATION"}
    hq_absent = {"name": "HQ welcome", "location": hq, "state": "absent"}
    run = play(
        sim,
        tmp_path,
        [
            task("Upload, check", MODULE, org_args, check_mode=True, diff=True),
            task("Upload", MODULE, org_args, diff=True),
            task("Upload at HQ", MODULE, hq_args),
            task("Upload again", MODULE, org_args),
            task("Upload at HQ again", MODULE, hq_args),
            task("Delete at HQ, check", MODULE, hq_absent, check_mode=True),
            task("Delete at HQ", MODULE, hq_absent, diff=True),
            task("Delete at HQ again", MODULE, hq_absent),
        ],
    )
    assert run.rc == 0, run
    results = {entry["task"]: entry for entry in run.results}
    changed = {name: entry["changed"] for name, entry in results.items()}
    assert changed == {
        "Upload, check": True,
        "Upload": True,
        "Upload at HQ": True,
        "Upload again": False,
        "Upload at HQ again": False,
        "Delete at HQ, check": True,
        "Delete at HQ": True,
        "Delete at HQ again": False,
    }
    predicted = results["Upload, check"]["result"]["announcement"]
    assert predicted["id"] is None and predicted["file_name"] == "main-greeting.wav"
    announcement = results["Upload"]["result"]["announcement"]
    [record] = stored(sim, "Main greeting")
    assert announcement["id"] == record["id"] and announcement["level"] == "ORGANIZATION"
    assert announcement["file_name"] == "main-greeting.wav" and announcement["media_file_type"] == "WAV"
    assert announcement["location_id"] is None and announcement["file_size"] == record["fileSize"]
    assert record["_sha256"] == sha256(greeting)
    assert results["Upload"]["result"]["diff"]["before"] == {}
    assert results["Upload again"]["result"]["announcement"]["id"] == record["id"]
    at_hq = results["Upload at HQ"]["result"]["announcement"]
    assert at_hq["location_id"] == hq and at_hq["level"] == "LOCATION"
    deleted = results["Delete at HQ"]["result"]
    assert deleted["announcement"] is None and deleted["diff"]["after"] == {}
    assert deleted["diff"]["before"]["id"] == at_hq["id"]
    assert stored(sim, "HQ welcome") == []
    # Only the real runs wrote: the two uploads (multipart, the file whole), the one delete.
    assert methods(sim) == [
        ("POST", "/announcements"),
        ("POST", "/locations/%s/announcements" % hq),
        ("DELETE", "/locations/%s/announcements/%s" % (hq, at_hq["id"])),
    ]
    post = sim.writes()[0]
    assert post["status"] == 201 and post["body"]["name"] == "Main greeting"
    assert (
        post["body"]["file"]["fileName"] == "main-greeting.wav" and post["body"]["file"]["contentType"] == "audio/wav"
    )
    assert sim.writes()[1]["body"]["file"]["sha256"] == sha256(hq_file)


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
