"""The greetings guide's playbook, run as it is: check mode, the real run, and a re-run that writes nothing."""

import os
import re
import textwrap

from tests.audio_fixtures import pcm_wav
from tests.integration.runner import run_playbook

ROOT = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir)
GUIDE = os.path.join(ROOT, "docs", "docsite", "rst", "greetings.rst")


def guide_playbook(directory):
    """Write the guide's first YAML block as DIRECTORY/site.yml, with the greeting file it uploads, and return its path."""
    with open(GUIDE, encoding="utf-8") as handle:
        text = handle.read()
    block = textwrap.dedent(re.search(r"\.\. code-block:: yaml\n\n((?: +.*\n|\n)+)", text).group(1))
    (directory / "files").mkdir()
    (directory / "files" / "welcome.wav").write_bytes(pcm_wav(seconds=6, rate=16000))
    path = directory / "site.yml"
    path.write_text(block, encoding="utf-8")
    return str(path)


def test_the_guide_playbook_check_apply_rerun(sim, tmp_path):
    playbook = guide_playbook(tmp_path)
    run = run_playbook(playbook, sim, check=True, diff=True)
    assert run.rc == 0, run
    assert run.changed == 3 and sim.writes() == []

    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    assert run.changed == 3
    writes = [(entry["method"], entry["path"].split("/v1/telephony/config/")[1]) for entry in sim.writes()]
    assert writes[0] == ("POST", "announcements") and writes[1] == ("POST", "textToSpeech/actions/generate/invoke")
    assert writes[2][0] == "POST" and writes[2][1].endswith("/announcements")
    assert writes[3][0] == "POST" and writes[3][1].endswith("/autoAttendants") and len(writes) == 4
    location_id = sim.location_id("Branch Office Denver")
    attendant = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": location_id}).json()
    details = sim.api(
        "GET", "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, attendant["autoAttendants"][0]["id"])
    ).json()
    assert details["businessHoursMenu"]["audioAnnouncementFile"]["fileName"] == "welcome.wav"
    assert details["afterHoursMenu"]["audioAnnouncementFile"]["fileName"] == "Denver-after-hours.wav"
    assert details["afterHoursMenu"]["audioAnnouncementFile"]["level"] == "LOCATION"

    sim.clear_requests()
    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    assert run.changed == 0 and sim.writes() == []


def test_the_by_name_playbook_warns_in_check_mode_then_applies_and_reruns_clean(sim, tmp_path):
    with open(GUIDE, encoding="utf-8") as handle:
        text = handle.read()
    section = text.split("Refer to an announcement by name\n", 1)[1]
    block = textwrap.dedent(re.search(r"\.\. code-block:: yaml\n\n((?: +.*\n|\n)+)", section).group(1))
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "reception.wav").write_bytes(pcm_wav(seconds=6, rate=8000))
    playbook = tmp_path / "by_name.yml"
    playbook.write_text(block, encoding="utf-8")

    # Check mode: the upload is not made, so the menu's name is not found yet: a warning, and the change reported.
    run = run_playbook(str(playbook), sim, check=True)
    assert run.rc == 0 and run.changed == 2 and sim.writes() == [], run
    warnings = run.one("Reception menu that plays it")["result"]["warnings"]
    assert warnings == [
        "business_hours_menu.audio_announcement_file: no location announcement named 'Reception welcome'; the real "
        "run fails unless it is created first"
    ]

    run = run_playbook(str(playbook), sim)
    assert run.rc == 0 and run.changed == 2, run
    uploaded = run.one("Upload the greeting to the location's repository")["result"]["announcement"]
    [post] = [entry for entry in sim.writes() if entry["path"].endswith("/autoAttendants")]
    assert post["body"]["businessHoursMenu"]["audioAnnouncementFile"]["id"] == uploaded["id"]

    sim.clear_requests()
    run = run_playbook(str(playbook), sim)
    assert run.rc == 0 and run.changed == 0 and sim.writes() == [], run
