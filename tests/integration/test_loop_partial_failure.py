"""A looped run over many auto attendants where one fails: the others still converge, the failure names its item, and a
re-run after the cause is fixed completes the failed one with exactly one POST and no duplicates.

The failing item collides with the service's state (its extension is taken by another attendant), as in production:
a conflict the module cannot see before the service refuses the create.
"""

import pytest

from tests.integration.runner import run_playbook, write_playbook

AA = "wxc.calling.webex_auto_attendant"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
API_MENU = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
SITES = [{"name": "Line %d" % n, "extension": "31%02d" % n} for n in range(6)]
FAILING = "Line 3"
CONFIGURE = "wxc.calling.auto_attendant : Configure auto attendants"


def names_in_headquarters(sim):
    location_id = sim.location_id("Headquarters")
    items = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": location_id, "max": 1000}).json()
    return sorted(item["name"] for item in items["autoAttendants"])


def block_extension(sim, extension):
    """Another attendant takes EXTENSION first; return a function that removes it."""
    location_id = sim.location_id("Headquarters")
    response = sim.api(
        "POST",
        "/telephony/config/locations/%s/autoAttendants" % location_id,
        json={
            "name": "Blocker",
            "extension": extension,
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": API_MENU,
            "afterHoursMenu": API_MENU,
        },
    )
    response.raise_for_status()
    path = "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, response.json()["id"])
    sim.clear_requests()
    return lambda: sim.api("DELETE", path).raise_for_status()


def module_loop(tmp_path):
    task = {
        "name": "Attendants",
        AA: {
            "location": "Headquarters",
            "name": "{{ item.name }}",
            "extension": "{{ item.extension }}",
            "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "business_hours_menu": MENU,
            "after_hours_menu": MENU,
        },
        "loop": SITES,
        "loop_control": {"label": "{{ item.name }}"},
    }
    return write_playbook(tmp_path, [task])


def role_run(sim):
    variables = {
        "auto_attendant_list": [dict(site, location="Headquarters") for site in SITES],
        "auto_attendant_defaults": {"business_schedule": "AUTOATTENDANT-BUSINESS-HOURS"},
    }
    return run_playbook("role_auto_attendant.yml", sim, extra_vars=variables)


def posts(sim):
    return [(entry["body"]["name"], entry["status"]) for entry in sim.writes() if entry["method"] == "POST"]


@pytest.mark.parametrize("how", ["module-loop", "role"])
def test_one_failing_item_does_not_stop_the_others_and_a_rerun_completes_it(sim, tmp_path, how):
    unblock = block_extension(sim, SITES[3]["extension"])
    path = module_loop(tmp_path) if how == "module-loop" else None

    def run():
        return run_playbook(path, sim) if path else role_run(sim)

    first = run()
    assert first.rc != 0, first
    # A loop is recorded as one result with every item's result inside.
    items = first.one("Attendants" if path else CONFIGURE)["result"]["results"]
    failed = [(entry["item"] if path else entry)["name"] for entry in items if entry.get("failed")]
    messages = [entry["msg"] for entry in items if entry.get("failed")]
    assert [entry.get("changed") for entry in items if not entry.get("failed")] == [True] * 5
    assert failed == [FAILING], failed
    assert "HTTP 400" in messages[0] and "errorCode 8360" in messages[0] and "trackingId" in messages[0], messages
    expected_posts = [(site["name"], 400 if site["name"] == FAILING else 201) for site in SITES]
    # The role converges its attendants concurrently (webex_auto_attendants): in any order.
    assert posts(sim) == expected_posts if path else sorted(posts(sim)) == sorted(expected_posts)
    assert names_in_headquarters(sim) == sorted(["Blocker"] + [s["name"] for s in SITES if s["name"] != FAILING])

    unblock()
    sim.clear_requests()
    second = run()
    assert second.rc == 0, second
    assert posts(sim) == [(FAILING, 201)]
    assert [entry["method"] for entry in sim.writes()] == ["POST"]
    assert names_in_headquarters(sim) == sorted(s["name"] for s in SITES)

    sim.clear_requests()
    third = run()
    assert third.rc == 0 and sim.writes() == [], third
