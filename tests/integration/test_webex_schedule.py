"""webex_schedule's documented playbook and EXAMPLES, run by real ansible-playbook against the simulator.

What the module sends and when (create, events, rename, delete, in use, check mode, the no-op floor) is proven in this
process by tests/component/test_schedule.py; its check/diff wiring in Ansible by
tests/integration/test_check_mode_matrix.py (every path's prediction: tests/component/test_check_mode.py); its bad
input by tests/integration/test_bad_input.py."""

import ast
import os
import re
import textwrap

import yaml

from tests.integration.runner import run_playbook, write_playbook

ROOT = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir)
DOCS = os.path.join(ROOT, "docs", "docsite", "rst", "schedules.rst")
MODULE_FILE = os.path.join(ROOT, "plugins", "modules", "webex_schedule.py")


def base(sim, location="Headquarters"):
    return "/telephony/config/locations/%s/schedules" % sim.location_id(location)


def stored(sim, name, kind="businessHours", location="Headquarters"):
    """The schedule details read straight from the simulator, or None."""
    items = sim.api("GET", base(sim, location), params={"type": kind, "max": 1000}).json()["schedules"]
    for item in items:
        if item["name"] == name:
            return sim.api("GET", "%s/%s/%s" % (base(sim, location), kind, item["id"])).json()
    return None


def _docs_playbook(tmp_path):
    text = open(DOCS, encoding="utf-8").read()
    block = textwrap.dedent(re.search(r"\.\. code-block:: yaml\n\n((?: +.*\n|\n)+)", text).group(1))
    assert yaml.safe_load(block)[0]["tasks"][0]["wxc.calling.webex_schedule"]
    path = tmp_path / "docs_schedules.yml"
    path.write_text(block, encoding="utf-8")
    return str(path)


def test_docs_playbook_schedules_then_attendant(sim, tmp_path):
    path = _docs_playbook(tmp_path)
    run = run_playbook(path, sim, check=True, diff=True)
    assert run.rc == 0, run
    assert run.changed == 3 and sim.writes() == []
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    assert run.changed == 3
    writes = sim.writes()
    assert [(e["method"], e["path"].rsplit("/", 1)[-1]) for e in writes] == [
        ("POST", "schedules"),
        ("POST", "schedules"),
        ("POST", "autoAttendants"),
    ]
    assert (
        writes[2]["body"]["businessSchedule"] == "Office hours" and writes[2]["body"]["holidaySchedule"] == "Holidays"
    )
    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    assert run.changed == 0 and sim.writes() == []


def test_module_examples_run(sim, tmp_path):
    tree = ast.parse(open(MODULE_FILE, encoding="utf-8").read())
    examples = [
        node.value.value for node in tree.body if isinstance(node, ast.Assign) and node.targets[0].id == "EXAMPLES"
    ][0]
    path = write_playbook(tmp_path, yaml.safe_load(examples))
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    assert run.changed == 6  # two schedules, the two holiday calendars, the rename, the delete
    assert stored(sim, "Office hours (winter)") is not None and stored(sim, "Holidays", "holidays") is None
    company = stored(sim, "Company holidays", "holidays")["events"]
    names = [event["name"] for event in company]  # {next: 2}: this year and next, whichever they are
    assert "Year-end closure" in names and len([name for name in names if name.startswith("Cesar Chavez Day ")]) == 2
    texas = stored(sim, "Texas holidays", "holidays", "Branch Office Austin")["events"]
    assert "Texas Independence Day 2027" in {event["name"] for event in texas}
