"""The holidays option, webex_schedule_info and the role's holidays block through real ansible-playbook, in ONE run:
the holidays guide's playbook as it is (one shared set, two locations, {next: N} as YAML gives it, the stale check),
then what only Ansible shows: the missing package (hidden from the module's Python by the task's environment, not
uninstalled) and the role passing the templated block on, in check mode with diff as task keywords.

The second run that changes nothing, check mode against the module, and every refusal are tested below this layer
(tests/component/test_schedule_holidays.py, tests/unit/plugins/module_utils/_schedule/)."""

import os
import re
import textwrap

import yaml

from tests.integration.runner import run_playbook

ROOT = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir)
GUIDE = os.path.join(ROOT, "docs", "docsite", "rst", "holidays.rst")
SCHEDULES = "/telephony/config/locations/%s/schedules"
GUIDE_TASK = "Holidays of every site, this year and next"
# What Python says when the package is missing; the stand-in package below says the same.
MISSING = "No module named 'holidays'"


def guide_playbook(directory):
    """The guide's first YAML block, as DIRECTORY/guide.yml."""
    with open(GUIDE, encoding="utf-8") as handle:
        text = handle.read()
    block = textwrap.dedent(re.search(r"\.\. code-block:: yaml\n\n((?: +.*\n|\n)+)", text).group(1))
    path = directory / "guide.yml"
    path.write_text(block, encoding="utf-8")
    return path


def hidden_package(directory):
    """A directory that, first on PYTHONPATH, makes `import holidays` fail as a missing package does."""
    package = directory / "hide" / "holidays"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("raise ImportError(%r, name='holidays')\n" % MISSING, encoding="utf-8")
    return str(directory / "hide")


def cases(hide):
    shared = {"country": "US", "years": {"next": 2}, "include": ["Christmas Day", "New Year's Day"]}
    return {
        "name": "What only Ansible shows",
        "hosts": "localhost",
        "gather_facts": False,
        "vars": {"shared_holidays": shared},
        "tasks": [
            {
                "name": "Package missing",
                "wxc.calling.webex_schedule": {
                    "location": "Headquarters Annex",
                    "type": "holidays",
                    "name": "Never",
                    "holidays": shared,
                },
                "environment": {"PYTHONPATH": hide},
                "ignore_errors": True,
            },
            {
                "name": "Shared set through the role, in check mode",
                "check_mode": True,
                "diff": True,
                "block": [
                    {
                        "name": "The role",
                        "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"},
                        "vars": {
                            "auto_attendant_schedules": [
                                {
                                    "location": "Headquarters Annex",
                                    "type": "holidays",
                                    "name": "Role holidays",
                                    "holidays": "{{ shared_holidays | combine({'subdivision': 'CA'}) }}",
                                    "purge_events": True,
                                }
                            ]
                        },
                    }
                ],
            },
        ],
    }


def test_holidays_guide_then_the_cases_in_one_run(sim, tmp_path):
    guide = guide_playbook(tmp_path)
    playbook = tmp_path / "playbook.yml"
    playbook.write_text(
        yaml.safe_dump([{"import_playbook": str(guide)}, cases(hidden_package(tmp_path))], sort_keys=False),
        encoding="utf-8",
    )
    run = run_playbook(str(playbook), sim, timeout=600)
    assert run.rc == 0 and run.stats["localhost"]["ignored"] == 1, run  # the missing package

    # The guide: one shared set, each site with its state; Columbus Day excluded.
    items = run.one(GUIDE_TASK)["result"]["results"]
    assert [item["changed"] for item in items] == [True, True], items
    years = items[0]["holiday_years"]
    assert len(years) == 2 and years[1] == years[0] + 1
    hq = sim.location_id("Headquarters")
    california = {event["name"] for event in items[0]["schedule"]["events"]}
    colorado = {event["name"] for event in items[1]["schedule"]["events"]}
    assert "Cesar Chavez Day %d-03-31" % years[0] in california
    assert "Day After Thanksgiving" in " ".join(california) and "Day After Thanksgiving" not in " ".join(colorado)
    assert not [name for name in california | colorado if name.startswith("Columbus Day")]
    for location in ("Headquarters", "Branch Office Denver"):
        listed = sim.api("GET", SCHEDULES % sim.location_id(location), params={"type": "holidays"}).json()
        assert "Company holidays" in [item["name"] for item in listed["schedules"]], location

    # Its stale check: the schedules it made are kept up (two years ahead); the seeded ones have only 2025 events.
    info = run.one("Find the holiday schedules nobody maintains, in every location")["result"]
    made = [schedule for schedule in info["schedules"] if schedule["name"] == "Company holidays"]
    assert len(made) == 2 and not any(schedule["stale"] for schedule in made)
    assert hq in [schedule["location_id"] for schedule in made]
    stale = info["stale_schedules"]
    assert stale and {item["name"] for item in stale} == {"AUTOATTENDANT-HOLIDAY"}
    assert {item["stale_reason"] for item in stale} == {"its last event ended on 2025-12-26"}
    shown = [item["msg"] for item in run.one("Stale holiday schedules")["result"]["results"]]
    assert "Headquarters / AUTOATTENDANT-HOLIDAY: its last event ended on 2025-12-26" in shown

    # The package hidden from the module's Python: refused before any request, naming the package.
    missing = run.one("Package missing")["result"]
    assert run.one("Package missing")["failed"] and missing["msg"] == (
        "Invalid options: holidays: needs the Python package 'holidays' on the host that runs the module (the "
        "controller, or its execution environment): pip install 'holidays>=0.109,<1' (%s)" % MISSING
    )
    assert not [entry for entry in sim.requests() if "Never" in str(entry.get("body")) + str(entry.get("query"))]

    # The role passes the block (templated, the state combined in) and purge_events; check mode writes nothing.
    site = run.one("wxc.calling.auto_attendant : Converge the site as one plan")["result"]
    (role,) = [entry for entry in site["objects"] if entry["kind"] == "schedules"]
    assert role["changed"] and role["action"] == "create" and role["holiday_years"] == years
    assert role["schedule"]["id"] is None
    (diff,) = [entry for entry in site["diff"] if "Role holidays" in entry["after_header"]]
    added = [event["name"] for event in diff["after"]["events"]]
    assert "Christmas Day %d-12-25" % years[0] in added and len(added) >= 4
    assert all(name.startswith(("Christmas Day", "New Year's Day")) for name in added), added
    assert not [entry for entry in sim.writes() if "Role holidays" in str(entry.get("body"))]
    annex = sim.api("GET", SCHEDULES % sim.location_id("Headquarters Annex"), params={"type": "holidays"}).json()
    assert "Role holidays" not in [item["name"] for item in annex["schedules"]]
