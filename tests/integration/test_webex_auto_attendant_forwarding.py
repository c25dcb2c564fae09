"""webex_auto_attendant_forwarding run by real ansible-playbook against the simulator: what only Ansible shows (the
result, check mode and diff wiring, warnings), the documented playbook, the module's EXAMPLES, the export/apply
playbooks and the role. What the module sends and when (settings, rules, renames, purges, pre-flight, faults) is
proven in this process by tests/component/test_forwarding.py; its bad input by tests/integration/test_bad_input.py."""

import json
import os
import re
import textwrap

import yaml

from tests.ansible_yaml import load as ansible_load
from tests.builders import BUSINESS, FORWARDING_MODULE, HQ
from tests.integration.runner import run_playbook, write_playbook
from tests.integration.scenario import create_attendant, play, task

ROOT = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir)
DOCS = os.path.join(ROOT, "docs", "docsite", "rst", "forwarding.rst")
MODULE_FILE = os.path.join(ROOT, "plugins", "modules", "webex_auto_attendant_forwarding.py")
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")
ATTENDANT = "Main Line AA - Test"
TARGET = {"location": HQ, "auto_attendant": ATTENDANT}
VIP = {
    "name": "VIP",
    "enabled": True,
    "business_schedule": BUSINESS,
    "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+19705550006"},
    "calls_from": {
        "selection": "CUSTOM",
        "custom_numbers": {"private_number_enabled": True, "numbers": ["+14155550123", "4554"]},
    },
    "calls_to": {"numbers": [{"type": "PRIMARY", "phone_number": "+19705550026"}]},
}
ROLE_SITE = "wxc.calling.auto_attendant : Converge the site as one plan"
APPLY_SITE = "Converge the auto attendants and their call forwarding"


def of_kind(entry, kind):
    """The objects of KIND in one result of a webex_site task (the role's, the apply playbook's)."""
    return [obj for obj in entry["result"]["objects"] if obj["kind"] == kind]


def add_attendant(sim, name=ATTENDANT, extension="2100", phone_number="+19705550026"):
    """Create the attendant through the API (not the module); return its callForwarding path."""
    auto_attendant_id = create_attendant(sim, name, extension, phoneNumber=phone_number)
    sim.clear_requests()
    return "/telephony/config/locations/%s/autoAttendants/%s/callForwarding" % (
        sim.location_id(HQ),
        auto_attendant_id,
    )


def stored(sim, path):
    """The forwarding settings read straight from the simulator."""
    return sim.api("GET", path).json()["callForwarding"]


def stored_rule(sim, path, name):
    for summary in stored(sim, path)["rules"]:
        if summary["name"] == name:
            return sim.api("GET", path + "/selectiveRules/" + summary["id"]).json()
    return None


def writes(sim):
    """(method, what, status) of every write: settings or rule."""
    return [
        (entry["method"], "rule" if "/selectiveRules" in entry["path"] else "settings", entry["status"])
        for entry in sim.writes()
    ]


