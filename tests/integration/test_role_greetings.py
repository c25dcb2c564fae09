"""The auto_attendant role's greeting_file: the local file is uploaded first, then the menu plays it."""

import requests
import yaml

from tests.audio_fixtures import pcm_wav, write
from tests.integration.runner import run_playbook, write_playbook

ROLE = "wxc.calling.auto_attendant : "
UPLOAD = ROLE + "Upload the greeting files the menus play"
ATTENDANT = {
    "name": "HQ Main Line",
    "location": "Headquarters",
    "extension": "2000",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours": {"operator": "1000", "greeting_file": "files/hq-welcome.wav"},
    "after_hours": {"shape": "closed", "greeting_file": "files/hq-closed.wav"},
}


def site_playbook(directory, attendant=None):
    """A playbook beside its files/ folder that runs the role for one attendant."""
    path = directory / "site.yml"
    play = {
        "name": "Greetings through the role",
        "hosts": "localhost",
        "gather_facts": False,
        "vars": {"auto_attendant_list": [attendant or ATTENDANT]},
        "roles": [{"role": "wxc.calling.auto_attendant"}],
    }
    path.write_text(yaml.safe_dump([play], sort_keys=False), encoding="utf-8")
    return str(path)


def files(directory):
    (directory / "files").mkdir(exist_ok=True)
    write(directory / "files", "hq-welcome.wav", pcm_wav(seconds=6, rate=16000))
    write(directory / "files", "hq-closed.wav", pcm_wav(seconds=7, rate=8000))


def announcements(sim):
    response = requests.get(sim.base_url + "/_sim/announcements", timeout=30)
    response.raise_for_status()
    return {item["name"]: item for item in response.json() if item["name"].startswith("hq-")}


def test_the_role_uploads_the_greeting_files_first_and_the_menus_play_them(sim, tmp_path):
    files(tmp_path)
    playbook = site_playbook(tmp_path)
    run = run_playbook(playbook, sim, check=True)
    assert run.rc == 0, run
    assert sim.writes() == [] and [entry["changed"] for entry in run.one(UPLOAD)["result"]["results"]] == [True, True]

    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    writes = [(entry["method"], entry["path"].rsplit("/", 1)[-1]) for entry in sim.writes()]
    assert writes == [("POST", "announcements"), ("POST", "announcements"), ("POST", "autoAttendants")]
    stored = announcements(sim)
    hq = sim.location_id("Headquarters")
    assert set(stored) == {"hq-welcome.wav", "hq-closed.wav"}
    assert all(item["level"] == "LOCATION" and item["location"]["id"] == hq for item in stored.values())
    attendants = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": hq}).json()["autoAttendants"]
    details = sim.api("GET", "/telephony/config/locations/%s/autoAttendants/%s" % (hq, attendants[0]["id"])).json()
    assert details["businessHoursMenu"]["greeting"] == "CUSTOM"
    assert details["businessHoursMenu"]["audioAnnouncementFile"]["id"] == stored["hq-welcome.wav"]["id"]
    assert details["afterHoursMenu"]["audioAnnouncementFile"]["id"] == stored["hq-closed.wav"]["id"]
    welcome = sim.api(
        "GET", "/telephony/config/locations/%s/announcements/%s" % (hq, stored["hq-welcome.wav"]["id"])
    ).json()
    assert [(ref["type"], ref["name"]) for ref in welcome["featureReferences"]] == [("Auto Attendant", "HQ Main Line")]

    sim.clear_requests()
    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    assert run.changed == 0 and sim.writes() == []

    # A new recording replaces the file in place: the attendant keeps playing it, untouched.
    write(tmp_path / "files", "hq-welcome.wav", pcm_wav(seconds=9, rate=16000))
    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    writes = [(entry["method"], entry["path"].rsplit("/", 1)[-1]) for entry in sim.writes()]
    assert writes == [("PUT", stored["hq-welcome.wav"]["id"])]

    # The greeting cannot be deleted while the attendant plays it: no DELETE is sent.
    sim.clear_requests()
    task = {
        "name": "Delete",
        "wxc.calling.webex_announcement": {"name": "hq-welcome.wav", "location": "Headquarters", "state": "absent"},
    }
    run = run_playbook(write_playbook(tmp_path, [task], name="delete.yml"), sim)
    assert run.rc != 0
    assert "used by Auto Attendant 'HQ Main Line' (Headquarters)" in run.one("Delete")["result"]["msg"]
    assert sim.writes() == []


def test_a_bad_greeting_file_stops_the_role_before_any_request(sim, tmp_path):
    files(tmp_path)
    write(tmp_path / "files", "hq-closed.wav", pcm_wav(seconds=1, rate=44100, channels=2))
    run = run_playbook(site_playbook(tmp_path), sim)
    assert run.rc != 0
    assert "auto_attendant_list[0] (HQ Main Line): after_hours.greeting_file: " in run.stdout
    assert "stereo (2 channels); it must be mono" in run.stdout
    assert sim.requests() == []


def test_the_role_plays_a_greeting_named_by_announcement_name(sim, tmp_path):
    """greeting: {name, level: location} - the seed's "HQ After Hours" of Headquarters' repository, by its name."""
    attendant = dict(
        ATTENDANT,
        business_hours={"operator": "1000", "greeting": {"name": "HQ After Hours", "level": "location"}},
        after_hours={"shape": "closed"},
    )
    playbook = site_playbook(tmp_path, attendant)
    hq = sim.location_id("Headquarters")
    [seeded] = [
        item
        for item in sim.api("GET", "/telephony/config/announcements", params={"locationId": hq}).json()["announcements"]
        if item["name"] == "HQ After Hours"
    ]
    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    [post] = sim.writes()
    assert post["body"]["businessHoursMenu"]["audioAnnouncementFile"] == {
        "id": seeded["id"],
        "fileName": "hq-after-hours.wav",
        "mediaFileType": "WAV",
        "level": "LOCATION",
    }
    sim.clear_requests()
    run = run_playbook(playbook, sim)
    assert run.rc == 0 and run.changed == 0 and sim.writes() == [], run
