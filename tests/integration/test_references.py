"""References between attendants by name through the shipped playbooks and the role: the export playbook writes
them by name and the apply playbook re-applies them with no change; the role's departments name attendants of its
list. Real ansible-playbook runs against the simulator; assertions on what the simulator received.

How the modules resolve references (extension, ESN, number; missing targets; the bulk module's order and cycles)
is tests/component/test_references.py.
"""

import os

import yaml

from tests.ansible_yaml import load as ansible_load
from tests.integration.runner import run_playbook

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")
SCHEDULE = "AUTOATTENDANT-BUSINESS-HOURS"


def api_menu(keys, treatment=None):
    result = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": keys}
    if treatment:
        result["callTreatment"] = {"actionToBePerformed": treatment}
    return result


def create(sim, location, name, keys, treatment=None, **fields):
    body = dict(
        name=name,
        businessSchedule=SCHEDULE,
        businessHoursMenu=api_menu(keys, treatment),
        afterHoursMenu=api_menu([{"key": "#", "action": "EXIT"}]),
        **fields,
    )
    response = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % sim.location_id(location), json=body)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def targets(sim):
    """Support Menu (Headquarters, 2100), Reception (Denver, 3000) and Hotline (Austin, a phone number only)."""
    create(
        sim,
        "Headquarters",
        "Support Menu",
        [{"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1201"}],
        extension="2100",
    )
    create(sim, "Branch Office Denver", "Reception", [{"key": "#", "action": "NAME_DIALING"}], extension="3000")
    create(sim, "Branch Office Austin", "Hotline", [{"key": "#", "action": "EXIT"}], phoneNumber="+15125550100")


