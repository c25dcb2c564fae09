"""The greetings guide's playbooks, run as they are: check mode, the real run, and a re-run that writes nothing.

Both playbooks (the first YAML block of the guide, and the one under "Refer to an announcement by name") sit beside
their files/ folder and run in one ansible-playbook process: each play once in check mode (the guide's play with
check_mode: true, as --check runs it), then imported twice.
"""

import copy
import os
import re
import textwrap

import yaml

from tests.audio_fixtures import pcm_wav
from tests.integration.runner import run_playbook

ROOT = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir)
GUIDE = os.path.join(ROOT, "docs", "docsite", "rst", "greetings.rst")
YAML_BLOCK = r"\.\. code-block:: yaml\n\n((?: +.*\n|\n)+)"


def guide_blocks():
    """The guide's first YAML block, and the first one under "Refer to an announcement by name"."""
    with open(GUIDE, encoding="utf-8") as handle:
        text = handle.read()
    first = textwrap.dedent(re.search(YAML_BLOCK, text).group(1))
    section = text.split("Refer to an announcement by name\n", 1)[1]
    by_name = textwrap.dedent(re.search(YAML_BLOCK, section).group(1))
    return first, by_name


def check_mode_copy(block):
    plays = yaml.safe_load(block)
    return [dict(copy.deepcopy(play), check_mode=True) for play in plays]


def test_the_guide_playbooks_check_apply_rerun(sim, tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "welcome.wav").write_bytes(pcm_wav(seconds=6, rate=16000))
    (tmp_path / "files" / "reception.wav").write_bytes(pcm_wav(seconds=6, rate=8000))
    plays = []
    for name, block in zip(("site.yml", "by_name.yml"), guide_blocks()):
        (tmp_path / name).write_text(block, encoding="utf-8")
        plays += check_mode_copy(block) + [{"import_playbook": name}, {"import_playbook": name}]
    playbook = tmp_path / "guide.yml"
    playbook.write_text(yaml.safe_dump(plays, sort_keys=False), encoding="utf-8")
    run = run_playbook(str(playbook), sim)
    assert run.rc == 0, run

    def changed(task):
        return [entry["changed"] for entry in run.task(task)]

    # The first playbook: three changes predicted, made, then none.
    for task in (
        "The company greeting, for every location",
        "Denver's after-hours message, spoken by text-to-speech",
        "Reception menu that plays them",
    ):
        assert changed(task) == [True, True, False], task
    # By name: in check mode the upload is not made, so the menu's name is not found yet: a warning, and the change
    # reported; then both made; then nothing.
    upload, menu = "Upload the greeting to the location's repository", "Reception menu that plays it"
    assert changed(upload) == changed(menu) == [True, True, False]
    assert run.task(menu)[0]["result"]["warnings"] == [
        "business_hours_menu.audio_announcement_file: no location announcement named 'Reception welcome'; the real "
        "run fails unless it is created first"
    ]

    # What was written, in order: no write in check mode nor on a re-run.
    writes = [(entry["method"], entry["path"].split("/v1/telephony/config/")[1]) for entry in sim.writes()]
    assert writes[0] == ("POST", "announcements") and writes[1] == ("POST", "textToSpeech/actions/generate/invoke")
    assert writes[2][0] == "POST" and writes[2][1].endswith("/announcements")
    assert writes[3][0] == "POST" and writes[3][1].endswith("/autoAttendants")
    assert writes[4][0] == "POST" and writes[4][1].endswith("/announcements")
    assert writes[5][0] == "POST" and writes[5][1].endswith("/autoAttendants") and len(writes) == 6
    location_id = sim.location_id("Branch Office Denver")
    attendant = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": location_id}).json()
    details = sim.api(
        "GET", "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, attendant["autoAttendants"][0]["id"])
    ).json()
    assert details["businessHoursMenu"]["audioAnnouncementFile"]["fileName"] == "welcome.wav"
    assert details["afterHoursMenu"]["audioAnnouncementFile"]["fileName"] == "Denver-after-hours.wav"
    assert details["afterHoursMenu"]["audioAnnouncementFile"]["level"] == "LOCATION"
    uploaded = run.task(upload)[1]["result"]["announcement"]
    assert sim.writes()[5]["body"]["businessHoursMenu"]["audioAnnouncementFile"]["id"] == uploaded["id"]
