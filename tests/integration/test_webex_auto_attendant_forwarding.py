"""webex_auto_attendant_forwarding run by real ansible-playbook against the simulator; asserts on what it received."""

import json
import os
import re
import textwrap

import pytest
import yaml

from tests.ansible_yaml import load as ansible_load
from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_auto_attendant_forwarding"
ROOT = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir)
DOCS = os.path.join(ROOT, "docs", "docsite", "rst", "forwarding.rst")
MODULE_FILE = os.path.join(ROOT, "plugins", "modules", "webex_auto_attendant_forwarding.py")
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
ATTENDANT = "Main Line AA - Test"
TARGET = {"location": "Headquarters", "auto_attendant": ATTENDANT}
VIP = {
    "name": "VIP",
    "enabled": True,
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+19705550006"},
    "calls_from": {
        "selection": "CUSTOM",
        "custom_numbers": {"private_number_enabled": True, "numbers": ["+14155550123", "4554"]},
    },
    "calls_to": {"numbers": [{"type": "PRIMARY", "phone_number": "+19705550026"}]},
}


def converge(sim, tmp_path, args, check=False, diff=False, module=MODULE):
    path = write_playbook(tmp_path, [{"name": "Converge", module: args, "register": "result"}])
    run = run_playbook(path, sim, check=check, diff=diff)
    return run, run.one("Converge")


def add_attendant(sim, tmp_path, name=ATTENDANT, extension="2100", phone_number="+19705550026"):
    args = {
        "location": "Headquarters",
        "name": name,
        "extension": extension,
        "phone_number": phone_number,
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "business_hours_menu": MENU,
        "after_hours_menu": MENU,
    }
    run, _result = converge(sim, tmp_path, args, module="wxc.calling.webex_auto_attendant")
    assert run.rc == 0, run
    sim.clear_requests()


def forwarding_base(sim, name=ATTENDANT):
    location_id = sim.location_id("Headquarters")
    items = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": location_id}).json()[
        "autoAttendants"
    ]
    aa_id = [item["id"] for item in items if item["name"] == name][0]
    return "/telephony/config/locations/%s/autoAttendants/%s/callForwarding" % (location_id, aa_id)


def stored(sim):
    """The forwarding settings read straight from the simulator."""
    return sim.api("GET", forwarding_base(sim)).json()["callForwarding"]


def stored_rule(sim, name):
    for summary in stored(sim)["rules"]:
        if summary["name"] == name:
            return sim.api("GET", forwarding_base(sim) + "/selectiveRules/" + summary["id"]).json()
    return None


def writes(sim):
    """(method, what) of every write: settings, rule (create/update/delete)."""
    return [(entry["method"], "rule" if "/selectiveRules" in entry["path"] else "settings") for entry in sim.writes()]


