"""The export and apply playbooks (webex_auto_attendant_info, the template, webex_auto_attendant, the role), run by
real ansible-playbook against the simulator: what only the shipped playbooks can show. The info module's own work
(what it reads, sorts, filters and exports) is proven in this process by tests/component/test_export.py."""

import os

import yaml

from tests.ansible_yaml import load as ansible_load
from tests.builders import HQ, aa_body, every_feature_attendants
from tests.integration.runner import run_playbook

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")


def create(sim, location, body):
    """Create an auto attendant straight through the API (not through the module); return its id."""
    response = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % sim.location_id(location), json=body)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def create_all(sim):
    """The three attendants that use every feature; return {name: (location, id)}."""
    return {body["name"]: (location, create(sim, location, body)) for location, body in every_feature_attendants()}


def only_reads(sim):
    entries = sim.requests()
    return bool(entries) and all(entry["method"] == "GET" for entry in entries)


def export(sim, target, extra_vars=None, check=False, diff=False):
    return run_playbook(
        EXPORT_PLAYBOOK, sim, extra_vars=dict({"export_file": target}, **(extra_vars or {})), check=check, diff=diff
    )


def attendants(result):
    """The auto attendant objects of a webex_site result, in the order the vars file declares them."""
    return [obj for obj in result["objects"] if obj["kind"] == "auto_attendants"]


def apply(sim, path, check=False):
    """Apply the vars file with the apply playbook (one webex_site task); return the run and its attendant objects."""
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + path], check=check)
    assert run.rc == 0, run
    return run, attendants(run.one("Converge the auto attendants and their call forwarding")["result"])


def write_yaml(path, data):
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, sort_keys=False)
    return path


def test_export_then_apply_changes_nothing_then_recreates_a_deleted_one(sim, tmp_path):
    created = create_all(sim)
    path = os.path.join(str(tmp_path), "auto_attendants.yml")
    # Check mode: the file is not written, the diff shows what would be.
    sim.clear_requests()
    run = export(sim, path, check=True, diff=True)
    assert run.rc == 0, run
    assert not os.path.exists(path) and run.one("Write the vars file")["changed"] is True
    assert "webex_auto_attendants:" in run.stdout
    run = export(sim, path)
    assert run.rc == 0, run
    assert run.one("Write the vars file")["changed"] is True
    assert only_reads(sim)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    exported = ansible_load(text)["webex_auto_attendants"]
    assert [(a["location"], a["name"]) for a in exported] == [
        ("Branch Office Austin", "Recepción"),
        ("Branch Office Denver", "Reception"),
        ("Headquarters", "Main Line"),
    ]
    # Strings stay strings, whatever reads the file.
    for line in (
        'extension: "0028"',
        'key: "0"',
        'key: "*"',
        'key: !unsafe "#"',
        'value: "0029"',
        'value: "1000"',
        'phone_number: "+19705550020"',
        "no_input_timer: 20",
    ):
        assert line in text, (line, text)
    main = exported[2]
    for read_only in ("id", "enabled", "esn", "routing_prefix", "toll_free_number", "language", "location_id"):
        assert read_only not in main
    assert main["business_hours_menu"]["key_configurations"][0] == {
        "key": "0",
        "action": "TRANSFER_TO_OPERATOR",
        "description": "Operator",
    }
    assert [k["key"] for k in main["business_hours_menu"]["key_configurations"]] == [
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "9",
        "*",
        "#",
    ]
    assert "file_size" not in main["business_hours_menu"]["audio_announcement_file"]

    sim.clear_requests()
    run, results = apply(sim, path)
    assert [(r["name"], r["action"], r["changed"]) for r in results] == [
        ("Recepción", "nothing", False),
        ("Reception", "nothing", False),
        ("Main Line", "nothing", False),
    ], run
    assert run.changed == 0 and sim.writes() == []

    # As a user would: the export is a vars file, its strings tagged !unsafe, handed to the role as it is.
    playbook = write_yaml(
        str(tmp_path / "role_raw.yml"),
        [
            {
                "name": "Apply the export through the role",
                "hosts": "localhost",
                "gather_facts": False,
                "vars_files": [path],
                "tasks": [
                    {
                        "name": "Apply the export through the role",
                        "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"},
                        "vars": {"auto_attendant_list": "{{ webex_auto_attendants }}"},
                    }
                ],
            }
        ],
    )
    run = run_playbook(playbook, sim)
    assert run.rc == 0, run
    result = run.one("wxc.calling.auto_attendant : Converge the site as one plan")["result"]
    assert [(r["name"], r["changed"]) for r in attendants(result)] == [
        ("Recepción", False),
        ("Reception", False),
        ("Main Line", False),
    ]
    assert result["changed"] is False
    assert sim.writes() == []

    # Check mode before the second apply predicts the creation, without writing.
    location, deleted_id = created["Reception"]
    response = sim.api(
        "DELETE", "/telephony/config/locations/%s/autoAttendants/%s" % (sim.location_id(location), deleted_id)
    )
    assert response.status_code == 204
    sim.clear_requests()
    run, results = apply(sim, path, check=True)
    assert [(r["action"], r["changed"]) for r in results] == [("nothing", False), ("create", True), ("nothing", False)]
    assert sim.writes() == []
    run, results = apply(sim, path)
    assert [(r["action"], r["changed"]) for r in results] == [("nothing", False), ("create", True), ("nothing", False)]
    writes = sim.writes()
    assert [(w["method"], w["status"], w["body"]["name"]) for w in writes] == [("POST", 201, "Reception")]
    assert writes[0]["path"].endswith("/locations/%s/autoAttendants" % sim.location_id(location))
    # The recreated attendant exports exactly as before: the file would not change.
    run = export(sim, path, check=True)
    assert run.rc == 0, run
    assert run.one("Write the vars file")["changed"] is False
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == text


def test_export_by_collection_name_with_location_ids_applies_with_no_change(sim, tmp_path):
    create_all(sim)
    create(sim, HQ, aa_body("Reception", "2100"))
    headquarters = sim.location_id(HQ)
    target = os.path.join(str(tmp_path), "by-name.yml")
    wrapper = write_yaml(
        os.path.join(str(tmp_path), "wrapper.yml"),
        [{"name": "Export", "ansible.builtin.import_playbook": "wxc.calling.export_auto_attendants"}],
    )
    run = run_playbook(
        wrapper, sim, extra_vars={"export_file": target, "export_location_form": "id", "export_location": HQ}
    )
    assert run.rc == 0, run
    with open(target, encoding="utf-8") as handle:
        exported = ansible_load(handle)
    assert [(a["location"], a["name"]) for a in exported["webex_auto_attendants"]] == [
        (headquarters, "Main Line"),
        (headquarters, "Reception"),
    ]
    assert exported["webex_auto_attendants"][1] == {
        "location": headquarters,
        "name": "Reception",
        "extension": "2100",
        "alternate_numbers": [],
        "language_code": "en_us",
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "extension_dialing": "ENTERPRISE",
        "name_dialing": "ENTERPRISE",
        "time_zone": "America/Los_Angeles",
        "direct_line_caller_id_name": {"selection": "DISPLAY_NAME"},
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
    assert exported["webex_auto_attendant_forwarding"] == []
    sim.clear_requests()
    run, results = apply(sim, target)
    assert [(r["location_id"], r["name"], r["changed"]) for r in results] == [
        (headquarters, "Main Line", False),
        (headquarters, "Reception", False),
    ]
    assert run.changed == 0 and sim.writes() == []
