"""The wxc.calling.auto_attendant role, run with real ansible-playbook against the simulator.

The playbook tests/integration/playbooks/role_auto_attendant.yml is also the role's example: three sites built from one
``auto_attendant_defaults`` with per-site overrides. The simulator's request log and its stored auto attendants are the
truth about what the role did.
"""

import copy
import os

import pytest
import yaml

from tests.integration.runner import PLAYBOOKS, run_playbook, write_playbook

PLAYBOOK = "role_auto_attendant.yml"
ROLE = "wxc.calling.auto_attendant : "
CONFIGURE = ROLE + "Configure auto attendants"
BUILD = ROLE + "Build the webex_auto_attendant arguments of every auto attendant"
SUMMARY = ROLE + "Summarise auto attendants"

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
    """The variables of the example playbook, to change one thing and pass them back with --extra-vars."""
    with open(os.path.join(PLAYBOOKS, PLAYBOOK), encoding="utf-8") as handle:
        return copy.deepcopy(yaml.safe_load(handle)[0]["vars"])


def stored(sim, name):
    """Details (camelCase, as the simulator stores them) of the auto attendant NAME of its site."""
    location_id = sim.location_id(SITES[name])
    response = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": location_id, "name": name})
    response.raise_for_status()
    matches = [item for item in response.json()["autoAttendants"] if item["name"] == name]
    assert len(matches) == 1, matches
    details = sim.api("GET", "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, matches[0]["id"]))
    details.raise_for_status()
    return details.json()


def stored_names(sim):
    response = sim.api("GET", "/telephony/config/autoAttendants")
    response.raise_for_status()
    return sorted(item["name"] for item in response.json()["autoAttendants"])


def key_set(menu):
    """The menu's keys as comparable entries (the module and the service treat them as a set)."""
    return sorted((dict(entry) for entry in menu["keyConfigurations"]), key=lambda entry: entry["key"])


def expect(*entries):
    return sorted((dict(entry) for entry in entries), key=lambda entry: entry["key"])


def item_results(run):
    return run.one(CONFIGURE)["result"]["results"]


def assert_ok(run):
    assert run.rc == 0, run
    assert run.failed == 0, run


def test_three_sites_from_one_set_of_defaults(sim):
    run = run_playbook(PLAYBOOK, sim)
    assert_ok(run)

    items = item_results(run)
    assert [entry["name"] for entry in items] == list(SITES)
    # One readable line per attendant.
    assert run.one(SUMMARY)["result"]["msg"] == ["%s: created" % name for name in SITES]
    assert all(entry["changed"] for entry in items), items
    assert [(entry["method"], entry["path"].rsplit("/", 1)[-1]) for entry in sim.writes()] == [
        ("POST", "autoAttendants")
    ] * 3
    assert stored_names(sim) == sorted(SITES)

    # Headquarters: the shared menu from the defaults; after hours the voicemail shape.
    hq = stored(sim, "HQ Main Line")
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
    denver = stored(sim, "Denver Main Line")
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
    austin = stored(sim, "Austin Main Line")
    assert austin["languageCode"] == "es_es"
    announcement = [entry for entry in austin["businessHoursMenu"]["keyConfigurations"] if entry["key"] == "9"]
    assert len(announcement) == 1
    assert announcement[0]["action"] == "PLAY_ANNOUNCEMENT"
    assert announcement[0]["audioAnnouncementFile"]["fileName"] == "AUDIO_FILE.wav"
    assert [entry["key"] for entry in key_set(austin["businessHoursMenu"])] == ["#", "*", "0", "1", "2", "9"]
    assert key_set(austin["afterHoursMenu"]) == key_set(austin["businessHoursMenu"])
    assert austin["afterHoursMenu"]["extensionEnabled"] is True

    # The operator key never uses TRANSFER_TO_OPERATOR with a value (the service rejects it with 4806).
    for details in (hq, denver, austin):
        for menu in ("businessHoursMenu", "afterHoursMenu"):
            assert all(entry["action"] != "TRANSFER_TO_OPERATOR" for entry in details[menu]["keyConfigurations"])


def test_second_run_changes_nothing(sim):
    assert_ok(run_playbook(PLAYBOOK, sim))
    sim.clear_requests()

    run = run_playbook(PLAYBOOK, sim)
    assert_ok(run)
    assert run.changed == 0, run
    assert not any(entry["changed"] for entry in item_results(run))
    assert sim.writes() == []


def test_check_mode_writes_nothing_and_predicts_the_change(sim):
    run = run_playbook(PLAYBOOK, sim, check=True, diff=True)
    assert_ok(run)
    assert [entry["changed"] for entry in item_results(run)] == [True, True, True]
    assert sim.writes() == []
    assert stored_names(sim) == []
    # --diff reaches the module: the predicted menus are shown.
    assert '+    "business_hours_menu": {' in run.stdout, run
    assert '"description": "Operator"' in run.stdout, run

    # After a real run, check mode predicts nothing.
    assert_ok(run_playbook(PLAYBOOK, sim))
    sim.clear_requests()
    run = run_playbook(PLAYBOOK, sim, check=True, diff=True)
    assert_ok(run)
    assert run.changed == 0, run
    assert sim.writes() == []


def test_changing_one_site_updates_only_that_site(sim):
    assert_ok(run_playbook(PLAYBOOK, sim))
    sim.clear_requests()

    variables = playbook_vars()
    denver = variables["auto_attendant_list"][1]
    denver["business_hours"]["departments"].append({"name": "Rentals", "destination": "2140"})
    run = run_playbook(PLAYBOOK, sim, extra_vars=variables)
    assert_ok(run)
    assert [entry["changed"] for entry in item_results(run)] == [False, True, False]
    writes = sim.writes()
    assert [entry["method"] for entry in writes] == ["PUT"]
    # The whole menu is sent: the new department took the next free key, 3.
    found = dict(
        (entry["key"], entry) for entry in stored(sim, "Denver Main Line")["businessHoursMenu"]["keyConfigurations"]
    )
    assert found["3"] == {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2140", "description": "Rentals"}
    assert sorted(found) == ["#", "*", "0", "1", "2", "3", "5"]


def test_state_absent_removes_every_site(sim):
    assert_ok(run_playbook(PLAYBOOK, sim))
    sim.clear_requests()

    run = run_playbook(PLAYBOOK, sim, extra_vars={"auto_attendant_state": "absent"})
    assert_ok(run)
    assert [entry["method"] for entry in sim.writes()] == ["DELETE"] * 3
    assert stored_names(sim) == []


def test_token_as_role_variable_is_hidden_and_summarised(sim):
    run = run_playbook(
        PLAYBOOK,
        sim,
        extra_vars={"auto_attendant_access_token": sim.token},
        env={"WEBEX_ACCESS_TOKEN": "not-the-token"},
    )
    assert_ok(run)
    assert stored_names(sim) == sorted(SITES)
    assert sim.token not in run.stdout
    assert "censored" in run.one(CONFIGURE)["result"]  # the module's output is hidden, the summary below is not
    assert run.one(SUMMARY)["result"]["msg"] == [
        "HQ Main Line: created",
        "Denver Main Line: created",
        "Austin Main Line: created",
    ]


def _site(**fields):
    item = {"name": "Bad Site", "location": "Headquarters", "extension": "2900"}
    item.update(fields)
    return {"auto_attendant_list": [item]}


BAD_VARIABLES = [
    pytest.param(
        _site(business_hours={"departments": [{"name": "Sales"}]}),
        "business_hours.departments[0].destination: is missing for department 'Sales'",
        id="department-without-destination",
    ),
    pytest.param(
        _site(after_hours={"shape": "weekend"}),
        "value of shape must be one of: closed, voicemail, operator, business_hours, custom, got: weekend",
        id="unknown-after-hours-shape",
    ),
    pytest.param(_site(colour="red"), "auto_attendant_list.colour", id="unknown-field"),
    pytest.param(
        {"auto_attendant_defaults": {"business_hours": {"dial_by_name": "maybe"}}},
        "argument 'dial_by_name' is of type str found in 'auto_attendant_defaults -> business_hours'",
        id="bad-type-in-defaults",
    ),
    pytest.param(
        {"auto_attendant_state": "gone"},
        "value of auto_attendant_state must be one of: present, absent",
        id="bad-state",
    ),
    pytest.param(
        _site(
            business_hours={
                "departments": [
                    {"name": "A", "destination": "2901", "key": "1"},
                    {"name": "B", "destination": "2902", "key": "1"},
                ]
            }
        ),
        "auto_attendant_list[0] (Bad Site): business_hours.departments[1].key: key '1' is used twice",
        id="key-used-twice",
    ),
    pytest.param(
        _site(business_hours={"departments": [{"name": "D%d" % n, "destination": "29%02d" % n} for n in range(10)]}),
        "auto_attendant_list[0] (Bad Site): business_hours.departments: more departments than free keys",
        id="too-many-departments",
    ),
    pytest.param(
        _site(business_hours={"keys": [{"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "1000"}]}),
        "business_hours_menu.key_configurations (key 0): action TRANSFER_TO_OPERATOR takes no value, got '1000' "
        "(the service rejects it with error 4806",
        id="operator-with-value",
    ),
    pytest.param(
        _site(after_hours={"shape": "operator", "operator": None}, business_hours={"operator": None}),
        "after_hours.operator: after_hours.shape is operator but neither",
        id="operator-shape-without-operator",
    ),
]


@pytest.mark.parametrize("extra_vars, message", BAD_VARIABLES)
def test_bad_variables_fail_before_any_api_call(sim, extra_vars, message):
    sim.clear_requests()
    run = run_playbook(PLAYBOOK, sim, extra_vars=extra_vars)
    assert run.rc != 0, run
    assert message in run.stdout + run.stderr, run
    assert sim.requests() == []


def test_one_bad_site_stops_every_site(sim):
    variables = playbook_vars()
    variables["auto_attendant_list"][2]["business_hours"]["keys"].append({"key": "9", "action": "EXIT"})
    run = run_playbook(PLAYBOOK, sim, extra_vars=variables)
    assert run.rc != 0, run
    assert (
        "auto_attendant_list[2] (Austin Main Line): business_hours.keys[1].key: key '9' is used twice" in run.stdout
    ), run
    assert sim.requests() == []


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
    playbook = write_playbook(
        tmp_path,
        [
            {
                "name": "Run the role",
                "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"},
                "vars": {"auto_attendant_list": [site], "auto_attendant_schedules": schedules},
            }
        ],
        name="role_schedules.yml",
    )
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
    # The schedule is created before the attendant that names it; the unused one is deleted after.
    assert [method for method, _tail in writes] == ["POST", "POST", "DELETE"]
    assert writes[0][1] == "schedules" and writes[1][1] == "autoAttendants"
    names = [
        s["name"] for s in sim.api("GET", "/telephony/config/locations/%s/schedules" % location_id).json()["schedules"]
    ]
    assert "Office hours" in names and "Old holidays" not in names

    sim.clear_requests()
    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    assert sim.writes() == []
