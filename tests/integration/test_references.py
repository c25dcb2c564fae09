"""References between attendants by name: webex_auto_attendant resolves them, the export writes them.

Real ansible-playbook runs against the simulator; assertions on what the simulator received.
"""

import os

from tests.ansible_yaml import load as ansible_load
from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_auto_attendant"
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


def main_line(location="Headquarters", **menu_changes):
    keys = [
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu", "description": "Support"},
        {
            "key": "2",
            "action": "TRANSFER_WITH_PROMPT",
            "auto_attendant": {"location": "Branch Office Denver", "name": "Reception"},
        },
        {
            "key": "3",
            "action": "TRANSFER_WITHOUT_PROMPT",
            "auto_attendant": {"location": "Branch Office Austin", "name": "Hotline"},
        },
        {"key": "4", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": {"name": "Support Menu"}},
    ]
    business = {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": keys,
        "call_treatment": {
            "action_to_be_performed": {"action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu"}
        },
    }
    business.update(menu_changes)
    return {
        "location": location,
        "name": "Main Line",
        "extension": "2000",
        "business_schedule": SCHEDULE,
        "business_hours_menu": business,
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": [{"key": "#", "action": "EXIT"}],
        },
    }


def test_references_resolve_to_extension_esn_and_number(sim, tmp_path):
    targets(sim)
    sim.clear_requests()
    path = write_playbook(
        tmp_path,
        [
            {"name": "Create", MODULE: main_line(), "register": "created"},
            {"name": "Again", MODULE: main_line(), "register": "again"},
        ],
    )
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    writes = sim.writes()
    assert [entry["method"] for entry in writes] == ["POST"]
    menu = writes[0]["body"]["businessHoursMenu"]
    # Same location: the extension; another location: the ESN (routing prefix 8003 + 3000); no extension: the number.
    assert [key["value"] for key in menu["keyConfigurations"]] == ["2100", "80033000", "+15125550100", "2100"]
    assert menu["keyConfigurations"][0] == {
        "key": "1",
        "action": "TRANSFER_WITHOUT_PROMPT",
        "value": "2100",
        "description": "Support",
    }
    assert menu["callTreatment"]["actionToBePerformed"] == {
        "action": "TRANSFER_WITHOUT_PROMPT",
        "transferCallTo": "2100",
    }
    assert run.one("Again")["changed"] is False

    # A no-op by location id: the list and the details, plus one lookup per distinct target (3 here).
    by_id = main_line(location=sim.location_id("Headquarters"))
    path = write_playbook(tmp_path, [{"name": "By id", MODULE: by_id}], name="by_id.yml")
    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc == 0 and run.one("By id")["changed"] is False, run
    requests = sim.requests()
    assert [entry["method"] for entry in requests] == ["GET"] * 5
    names = ("Support Menu", "Reception", "Hotline")
    lookups = [
        entry
        for entry in requests
        if entry["path"].endswith("/autoAttendants")
        and str((entry.get("query") or {}).get("name")).strip("[']") in names
    ]
    assert len(lookups) == 3

    # Without references the floor by location id stays 2 GETs.
    plain = main_line(location=sim.location_id("Headquarters"))
    for key, value in zip(
        plain["business_hours_menu"]["key_configurations"], ["2100", "80033000", "+15125550100", "2100"]
    ):
        key.pop("auto_attendant")
        key["value"] = value
    plain["business_hours_menu"]["call_treatment"]["action_to_be_performed"] = {
        "action": "TRANSFER_WITHOUT_PROMPT",
        "transfer_call_to": "2100",
    }
    path = write_playbook(tmp_path, [{"name": "Plain", MODULE: plain}], name="plain.yml")
    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc == 0 and run.one("Plain")["changed"] is False, run
    assert [entry["method"] for entry in sim.requests()] == ["GET", "GET"]


