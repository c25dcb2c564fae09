"""Hardening (issue 18), data cases, each a real ansible-playbook run against the simulator.

YAML cannot change a number or a name (unquoted 0100, no, a final newline), an ambiguous create is told truly, an
attendant deleted between the list and the details read is absent, every option can reach changed=false, and names
round-trip exactly (surrounding spaces, U+2028, U+0085) through the export, the apply playbook and the role.
"""

import os
import threading
import time

import pytest

from tests.ansible_yaml import load as ansible_load
from tests.integration.runner import run_playbook, write_playbook

AA = "wxc.calling.webex_auto_attendant"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")
CONFIGURE = "wxc.calling.auto_attendant : Configure auto attendants"
LIST_PATH = "/v1/telephony/config/autoAttendants"

# A playbook written as text, as a user writes it: the YAML reader, not the test, decides what 0100 and no are.
MODULE_PLAY = """\
- hosts: localhost
  gather_facts: false
  tasks:
    - name: Task
      wxc.calling.webex_auto_attendant:
        location: Headquarters
        business_schedule: AUTOATTENDANT-BUSINESS-HOURS
        business_hours_menu: &menu
          greeting: DEFAULT
          extension_enabled: true
          key_configurations:
            - key: 0
              action: EXIT
%(menu_extra)s        after_hours_menu: *menu
%(options)s"""

ROLE_PLAY = """\
- hosts: localhost
  gather_facts: false
  roles:
    - role: wxc.calling.auto_attendant
      auto_attendant_defaults:
        business_schedule: AUTOATTENDANT-BUSINESS-HOURS
      auto_attendant_list:
        - location: Headquarters
%(item)s"""


def write(tmp_path, text, name="playbook.yml"):
    path = os.path.join(str(tmp_path), name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def indent(text, spaces):
    return "".join(" " * spaces + line + "\n" for line in text.strip("\n").split("\n"))


def stored_attendants(sim):
    response = sim.api("GET", "/telephony/config/autoAttendants")
    response.raise_for_status()
    return response.json()["autoAttendants"]


# -- YAML cannot change a number or a name (items 4, 5, 6) ------------------------------------------------------------


@pytest.mark.parametrize(
    "options, menu_extra, expected",
    [
        ("name: Reception\nextension: 0100", "", "extension: is the number 64, not text"),
        ('name: no\nextension: "2100"', "", "name: is the boolean false, not text"),
        (
            'name: Reception\nphone_number: +19705550026\nextension: "2100"',
            "",
            "phone_number: is the number 19705550026",
        ),
        ('name: Reception\nextension: "2100"\nfirst_name: yes', "", "first_name: is the boolean true"),
        (
            'name: Reception\nextension: "2100"',
            "- key: 1\n  action: TRANSFER_WITHOUT_PROMPT\n  value: 0110\n  description: off",
            "business_hours_menu.key_configurations (key 1).value: is the number 72, not text",
        ),
        ("name: Reception\nextension: >\n  2120\n", "", "extension: '2120\\n' must be 2 to 10 digits"),
        ("name: Reception\nextension: |\n  2120\n", "", "extension: '2120\\n' must be 2 to 10 digits"),
        ('name: Reception\nphone_number: "+19705550026\\n"', "", "phone_number: '+19705550026\\n' is not an E.164"),
        (
            'name: Reception\nextension: "2100"',
            "- key: 2\n  action: TRANSFER_WITH_PROMPT\n  value: |\n    2120\n",
            "business_hours_menu.key_configurations (key 2): value '2120\\n' is neither",
        ),
    ],
    ids=[
        "octal-extension",
        "name-no",
        "unquoted-e164",
        "first-name-yes",
        "octal-key-value",
        "folded-newline",
        "literal-newline",
        "quoted-newline",
        "key-value-newline",
    ],
)
def test_the_module_refuses_what_yaml_made_of_a_value_before_any_request(sim, tmp_path, options, menu_extra, expected):
    text = MODULE_PLAY % {"options": indent(options, 8), "menu_extra": indent(menu_extra, 12) if menu_extra else ""}
    run = run_playbook(write(tmp_path, text), sim)
    assert run.rc != 0, run
    msg = run.one("Task")["result"]["msg"]
    assert expected in msg, msg
    assert sim.requests() == [] and stored_attendants(sim) == []


@pytest.mark.parametrize(
    "item, expected",
    [
        ("name: Reception\nextension: 0100", "extension: is the number 64, not text"),
        ('name: no\nextension: "2100"', "name: is the boolean false, not text"),
        (
            'name: Reception\nextension: "2100"\nbusiness_hours:\n  operator: 0100',
            "business_hours.operator: is the number 64, not text",
        ),
        (
            'name: Reception\nextension: "2100"\nbusiness_hours:\n  departments:\n    - name: Sales\n      destination: 0110',
            "business_hours.departments[0].destination: is the number 72, not text",
        ),
        (
            'name: Reception\nextension: "2100"\nafter_hours:\n  shape: voicemail\n  voicemail: 1099',
            "after_hours.voicemail: is the number 1099, not text",
        ),
        (
            'name: Reception\nextension: "2100"\nbusiness_hours:\n  operator: |\n    1000\n',
            "'1000\\n' is neither an E.164 number",
        ),
    ],
    ids=["octal-extension", "name-no", "octal-operator", "octal-department", "voicemail-number", "operator-newline"],
)
def test_the_role_refuses_what_yaml_made_of_a_value_before_any_request(sim, tmp_path, item, expected):
    run = run_playbook(write(tmp_path, ROLE_PLAY % {"item": indent(item, 10)}), sim)
    assert run.rc != 0, run
    assert expected in run.stdout, run
    assert "quote it" in run.stdout or "neither" in expected
    assert sim.requests() == []


@pytest.mark.parametrize(
    "options, expected",
    [
        ("name: no", "name: is the boolean false, not text"),
        (
            'name: Holidays\nevents:\n  - name: 2027\n    start_date: "2027-01-01"\n    end_date: "2027-01-01"',
            "events[0].name: is the number 2027, not text",
        ),
    ],
    ids=["schedule-name-no", "event-name-number"],
)
def test_the_schedule_module_refuses_what_yaml_made_of_a_name(sim, tmp_path, options, expected):
    text = (
        "- hosts: localhost\n  gather_facts: false\n  tasks:\n    - name: Task\n      wxc.calling.webex_schedule:\n"
        "        location: Headquarters\n        type: holidays\n" + indent(options, 8)
    )
    run = run_playbook(write(tmp_path, text), sim)
    assert run.rc != 0, run
    assert expected in run.one("Task")["result"]["msg"], run
    assert sim.requests() == []


def test_the_simulator_refuses_a_trailing_newline_too(sim):
    location_id = sim.location_id("Headquarters")
    menu = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
    body = {
        "name": "Reception",
        "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "businessHoursMenu": menu,
        "afterHoursMenu": menu,
    }
    for field, value in (("extension", "2120\n"), ("phoneNumber", "+19705550026\n")):
        response = sim.api(
            "POST", "/telephony/config/locations/%s/autoAttendants" % location_id, json=dict(body, **{field: value})
        )
        assert response.status_code == 400, (field, response.text)
    assert stored_attendants(sim) == []


# -- an ambiguous create is told truly (item 7) -------------------------------------------------------------------------

ARGS = {
    "location": "Headquarters",
    "name": "Reception",
    "extension": "2100",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours_menu": {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [{"key": "0", "action": "EXIT"}],
    },
    "after_hours_menu": {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [{"key": "0", "action": "EXIT"}],
    },
}


