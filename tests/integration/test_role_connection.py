"""Every way of giving the role its connection reaches every module the role calls, with the documented precedence.

Play-level module_defaults (group form), environment variables (what an AWX/AAP credential injects), role variables,
and the per-module module_defaults form. All the cases are the plays of one playbook, each on its own attendant and
schedule (and, for org_id, its own location): the ansible-playbook process holds the right token and URL in its
environment, as an AWX job would; a play about another source empties them (or makes them wrong) in its own
environment, so that only the source under test can make its run work.
"""

import os

import yaml

from tests.integration.runner import run_playbook
from tests.simulator.seed import ORG_ID

UNREACHABLE = "http://127.0.0.1:9/v1"
NO_ENVIRONMENT = {"WEBEX_ACCESS_TOKEN": "", "WEBEX_API_URL": ""}
ORG_LOCATIONS = {"org-id-module-defaults": "Branch Office Denver", "org-id-role-variable": "Branch Office Austin"}


def cases(sim):
    """name: (play module_defaults, role variables, play environment, converges)."""
    group = "group/wxc.calling.webex"
    return {
        "play-level-group-module-defaults-alone": (
            {group: {"access_token": sim.token, "api_url": sim.url}},
            {},
            NO_ENVIRONMENT,
            True,
        ),
        "environment-variables-alone-as-an-awx-credential-injects-them": (None, {}, None, True),
        "role-variables-alone": (
            None,
            {"auto_attendant_access_token": sim.token, "auto_attendant_api_url": sim.url},
            NO_ENVIRONMENT,
            True,
        ),
        # The play gives the URL and a wrong token, the role the right token, the environment wrong values of both.
        "role-variable-wins-over-play-module-defaults-which-win-over-the-environment": (
            {group: {"access_token": "wrong-play-token", "api_url": sim.url}},
            {"auto_attendant_access_token": sim.token},
            {"WEBEX_ACCESS_TOKEN": "wrong-env-token", "WEBEX_API_URL": UNREACHABLE},
            True,
        ),
        "org-id-module-defaults": ({group: {"org_id": ORG_ID}}, {}, None, True),
        "org-id-role-variable": (None, {"auto_attendant_org_id": ORG_ID}, None, True),
        # ansible-core: a task-level entry for a module replaces a play-level entry for the same module. The role sets
        # one per module task, so the per-module form does not reach the role's modules; the README says to use the
        # group form.
        "per-module-play-defaults-are-replaced-by-the-role": (
            {
                "wxc.calling.webex_auto_attendant": {"access_token": sim.token, "api_url": sim.url},
                "wxc.calling.webex_schedule": {"access_token": sim.token, "api_url": sim.url},
            },
            {},
            NO_ENVIRONMENT,
            False,
        ),
    }


def site_of(number, name):
    location = ORG_LOCATIONS.get(name, "Headquarters")
    site = {
        "name": "Connection test %d" % number,
        "location": location,
        "extension": str(2950 + number),
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "business_hours": {"operator": "1000"},
    }
    schedule = {"location": location, "type": "holidays", "name": "Connection test holidays %d" % number}
    return site, schedule


def case_play(number, name, module_defaults, role_vars, environment, converges):
    site, schedule = site_of(number, name)
    variables = dict(
        {"auto_attendant_list": [site], "auto_attendant_schedules": [schedule], "auto_attendant_no_log": False},
        **role_vars,
    )
    run_role = {"name": "Run the role: " + name, "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"}}
    play = {"name": name, "hosts": "localhost", "gather_facts": False, "vars": variables}
    if converges:
        play["tasks"] = [run_role]
    else:
        play["tasks"] = [
            {
                "name": "Expected to fail: " + name,
                "block": [run_role],
                "rescue": [
                    {"name": "Refused: " + name, "ansible.builtin.debug": {"msg": "{{ ansible_failed_result }}"}}
                ],
            }
        ]
    if module_defaults:
        play["module_defaults"] = module_defaults
    if environment:
        play["environment"] = environment
    return play


def test_every_source_of_the_connection_in_one_playbook(sim, tmp_path):
    table = cases(sim)
    plays = [case_play(number, name, *case) for number, (name, case) in enumerate(table.items())]
    path = os.path.join(str(tmp_path), "role_connection.yml")
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(plays, handle, sort_keys=False)
    org_locations = [sim.location_id(location) for location in ORG_LOCATIONS.values()]
    sim.clear_requests()
    run = run_playbook(path, sim)  # the process environment: the simulator's URL and token (run_playbook's)
    assert run.rc == 0, run

    posted = sorted(entry["body"]["name"] for entry in sim.writes() if entry["method"] == "POST")
    assert [entry["method"] for entry in sim.writes()] == ["POST"] * len(posted)
    for number, (name, (_defaults, _vars, _environment, converges)) in enumerate(table.items()):
        site, schedule = site_of(number, name)
        made = [site["name"] in posted, schedule["name"] in posted]
        assert made == [converges, converges], (name, posted)
        if not converges:
            assert "access_token is required" in str(run.one("Refused: " + name)["result"]["msg"]), run
    # org_id reaches every API request of its cases, each in a location no other case uses.
    for location_id in org_locations:
        asked = [entry for entry in sim.requests() if entry["path"].startswith("/v1/t") and location_id in str(entry)]
        assert len(asked) >= 4 and all(entry["query"].get("orgId") == ORG_ID for entry in asked), asked
