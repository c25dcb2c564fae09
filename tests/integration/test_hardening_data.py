"""Hardening (issue 18), data cases that only a real ansible-playbook run shows: YAML cannot change a number or a
name (unquoted 0100, no, a final newline): the playbook is written as text, as a user writes it, so that the YAML
reader, not the test, decides what 0100 and no are. Each table is one playbook run: the modules' cases as tasks
with ignore_errors, the role's as blocks with a rescue.

The other data cases (an ambiguous create told truly, an attendant deleted between the list and the details read,
every option reaching changed=false) are tests/component/test_hardening.py; names round-tripping exactly through
the export, the apply playbook and the role are tests/integration/test_hardening.py.
"""

from tests.integration.runner import run_playbook

CONFIGURE = "wxc.calling.auto_attendant : Build the site the role's variables declare"

# id: (options, business hours menu keys added after key 0, what the module says)
MODULE_CASES = {
    "octal-extension": ("name: Reception\nextension: 0100", "", "extension: is the number 64, not text"),
    "name-no": ('name: no\nextension: "2100"', "", "name: is the boolean false, not text"),
    "unquoted-e164": (
        'name: Reception\nphone_number: +19705550026\nextension: "2100"',
        "",
        "phone_number: is the number 19705550026",
    ),
    "first-name-yes": ('name: Reception\nextension: "2100"\nfirst_name: yes', "", "first_name: is the boolean true"),
    "octal-key-value": (
        'name: Reception\nextension: "2100"',
        "- key: 1\n  action: TRANSFER_WITHOUT_PROMPT\n  value: 0110\n  description: off",
        "business_hours_menu.key_configurations (key 1).value: is the number 72, not text",
    ),
    "folded-newline": ("name: Reception\nextension: >\n  2120\n", "", "extension: '2120\\n' must be 2 to 10 digits"),
    "literal-newline": ("name: Reception\nextension: |\n  2120\n", "", "extension: '2120\\n' must be 2 to 10 digits"),
    "quoted-newline": (
        'name: Reception\nphone_number: "+19705550026\\n"',
        "",
        "phone_number: '+19705550026\\n' is not an E.164",
    ),
    "key-value-newline": (
        'name: Reception\nextension: "2100"',
        "- key: 2\n  action: TRANSFER_WITH_PROMPT\n  value: |\n    2120\n",
        "business_hours_menu.key_configurations (key 2): value '2120\\n' is neither",
    ),
}
# id: (options, what webex_schedule says)
SCHEDULE_CASES = {
    "schedule-name-no": ("name: no", "name: is the boolean false, not text"),
    "event-name-number": (
        'name: Holidays\nevents:\n  - name: 2027\n    start_date: "2027-01-01"\n    end_date: "2027-01-01"',
        "events[0].name: is the number 2027, not text",
    ),
}
# id: (the role's list item, what the role says)
ROLE_CASES = {
    "octal-extension": ("name: Reception\nextension: 0100", "extension: is the number 64, not text"),
    "name-no": ('name: no\nextension: "2100"', "name: is the boolean false, not text"),
    "octal-operator": (
        'name: Reception\nextension: "2100"\nbusiness_hours:\n  operator: 0100',
        "business_hours.operator: is the number 64, not text",
    ),
    "octal-department": (
        'name: Reception\nextension: "2100"\nbusiness_hours:\n  departments:\n    - name: Sales\n      destination: 0110',
        "business_hours.departments[0].destination: is the number 72, not text",
    ),
    "voicemail-number": (
        'name: Reception\nextension: "2100"\nafter_hours:\n  shape: voicemail\n  voicemail: 1099',
        "after_hours.voicemail: is the number 1099, not text",
    ),
    "operator-newline": (
        'name: Reception\nextension: "2100"\nbusiness_hours:\n  operator: |\n    1000\n',
        "'1000\\n' is neither an E.164 number",
    ),
}

PLAY = """\
- hosts: localhost
  gather_facts: false
  tasks:
"""

MODULE_TASK = """\
    - name: %(name)s
      ignore_errors: true
      wxc.calling.webex_auto_attendant:
        location: Headquarters
        business_schedule: AUTOATTENDANT-BUSINESS-HOURS
        business_hours_menu: &menu%(index)d
          greeting: DEFAULT
          extension_enabled: true
          key_configurations:
            - key: 0
              action: EXIT
%(menu_extra)s        after_hours_menu: *menu%(index)d
%(options)s"""

SCHEDULE_TASK = """\
    - name: %(name)s
      ignore_errors: true
      wxc.calling.webex_schedule:
        location: Headquarters
        type: holidays
%(options)s"""

ROLE_BLOCK = """\
    - name: %(name)s
      block:
        - name: Apply the role
          ansible.builtin.include_role:
            name: wxc.calling.auto_attendant
          vars:
            auto_attendant_defaults:
              business_schedule: AUTOATTENDANT-BUSINESS-HOURS
            auto_attendant_list:
              - location: Headquarters
%(item)s      rescue:
        - name: Refused %(name)s
          ansible.builtin.debug:
            msg: refused
"""


def write(tmp_path, text, name="playbook.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def indent(text, spaces):
    return "".join(" " * spaces + line + "\n" for line in text.strip("\n").split("\n"))


def stored_attendants(sim):
    response = sim.api("GET", "/telephony/config/autoAttendants")
    response.raise_for_status()
    return response.json()["autoAttendants"]


def test_the_modules_refuse_what_yaml_made_of_a_value_before_any_request(sim, tmp_path):
    tasks = [
        MODULE_TASK
        % {
            "name": case,
            "index": index,
            "options": indent(options, 8),
            "menu_extra": indent(menu_extra, 12) if menu_extra else "",
        }
        for index, (case, (options, menu_extra, _expected)) in enumerate(MODULE_CASES.items())
    ]
    tasks += [
        SCHEDULE_TASK % {"name": case, "options": indent(options, 8)} for case, (options, _e) in SCHEDULE_CASES.items()
    ]
    run = run_playbook(write(tmp_path, PLAY + "".join(tasks)), sim)
    assert run.rc == 0, run  # every failure ignored
    expected = {case: case_[-1] for case, case_ in list(MODULE_CASES.items()) + list(SCHEDULE_CASES.items())}
    for case, message in expected.items():
        entry = run.one(case)
        assert entry["failed"] and message in entry["result"]["msg"], (case, entry)
    assert sim.requests() == [] and stored_attendants(sim) == []


def test_the_role_refuses_what_yaml_made_of_a_value_before_any_request(sim, tmp_path):
    blocks = [ROLE_BLOCK % {"name": case, "item": indent(item, 16)} for case, (item, _expected) in ROLE_CASES.items()]
    run = run_playbook(write(tmp_path, PLAY + "".join(blocks)), sim)
    assert run.rc == 0, run  # every failure rescued
    refused = [entry for entry in run.task(CONFIGURE) if entry["failed"]]
    assert len(refused) == len(ROLE_CASES), run
    for (case, (_item, message)), entry in zip(ROLE_CASES.items(), refused):
        assert message in entry["result"]["msg"], (case, entry["result"]["msg"])
        assert "quote it" in entry["result"]["msg"] or "neither" in message, (case, entry["result"]["msg"])
        assert run.one("Refused %s" % case)["status"] == "ok"
    assert sim.requests() == []