def test_check_apply_check_apply_and_purge_in_one_playbook(sim, tmp_path):
    path = add_attendant(sim)
    old = {"name": "Old rule", "forwardTo": {"selection": "DO_NOT_FORWARD"}, "callsFrom": {"selection": "ANY"}}
    assert sim.api("POST", path + "/selectiveRules", json=old).status_code == 201
    sim.clear_requests()
    args = dict(TARGET, always={"enabled": True, "destination": "+1-970-555-0006", "ring_reminder_enabled": True})
    args["rules"] = [VIP]
    purge = dict(TARGET, rules=[VIP], purge_rules=True)
    missing = dict(TARGET, auto_attendant="Created later", rules=[dict(VIP, business_schedule="Created later")])
    run = play(
        sim,
        tmp_path,
        [
            task("Missing, check", FORWARDING_MODULE, missing, check_mode=True),
            task("Check", FORWARDING_MODULE, args, check_mode=True, diff=True),
            task("Apply", FORWARDING_MODULE, args, diff=True),
            task("Check again", FORWARDING_MODULE, args, check_mode=True, diff=True),
            task("Apply again", FORWARDING_MODULE, args),
            task("Purge, check", FORWARDING_MODULE, purge, check_mode=True, diff=True),
            task("Purge", FORWARDING_MODULE, purge),
        ],
    )
    assert run.rc == 0, run
    results = {entry["task"]: entry for entry in run.results}
    # Check mode warns of what the real run would need, and predicts.
    missing_result = results["Missing, check"]["result"]
    assert results["Missing, check"]["changed"] is True
    warnings = " ".join(missing_result.get("warnings", []))
    assert "rules[0].business_schedule" in warnings and "Created later" in warnings and "auto_attendant" in warnings
    predicted = results["Check"]["result"]
    assert results["Check"]["changed"] is True and predicted["rules"][0]["id"] is None
    assert predicted["forwarding"]["always"]["enabled"] is True
    # The real run: changed, read back in snake_case, the diff as predicted.
    applied = results["Apply"]["result"]
    assert results["Apply"]["changed"] is True and applied["diff"] == predicted["diff"]
    assert applied["diff"]["before"]["always"]["enabled"] is False and applied["diff"]["after"]["always"]["enabled"]
    assert applied["forwarding"]["always"]["destination"] == "+19705550006"
    assert applied["forwarding"]["always"]["ring_reminder_enabled"] is True
    assert applied["rules"][0]["id"] == stored_rule(sim, path, "VIP")["id"]
    assert applied["auto_attendant_id"] and applied["location_id"] == sim.location_id(HQ)
    # Again: nothing to do, in check mode and for real; no diff asked, none given.
    assert results["Check again"]["changed"] is False and results["Apply again"]["changed"] is False
    assert "diff" not in results["Apply again"]["result"]
    # Without purge the rule left out stays; with it, check mode predicts the delete, the real run makes it.
    assert results["Purge, check"]["changed"] is True
    before = results["Purge, check"]["result"]["diff"]["before"]["rules"]
    assert sorted(rule["name"] for rule in before) == ["Old rule", "VIP"]
    assert results["Purge"]["changed"] is True
    assert [rule["name"] for rule in results["Purge"]["result"]["forwarding"]["rules"]] == ["VIP"]
    # Only the real runs wrote: the rule, the wrapped settings, the delete.
    assert writes(sim) == [("POST", "rule", 201), ("PUT", "settings", 204), ("DELETE", "rule", 204)]
    assert sim.writes()[1]["body"] == {
        "callForwarding": {"always": {"enabled": True, "destination": "+19705550006", "ringReminderEnabled": True}}
    }
    assert [rule["name"] for rule in stored(sim, path)["rules"]] == ["VIP"]


def _docs_playbook(tmp_path):
    text = open(DOCS, encoding="utf-8").read()
    block = textwrap.dedent(re.search(r"\.\. code-block:: yaml\n\n((?: +.*\n|\n)+)", text).group(1))
    assert yaml.safe_load(block)[0]["tasks"]
    path = tmp_path / "docs_forwarding.yml"
    path.write_text(block, encoding="utf-8")
    return str(path)


def test_docs_office_closed_playbook(sim, tmp_path):
    forwarding = add_attendant(sim, name="Reception")
    path = _docs_playbook(tmp_path)
    run = run_playbook(path, sim, check=True, diff=True)
    assert run.rc == 0, run
    assert run.changed >= 1 and sim.writes() == []
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    assert run.changed >= 1
    assert stored(sim, forwarding)["always"]["enabled"] is True
    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc == 0 and run.changed == 0, run
    assert sim.writes() == []


