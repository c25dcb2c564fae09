"""Every way of giving the role its connection reaches every module the role calls, with the documented precedence.

Play-level module_defaults (group form), environment variables (what an AWX/AAP credential injects), role variables,
and the per-module module_defaults form. The environment is stripped or pointed elsewhere so only the source under
test can make the run work.
"""

import pytest
import yaml

from tests.integration.runner import run_playbook
from tests.simulator.seed import ORG_ID

UNREACHABLE = "http://127.0.0.1:9/v1"
NO_ENVIRONMENT = {"WEBEX_ACCESS_TOKEN": None, "WEBEX_API_URL": None}

SITE = {
    "name": "Connection test",
    "location": "Headquarters",
    "extension": "2950",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours": {"operator": "1000"},
}
SCHEDULE = {"location": "Headquarters", "type": "holidays", "name": "Connection test holidays"}


def role_playbook(tmp_path, module_defaults=None, role_vars=None):
    play = {
        "name": "Role connection",
        "hosts": "localhost",
        "gather_facts": False,
        "tasks": [
            {
                "name": "Run the role",
                "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"},
                "vars": dict(
                    {
                        "auto_attendant_list": [SITE],
                        "auto_attendant_schedules": [SCHEDULE],
                        "auto_attendant_no_log": False,
                    },
                    **(role_vars or {}),
                ),
            }
        ],
    }
    if module_defaults:
        play["module_defaults"] = module_defaults
    path = tmp_path / "role_connection.yml"
    path.write_text(yaml.safe_dump([play], sort_keys=False), encoding="utf-8")
    return str(path)


def assert_converged(run, sim):
    assert run.rc == 0, run
    assert sorted((entry["method"], entry["path"].rsplit("/", 1)[-1]) for entry in sim.writes()) == [
        ("POST", "autoAttendants"),
        ("POST", "schedules"),
    ]


def test_play_level_group_module_defaults_alone(sim, tmp_path):
    defaults = {"group/wxc.calling.webex": {"access_token": sim.token, "api_url": sim.url}}
    run = run_playbook(role_playbook(tmp_path, module_defaults=defaults), sim, env=NO_ENVIRONMENT)
    assert_converged(run, sim)


def test_environment_variables_alone_as_an_awx_credential_injects_them(sim, tmp_path):
    run = run_playbook(role_playbook(tmp_path), sim, env={"WEBEX_ACCESS_TOKEN": sim.token, "WEBEX_API_URL": sim.url})
    assert_converged(run, sim)


def test_role_variables_alone(sim, tmp_path):
    role_vars = {"auto_attendant_access_token": sim.token, "auto_attendant_api_url": sim.url}
    run = run_playbook(role_playbook(tmp_path, role_vars=role_vars), sim, env=NO_ENVIRONMENT)
    assert_converged(run, sim)


def test_role_variable_wins_over_play_module_defaults_which_win_over_the_environment(sim, tmp_path):
    # The play gives the URL and a wrong token, the role the right token, the environment wrong values of both.
    defaults = {"group/wxc.calling.webex": {"access_token": "wrong-play-token", "api_url": sim.url}}
    role_vars = {"auto_attendant_access_token": sim.token}
    run = run_playbook(
        role_playbook(tmp_path, module_defaults=defaults, role_vars=role_vars),
        sim,
        env={"WEBEX_ACCESS_TOKEN": "wrong-env-token", "WEBEX_API_URL": UNREACHABLE},
    )
    assert_converged(run, sim)


@pytest.mark.parametrize("source", ["module_defaults", "role variable"])
def test_org_id_reaches_every_request(sim, tmp_path, source):
    org_id = ORG_ID
    if source == "module_defaults":
        playbook = role_playbook(tmp_path, module_defaults={"group/wxc.calling.webex": {"org_id": org_id}})
    else:
        playbook = role_playbook(tmp_path, role_vars={"auto_attendant_org_id": org_id})
    run = run_playbook(playbook, sim)
    assert_converged(run, sim)
    assert all(entry["query"].get("orgId") == org_id for entry in sim.requests() if entry["path"].startswith("/v1/t"))


def test_per_module_play_defaults_are_replaced_by_the_role_so_the_group_form_is_documented(sim, tmp_path):
    # ansible-core: a task-level entry for a module replaces a play-level entry for the same module. The role sets one
    # per module task, so the per-module form does not reach the role's modules; the README says to use the group form.
    defaults = {
        "wxc.calling.webex_auto_attendant": {"access_token": sim.token, "api_url": sim.url},
        "wxc.calling.webex_schedule": {"access_token": sim.token, "api_url": sim.url},
    }
    run = run_playbook(role_playbook(tmp_path, module_defaults=defaults), sim, env=NO_ENVIRONMENT)
    assert run.rc != 0
    assert "access_token is required" in run.stdout
    assert sim.writes() == []
