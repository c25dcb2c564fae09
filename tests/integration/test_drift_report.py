"""playbooks/drift_report.yml: the role in check mode against a vars file, drift.json and drift.md, fail_on_drift."""

import json
import os

from tests.integration.runner import run_playbook
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


def test_changed_field_and_undeclared_attendant_are_drift(sim, tmp_path):
    assert (
        run_playbook(
            "role_auto_attendant.yml", sim, extra_vars={"auto_attendant_list": EXPORT["webex_auto_attendants"]}
        ).rc
        == 0
    )
    sim.seed_auto_attendants("Headquarters", 1, prefix="Stray ")
    changed = json.loads(json.dumps(EXPORT))
    changed["webex_auto_attendants"][1]["extension"] = "2399"
    sim.clear_requests()
    run, drift, markdown = report(sim, tmp_path, changed)
    assert run.rc == 0, run  # fail_on_drift is off by default
    assert sim.writes() == []
    assert drift["drift"] is True
    assert drift["summary"] == {"create": 0, "update": 1, "delete": 0, "nothing": 2, "failed": 0}
    assert [entry["differing_fields"] for entry in drift["auto_attendants"]] == [[], ["extension"], []]
    assert [entry["name"] for entry in drift["undeclared"]] == ["Stray 0001"]
    assert (
        "| Drift 1 | Headquarters | update | extension |" in markdown
        and "| Stray 0001 | Headquarters | 7000 |" in markdown
    )


def test_no_drift_passes_with_fail_on_drift(sim, tmp_path):
    assert (
        run_playbook(
            "role_auto_attendant.yml", sim, extra_vars={"auto_attendant_list": EXPORT["webex_auto_attendants"]}
        ).rc
        == 0
    )
    sim.clear_requests()
    run, drift, markdown = report(sim, tmp_path, EXPORT, fail_on_drift=True)
    assert run.rc == 0, run
    assert sim.writes() == []
    assert drift["drift"] is False and drift["summary"]["nothing"] == 3 and drift["undeclared"] == []
    assert "**No drift.**" in markdown
