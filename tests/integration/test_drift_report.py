"""playbooks/drift_report.yml: the role in check mode against a vars file, drift.json and drift.md, fail_on_drift."""

import json
import os

import yaml

from tests.integration.runner import run_playbook
from tests.integration.scenario import create_attendant
from tests.simulator.harness import ROOT

DRIFT_REPORT = os.path.join(ROOT, "playbooks", "drift_report.yml")
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
# An export-shaped vars file: webex_auto_attendant options under webex_auto_attendants.
EXPORT = {
    "webex_auto_attendants": [
        {
            "name": "Drift %d" % number,
            "location": "Headquarters",
            "extension": str(2300 + number),
            "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "business_hours_menu": MENU,
            "after_hours_menu": MENU,
        }
        for number in range(3)
    ]
}


def report(sim, tmp_path, variables, **extra):
    run = run_playbook(DRIFT_REPORT, sim, extra_vars=dict(variables, drift_report_dir=str(tmp_path), **extra))
    with open(tmp_path / "drift.json", encoding="utf-8") as handle:
        drift = json.load(handle)
    return run, drift, (tmp_path / "drift.md").read_text(encoding="utf-8")


def test_drift_found_is_reported_without_any_write_and_fails_when_asked(sim, tmp_path):
    run, drift, markdown = report(sim, tmp_path, EXPORT, fail_on_drift=True)
    assert run.rc != 0, run
    assert "Drift found: 3 to create" in run.stdout
    assert sim.writes() == []
    assert drift["drift"] is True and drift["summary"]["create"] == 3
    assert [(entry["name"], entry["action"]) for entry in drift["auto_attendants"]] == [
        ("Drift 0", "create"),
        ("Drift 1", "create"),
        ("Drift 2", "create"),
    ]
    assert drift["auto_attendants"][0]["differing_fields"][:2] == ["name", "extension"]
    assert "**Drift found.** 0 to create" not in markdown and "| Drift 1 | Headquarters | create |" in markdown


def write_plays(directory, plays):
    path = os.path.join(str(directory), "drift_twice.yml")
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(plays, handle, sort_keys=False)
    return path


def read_report(directory):
    with open(directory / "drift.json", encoding="utf-8") as handle:
        drift = json.load(handle)
    return drift, (directory / "drift.md").read_text(encoding="utf-8")


def test_no_drift_passes_with_fail_on_drift_then_a_changed_field_and_an_undeclared_attendant_are_drift(sim, tmp_path):
    """Two reports in one playbook: the attendants of the vars file exist as declared (no drift, fail_on_drift passes);
    then, with an attendant made behind the role's back and one extension changed in the vars file, drift."""
    for entry in EXPORT["webex_auto_attendants"]:
        create_attendant(sim, entry["name"], entry["extension"])
    changed = json.loads(json.dumps(EXPORT))
    changed["webex_auto_attendants"][1]["extension"] = "2399"
    same, different = tmp_path / "same", tmp_path / "different"
    same.mkdir()
    different.mkdir()
    plays = [
        {"import_playbook": DRIFT_REPORT, "vars": dict(EXPORT, drift_report_dir=str(same), fail_on_drift=True)},
        {
            "name": "An attendant made behind the role's back (the simulator's control API)",
            "hosts": "localhost",
            "gather_facts": False,
            "tasks": [
                {
                    "name": "Seed Stray 0001",
                    "ansible.builtin.uri": {
                        "url": sim.base_url + "/_sim/seed_auto_attendants",
                        "method": "POST",
                        "body_format": "json",
                        "body": {"location": "Headquarters", "count": 1, "prefix": "Stray "},
                        "status_code": 201,
                    },
                }
            ],
        },
        {"import_playbook": DRIFT_REPORT, "vars": dict(changed, drift_report_dir=str(different))},
    ]
    sim.clear_requests()
    run = run_playbook(write_plays(tmp_path, plays), sim)
    assert run.rc == 0, run  # no drift with fail_on_drift; then drift, with fail_on_drift off (the default)
    assert sim.writes() == []

    drift, markdown = read_report(same)
    assert drift["drift"] is False and drift["summary"]["nothing"] == 3 and drift["undeclared"] == []
    assert "**No drift.**" in markdown

    drift, markdown = read_report(different)
    assert drift["drift"] is True
    assert drift["summary"] == {"create": 0, "update": 1, "delete": 0, "nothing": 2, "failed": 0}
    assert [entry["differing_fields"] for entry in drift["auto_attendants"]] == [[], ["extension"], []]
    assert [entry["name"] for entry in drift["undeclared"]] == ["Stray 0001"]
    assert (
        "| Drift 1 | Headquarters | update | extension |" in markdown
        and "| Stray 0001 | Headquarters | 7000 |" in markdown
    )
