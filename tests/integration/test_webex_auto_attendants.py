"""webex_auto_attendants (many at once) run by real ansible-playbook against the simulator."""

import copy

from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_auto_attendants"
AA_LIST = "/telephony/config/autoAttendants"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}


def item(name, extension, location="Headquarters", **extra):
    """A minimal declared attendant."""
    entry = {"name": name, "location": location, "extension": extension,
             "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
             "business_hours_menu": copy.deepcopy(MENU), "after_hours_menu": copy.deepcopy(MENU)}
    entry.update(extra)
    return entry


def three(location="Headquarters", first=2101):
    return [item("Bulk %d" % number, str(number), location) for number in range(first, first + 3)]


def bulk(sim, tmp_path, args, check=False, diff=False):
    """Run the module once with ARGS; return (the run, the task's result)."""
    path = write_playbook(tmp_path, [{"name": "Converge", MODULE: args, "register": "result"}])
    run = run_playbook(path, sim, check=check, diff=diff)
    return run, run.one("Converge")["result"]


def writes(sim, method=None):
    return [entry for entry in sim.writes() if method in (None, entry["method"])]


def names_in(sim, location="Headquarters"):
    location_id = sim.location_id(location)
    return sorted(entry["name"] for entry in sim.api("GET", AA_LIST, params={"locationId": location_id}).json()["autoAttendants"])


def actions(result):
    return [(entry["name"], entry["action"]) for entry in result["results"]]


def test_create_then_no_op_with_one_list_per_location(sim, tmp_path):
    items = three() + three("Branch Office Denver", 3101)
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc == 0, run
    assert result["changed"] is True
    assert result["summary"] == {"create": 6, "update": 0, "delete": 0, "nothing": 0, "failed": 0}
    assert actions(result) == [(entry["name"], "create") for entry in items]
    assert sorted(entry["body"]["name"] for entry in writes(sim, "POST")) == sorted(entry["name"] for entry in items)
    assert all(entry["auto_attendant"]["id"] for entry in result["results"])
    assert result["results"][0]["differing_fields"] == ["name", "extension", "business_schedule", "business_hours_menu",
                                                         "after_hours_menu"]

    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc == 0, run
    assert result["changed"] is False and writes(sim) == []
    assert result["summary"] == {"create": 0, "update": 0, "delete": 0, "nothing": 6, "failed": 0}
    requests = sim.requests()
    location_lookups = [entry for entry in requests if entry["path"] == "/v1/locations"]
    lists = [entry for entry in requests if entry["path"] == "/v1" + AA_LIST]
    details = [entry for entry in requests if "/locations/" in entry["path"] and "/autoAttendants/" in entry["path"]]
    assert len(location_lookups) == 2  # each distinct location resolved once
    assert len(lists) == 2 and all("name" not in entry["query"] for entry in lists)  # one name-less list per location
    assert len(details) == 6 and len(requests) == 10
    assert all(entry["differing_fields"] == [] for entry in result["results"])
