"""References between attendants by name: webex_auto_attendant and webex_auto_attendants resolve them.

Each task is the module's work computed in this process (helpers.task_result) against the simulator over HTTP;
assertions on what the simulator received. tests/integration/test_references.py keeps what only Ansible shows: the
export playbook writing references by name and the apply playbook re-applying them, and the role's departments.
"""

from tests.builders import AA_BULK_MODULE as BULK
from tests.builders import AA_MODULE as MODULE
from tests.component.helpers import task_result

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


def ok(result, changed):
    assert (result["failed"], result["changed"]) == (False, changed), result


def test_references_resolve_to_extension_esn_and_number(sim, client):
    targets(sim)
    sim.clear_requests()
    ok(task_result(client, MODULE, main_line()), True)
    ok(task_result(client, MODULE, main_line()), False)
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
        "greeting": "DEFAULT",  # the 2026 document requires one
    }

    # A no-op by location id: the list and the details, plus one lookup per distinct target (3 here).
    by_id = main_line(location=sim.location_id("Headquarters"))
    sim.clear_requests()
    ok(task_result(client, MODULE, by_id), False)
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
    sim.clear_requests()
    ok(task_result(client, MODULE, plain), False)
    assert [entry["method"] for entry in sim.requests()] == ["GET", "GET"]


def test_missing_target_fails_before_any_write_and_warns_in_check_mode(sim, client):
    targets(sim)
    wanted = main_line()
    wanted["business_hours_menu"]["key_configurations"][0]["auto_attendant"] = "Sales Menu"
    sim.clear_requests()
    preview = task_result(client, MODULE, wanted, check_mode=True)
    ok(preview, True)
    assert any(
        "business_hours_menu.key_configurations (key 1).auto_attendant: 'Sales Menu': no auto attendant "
        "'Sales Menu' in location Headquarters; the real run fails unless it is created first" in warning
        for warning in preview.get("warnings", [])
    ), preview
    failed = task_result(client, MODULE, wanted)
    assert failed["failed"], failed
    assert failed["msg"].startswith(
        "business_hours_menu.key_configurations (key 1).auto_attendant: 'Sales Menu': "
        "no auto attendant 'Sales Menu' in location Headquarters"
    ), failed
    assert sim.writes() == []

    # Bad shapes are refused before any request.
    bad = main_line()
    bad["business_hours_menu"]["key_configurations"][0]["value"] = "2100"
    sim.clear_requests()
    result = task_result(client, MODULE, bad)
    assert result["failed"] and "give either auto_attendant or value, not both" in result["msg"], result
    assert sim.requests() == []


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


def test_bulk_orders_targets_first_and_converges_a_cycle_in_two_passes(sim, client):
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
    # Check mode: nothing exists yet, the targets are declared by the same task: no warning, every item a creation.
    preview = task_result(client, BULK, {"auto_attendants": items}, check_mode=True)
    assert not preview["failed"], preview
    assert sim.writes() == [] and not preview.get("warnings")
    assert [entry["action"] for entry in preview["results"]] == ["create", "create", "create"]

    sim.clear_requests()
    result = task_result(client, BULK, {"auto_attendants": items})
    assert not result["failed"], result
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
    order = [name for method, name, _keys in writes if method == "POST"]
    assert order.index("Sales Menu") < order.index("Support Menu")
    assert posted["Main Line"] == [
        {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2200"},
        {"key": "#", "action": "EXIT"},
    ]
    assert posted["Support Menu"] == [{"key": "9", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2000"}]
    assert {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100"} in writes[3][2]
    assert [(entry["name"], entry["action"], entry["changed"]) for entry in result["results"]] == [
        ("Main Line", "create", True),
        ("Support Menu", "create", True),
        ("Sales Menu", "create", True),
    ]

    sim.clear_requests()
    again = task_result(client, BULK, {"auto_attendants": items})
    assert (again["failed"], again["changed"]) == (False, False) and sim.writes() == [], again


def test_bulk_fails_the_item_whose_target_is_missing_before_its_write(sim, client):
    """Through the whole module: the task fails naming the item and its key; only the other item is written."""
    items = [
        bulk_item("Main Line", "2000", [{"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Nobody"}]),
        bulk_item("Other", "2001", [{"key": "#", "action": "EXIT"}]),
    ]
    sim.clear_requests()
    result = task_result(client, BULK, {"auto_attendants": items})
    assert result["failed"] and result["changed"] is True, result
    assert result["msg"] == (
        "1 of 2 auto attendants failed (the others converged): Main Line in Headquarters: "
        "business_hours_menu.key_configurations (key 1).auto_attendant: 'Nobody': no auto attendant 'Nobody' in "
        "location Headquarters"
    )
    assert [(entry["method"], entry["body"]["name"]) for entry in sim.writes()] == [("POST", "Other")]