def test_a_create_whose_resent_post_committed_but_lost_its_answer_reports_changed(sim, tmp_path):
    sim.fault(method="POST", path="/autoAttendants$", status=502)
    sim.fault(method="POST", path="/autoAttendants$", drop_after_commit=True)
    run = run_playbook(write_playbook(tmp_path, [{"name": "Task", AA: ARGS}]), sim)
    assert run.rc == 0, run
    assert run.one("Task")["result"]["changed"] is True
    assert [item["name"] for item in stored_attendants(sim)] == ["Reception"]
    posts = [(e["method"], e["status"]) for e in sim.requests() if e["method"] == "POST"]
    assert posts == [("POST", 502), ("POST", None)]  # the second answer never arrived
    again = run_playbook(write_playbook(tmp_path, [{"name": "Task", AA: ARGS}], name="again.yml"), sim)
    assert again.rc == 0 and again.one("Task")["result"]["changed"] is False


def test_a_create_whose_outcome_stays_unknown_says_so(sim, tmp_path):
    sim.fault(method="POST", path="/autoAttendants$", status=502, count=2)
    run = run_playbook(write_playbook(tmp_path, [{"name": "Task", AA: ARGS}]), sim)
    assert run.rc != 0, run
    result = run.one("Task")["result"]
    assert "looked up by name after each attempt and not found" in result["msg"], result
    assert "the outcome is not certain" in result["msg"] and result["changed"] is False
    assert stored_attendants(sim) == []


# -- deleted between the list and the details read (item 8) -----------------------------------------------------------


