"""Helpers shared by the class-by-class tests (check mode matrix, schedule faults, name matching, user-side
comparison): set the simulator's data up through its API, run playbooks, and read what the simulator received."""

import copy
from urllib.parse import unquote

from tests.integration.runner import run_playbook, write_playbook

AA_MODULE = "wxc.calling.webex_auto_attendant"
SCHEDULE_MODULE = "wxc.calling.webex_schedule"
INFO_MODULE = "wxc.calling.webex_auto_attendant_info"
AA_LIST = "/telephony/config/autoAttendants"
BUSINESS = "AUTOATTENDANT-BUSINESS-HOURS"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
API_MENU = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}


def task(name, module, args, **extra):
    """One task dict registering its result (the recorder keeps every result anyway)."""
    return dict({"name": name, module: copy.deepcopy(args)}, **extra)


def play(sim, tmp_path, tasks, check=False, diff=False, env=None):
    """Run the TASKS as one playbook; return the PlaybookRun (some playbooks hold dozens of tasks: a longer timeout)."""
    return run_playbook(write_playbook(tmp_path, tasks), sim, check=check, diff=diff, env=env, timeout=900)


def aa_args(name, extension, location="Headquarters", **options):
    """The options of a small auto attendant that can be created (both menus, a schedule, an extension)."""
    return dict(
        {
            "location": location,
            "name": name,
            "extension": extension,
            "business_schedule": BUSINESS,
            "business_hours_menu": copy.deepcopy(MENU),
            "after_hours_menu": copy.deepcopy(MENU),
        },
        **options,
    )


def aa_base(sim, location_id):
    return "/telephony/config/locations/%s/autoAttendants" % location_id


def create_attendant(sim, name, extension, location="Headquarters", **fields):
    """Create an auto attendant through the API (not the module); return its id."""
    location_id = location if location.startswith("Y2lz") else sim.location_id(location)
    body = dict(
        {
            "name": name,
            "extension": extension,
            "businessSchedule": BUSINESS,
            "businessHoursMenu": copy.deepcopy(API_MENU),
            "afterHoursMenu": copy.deepcopy(API_MENU),
        },
        **fields,
    )
    response = sim.api("POST", aa_base(sim, location_id), json=body)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def attendant(sim, location_id, auto_attendant_id):
    """The details of one auto attendant, or None when it is gone."""
    response = sim.api("GET", "%s/%s" % (aa_base(sim, location_id), auto_attendant_id))
    return response.json() if response.status_code == 200 else None


def attendants_named(sim, name, location_id):
    items = sim.api("GET", AA_LIST, params={"locationId": location_id, "max": 1000}).json()["autoAttendants"]
    return [item["id"] for item in items if item["name"] == name]


def schedules_base(location_id):
    return "/telephony/config/locations/%s/schedules" % location_id


def create_schedule(sim, location_id, name, kind="businessHours", events=()):
    """Create a schedule through the API; return its id."""
    response = sim.api("POST", schedules_base(location_id), json={"type": kind, "name": name, "events": list(events)})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def schedule(sim, location_id, name, kind="businessHours"):
    """The details of the schedule called exactly NAME, or None."""
    items = sim.api("GET", schedules_base(location_id), params={"type": kind, "max": 1000}).json()["schedules"]
    found = [item for item in items if item["name"] == name]
    assert len(found) <= 1, found
    if not found:
        return None
    return sim.api("GET", "%s/%s/%s" % (schedules_base(location_id), kind, found[0]["id"])).json()


def writes(sim):
    """(method, path below /v1 with ids unquoted, status) of every POST/PUT/DELETE the simulator received."""
    return [(entry["method"], unquote(entry["path"]).removeprefix("/v1"), entry["status"]) for entry in sim.writes()]


def wrote(sim, predicate=None):
    """The write entries (method, path, status) whose path satisfies PREDICATE."""
    return [entry for entry in writes(sim) if predicate is None or predicate(entry[1])]


def result_of(run, name):
    """The module result of the single task NAME (the recorder's "result")."""
    return run.one(name)["result"]


def changed_by_task(run, names):
    return {name: run.one(name)["changed"] for name in names}