def test_module_examples_run(sim, tmp_path):
    forwarding = add_attendant(sim)
    text = open(MODULE_FILE, encoding="utf-8").read()
    tasks = yaml.safe_load(re.search(r'EXAMPLES = r"""\n(.*?)"""', text, re.S).group(1))
    run = run_playbook(write_playbook(tmp_path, tasks), sim)
    assert run.rc == 0, run
    assert [rule["name"] for rule in stored(sim, forwarding)["rules"]] == ["Public holidays"]
    # The operating modes example, by name, wired through ansible-playbook (switch_mode: already normal operation).
    modes = stored(sim, forwarding)["operatingModes"]
    assert modes["enabled"] is True and [mode["name"] for mode in modes["modes"]] == ["Day", "Outage"]
    assert modes["modes"][1]["forwardTo"]["destination"] == "+19705550007"
    assert modes["exceptionType"] == "AUTOMATIC_SWITCH_BACK_STANDARD"


def test_export_then_apply_changes_nothing_forwarding_included(sim, tmp_path):
    forwarding = add_attendant(sim)
    add_attendant(sim, name="Untouched", extension="2101", phone_number="+19705550027")
    settings = {
        "callForwarding": {
            "always": {"enabled": True, "destination": "+19705550006"},
            "selective": {"enabled": True},
        }
    }
    assert sim.api("PUT", forwarding, json=settings).status_code == 204
    vip = {
        "name": "VIP",
        "enabled": True,
        "businessSchedule": BUSINESS,
        "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"},
        "callsFrom": {
            "selection": "CUSTOM",
            "customNumbers": {
                "privateNumberEnabled": True,
                "unavailableNumberEnabled": False,
                "numbers": ["+14155550123", "4554"],
            },
        },
        "callsTo": {"numbers": [{"type": "PRIMARY", "phoneNumber": "+19705550026"}]},
    }
    every = {"name": "All", "forwardTo": {"selection": "DO_NOT_FORWARD"}, "callsFrom": {"selection": "ANY"}}
    for rule in (vip, every):
        assert sim.api("POST", forwarding + "/selectiveRules", json=rule).status_code == 201
    # The service's own read-back form of a destination, as Control Hub may have left it.
    body = {"callForwarding": {"always": {"destination": "+1-9705550006"}}}
    assert sim.api("PUT", forwarding, json=body).status_code == 204
    target = os.path.join(str(tmp_path), "auto_attendants.yml")
    sim.clear_requests()
    run = run_playbook(EXPORT_PLAYBOOK, sim, extra_vars={"export_file": target})
    assert run.rc == 0, run
    assert all(entry["method"] == "GET" for entry in sim.requests())
    with open(target, encoding="utf-8") as handle:
        text = handle.read()
    exported = ansible_load(text)
    exported_forwarding = exported["webex_auto_attendant_forwarding"]
    assert [(item["location"], item["auto_attendant"]) for item in exported_forwarding] == [(HQ, ATTENDANT)]
    assert exported_forwarding[0]["always"]["destination"] == "+1-9705550006"
    assert 'destination: "+1-9705550006"' in text
    assert [rule["name"] for rule in exported_forwarding[0]["rules"]] == ["VIP", "All"]
    assert exported_forwarding[0]["rules"][0]["calls_to"] == {
        "numbers": [{"type": "PRIMARY", "phone_number": "9705550026"}]
    }
    assert "purge_rules" not in exported_forwarding[0]

    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target])
    assert run.rc == 0, run
    applied = run.one(APPLY_SITE)
    assert [(r["name"], r["action"], r["changed"]) for r in of_kind(applied, "forwarding")] == [
        (ATTENDANT, "nothing", False)
    ]
    assert [(r["name"], r["action"], r["changed"]) for r in of_kind(applied, "auto_attendants")] == [
        (ATTENDANT, "nothing", False),
        ("Untouched", "nothing", False),
    ]
    assert applied["changed"] is False and sim.writes() == []

    # Edited in the file, applied: one rule PUT, nothing else.
    exported_forwarding[0]["rules"][0]["enabled"] = False
    with open(target, "w", encoding="utf-8") as handle:
        yaml.safe_dump(json.loads(json.dumps(exported)), handle)  # plain types again (the loader tags strings)
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target])
    assert run.rc == 0, run
    assert writes(sim) == [("PUT", "rule", 201)] and stored_rule(sim, forwarding, "VIP")["enabled"] is False


