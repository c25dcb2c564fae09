"""webex_site through real ansible-playbook: what only Ansible shows (task-level check mode and diff, module_defaults,
the refusal of bad input before any request, the failure listing), and the shipped plan/apply playbooks end to end.

What the engine plans and writes is proved in process (tests/component/test_site.py, test_site_saved_plans.py).
"""

import json
import os

import yaml

from tests.builders import HQ, aa_options, key, menu
from tests.integration.runner import run_playbook, write_playbook

SITE = "wxc.calling.webex_site"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
PLAN_SITE = os.path.join(ROOT, "playbooks", "plan_site.yml")
APPLY_PLAN = os.path.join(ROOT, "playbooks", "apply_plan.yml")


def declaration():
    return {
        "schedules": [{"location": HQ, "type": "business_hours", "name": "Site hours"}],
        "auto_attendants": [
            aa_options("Site main", "2300", business_schedule="Site hours",
                       business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant="Site desk"))),
            aa_options("Site desk", "2301", business_schedule="Site hours"),
        ],
        "forwarding": [{"location": HQ, "auto_attendant": "Site main", "always": {"enabled": True, "destination": "2301"}}],
    }  # fmt: skip


def test_check_apply_check_in_one_playbook_with_module_defaults(sim, tmp_path):
    tasks = [
        {"name": "Refused", SITE: {"auto_attendants": [aa_options("Twice", "2390"), aa_options("Twice", "2391")]},
         "ignore_errors": True},
        {"name": "Plan", SITE: declaration(), "check_mode": True, "diff": True},
        {"name": "Apply", SITE: declaration(), "diff": True},
        {"name": "Again", SITE: declaration(), "check_mode": True},
    ]  # fmt: skip
    path = write_playbook(tmp_path, tasks)
    with open(path, encoding="utf-8") as handle:
        play = yaml.safe_load(handle)
    play[0]["module_defaults"] = {"group/wxc.calling.webex": {"access_token": sim.token, "api_url": sim.url}}
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(play, handle, sort_keys=False)
    # Only module_defaults can point the module at the simulator.
    run = run_playbook(path, sim, env={"WEBEX_ACCESS_TOKEN": "not-the-token", "WEBEX_API_URL": "http://127.0.0.1:9/v1"})
    assert run.rc == 0, run
    refused = run.one("Refused")
    assert refused["failed"] and refused["result"]["msg"] == (
        "Invalid options: auto_attendants[1] ('Twice'): declared twice in location 'Headquarters' (also "
        "auto_attendants[0]); declare each auto attendant once"
    )
    plan, apply, again = (run.one(name)["result"] for name in ("Plan", "Apply", "Again"))
    assert plan["changed"] and [(o["name"], o["action"], o["order"]) for o in plan["objects"]] == [
        ("Site hours", "create", 1),
        ("Site main", "create", 3),
        ("Site desk", "create", 2),
        ("Site main", "update", 4),
    ]
    assert len(plan["diff"]) == 4 and plan["plan"]["risk"] == "routing"
    assert [(o["name"], o["action"], o["order"]) for o in apply["objects"]] == [
        (o["name"], o["action"], o["order"]) for o in plan["objects"]
    ]
    assert apply["changed"] and apply["summary"]["total"]["created"] == 3 and "plan" not in apply
    assert not again["changed"] and again["summary"]["total"]["unchanged"] == 4
    assert [entry["method"] for entry in sim.writes()] == ["POST", "POST", "POST", "PUT"]


def test_plan_review_apply_and_a_stale_plan(sim, tmp_path):
    """The documented three steps: plan_site writes plan.json and plan.md; apply_plan applies exactly that; a plan
    whose object moved in between is refused with nothing written."""
    vars_file = tmp_path / "site.yml"
    vars_file.write_text(yaml.safe_dump({"webex_site": declaration()}))
    planned = run_playbook(
        PLAN_SITE,
        sim,
        extra_args=["-e", "@%s" % vars_file, "-e", "site_vars_file=%s" % vars_file, "-e", "plan_dir=%s" % tmp_path],
    )
    assert planned.rc == 0, planned
    plan = json.loads((tmp_path / "plan.json").read_text())
    review = (tmp_path / "plan.md").read_text()
    assert plan["risk"] == "routing" and [action["name"] for action in plan["actions"]] == [
        "Site hours",
        "Site desk",
        "Site main",
        "Site main",
    ]
    assert review.startswith("# Plan of a Webex Calling site\n\n**Risk: routing.** 4 action(s)")
    assert "| 3 | auto attendants Site main | create | business\\_hours\\_menu |" in review
    assert sim.writes() == []
    applied = run_playbook(
        APPLY_PLAN,
        sim,
        extra_args=[
            "-e",
            "@%s" % vars_file,
            "-e",
            "site_vars_file=%s" % vars_file,
            "-e",
            "plan_file=%s" % (tmp_path / "plan.json"),
        ],
    )
    assert applied.rc == 0, applied
    assert applied.one("Apply the plan")["result"]["summary"]["total"]["created"] == 3
    # A new plan, then someone changes an object it touches: the apply writes nothing.
    changed = declaration()
    changed["auto_attendants"][1]["name_dialing"] = "GROUP"
    vars_file.write_text(yaml.safe_dump({"webex_site": changed}))
    run_playbook(PLAN_SITE, sim, extra_args=["-e", "@%s" % vars_file, "-e", "plan_dir=%s" % tmp_path])
    desk = [
        item
        for item in sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"]
        if item["name"] == "Site desk"
    ][0]
    sim.api(
        "PUT",
        "/telephony/config/locations/%s/autoAttendants/%s" % (desk["locationId"], desk["id"]),
        json={"extensionDialing": "GROUP"},
    )
    sim.clear_requests()
    stale = run_playbook(
        APPLY_PLAN,
        sim,
        extra_args=["-e", "@%s" % vars_file, "-e", "plan_file=%s" % (tmp_path / "plan.json")],
    )
    assert stale.rc == 2
    assert "stale plan: auto_attendants 'Site desk' (Headquarters) changed since the plan was made" in stale.stdout
    assert sim.writes() == []