def test_always_forward_on_is_wrapped_then_rerun_writes_nothing(sim, tmp_path):
    add_attendant(sim, tmp_path)
    args = dict(TARGET, always={"enabled": True, "destination": "+1-970-555-0006", "ring_reminder_enabled": True})
    run, result = converge(sim, tmp_path, args, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True
    entries = sim.writes()
    assert writes(sim) == [("PUT", "settings")] and entries[0]["status"] == 204
    assert entries[0]["body"] == {
        "callForwarding": {"always": {"enabled": True, "destination": "+19705550006", "ringReminderEnabled": True}}
    }
    assert stored(sim)["always"] == {
        "enabled": True,
        "destination": "+19705550006",
        "ringReminderEnabled": True,
        "sendToVoicemailEnabled": False,
    }
    output = result["result"]
    assert (
        output["forwarding"]["always"]["enabled"] is True
        and output["forwarding"]["always"]["destination"] == "+19705550006"
    )
    assert (
        output["diff"]["before"]["always"]["enabled"] is False and output["diff"]["after"]["always"]["enabled"] is True
    )

    sim.clear_requests()
    run, result = converge(sim, tmp_path, args)
    assert run.rc == 0, run
    assert result["changed"] is False and sim.writes() == []
    # The no-op floor: location by name, attendant lookup, the settings.
    assert [entry["method"] for entry in sim.requests()] == ["GET", "GET", "GET"]


def test_destination_read_back_as_sent_is_not_a_change(sim, tmp_path):
    add_attendant(sim, tmp_path)
    body = {"callForwarding": {"always": {"enabled": True, "destination": "+1-9705550006"}}}
    assert sim.api("PUT", forwarding_base(sim), json=body).status_code == 204
    sim.clear_requests()
    for written in ("+19705550006", "9705550006", "+1 970 555 0006"):
        run, result = converge(sim, tmp_path, dict(TARGET, always={"enabled": True, "destination": written}))
        assert run.rc == 0, run
        assert result["changed"] is False, written
    assert sim.writes() == []


def test_rule_created_renamed_and_rerun(sim, tmp_path):
    add_attendant(sim, tmp_path)
    run, result = converge(sim, tmp_path, dict(TARGET, rules=[VIP]), diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True
    entries = sim.writes()
    assert writes(sim) == [("POST", "rule")] and entries[0]["status"] == 201
    assert "callForwarding" not in entries[0]["body"] and entries[0]["body"]["name"] == "VIP"
    rule = stored_rule(sim, "VIP")
    assert rule["callsTo"]["numbers"] == [{"type": "PRIMARY", "phoneNumber": "9705550026"}]
    assert result["result"]["rules"][0]["id"] == rule["id"]
    assert result["result"]["diff"]["after"]["rules"][0]["name"] == "VIP"

    # The read-back forms (no +, ten digits) are the same numbers: nothing to do.
    sim.clear_requests()
    run, result = converge(sim, tmp_path, dict(TARGET, rules=[VIP]))
    assert run.rc == 0, run
    assert result["changed"] is False and sim.writes() == []

    sim.clear_requests()
    renamed = dict(VIP, new_name="VIP callers")
    run, result = converge(sim, tmp_path, dict(TARGET, rules=[renamed]))
    assert run.rc == 0, run
    assert result["changed"] is True
    entries = sim.writes()
    assert writes(sim) == [("PUT", "rule")] and entries[0]["body"]["name"] == "VIP callers"
    new_id = entries[0]["path"] and result["result"]["rules"][0]["id"]
    assert new_id != rule["id"] and new_id == stored_rule(sim, "VIP callers")["id"]
    assert stored_rule(sim, "VIP") is None
    # The rule was read again under its new id.
    assert any(
        entry["method"] == "GET" and entry["path"].endswith("/selectiveRules/" + new_id) for entry in sim.requests()
    )

    sim.clear_requests()
    run, result = converge(sim, tmp_path, dict(TARGET, rules=[renamed]))
    assert run.rc == 0, run
    assert result["changed"] is False and sim.writes() == []


def test_rule_change_sends_the_whole_rule_with_its_name(sim, tmp_path):
    add_attendant(sim, tmp_path)
    assert converge(sim, tmp_path, dict(TARGET, rules=[VIP]))[0].rc == 0
    sim.clear_requests()
    run, result = converge(
        sim, tmp_path, dict(TARGET, rules=[{"name": "VIP", "enabled": False, "business_schedule": ""}])
    )
    assert run.rc == 0, run
    assert result["changed"] is True
    body = sim.writes()[0]["body"]
    assert body["name"] == "VIP" and body["enabled"] is False and body["businessSchedule"] == ""
    assert body["forwardTo"] == {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phoneNumber": "+19705550006"}
    rule = stored_rule(sim, "VIP")
    assert rule["enabled"] is False and rule["businessSchedule"] == "" and rule["callsFrom"]["selection"] == "CUSTOM"


def test_purge_deletes_the_undeclared_rule_only(sim, tmp_path):
    add_attendant(sim, tmp_path)
    other = {"name": "Old rule", "forward_to": {"selection": "DO_NOT_FORWARD"}, "calls_from": {"selection": "ANY"}}
    assert converge(sim, tmp_path, dict(TARGET, rules=[VIP, other]))[0].rc == 0
    sim.clear_requests()
    run, result = converge(sim, tmp_path, dict(TARGET, rules=[VIP]))
    assert run.rc == 0, run
    assert result["changed"] is False and sim.writes() == []  # without purge, unlisted rules are left alone

    run, result = converge(sim, tmp_path, dict(TARGET, rules=[VIP], purge_rules=True), check=True, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True and sim.writes() == []
    assert [rule["name"] for rule in result["result"]["diff"]["before"]["rules"]] == ["VIP", "Old rule"]

    run, result = converge(sim, tmp_path, dict(TARGET, rules=[VIP], purge_rules=True))
    assert run.rc == 0, run
    assert result["changed"] is True
    assert [(entry["method"], entry["status"]) for entry in sim.writes()] == [("DELETE", 204)]
    assert [rule["name"] for rule in stored(sim)["rules"]] == ["VIP"]
    assert [rule["name"] for rule in result["result"]["forwarding"]["rules"]] == ["VIP"]


def test_check_mode_writes_nothing_and_predicts(sim, tmp_path):
    add_attendant(sim, tmp_path)
    args = dict(TARGET, always={"enabled": True, "destination": "+19705550006"}, rules=[VIP])
    run, result = converge(sim, tmp_path, args, check=True, diff=True)
    assert run.rc == 0, run
    assert result["changed"] is True and sim.writes() == []
    assert result["result"]["rules"][0]["id"] is None
    assert result["result"]["forwarding"]["always"]["enabled"] is True
    assert stored(sim)["always"]["enabled"] is False and stored(sim)["rules"] == []


def test_check_mode_warns_about_a_missing_schedule_and_attendant(sim, tmp_path):
    args = dict(TARGET, rules=[dict(VIP, business_schedule="Created later")])
    run, result = converge(sim, tmp_path, args, check=True)
    assert run.rc == 0, run
    assert result["changed"] is True and sim.writes() == []
    warnings = " ".join(result["result"].get("warnings", []))
    assert "rules[0].business_schedule" in warnings and "Created later" in warnings
    assert "auto_attendant" in warnings


@pytest.mark.parametrize(
    "args, message",
    [
        (
            dict(TARGET, rules=[dict(VIP, business_schedule="No such hours")]),
            "rules[0].business_schedule: no business_hours schedule named 'No such hours'",
        ),
        (
            dict(TARGET, rules=[dict(VIP, holiday_schedule="AUTOATTENDANT-BUSINESS-HOURS")]),
            "rules[0].holiday_schedule: no holidays schedule named",
        ),
    ],
)
def test_unknown_schedule_fails_before_any_write(sim, tmp_path, args, message):
    add_attendant(sim, tmp_path)
    run, result = converge(sim, tmp_path, args)
    assert run.rc != 0
    assert message in result["result"]["msg"]
    assert sim.writes() == []


@pytest.mark.parametrize(
    "args, message",
    [
        (dict(TARGET, always={"enabled": True, "destination": "call me"}), "always.destination: 'call me' is not"),
        (
            dict(TARGET, rules=[dict(VIP, calls_to={"numbers": [{"type": "PRIMARY", "phone_number": "+1970abc"}]})]),
            "rules[0].calls_to.numbers[0].phone_number",
        ),
        (
            dict(TARGET, rules=[dict(VIP, forward_to={"selection": "FORWARD_TO_SPECIFIED_NUMBER"})]),
            "rules[0].forward_to: selection FORWARD_TO_SPECIFIED_NUMBER needs phone_number",
        ),
        (dict(TARGET, rules=[{key: value for key, value in VIP.items() if key != "name"}]), "name"),
        (
            dict(TARGET, rules=[VIP, dict(VIP, enabled=False)]),
            "rules[1].name: rule name 'VIP' is already used by rules[0].name",
        ),
        (dict(TARGET, purge_rules=True), "purge_rules: needs rules"),
        # What YAML makes of unquoted values (0100 -> 64, no -> False) is refused, never sent as "64" or "False".
        (dict(TARGET, always={"enabled": True, "destination": 64}), "always.destination: is the number 64, not text"),
        (
            dict(TARGET, rules=[dict(VIP, calls_from={"selection": "CUSTOM", "custom_numbers": {"numbers": [2100]}})]),
            "rules[0].calls_from.custom_numbers.numbers[0]: is the number 2100, not text",
        ),
        (dict(TARGET, rules=[dict(VIP, name=False)]), "rules[0].name: is the boolean false, not text"),
    ],
)
def test_bad_input_fails_before_any_request(sim, tmp_path, args, message):
    run, result = converge(sim, tmp_path, args)
    assert run.rc != 0
    assert message in result["result"]["msg"]
    assert sim.requests() == []


def test_missing_attendant_fails_before_any_write(sim, tmp_path):
    run, result = converge(sim, tmp_path, dict(TARGET, always={"enabled": False}))
    assert run.rc != 0
    assert "auto_attendant: no auto attendant called 'Main Line AA - Test'" in result["result"]["msg"]
    assert sim.writes() == []


def test_a_new_rule_without_forward_to_fails_before_any_write(sim, tmp_path):
    add_attendant(sim, tmp_path)
    run, result = converge(sim, tmp_path, dict(TARGET, rules=[{"name": "Half"}]))
    assert run.rc != 0
    assert (
        "rules[0]: rule 'Half' does not exist, and creating it needs forward_to and calls_from"
        in result["result"]["msg"]
    )
    assert sim.writes() == []


def test_rate_limit_is_waited_out_and_a_5xx_on_put_is_reported(sim, tmp_path):
    add_attendant(sim, tmp_path)
    args = dict(TARGET, always={"enabled": True, "destination": "+19705550006"})
    sim.fault(method="PUT", path="callForwarding$", status=429, retry_after="0")
    run, result = converge(sim, tmp_path, args)
    assert run.rc == 0, run
    assert result["changed"] is True
    assert [entry["status"] for entry in sim.writes()] == [429, 204]

    sim.clear_requests()
    sim.fault(method="PUT", path="callForwarding$", status=500)
    run, result = converge(sim, tmp_path, dict(TARGET, always={"enabled": False}))
    assert run.rc != 0
    error = result["result"]["api_error"]
    assert error["status"] == 500 and error["method"] == "PUT" and error["tracking_id"]
    assert "PUT" in result["result"]["msg"] and "HTTP 500" in result["result"]["msg"]
    assert stored(sim)["always"]["enabled"] is True


def test_a_put_the_service_does_not_apply_fails_naming_the_fields(sim, tmp_path):
    add_attendant(sim, tmp_path)
    # A 2xx answer that changed nothing: the same as the service answering an unwrapped body.
    sim.fault(method="PUT", path="callForwarding$", status=204)
    run, result = converge(sim, tmp_path, dict(TARGET, always={"enabled": True, "destination": "+19705550006"}))
    assert run.rc != 0
    assert result["result"]["changed"] is True
    assert result["result"]["not_applied"] == ["always.enabled", "always.destination"]
    assert "did not apply" in result["result"]["msg"]


def _docs_playbook(tmp_path):
    text = open(DOCS, encoding="utf-8").read()
    block = textwrap.dedent(re.search(r"\.\. code-block:: yaml\n\n((?: +.*\n|\n)+)", text).group(1))
    assert yaml.safe_load(block)[0]["tasks"]
    path = tmp_path / "docs_forwarding.yml"
    path.write_text(block, encoding="utf-8")
    return str(path)


def test_docs_office_closed_playbook(sim, tmp_path):
    add_attendant(sim, tmp_path, name="Reception")
    path = _docs_playbook(tmp_path)
    run = run_playbook(path, sim, check=True)
    assert run.rc == 0, run
    assert sim.writes() == []
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    assert run.changed >= 1
    settings = sim.api("GET", forwarding_base(sim, "Reception")).json()["callForwarding"]
    assert settings["always"]["enabled"] is True
    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc == 0 and run.changed == 0, run
    assert sim.writes() == []


def test_module_examples_run(sim, tmp_path):
    add_attendant(sim, tmp_path)
    text = open(MODULE_FILE, encoding="utf-8").read()
    tasks = yaml.safe_load(re.search(r'EXAMPLES = r"""\n(.*?)"""', text, re.S).group(1))
    path = write_playbook(tmp_path, tasks)
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    rules = stored(sim)["rules"]
    assert [rule["name"] for rule in rules] == ["Public holidays"]
    # The operating modes example, by name, wired through ansible-playbook (switch_mode: already normal operation).
    modes = stored(sim)["operatingModes"]
    assert modes["enabled"] is True and [mode["name"] for mode in modes["modes"]] == ["Day", "Outage"]
    assert modes["modes"][1]["forwardTo"]["destination"] == "+19705550007"
    assert modes["exceptionType"] == "AUTOMATIC_SWITCH_BACK_STANDARD"


EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")


def test_export_then_apply_changes_nothing_forwarding_included(sim, tmp_path):
    add_attendant(sim, tmp_path)
    add_attendant(sim, tmp_path, name="Untouched", extension="2101", phone_number="+19705550027")
    args = dict(
        TARGET,
        always={"enabled": True, "destination": "+1-970-555-0006"},
        selective={"enabled": True},
        rules=[
            VIP,
            {
                "name": "All",
                "forward_to": {"selection": "DO_NOT_FORWARD"},
                "calls_from": {"selection": "ANY"},
                "calls_to": {"numbers": []},
            },
        ],
    )
    assert converge(sim, tmp_path, args)[0].rc == 0
    # The service's own read-back form of a destination, as Control Hub may have left it.
    body = {"callForwarding": {"always": {"destination": "+1-9705550006"}}}
    assert sim.api("PUT", forwarding_base(sim), json=body).status_code == 204
    target = os.path.join(str(tmp_path), "auto_attendants.yml")
    sim.clear_requests()
    run = run_playbook(EXPORT_PLAYBOOK, sim, extra_vars={"export_file": target})
    assert run.rc == 0, run
    assert all(entry["method"] == "GET" for entry in sim.requests())
    with open(target, encoding="utf-8") as handle:
        text = handle.read()
    exported = ansible_load(text)
    forwarding = exported["webex_auto_attendant_forwarding"]
    assert [(item["location"], item["auto_attendant"]) for item in forwarding] == [("Headquarters", ATTENDANT)]
    assert forwarding[0]["always"]["destination"] == "+1-9705550006" and 'destination: "+1-9705550006"' in text
    assert [rule["name"] for rule in forwarding[0]["rules"]] == ["VIP", "All"]
    assert forwarding[0]["rules"][0]["calls_to"] == {"numbers": [{"type": "PRIMARY", "phone_number": "9705550026"}]}
    assert "purge_rules" not in forwarding[0]

    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target])
    assert run.rc == 0, run
    assert [r["changed"] for r in run.one("Converge the call forwarding")["result"]["results"]] == [False]
    assert [r["changed"] for r in run.one("Converge the auto attendants")["result"]["results"]] == [False, False]
    assert sim.writes() == []

    # Edited in the file, applied: one rule PUT, nothing else.
    forwarding[0]["rules"][0]["enabled"] = False
    with open(target, "w", encoding="utf-8") as handle:
        yaml.safe_dump(json.loads(json.dumps(exported)), handle)  # plain types again (the loader tags strings)
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target])
    assert run.rc == 0, run
    assert writes(sim) == [("PUT", "rule")] and stored_rule(sim, "VIP")["enabled"] is False