def test_role_forwarding_per_site_and_in_the_defaults(sim, tmp_path):
    role_vars = {
        "auto_attendant_defaults": {
            "business_schedule": BUSINESS,
            # Every site forwards to the same on-call phone when it closes; each site says whether it is closed.
            "forwarding": {"always": {"destination": "+19705550006", "ring_reminder_enabled": True}},
        },
        "auto_attendant_list": [
            {
                "name": "Reception",
                "location": HQ,
                "extension": "2100",
                "forwarding": {"always": {"enabled": True}, "rules": [VIP]},
            },
            {"name": "Annex", "location": HQ, "extension": "2101", "forwarding": {"always": {"enabled": False}}},
            {"name": "No forwarding", "location": HQ, "extension": "2102", "forwarding": None},
        ],
    }
    role = {"name": "wxc.calling.auto_attendant"}
    # Check mode first (the attendants do not exist yet: forwarding warns and predicts), then twice for real.
    run = play(
        sim,
        tmp_path,
        [
            {
                "name": "Role, check",
                "ansible.builtin.include_role": dict(role, apply={"check_mode": True}),
                "vars": role_vars,
            },
            {"name": "Role", "ansible.builtin.include_role": role, "vars": role_vars},
            {"name": "Role again", "ansible.builtin.include_role": role, "vars": role_vars},
        ],
    )
    assert run.rc == 0, run
    checked, applied, again = run.task(ROLE_SITE)
    # Forwarding of the two sites that declare it (a site whose forwarding is null has none, the defaults' aside);
    # in check mode planned against the attendants the same run creates, and ordered after them.
    assert [r["name"] for r in of_kind(checked, "forwarding")] == ["Reception", "Annex"]
    assert all(r["changed"] for r in of_kind(checked, "forwarding"))
    order = {r["name"]: r["order"] for r in of_kind(checked, "auto_attendants")}
    assert all(r["order"] > order[r["name"]] for r in of_kind(checked, "forwarding"))
    assert [r["changed"] for r in of_kind(applied, "forwarding")] == [True, True]
    assert again["changed"] is False and [r["changed"] for r in of_kind(again, "forwarding")] == [False, False]
    hq = sim.location_id(HQ)
    settings = {}
    for name in ("Reception", "Annex"):
        items = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": hq, "name": name}).json()
        aa_id = [item["id"] for item in items["autoAttendants"] if item["name"] == name][0]
        path_fw = "/telephony/config/locations/%s/autoAttendants/%s/callForwarding" % (hq, aa_id)
        settings[name] = sim.api("GET", path_fw).json()["callForwarding"]
    assert settings["Reception"]["always"] == {
        "enabled": True,
        "destination": "+19705550006",
        "ringReminderEnabled": True,
        "sendToVoicemailEnabled": False,
    }
    assert [rule["name"] for rule in settings["Reception"]["rules"]] == ["VIP"]
    assert settings["Annex"]["always"]["enabled"] is False
    assert settings["Annex"]["always"]["destination"] == "+19705550006"
    # Only the real first run wrote: the three attendants, the forwarding of two (one of them with a rule).
    created = [entry for entry in sim.writes() if entry["path"].endswith("/autoAttendants")]
    # (the attendants are written concurrently: in any order)
    assert sorted(entry["body"]["name"] for entry in created) == ["Annex", "No forwarding", "Reception"]
    assert len([entry for entry in sim.writes() if "/callForwarding" in entry["path"]]) == 3