def test_export_writes_references_by_name_and_reapplies_with_no_change(sim, tmp_path):
    targets(sim)
    create(
        sim,
        "Headquarters",
        "Main Line",
        [
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100", "description": "Support"},
            {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "80033000"},
            {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+15125550100"},
            {"key": "4", "action": "TRANSFER_TO_MAILBOX", "value": "2000"},
            {"key": "5", "action": "TRANSFER_WITHOUT_PROMPT", "value": "3000"},
        ],
        treatment={"action": "TRANSFER_WITH_PROMPT", "greeting": "DEFAULT", "transferCallTo": "2100"},
        extension="2000",
    )
    run = run_playbook(EXPORT_PLAYBOOK, sim, env={"PWD": str(tmp_path)})
    assert run.rc == 0, run
    with open(tmp_path / "auto_attendants.yml", encoding="utf-8") as handle:
        exported = {item["name"]: item for item in ansible_load(handle.read())["webex_auto_attendants"]}
    keys = {key["key"]: key for key in exported["Main Line"]["business_hours_menu"]["key_configurations"]}
    assert keys["1"] == {
        "key": "1",
        "action": "TRANSFER_WITHOUT_PROMPT",
        "auto_attendant": "Support Menu",
        "description": "Support",
    }
    assert keys["2"]["auto_attendant"] == {"location": "Branch Office Denver", "name": "Reception"}
    assert keys["3"]["auto_attendant"] == {"location": "Branch Office Austin", "name": "Hotline"}
    # The mailbox of its own extension, and Reception's extension dialled from another location, stay numbers.
    assert keys["4"] == {"key": "4", "action": "TRANSFER_TO_MAILBOX", "value": "2000"}
    assert keys["5"]["value"] == "3000" and "auto_attendant" not in keys["5"]
    assert exported["Main Line"]["business_hours_menu"]["call_treatment"]["action_to_be_performed"] == {
        "action": "TRANSFER_WITH_PROMPT",
        "greeting": "DEFAULT",
        "auto_attendant": "Support Menu",
    }

    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@%s" % (tmp_path / "auto_attendants.yml")])
    assert run.rc == 0, run
    assert run.changed == 0 and sim.writes() == []
    applied = run.one("Converge the auto attendants and their call forwarding")["result"]
    assert sorted(obj["name"] for obj in applied["objects"] if obj["kind"] == "auto_attendants") == [
        "Hotline",
        "Main Line",
        "Reception",
        "Support Menu",
    ]
    assert applied["changed"] is False
    assert [obj for obj in applied["objects"] if obj["changed"] or obj["action"] != "nothing"] == []


def test_the_role_departments_name_attendants_of_the_list(sim, tmp_path):
    """The role applies its list in order: a target first, then the attendants that name it."""
    from tests.integration.runner import PLAYBOOKS  # pylint: disable=import-outside-toplevel

    create(sim, "Branch Office Denver", "Reception", [{"key": "#", "action": "NAME_DIALING"}], extension="3000")
    extra = {
        "auto_attendant_defaults": {"business_schedule": SCHEDULE},
        "auto_attendant_list": [
            {
                "name": "Support Menu",
                "location": "Headquarters",
                "extension": "2100",
                "business_hours": {"departments": [{"name": "Hardware", "destination": "1201"}]},
            },
            {
                "name": "Main Line",
                "location": "Headquarters",
                "extension": "2000",
                "business_hours": {
                    "departments": [
                        {"name": "Support", "auto_attendant": "Support Menu"},
                        {"name": "Denver", "auto_attendant": {"location": "Branch Office Denver", "name": "Reception"}},
                    ],
                    "keys": [
                        {
                            "key": "9",
                            "action": "TRANSFER_WITHOUT_PROMPT",
                            "auto_attendant": "Main Line",
                            "description": "Start again",
                        }
                    ],
                },
            },
        ],
    }
    example = os.path.join(PLAYBOOKS, "role_auto_attendant.yml")
    sim.clear_requests()
    # The example playbook twice in one process (the extra variables replace its list): the second run writes nothing.
    run = run_playbook(write_plays(tmp_path, [{"import_playbook": example}] * 2), sim, extra_vars=extra)
    assert run.rc == 0, run
    writes = sim.writes()
    assert [(entry["method"], entry["body"]["name"]) for entry in writes] == [
        ("POST", "Support Menu"),
        ("POST", "Main Line"),
    ]
    keys = {key["key"]: key for key in writes[1]["body"]["businessHoursMenu"]["keyConfigurations"]}
    # Support Menu's extension, Reception's ESN, and the attendant's own extension (from its own options, no lookup).
    assert (keys["1"]["value"], keys["2"]["value"], keys["9"]["value"]) == ("2100", "80033000", "2000")
    first, again = run.task("wxc.calling.auto_attendant : Converge the site as one plan")
    assert first["changed"] is True and again["changed"] is False
    assert [(obj["name"], obj["action"], obj["changed"]) for obj in again["result"]["objects"]] == [
        ("Support Menu", "nothing", False),
        ("Main Line", "nothing", False),
    ]


def test_the_apply_playbook_writes_a_target_declared_later_first_in_one_run(sim, tmp_path):
    """An export (as the export playbook writes it: references by name, sorted by name) whose first attendant transfers
    to one declared after it, applied into a location with no attendants: one run creates both, the target first and
    its referrer with the target's extension; a second run (same process) writes nothing."""
    location = "Headquarters Annex"
    assert (
        sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": sim.location_id(location)}).json()[
            "autoAttendants"
        ]
        == []
    )
    keys = [
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Sales Menu", "description": "Sales"},
        {"key": "#", "action": "EXIT"},
    ]
    export = {
        "webex_auto_attendants": [
            {
                "location": location,
                "name": "Annex Main Line",
                "extension": "2600",
                "business_schedule": SCHEDULE,
                "business_hours_menu": {
                    "greeting": "DEFAULT",
                    "extension_enabled": True,
                    "key_configurations": keys,
                    "call_treatment": {
                        "action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "auto_attendant": "Sales Menu"}
                    },
                },
                "after_hours_menu": {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": keys},
            },
            {
                "location": location,
                "name": "Sales Menu",
                "extension": "2610",
                "business_schedule": SCHEDULE,
                "business_hours_menu": {
                    "greeting": "DEFAULT",
                    "extension_enabled": True,
                    "key_configurations": [{"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000"}],
                },
                "after_hours_menu": {
                    "greeting": "DEFAULT",
                    "extension_enabled": True,
                    "key_configurations": [{"key": "#", "action": "EXIT"}],
                },
            },
        ],
        "webex_auto_attendant_forwarding": [],
    }
    vars_file = tmp_path / "auto_attendants.yml"
    vars_file.write_text(yaml.safe_dump(export, sort_keys=False), encoding="utf-8")
    plays = write_plays(tmp_path, [{"import_playbook": APPLY_PLAYBOOK}] * 2)
    sim.clear_requests()
    run = run_playbook(plays, sim, extra_args=["-e", "@%s" % vars_file])
    assert run.rc == 0, run
    # One run: two creates, the target first, no second pass (no PUT); the second run: nothing.
    writes = sim.writes()
    assert [(entry["method"], entry["status"], entry["body"]["name"]) for entry in writes] == [
        ("POST", 201, "Sales Menu"),
        ("POST", 201, "Annex Main Line"),
    ], writes
    menu = writes[1]["body"]["businessHoursMenu"]
    assert {key["key"]: key.get("value") for key in menu["keyConfigurations"]} == {"1": "2610", "#": None}
    assert menu["callTreatment"]["actionToBePerformed"]["transferCallTo"] == "2610"
    first, again = run.task("Converge the auto attendants and their call forwarding")
    assert [(obj["name"], obj["action"], obj["order"]) for obj in first["result"]["objects"]] == [
        ("Annex Main Line", "create", 2),
        ("Sales Menu", "create", 1),
    ]
    assert first["result"]["steps"] == 2
    assert again["changed"] is False
    assert [(obj["action"], obj["changed"]) for obj in again["result"]["objects"]] == [("nothing", False)] * 2


def write_plays(directory, plays):
    path = os.path.join(str(directory), "plays.yml")
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(plays, handle, sort_keys=False)
    return path