def test_info_returns_forwarding_and_can_skip_it(sim, tmp_path):
    add_attendant(sim, tmp_path)
    assert converge(sim, tmp_path, dict(TARGET, rules=[VIP]))[0].rc == 0
    path = write_playbook(
        tmp_path,
        [
            {"name": "With", "wxc.calling.webex_auto_attendant_info": {"location": "Headquarters"}, "register": "a"},
            {
                "name": "Without",
                "wxc.calling.webex_auto_attendant_info": {"location": "Headquarters", "forwarding": False},
                "register": "b",
            },
        ],
        name="info.yml",
    )
    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc == 0, run
    with_forwarding = run.one("With")["result"]
    rule = with_forwarding["auto_attendants"][0]["forwarding"]["rules"][0]
    assert rule["name"] == "VIP" and rule["calls_from"]["custom_numbers"]["private_number_enabled"] is True
    assert with_forwarding["export_forwarding"][0]["rules"][0]["name"] == "VIP"
    without = run.one("Without")["result"]
    assert "forwarding" not in without["auto_attendants"][0] and "export_forwarding" not in without
    forwarding_reads = [entry for entry in sim.requests() if "/callForwarding" in entry["path"]]
    assert len(forwarding_reads) == 2  # settings and the one rule, by the first task only


