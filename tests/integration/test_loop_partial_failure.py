"""A looped run over many auto attendants where one fails: the others still converge, the failure names its item, and a
re-run after the cause is fixed completes the failed one with exactly one POST and no duplicates.

The failing item collides with the service's state (its extension is taken by another attendant), as in production:
a conflict the module cannot see before the service refuses the create. One playbook holds both ways a user loops:
webex_auto_attendant in an Ansible loop (its failure ignored, so that the play goes on) and the role (which converges
its list with webex_site, concurrently), each over its own six attendants; it runs three times: with the
two extensions blocked, after they are freed, and once more.
"""

from tests.integration.runner import run_playbook, write_playbook

AA = "wxc.calling.webex_auto_attendant"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
API_MENU = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
LOOP_SITES = [{"name": "Line %d" % n, "extension": "31%02d" % n} for n in range(6)]
ROLE_SITES = [{"name": "Role line %d" % n, "extension": "32%02d" % n} for n in range(6)]
LOOP_FAILING, ROLE_FAILING = "Line 3", "Role line 3"
CONFIGURE = "wxc.calling.auto_attendant : Converge the site as one plan"


def names_in_headquarters(sim):
    location_id = sim.location_id("Headquarters")
    items = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": location_id, "max": 1000}).json()
    return sorted(item["name"] for item in items["autoAttendants"])


def block_extension(sim, name, extension):
    """Another attendant takes EXTENSION first; return a function that removes it."""
    location_id = sim.location_id("Headquarters")
    response = sim.api(
        "POST",
        "/telephony/config/locations/%s/autoAttendants" % location_id,
        json={
            "name": name,
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


def playbook(tmp_path):
    loop = {
        "name": "Attendants",
        AA: {
            "location": "Headquarters",
            "name": "{{ item.name }}",
            "extension": "{{ item.extension }}",
            "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "business_hours_menu": MENU,
            "after_hours_menu": MENU,
        },
        "loop": LOOP_SITES,
        "loop_control": {"label": "{{ item.name }}"},
        "ignore_errors": True,
    }
    role = {
        "name": "The role",
        "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"},
        "vars": {
            "auto_attendant_list": [dict(site, location="Headquarters") for site in ROLE_SITES],
            "auto_attendant_defaults": {"business_schedule": "AUTOATTENDANT-BUSINESS-HOURS"},
        },
    }
    return write_playbook(tmp_path, [loop, role])


def posts(sim, sites):
    names = {site["name"] for site in sites}
    return [
        (entry["body"]["name"], entry["status"])
        for entry in sim.writes()
        if entry["method"] == "POST" and entry["body"]["name"] in names
    ]


def test_one_failing_item_does_not_stop_the_others_and_a_rerun_completes_it(sim, tmp_path):
    unblock_loop = block_extension(sim, "Blocker", LOOP_SITES[3]["extension"])
    unblock_role = block_extension(sim, "Role blocker", ROLE_SITES[3]["extension"])
    path = playbook(tmp_path)

    first = run_playbook(path, sim)
    assert first.rc != 0, first  # the role's failure fails the play
    for task, sites, failing, in_order in (
        ("Attendants", LOOP_SITES, LOOP_FAILING, True),
        (CONFIGURE, ROLE_SITES, ROLE_FAILING, False),
    ):
        # A loop is recorded as one result with every item's result inside; the role's one webex_site task returns
        # one entry per object.
        result = first.one(task)["result"]
        items = result["results"] if task == "Attendants" else result["objects"]
        failed = [(entry["item"] if task == "Attendants" else entry)["name"] for entry in items if entry.get("failed")]
        messages = [entry["msg"] for entry in items if entry.get("failed")]
        assert [entry.get("changed") for entry in items if not entry.get("failed")] == [True] * 5, task
        assert failed == [failing], failed
        assert "HTTP 400" in messages[0] and "errorCode 8360" in messages[0] and "trackingId" in messages[0], messages
        expected_posts = [(site["name"], 400 if site["name"] == failing else 201) for site in sites]
        # The role converges its attendants concurrently (webex_site): in any order.
        assert posts(sim, sites) == expected_posts if in_order else sorted(posts(sim, sites)) == sorted(expected_posts)
    everyone = [site["name"] for site in LOOP_SITES + ROLE_SITES]
    assert names_in_headquarters(sim) == sorted(
        ["Blocker", "Role blocker"] + [name for name in everyone if name not in (LOOP_FAILING, ROLE_FAILING)]
    )

    unblock_loop()
    unblock_role()
    sim.clear_requests()
    second = run_playbook(path, sim)
    assert second.rc == 0, second
    assert sorted(posts(sim, LOOP_SITES + ROLE_SITES)) == [(LOOP_FAILING, 201), (ROLE_FAILING, 201)]
    assert [entry["method"] for entry in sim.writes()] == ["POST", "POST"]
    assert names_in_headquarters(sim) == sorted(everyone)

    sim.clear_requests()
    third = run_playbook(path, sim)
    assert third.rc == 0 and sim.writes() == [], third
