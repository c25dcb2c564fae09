"""The wxc.calling.auto_attendant role, run with real ansible-playbook against the simulator.

The playbook tests/integration/playbooks/role_auto_attendant.yml is also the role's example: three sites built from one
``auto_attendant_defaults`` with per-site overrides. It runs once with --check --diff as a user runs it, then inside one
playbook that imports it: created, run again, checked, one site changed, every site removed. The simulator's request
log is the truth about what the role sent. Every bad variable is refused before any API call: all of them in one
playbook, one block per case, whose request log must stay empty.
"""

import copy
import json
import os

import yaml

from tests.audio_fixtures import pcm_wav, write
from tests.builders import HQ, aa_options, key, menu
from tests.integration.runner import PLAYBOOKS, run_playbook

PLAYBOOK = "role_auto_attendant.yml"
ROLE_NAME = "wxc.calling.auto_attendant"
ROLE = ROLE_NAME + " : "
CONFIGURE = ROLE + "Converge the site as one plan"
SUMMARY = ROLE + "Summarise the site"

SITES = {
    "HQ Main Line": "Headquarters",
    "Denver Main Line": "Branch Office Denver",
    "Austin Main Line": "Branch Office Austin",
}

OPERATOR_1000 = {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000", "description": "Operator"}
SALES = {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100", "description": "Sales"}
SUPPORT = {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "1200", "description": "Support"}
REPEAT = {"key": "*", "action": "REPEAT_MENU", "description": "Repeat menu"}
DIAL_BY_NAME = {"key": "#", "action": "NAME_DIALING", "description": "Dial by name"}
EXIT = {"key": "#", "action": "EXIT", "description": "Exit"}


def playbook_vars():
    """The variables of the example playbook, to change one thing and pass them back."""
    with open(os.path.join(PLAYBOOKS, PLAYBOOK), encoding="utf-8") as handle:
        return copy.deepcopy(yaml.safe_load(handle)[0]["vars"])


def write_plays(directory, plays, name="plays.yml"):
    path = os.path.join(str(directory), name)
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(plays, handle, sort_keys=False)
    return path


def role_play(name, variables, **keywords):
    return dict(
        {"name": name, "hosts": "localhost", "gather_facts": False, "vars": variables}, roles=[ROLE_NAME], **keywords
    )


def stored_names(sim):
    response = sim.api("GET", "/telephony/config/autoAttendants")
    response.raise_for_status()
    return sorted(item["name"] for item in response.json()["autoAttendants"])


def key_set(menu_body):
    """The menu's keys as comparable entries (the module and the service treat them as a set)."""
    return sorted((dict(entry) for entry in menu_body["keyConfigurations"]), key=lambda entry: entry["key"])


def expect(*entries):
    return sorted((dict(entry) for entry in entries), key=lambda entry: entry["key"])


def attendants(entry):
    """The auto attendant objects of one result of the role's webex_site task (its schedules, greetings and forwarding
    are objects of their own kinds)."""
    return [obj for obj in entry["result"]["objects"] if obj["kind"] == "auto_attendants"]


def posted(writes, name):
    """The body of the POST that created the attendant NAME."""
    [body] = [entry["body"] for entry in writes if entry["method"] == "POST" and entry["body"]["name"] == name]
    return body


def test_check_mode_writes_nothing_and_predicts_the_change(sim):
    run = run_playbook(PLAYBOOK, sim, check=True, diff=True)
    assert run.rc == 0 and run.failed == 0, run
    configured = run.one(CONFIGURE)
    assert [entry["name"] for entry in configured["result"]["objects"]] == list(SITES)
    assert [(entry["action"], entry["changed"]) for entry in attendants(configured)] == [("create", True)] * 3
    assert configured["changed"] is True
    assert sim.writes() == []
    assert stored_names(sim) == []
    # --diff reaches the module: the predicted menus are shown.
    assert '+    "business_hours_menu": {' in run.stdout, run
    assert '"description": "Operator"' in run.stdout, run


def purge_beyond_the_limit_play():
    """The role with a new attendant in each of the three locations and auto_attendant_purge on: the three sites are
    undeclared there, one more than auto_attendant_purge_limit allows; the refusal is rescued."""
    variables = dict(
        playbook_vars(),
        auto_attendant_list=[
            {"name": "New " + name, "location": location, "extension": "20%d5" % index}
            for index, (name, location) in enumerate(SITES.items())
        ],
        auto_attendant_purge=True,
        auto_attendant_purge_limit=2,
    )
    block = {
        "name": "Purge beyond the limit",
        "block": [{"name": "Run the role with purge", "ansible.builtin.include_role": {"name": ROLE_NAME}}],
        "rescue": [{"name": "Refused: purge limit", "ansible.builtin.debug": {"msg": "{{ ansible_failed_result }}"}}],
    }
    return {"name": "Purge beyond the limit", "hosts": "localhost", "gather_facts": False, "vars": variables,
            "tasks": [block]}  # fmt: skip


def test_create_rerun_check_change_one_site_then_remove_every_site(sim, tmp_path):
    example = os.path.join(PLAYBOOKS, PLAYBOOK)
    one_changed = playbook_vars()
    one_changed["auto_attendant_list"][1]["business_hours"]["departments"].append(
        {"name": "Rentals", "destination": "2140"}
    )
    plays = [
        {"import_playbook": example},  # created
        {"import_playbook": example},  # run again: nothing to change
        role_play("Check mode after the real run", playbook_vars(), check_mode=True, diff=True),
        {"import_playbook": example, "vars": {"auto_attendant_list": one_changed["auto_attendant_list"]}},
        purge_beyond_the_limit_play(),  # refused before any write
        {"import_playbook": example, "vars": {"auto_attendant_state": "absent"}},
    ]
    run = run_playbook(write_plays(tmp_path, plays), sim)
    assert run.rc == 0 and run.failed == 0, run
    created, again, checked, changed, refused, removed = run.task(CONFIGURE)
    created, again, checked, changed, removed = [
        attendants(entry) for entry in (created, again, checked, changed, removed)
    ]
    writes = sim.writes()
    assert [entry["method"] for entry in writes] == ["POST"] * 3 + ["PUT"] + ["DELETE"] * 3, writes
    assert all(entry["path"].endswith("/autoAttendants") for entry in writes[:3])

    # auto_attendant_purge_limit reaches the engine: three to purge, the limit 2, refused before any write (the writes
    # above are the other runs'), the message naming the limit and what it would have deleted.
    assert refused["failed"] and "objects" not in refused["result"], refused
    assert refused["result"]["msg"].startswith(
        "purge would delete 3 auto attendants, more than purge_limit 2: HQ Main Line (Headquarters), "
    ), refused["result"]["msg"]
    assert run.one("Refused: purge limit")["result"]["msg"]["msg"] == refused["result"]["msg"]

    # Created: one readable line per attendant, one POST each.
    assert [entry["name"] for entry in created] == list(SITES) and all(entry["changed"] for entry in created)
    summaries = [entry["result"]["msg"] for entry in run.task(SUMMARY) if entry["status"] != "skipped"]
    assert summaries[0] == ["auto_attendants %s: created" % name for name in SITES]
    # A second run and check mode after it: nothing to change.
    assert not any(entry["changed"] for entry in again + checked), (again, checked)
    assert summaries[1] == summaries[2] == ["auto_attendants %s: ok" % name for name in SITES]

    # Headquarters: the shared menu from the defaults; after hours the voicemail shape.
    hq = posted(writes, "HQ Main Line")
    assert hq["extension"] == "2000"
    assert hq["phoneNumber"] == "+19705550020"
    assert hq["businessSchedule"] == "AUTOATTENDANT-BUSINESS-HOURS"
    assert hq["holidaySchedule"] == "AUTOATTENDANT-HOLIDAY"
    assert hq["languageCode"] == "en_us"
    assert hq["timeZone"] == "America/Los_Angeles"
    assert hq["businessHoursMenu"]["greeting"] == "DEFAULT"
    assert hq["businessHoursMenu"]["extensionEnabled"] is True
    assert key_set(hq["businessHoursMenu"]) == expect(OPERATOR_1000, SALES, SUPPORT, REPEAT, DIAL_BY_NAME)
    assert hq["afterHoursMenu"]["extensionEnabled"] is False
    assert key_set(hq["afterHoursMenu"]) == expect(
        {"key": "1", "action": "TRANSFER_TO_MAILBOX", "value": "1099", "description": "Voicemail"}, REPEAT, EXIT
    )

    # Denver: own operator, departments replaced (Parts on its explicit key 5), custom greeting; operator shape.
    denver = posted(writes, "Denver Main Line")
    operator_2199 = dict(OPERATOR_1000, value="2199")
    assert denver["timeZone"] == "America/Denver"
    assert denver["holidaySchedule"] == "AUTOATTENDANT-HOLIDAY"
    assert denver["businessHoursMenu"]["greeting"] == "CUSTOM"
    assert denver["businessHoursMenu"]["audioAnnouncementFile"]["fileName"] == "AUDIO_FILE.wav"
    assert key_set(denver["businessHoursMenu"]) == expect(
        operator_2199,
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2110", "description": "Sales"},
        {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2120", "description": "Service"},
        {"key": "5", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2130", "description": "Parts"},
        REPEAT,
        DIAL_BY_NAME,
    )
    assert key_set(denver["afterHoursMenu"]) == expect(operator_2199, REPEAT, EXIT)

    # Austin: Spanish, a raw announcement key added, and the business-hours menu after hours too.
    austin = posted(writes, "Austin Main Line")
    assert austin["languageCode"] == "es_es"
    announcement = [entry for entry in austin["businessHoursMenu"]["keyConfigurations"] if entry["key"] == "9"]
    assert len(announcement) == 1
    assert announcement[0]["action"] == "PLAY_ANNOUNCEMENT"
    assert announcement[0]["audioAnnouncementFile"]["fileName"] == "AUDIO_FILE.wav"
    assert [entry["key"] for entry in key_set(austin["businessHoursMenu"])] == ["#", "*", "0", "1", "2", "9"]
    assert key_set(austin["afterHoursMenu"]) == key_set(austin["businessHoursMenu"])
    assert austin["afterHoursMenu"]["extensionEnabled"] is True

    # The operator key never uses TRANSFER_TO_OPERATOR with a value (the service rejects it with 4806).
    for body in (hq, denver, austin):
        for menu_name in ("businessHoursMenu", "afterHoursMenu"):
            assert all(entry["action"] != "TRANSFER_TO_OPERATOR" for entry in body[menu_name]["keyConfigurations"])

    # One site changed: only Denver is updated, and its whole menu is sent; the new department took key 3.
    assert [entry["changed"] for entry in changed] == [False, True, False]
    [put] = [entry for entry in writes if entry["method"] == "PUT"]
    assert put["path"].endswith("/" + changed[1]["auto_attendant"]["id"])
    found = {entry["key"]: entry for entry in put["body"]["businessHoursMenu"]["keyConfigurations"]}
    assert found["3"] == {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2140", "description": "Rentals"}
    assert sorted(found) == ["#", "*", "0", "1", "2", "3", "5"]

    # state absent removes every site.
    assert [(entry["action"], entry["changed"]) for entry in removed] == [("delete", True)] * 3
    assert stored_names(sim) == []


def test_schedules_declared_next_to_the_attendants_are_created_first_and_deleted_last(sim, tmp_path):
    schedules = [
        {
            "location": "Branch Office Denver",
            "type": "business_hours",
            "name": "Office hours",
            "events": [
                {
                    "name": "Weekdays",
                    "start_date": "2026-01-05",
                    "end_date": "2026-01-05",
                    "start_time": "08:30",
                    "end_time": "17:30",
                    "recurrence": {
                        "recur_weekly": {
                            "monday": True,
                            "tuesday": True,
                            "wednesday": True,
                            "thursday": True,
                            "friday": True,
                        }
                    },
                }
            ],
        },
        {"location": "Branch Office Denver", "type": "holidays", "name": "Old holidays", "state": "absent"},
    ]
    site = {
        "name": "Denver Office Hours",
        "location": "Branch Office Denver",
        "extension": "2300",
        "business_schedule": "Office hours",
        "business_hours": {"operator": "1000", "departments": [{"name": "Sales", "destination": "1100"}]},
    }
    variables = {"auto_attendant_list": [site], "auto_attendant_schedules": schedules}
    # The role twice in one playbook: the second run must write nothing.
    playbook = write_plays(tmp_path, [role_play("Run the role", variables), role_play("Run it again", variables)])
    location_id = sim.location_id("Branch Office Denver")
    sim.api(
        "POST",
        "/telephony/config/locations/%s/schedules" % location_id,
        json={"type": "holidays", "name": "Old holidays", "events": []},
    )
    sim.clear_requests()
    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    writes = [(w["method"], w["path"].rsplit("/", 1)[-1]) for w in sim.writes()]
    # The schedule is created before the attendant that names it; the unused one is deleted after. Then nothing.
    assert [method for method, _tail in writes] == ["POST", "POST", "DELETE"]
    assert writes[0][1] == "schedules" and writes[1][1] == "autoAttendants"
    assert [entry["changed"] for entry in run.task(CONFIGURE)] == [True, False]
    first, second = [entry["result"]["objects"] for entry in run.task(CONFIGURE)]
    assert [(obj["kind"], obj["name"], obj["action"]) for obj in first] == [
        ("schedules", "Office hours", "create"),
        ("schedules", "Old holidays", "delete"),
        ("auto_attendants", "Denver Office Hours", "create"),
    ]
    assert [obj["action"] for obj in second] == ["nothing", "nothing", "nothing"]
    names = [
        s["name"] for s in sim.api("GET", "/telephony/config/locations/%s/schedules" % location_id).json()["schedules"]
    ]
    assert "Office hours" in names and "Old holidays" not in names


# -- bad variables: refused before any API call ----------------------------------------------------------------------


def _site(**fields):
    item = {"name": "Bad Site", "location": "Headquarters", "extension": "2900"}
    item.update(fields)
    return {"auto_attendant_list": [item]}


def _one_bad_site_of_three():
    variables = playbook_vars()
    variables["auto_attendant_list"][2]["business_hours"]["keys"].append({"key": "9", "action": "EXIT"})
    return {"auto_attendant_list": variables["auto_attendant_list"]}


def _good_then_bad(bad_site):
    """A good raw site, then a bad one, with a schedule to create first: nothing may be written."""
    return {
        "auto_attendant_defaults": {},
        "auto_attendant_list": [aa_options("Reception", "2100"), bad_site],
        "auto_attendant_schedules": [{"location": HQ, "type": "holidays", "name": "Closures"}],
    }


GREETING_SITE = {
    "name": "HQ Main Line",
    "location": "Headquarters",
    "extension": "2000",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours": {"operator": "1000", "greeting_file": "files/hq-welcome.wav"},
    "after_hours": {"shape": "closed", "greeting_file": "files/hq-closed.wav"},
}

# id: (variables over the example playbook's, [texts the failure shows])
BAD_VARIABLES = {
    "department-without-destination": (
        _site(business_hours={"departments": [{"name": "Sales"}]}),
        ["business_hours.departments[0].destination: is missing for department 'Sales'"],
    ),
    "unknown-after-hours-shape": (
        _site(after_hours={"shape": "weekend"}),
        ["value of shape must be one of: closed, voicemail, operator, business_hours, custom, got: weekend"],
    ),
    "unknown-field": (_site(colour="red"), ["auto_attendant_list.colour"]),
    "bad-type-in-defaults": (
        {"auto_attendant_defaults": {"business_hours": {"dial_by_name": "maybe"}}},
        ["argument 'dial_by_name' is of type str found in 'auto_attendant_defaults -> business_hours'"],
    ),
    "bad-state": ({"auto_attendant_state": "gone"}, ["value of auto_attendant_state must be one of: present, absent"]),
    "key-used-twice": (
        _site(
            business_hours={
                "departments": [
                    {"name": "A", "destination": "2901", "key": "1"},
                    {"name": "B", "destination": "2902", "key": "1"},
                ]
            }
        ),
        ["auto_attendant_list[0] (Bad Site): business_hours.departments[1].key: key '1' is used twice"],
    ),
    "too-many-departments": (
        _site(business_hours={"departments": [{"name": "D%d" % n, "destination": "29%02d" % n} for n in range(10)]}),
        ["auto_attendant_list[0] (Bad Site): business_hours.departments: more departments than free keys"],
    ),
    "operator-with-value": (
        _site(business_hours={"keys": [{"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "1000"}]}),
        [
            "business_hours_menu.key_configurations (key 0): action TRANSFER_TO_OPERATOR takes no value, got '1000' "
            "(the service rejects it with error 4806"
        ],
    ),
    "operator-shape-without-operator": (
        _site(after_hours={"shape": "operator", "operator": None}, business_hours={"operator": None}),
        ["after_hours.operator: after_hours.shape is operator but neither"],
    ),
    # One bad site of three stops every site.
    "one-bad-site-stops-every-site": (
        _one_bad_site_of_three(),
        ["auto_attendant_list[2] (Austin Main Line): business_hours.keys[1].key: key '9' is used twice"],
    ),
    # What the module refuses, the role refuses before its schedules and its first (good) site are written.
    "audio-file-without-type": (
        _good_then_bad(
            aa_options(
                "Annex",
                "2101",
                business_hours_menu=menu(
                    key(5, "PLAY_ANNOUNCEMENT", audio_announcement_file={"file_name": "welcome.mp3"})
                ),
            )
        ),
        ["auto_attendant_list[1] (Annex): business_hours_menu.key_configurations (key 5).audio_announcement_file: "],
    ),
    "no-input-timer-out-of-range": (
        _good_then_bad(aa_options("Annex", "2101", business_hours_menu=menu(call_treatment={"no_input_timer": 99}))),
        ["auto_attendant_list[1] (Annex): business_hours_menu.call_treatment.no_input_timer: 99 is out of range"],
    ),
    # A local greeting file the service would refuse (stereo) stops the role before any request.
    "stereo-greeting-file": (
        {"auto_attendant_defaults": {}, "auto_attendant_list": [GREETING_SITE]},
        ["auto_attendant_list[0] (HQ Main Line): after_hours.greeting_file: ", "stereo (2 channels); it must be mono"],
    ),
}


def test_bad_variables_fail_before_any_api_call(sim, tmp_path):
    """Each case in its own block: the role included with the case's variables, its failure kept by the rescue."""
    (tmp_path / "files").mkdir()
    write(tmp_path / "files", "hq-welcome.wav", pcm_wav(seconds=6, rate=16000))
    write(tmp_path / "files", "hq-closed.wav", pcm_wav(seconds=1, rate=44100, channels=2))
    tasks = [
        {
            "name": "Case " + case,
            "block": [
                {
                    "name": "Run the role: " + case,
                    "ansible.builtin.include_role": {"name": ROLE_NAME},
                    "vars": variables,
                }
            ],
            "rescue": [{"name": "Refused: " + case, "ansible.builtin.debug": {"msg": "{{ ansible_failed_result }}"}}],
        }
        for case, (variables, _texts) in BAD_VARIABLES.items()
    ]
    plays = [
        {"name": "Bad variables", "hosts": "localhost", "gather_facts": False, "vars": playbook_vars(), "tasks": tasks}
    ]
    sim.clear_requests()
    run = run_playbook(write_plays(tmp_path, plays), sim)
    assert run.rc == 0, run
    problems = []
    for case, (_variables, texts) in BAD_VARIABLES.items():
        refused = [entry for entry in run.results if entry["task"] == "Refused: " + case]
        if len(refused) != 1:
            problems.append("%s: not refused" % case)
            continue
        failure = json.dumps(refused[0]["result"]["msg"])
        problems += [
            "%s: %r not in %s" % (case, text, failure) for text in texts if json.dumps(text)[1:-1] not in failure
        ]
    assert problems == [], run
    assert sim.requests() == []