ROLE_FORWARDING = "wxc.calling.auto_attendant : Configure call forwarding"


def test_role_forwarding_per_site_and_in_the_defaults(sim, tmp_path):
    role_vars = {
        "auto_attendant_defaults": {
            "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
            # Every site forwards to the same on-call phone when it closes; each site says whether it is closed.
            "forwarding": {"always": {"destination": "+19705550006", "ring_reminder_enabled": True}},
        },
        "auto_attendant_list": [
            {
                "name": "Reception",
                "location": "Headquarters",
                "extension": "2100",
                "forwarding": {"always": {"enabled": True}, "rules": [VIP]},
            },
            {
                "name": "Annex",
                "location": "Headquarters",
                "extension": "2101",
                "forwarding": {"always": {"enabled": False}},
            },
            {"name": "No forwarding", "location": "Headquarters", "extension": "2102", "forwarding": None},
        ],
    }
    path = write_playbook(
        tmp_path,
        [{"name": "Role", "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"}, "vars": role_vars}],
        name="role.yml",
    )
    # Check mode: the attendants do not exist yet, so forwarding warns and predicts; nothing is written.
    run = run_playbook(path, sim, check=True)
    assert run.rc == 0, run
    assert sim.writes() == []
    results = run.one(ROLE_FORWARDING)["result"]["results"]
    assert [r["item"]["name"] for r in results] == ["Reception", "Annex"] and all(r["changed"] for r in results)

    run = run_playbook(path, sim)
    assert run.rc == 0, run
    hq = sim.location_id("Headquarters")
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
    assert (
        settings["Annex"]["always"]["enabled"] is False and settings["Annex"]["always"]["destination"] == "+19705550006"
    )

    sim.clear_requests()
    run = run_playbook(path, sim)
    assert run.rc == 0 and run.changed == 0, run
    assert sim.writes() == []


def test_role_bad_forwarding_stops_before_any_request(sim, tmp_path):
    role_vars = {
        "auto_attendant_list": [
            {
                "name": "Reception",
                "location": "Headquarters",
                "extension": "2100",
                "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
                "forwarding": {"always": {"enabled": True, "destination": "the on-call phone"}},
            }
        ]
    }
    path = write_playbook(
        tmp_path,
        [{"name": "Role", "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"}, "vars": role_vars}],
        name="role.yml",
    )
    run = run_playbook(path, sim)
    assert run.rc != 0
    assert "auto_attendant_list[0] (Reception): forwarding: always.destination: 'the on-call phone'" in run.stdout
    assert sim.requests() == []