def _delete_once_listed(sim, attendant_id, location_id, done):
    """Delete the attendant as soon as the module's list GET is answered (its details GET is held back meanwhile)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(e["path"] == LIST_PATH and e["method"] == "GET" for e in sim.requests()):
            sim.api("DELETE", "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, attendant_id))
            break
        time.sleep(0.02)
    done.set()


def _race(sim, tmp_path, args, diff=False):
    location_id = sim.location_id("Headquarters")
    sim.api(
        "POST",
        "/telephony/config/locations/%s/autoAttendants" % location_id,
        json={
            "name": "Reception",
            "extension": "2100",
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": {
                "greeting": "DEFAULT",
                "extensionEnabled": True,
                "keyConfigurations": [{"key": "0", "action": "EXIT"}],
            },
            "afterHoursMenu": {
                "greeting": "DEFAULT",
                "extensionEnabled": True,
                "keyConfigurations": [{"key": "0", "action": "EXIT"}],
            },
        },
    ).raise_for_status()
    attendant_id = stored_attendants(sim)[0]["id"]
    sim.clear_requests()
    # The details GET waits long enough for the deletion to land first (the one test that needs a delay).
    sim.fault(method="GET", path="/autoAttendants/[^/]+$", delay=1.0)
    done = threading.Event()
    threading.Thread(target=_delete_once_listed, args=(sim, attendant_id, location_id, done), daemon=True).start()
    run = run_playbook(write_playbook(tmp_path, [{"name": "Task", AA: args}]), sim, diff=diff)
    done.wait(5)
    details = [e["status"] for e in sim.requests() if e["method"] == "GET" and e["path"].endswith(attendant_id)]
    assert details[:1] == [404], sim.requests()  # the race really happened
    return run


def test_deleted_between_list_and_details_is_created_again(sim, tmp_path):
    run = _race(sim, tmp_path, ARGS)
    assert run.rc == 0, run
    assert run.one("Task")["result"]["changed"] is True
    assert [item["name"] for item in stored_attendants(sim)] == ["Reception"]
    assert [(e["method"], e["status"]) for e in sim.writes()] == [("DELETE", 204), ("POST", 201)]


def test_deleted_between_list_and_details_with_state_absent_and_diff_is_ok(sim, tmp_path):
    run = _race(sim, tmp_path, {"location": "Headquarters", "name": "Reception", "state": "absent"}, diff=True)
    assert run.rc == 0, run
    assert run.one("Task")["result"]["changed"] is False
    assert [e["method"] for e in sim.writes()] == ["DELETE"]  # the other client's, none of the module's


# -- every option can reach changed=false (item 9) -----------------------------------------------------------------------


def test_an_empty_holiday_schedule_is_refused_before_any_request(sim, tmp_path):
    run = run_playbook(write_playbook(tmp_path, [{"name": "Task", AA: dict(ARGS, holiday_schedule="")}]), sim)
    assert run.rc != 0, run
    assert "holiday_schedule: is empty" in run.one("Task")["result"]["msg"]
    assert sim.requests() == []


def test_a_toll_free_flag_the_service_derives_differently_converges(sim, tmp_path):
    # +18885550100 is one of Headquarters' toll-free numbers: the service says true whatever is sent.
    args = dict(
        ARGS, alternate_numbers=[{"phone_number": "+18885550100", "ring_pattern": "NORMAL", "toll_free_number": False}]
    )
    first = run_playbook(write_playbook(tmp_path, [{"name": "Task", AA: args}]), sim)
    assert first.rc == 0 and first.one("Task")["result"]["changed"] is True, first
    sim.clear_requests()
    second = run_playbook(write_playbook(tmp_path, [{"name": "Task", AA: args}], name="again.yml"), sim, diff=True)
    assert second.rc == 0 and second.one("Task")["result"]["changed"] is False, second
    assert sim.writes() == []


# -- names round-trip exactly (item 11) ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [" Lobby ", "Lobby\u2028East", "Lobby\x85East", "Lobby\u2029East"],
    ids=["surrounding-spaces", "u2028", "u0085", "u2029"],
)
def test_names_round_trip_exactly_through_export_apply_and_the_role(sim, tmp_path, name):
    created = run_playbook(write_playbook(tmp_path, [{"name": "Task", AA: dict(ARGS, name=name)}]), sim)
    assert created.rc == 0, created
    assert [item["name"] for item in stored_attendants(sim)] == [name]
    target = os.path.join(str(tmp_path), "auto_attendants.yml")
    run = run_playbook(EXPORT_PLAYBOOK, sim, extra_vars={"export_file": target})
    assert run.rc == 0, run
    with open(target, encoding="utf-8") as handle:
        assert ansible_load(handle)["webex_auto_attendants"][0]["name"] == name
    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target])
    assert run.rc == 0, run
    assert [r["changed"] for r in run.one("Converge the auto attendants")["result"]["results"]] == [False]
    role_play = write_playbook(
        tmp_path,
        [
            {
                "name": "Apply through the role",
                "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"},
                "vars": {"auto_attendant_list": "{{ webex_auto_attendants }}"},
            }
        ],
        name="role.yml",
    )
    run = run_playbook(role_play, sim, extra_args=["-e", "@" + target])
    assert run.rc == 0, run
    assert run.one(CONFIGURE)["result"]["changed"] is False and run.changed == 0  # a loop or one bulk call alike
    assert sim.writes() == [] and [item["name"] for item in stored_attendants(sim)] == [name]