def test_missing_target_fails_before_any_write_and_warns_in_check_mode(sim, tmp_path):
    targets(sim)
    wanted = main_line()
    wanted["business_hours_menu"]["key_configurations"][0]["auto_attendant"] = "Sales Menu"
    path = write_playbook(
        tmp_path,
        [
            {"name": "Preview", MODULE: wanted, "check_mode": True, "register": "preview"},
            {"name": "Apply", MODULE: wanted},
        ],
    )
    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc != 0
    preview = run.one("Preview")
    assert preview["changed"] is True
    assert any(
        "business_hours_menu.key_configurations (key 1).auto_attendant: 'Sales Menu': no auto attendant "
        "'Sales Menu' in location Headquarters; the real run fails unless it is created first" in warning
        for warning in preview["result"].get("warnings", [])
    ), preview
    failed = run.one("Apply")
    assert failed["status"] == "failed"
    assert failed["result"]["msg"].startswith(
        "business_hours_menu.key_configurations (key 1).auto_attendant: 'Sales Menu': "
        "no auto attendant 'Sales Menu' in location Headquarters"
    ), failed
    assert sim.writes() == []

    # Bad shapes are refused before any request.
    bad = main_line()
    bad["business_hours_menu"]["key_configurations"][0]["value"] = "2100"
    path = write_playbook(tmp_path, [{"name": "Bad", MODULE: bad}], name="bad.yml")
    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc != 0
    assert "give either auto_attendant or value, not both" in run.one("Bad")["result"]["msg"]
    assert sim.requests() == []


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
        treatment={"action": "TRANSFER_WITH_PROMPT", "transferCallTo": "2100"},
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
        "auto_attendant": "Support Menu",
    }

    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@%s" % (tmp_path / "auto_attendants.yml")])
    assert run.rc == 0, run
    assert run.changed == 0 and sim.writes() == []
    assert all(result["changed"] is False for result in run.task("Converge the auto attendants"))


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
    sim.clear_requests()
    run = run_playbook(os.path.join(PLAYBOOKS, "role_auto_attendant.yml"), sim, extra_vars=extra)
    assert run.rc == 0, run
    posts = [entry for entry in sim.writes() if entry["method"] == "POST"]
    assert [entry["body"]["name"] for entry in posts] == ["Support Menu", "Main Line"]
    keys = {key["key"]: key for key in posts[1]["body"]["businessHoursMenu"]["keyConfigurations"]}
    # Support Menu's extension, Reception's ESN, and the attendant's own extension (from its own options, no lookup).
    assert (keys["1"]["value"], keys["2"]["value"], keys["9"]["value"]) == ("2100", "80033000", "2000")
    sim.clear_requests()
    again = run_playbook(os.path.join(PLAYBOOKS, "role_auto_attendant.yml"), sim, extra_vars=extra)
    assert again.rc == 0 and sim.writes() == [], again
    assert all(
        result["changed"] is False for result in again.task("wxc.calling.auto_attendant : Configure auto attendants")
    )


BULK = "wxc.calling.webex_auto_attendants"


def bulk_item(name, extension, keys, location="Headquarters"):
    return {
        "name": name,
        "location": location,
        "extension": extension,
        "business_schedule": SCHEDULE,
        "business_hours_menu": {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": keys},
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": [{"key": "#", "action": "EXIT"}],
        },
    }


def test_bulk_orders_targets_first_and_converges_a_cycle_in_two_passes(sim, tmp_path):
    # Main <-> Support is a cycle; Sales (listed last) is a target of Main and exists before it.
    items = [
        bulk_item(
            "Main Line",
            "2000",
            [
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu"},
                {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Sales Menu"},
                {"key": "#", "action": "EXIT"},
            ],
        ),
        bulk_item(
            "Support Menu", "2100", [{"key": "9", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Main Line"}]
        ),
        bulk_item("Sales Menu", "2200", [{"key": "#", "action": "EXIT"}]),
    ]
    path = write_playbook(tmp_path, [{"name": "Bulk", BULK: {"auto_attendants": items}, "register": "result"}])
    # Check mode: nothing exists yet, the targets are declared by the same task: no warning, every item a creation.
    preview = run_playbook(path, sim, check=True)
    assert preview.rc == 0, preview
    assert sim.writes() == [] and not preview.one("Bulk")["result"].get("warnings")
    assert [entry["action"] for entry in preview.one("Bulk")["result"]["results"]] == ["create", "create", "create"]

    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    writes = [
        (
            entry["method"],
            entry["body"].get("name") if entry["method"] == "POST" else entry["path"].rsplit("/", 1)[-1],
            entry["body"].get("businessHoursMenu", {}).get("keyConfigurations"),
        )
        for entry in sim.writes()
    ]
    methods = [method for method, _name, _keys in writes]
    assert methods == ["POST", "POST", "POST", "PUT"], writes
    posted = {name: keys for method, name, keys in writes if method == "POST"}
    # Pass 1: Sales, and Main without its key to Support (which does not exist yet); pass 2: Support, to Main's
    # extension; pass 3: Main in full.
    assert [name for method, name, _keys in writes if method == "POST"].index("Sales Menu") < [
        name for method, name, _keys in writes if method == "POST"
    ].index("Support Menu")
    assert posted["Main Line"] == [
        {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2200"},
        {"key": "#", "action": "EXIT"},
    ]
    assert posted["Support Menu"] == [{"key": "9", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2000"}]
    assert {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100"} in writes[3][2]
    result = run.one("Bulk")["result"]
    assert [(entry["name"], entry["action"], entry["changed"]) for entry in result["results"]] == [
        ("Main Line", "create", True),
        ("Support Menu", "create", True),
        ("Sales Menu", "create", True),
    ]

    sim.clear_requests()
    again = run_playbook(path, sim)
    assert again.rc == 0 and sim.writes() == [], again
    assert again.one("Bulk")["changed"] is False


def test_bulk_refuses_a_missing_target_before_any_write(sim, tmp_path):
    items = [
        bulk_item("Main Line", "2000", [{"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Nobody"}]),
        bulk_item("Other", "2001", [{"key": "#", "action": "EXIT"}]),
    ]
    path = write_playbook(tmp_path, [{"name": "Bulk", BULK: {"auto_attendants": items}}])
    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc != 0
    message = run.one("Bulk")["result"]["msg"]
    assert (
        "auto_attendants[0] ('Main Line'): business_hours_menu.key_configurations (key 1).auto_attendant: no auto "
        "attendant 'Nobody' in location Headquarters, and the task does not declare it" in message
    ), message
    assert sim.writes() == []
