"""The auto_attendant role's greeting_file: the local file is uploaded first, then the menu plays it."""

import requests
import yaml

from tests.audio_fixtures import pcm_wav, write
from tests.integration.runner import run_playbook

ROLE = "wxc.calling.auto_attendant : "
CONVERGE = ROLE + "Converge the site as one plan"
ATTENDANT = {
    "name": "HQ Main Line",
    "location": "Headquarters",
    "extension": "2000",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours": {"operator": "1000", "greeting_file": "files/hq-welcome.wav"},
    "after_hours": {"shape": "closed", "greeting_file": "files/hq-closed.wav"},
}


def site_play(attendant=None, **keywords):
    """The play that runs the role for one attendant."""
    return dict(
        {
            "name": "Greetings through the role",
            "hosts": "localhost",
            "gather_facts": False,
            "vars": {"auto_attendant_list": [attendant or ATTENDANT]},
            "roles": [{"role": "wxc.calling.auto_attendant"}],
        },
        **keywords,
    )


def write_plays(path, plays):
    path.write_text(yaml.safe_dump(plays, sort_keys=False), encoding="utf-8")
    return str(path)


def files(directory):
    (directory / "files").mkdir(exist_ok=True)
    write(directory / "files", "hq-welcome.wav", pcm_wav(seconds=6, rate=16000))
    write(directory / "files", "hq-closed.wav", pcm_wav(seconds=7, rate=8000))


def of_kind(entry, kind):
    """The objects of KIND in one result of the role's webex_site task."""
    return [obj for obj in entry["result"]["objects"] if obj["kind"] == kind]


def announcements(sim):
    response = requests.get(sim.base_url + "/_sim/announcements", timeout=30)
    response.raise_for_status()
    return {item["name"]: item for item in response.json() if item["name"].startswith("hq-")}


def test_the_role_uploads_the_greeting_files_first_and_the_menus_play_them(sim, tmp_path):
    """One playbook beside its files/ folder: check mode, the real run, a re-run, a new recording, a deletion."""
    files(tmp_path)
    site = write_plays(tmp_path / "site.yml", [site_play()])
    (tmp_path / "new").mkdir()
    write(tmp_path / "new", "hq-welcome.wav", pcm_wav(seconds=9, rate=16000))
    delete = {
        "name": "Delete",
        "wxc.calling.webex_announcement": {"name": "hq-welcome.wav", "location": "Headquarters", "state": "absent"},
        "ignore_errors": True,
    }
    local = {"hosts": "localhost", "gather_facts": False}
    plays = [
        site_play(check_mode=True),
        {"import_playbook": site},  # the real run
        {"import_playbook": site},  # again: nothing to do
        dict(
            local,
            name="A new recording",
            tasks=[
                {
                    "name": "Record the greeting again",
                    "ansible.builtin.copy": {
                        "src": str(tmp_path / "new" / "hq-welcome.wav"),
                        "dest": str(tmp_path / "files" / "hq-welcome.wav"),
                        "mode": "0644",
                    },
                }
            ],
        ),
        {"import_playbook": site},  # the new recording replaces the file in place
        dict(local, name="Delete a greeting in use", tasks=[delete]),
    ]
    run = run_playbook(write_plays(tmp_path / "plays.yml", plays), sim)
    assert run.rc == 0, run
    runs = run.task(CONVERGE)
    checked, created, again, replaced = [of_kind(entry, "announcements") for entry in runs]
    configured = [[obj["changed"] for obj in of_kind(entry, "auto_attendants")] for entry in runs]
    stored = announcements(sim)
    writes = [(entry["method"], entry["path"].rsplit("/", 1)[-1]) for entry in sim.writes()]
    # Check mode: both uploads predicted, nothing written. The real run: the greetings first, then the attendant.
    # Again: nothing. The new recording: one PUT of that file, the attendant untouched. The deletion: refused.
    assert [entry["changed"] for entry in checked] == [True, True]
    assert [entry["changed"] for entry in created] == [True, True]
    assert [entry["changed"] for entry in again] == [False, False]
    assert [entry["changed"] for entry in replaced] == [True, False]
    assert configured == [[True], [True], [False], [False]]
    # The greetings are uploaded one per location and file name, before the attendant that plays them.
    assert [(obj["name"], obj["location"]) for obj in created] == [
        ("hq-welcome.wav", "Headquarters"),
        ("hq-closed.wav", "Headquarters"),
    ]
    [attendant_created] = of_kind(runs[1], "auto_attendants")
    assert max(obj["order"] for obj in created) < attendant_created["order"]
    assert writes == [
        ("POST", "announcements"),
        ("POST", "announcements"),
        ("POST", "autoAttendants"),
        ("PUT", stored["hq-welcome.wav"]["id"]),
    ]
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
    # The greeting cannot be deleted while the attendant plays it: no DELETE is sent (above), a clear message.
    deleted = run.one("Delete")
    assert deleted["failed"] and "used by Auto Attendant 'HQ Main Line' (Headquarters)" in deleted["result"]["msg"]


def test_the_role_plays_a_greeting_named_by_announcement_name(sim, tmp_path):
    """greeting: {name, level: location} - the seed's "HQ After Hours" of Headquarters' repository, by its name; the
    role twice in one playbook, the second run writing nothing."""
    attendant = dict(
        ATTENDANT,
        business_hours={"operator": "1000", "greeting": {"name": "HQ After Hours", "level": "location"}},
        after_hours={"shape": "closed"},
    )
    playbook = write_plays(tmp_path / "site.yml", [site_play(attendant), site_play(attendant)])
    hq = sim.location_id("Headquarters")
    [seeded] = [
        item
        for item in sim.api("GET", "/telephony/config/announcements", params={"locationId": hq}).json()["announcements"]
        if item["name"] == "HQ After Hours"
    ]
    sim.clear_requests()
    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    [post] = sim.writes()
    assert post["body"]["businessHoursMenu"]["audioAnnouncementFile"] == {
        "id": seeded["id"],
        "fileName": "hq-after-hours.wav",
        "mediaFileType": "WAV",
        "level": "LOCATION",
    }
    first, second = run.task(CONVERGE)
    assert [(obj["kind"], obj["action"]) for obj in first["result"]["objects"]] == [("auto_attendants", "create")]
    assert [entry["changed"] for entry in (first, second)] == [True, False]
