"""Secrets never leak: the access token, the client secret, the refresh token and every minted access token are absent
from ansible-playbook's output (with diff, in check mode and on failures), from the recorded task results (return
values, diff, error messages) and from the simulator's own log of request bodies.

Each scenario gives the secrets a different way: as task options, through the environment, through module_defaults,
as role variables, and as refresh-token credentials that mint access tokens. The scenarios of the modules are the
tasks of one playbook, run at the default verbosity and at -vvv; those of the role are the blocks of another, at -vvv.
Each task keeps the secrets it is not about out of its environment (the ansible-playbook process holds them all, as a
job's environment would): empty values, which is all -vvv can show of a task's environment.
"""

import copy
import os

import pytest
import yaml

from tests.builders import AA_MODULE, INFO_MODULE, SCHEDULE_MODULE, aa_options
from tests.integration.runner import PLAYBOOKS, run_playbook

ARGS = aa_options()
SCHEDULE_ARGS = {
    "location": "Headquarters",
    "type": "holidays",
    "name": "Holidays",
    "events": [{"name": "New Year", "start_date": "2027-01-01", "end_date": "2027-01-01"}],
}
WRONG_REFRESH_TOKEN = "wxc-wrong-refresh-token-0f9e8d"
ROLE_NAME = "wxc.calling.auto_attendant"
CONFIGURE = ROLE_NAME + " : Converge the site as one plan"
SUMMARY = ROLE_NAME + " : Summarise the site"
# What a task's environment holds instead of the secrets it is not about.
NO_TOKEN = {"WEBEX_ACCESS_TOKEN": ""}
NO_REFRESH = {"WEBEX_CLIENT_ID": "", "WEBEX_CLIENT_SECRET": "", "WEBEX_REFRESH_TOKEN": ""}
NEITHER = dict(NO_TOKEN, **NO_REFRESH)


def token_option(sim):
    return {"access_token": sim.token}


def refresh_options(sim, refresh_token=None):
    return {
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "refresh_token": refresh_token or sim.refresh_token,
    }


def job_environment(sim):
    """The ansible-playbook process's environment: the access token (run_playbook sets it) and refresh credentials."""
    return {
        "WEBEX_CLIENT_ID": sim.client_id,
        "WEBEX_CLIENT_SECRET": sim.client_secret,
        "WEBEX_REFRESH_TOKEN": sim.refresh_token,
    }


def scenarios(sim):
    """name: (module, options, task keywords, succeeds, mints a token). In order: each builds on the one before."""
    return {
        "check-mode-refresh-options": (
            AA_MODULE,
            dict(ARGS, **refresh_options(sim)),
            {"environment": NO_TOKEN, "check_mode": True, "diff": True},
            True,
            True,
        ),
        "schedule-token-option-check": (
            SCHEDULE_MODULE,
            dict(SCHEDULE_ARGS, **token_option(sim)),
            {"environment": NO_REFRESH, "check_mode": True, "diff": True},
            True,
            False,
        ),
        "create-token-option-diff": (
            AA_MODULE,
            dict(ARGS, **token_option(sim)),
            {"environment": NO_REFRESH, "diff": True},
            True,
            False,
        ),
        "update-token-env-diff": (
            AA_MODULE,
            dict(ARGS, name_dialing="GROUP"),
            {"environment": NO_REFRESH, "diff": True},
            True,
            False,
        ),
        "update-refresh-env-diff": (
            AA_MODULE,
            dict(ARGS, name_dialing="ENTERPRISE"),
            {"environment": NO_TOKEN, "diff": True},
            True,
            True,
        ),
        "module-defaults-token": (
            AA_MODULE,
            dict(ARGS, name_dialing="GROUP"),
            {
                "environment": NEITHER,
                "diff": True,
                "module_defaults": {"group/wxc.calling.webex": {"access_token": sim.token}},
            },
            True,
            False,
        ),
        "info-token-option": (
            INFO_MODULE,
            dict(location="Headquarters", **token_option(sim)),
            {"environment": NO_REFRESH},
            True,
            False,
        ),
        "info-refresh-options": (INFO_MODULE, refresh_options(sim), {"environment": NO_TOKEN}, True, True),
        "schedule-refresh-options-diff": (
            SCHEDULE_MODULE,
            dict(SCHEDULE_ARGS, **refresh_options(sim)),
            {"environment": NO_TOKEN, "diff": True},
            True,
            True,
        ),
        "failing-call-token-option": (
            AA_MODULE,
            dict(ARGS, business_schedule="NOPE", **token_option(sim)),
            {"environment": NO_REFRESH, "diff": True},
            False,
            False,
        ),
        "failing-call-refresh-options": (
            AA_MODULE,
            dict(ARGS, business_schedule="NOPE", **refresh_options(sim)),
            {"environment": NO_TOKEN},
            False,
            True,
        ),
        "bad-input-token-option": (
            AA_MODULE,
            dict(ARGS, extension="21a0", **token_option(sim)),
            {"environment": NO_REFRESH},
            False,
            False,
        ),
        "wrong-refresh-token": (
            AA_MODULE,
            dict(ARGS, **refresh_options(sim, WRONG_REFRESH_TOKEN)),
            {"environment": NO_TOKEN},
            False,
            False,
        ),
    }


def write_plays(directory, plays):
    path = os.path.join(str(directory), "secrets.yml")
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(plays, handle, sort_keys=False)
    return path


def _extra_log_fields(entry):
    """Log fields other than the ones asserted here (the simulator may add some, such as the connection)."""
    return {key: value for key, value in entry.items() if key not in ("method", "path", "query", "status", "body")}


@pytest.mark.parametrize("verbosity", ["default", "-vvv"])
def test_no_secret_anywhere_from_the_modules(sim, tmp_path, verbosity):
    table = scenarios(sim)
    tasks = [
        dict({"name": name, module: options, "ignore_errors": not succeeds}, **keywords)
        for name, (module, options, keywords, succeeds, _mints) in table.items()
    ]
    plays = [{"name": "Secrets", "hosts": "localhost", "gather_facts": False, "tasks": tasks}]
    sim.clear_requests()
    # run_playbook's secret scan: no secret of the simulator, of the environment or WRONG_REFRESH_TOKEN, in any form,
    # in stdout, stderr, the task results or the simulator's request log.
    run = run_playbook(
        write_plays(tmp_path, plays),
        sim,
        env=job_environment(sim),
        extra_args=["-vvv"] if verbosity == "-vvv" else [],
        secrets={"wrong refresh token": WRONG_REFRESH_TOKEN},
    )
    assert run.rc == 0, run
    assert {name: not run.one(name)["failed"] for name in table} == {
        name: succeeds for name, (_m, _o, _k, succeeds, _mints) in table.items()
    }, run
    if verbosity == "-vvv":
        assert "ESTABLISH LOCAL CONNECTION" in run.stdout  # really -vvv: module arguments and results are printed
    assert run.stdout.count("+++ after") >= 6, run  # the diffs of the creations and updates are shown
    assert run.one("bad-input-token-option")["result"]["msg"].startswith("Invalid options: extension: '21a0'")
    assert "NOPE" in run.one("failing-call-refresh-options")["result"]["msg"]
    result = run.one("wrong-refresh-token")["result"]
    assert result["api_error"]["path"] == "/access_token" and result["api_error"]["status"] == 400, result
    # Each run with refresh credentials mints exactly one token: one request each, all answered, the wrong one refused.
    minted = [entry for entry in sim.requests() if entry["path"] == "/v1/access_token"]
    expected = [
        200 if mints else 400
        for _module, options, _keywords, _succeeds, mints in table.values()
        if mints or options.get("refresh_token") == WRONG_REFRESH_TOKEN
    ]
    assert [entry["status"] for entry in minted] == expected == [200] * 5 + [400]
    assert minted[-1] == {
        "method": "POST",
        "path": "/v1/access_token",
        "query": {},
        "status": 400,
        "body": {
            "grant_type": "refresh_token",
            "client_id": sim.client_id,
            "client_secret": "***",
            "refresh_token": "***",
        },
        **_extra_log_fields(minted[-1]),
    }


def example_vars():
    with open(os.path.join(PLAYBOOKS, "role_auto_attendant.yml"), encoding="utf-8") as handle:
        return copy.deepcopy(yaml.safe_load(handle)[0]["vars"])


def role_block(name, variables, environment, rescued=False):
    block = {
        "name": name,
        "environment": environment,
        "block": [{"name": "Role: " + name, "ansible.builtin.include_role": {"name": ROLE_NAME}, "vars": variables}],
    }
    if rescued:
        block["rescue"] = [{"name": "Failed as expected: " + name, "ansible.builtin.debug": {"msg": "rescued"}}]
    return block


def test_no_secret_anywhere_from_the_role(sim, tmp_path):
    failing_sites = {
        "auto_attendant_list": [
            {"name": "Good Site", "location": "Headquarters", "extension": "2901"},
            {"name": "Bad Site", "location": "Headquarters", "extension": "2902", "business_schedule": "NOPE"},
        ],
        "auto_attendant_defaults": {"business_schedule": "AUTOATTENDANT-BUSINESS-HOURS"},
    }
    refresh_variables = {
        "auto_attendant_client_id": sim.client_id,
        "auto_attendant_client_secret": sim.client_secret,
        "auto_attendant_refresh_token": sim.refresh_token,
    }
    tasks = [
        # The token as a role variable, the module output hidden (the default); the environment's token is wrong.
        role_block(
            "token variable, no_log",
            {"auto_attendant_access_token": sim.token},
            dict(NO_REFRESH, WEBEX_ACCESS_TOKEN="not-the-token"),
        ),
        # The same, the module output shown: the three sites removed, their details in the diff.
        role_block(
            "token variable, output shown",
            {
                "auto_attendant_access_token": sim.token,
                "auto_attendant_no_log": False,
                "auto_attendant_state": "absent",
            },
            NEITHER,
        ),
        # Refresh credentials from the environment, and a site the service refuses.
        role_block("refresh environment, a failure", failing_sites, NO_TOKEN, rescued=True),
        # Refresh credentials as role variables, the module output shown: the three sites created again.
        role_block("refresh variables, output shown", dict(refresh_variables, auto_attendant_no_log=False), NEITHER),
    ]
    plays = [
        {"name": "Role secrets", "hosts": "localhost", "gather_facts": False, "vars": example_vars(), "tasks": tasks}
    ]
    sim.clear_requests()
    run = run_playbook(write_plays(tmp_path, plays), sim, env=job_environment(sim), diff=True, extra_args=["-vvv"])
    assert run.rc == 0, run
    assert "ESTABLISH LOCAL CONNECTION" in run.stdout
    hidden, shown, failed, created = run.task(CONFIGURE)
    # Hidden: the module's output is censored, the summary below it is not; the role variable's token did the work.
    assert "censored" in hidden["result"]
    assert run.task(SUMMARY)[0]["result"]["msg"] == [
        "auto_attendants HQ Main Line: created",
        "auto_attendants Denver Main Line: created",
        "auto_attendants Austin Main Line: created",
    ]
    # Shown: the module arguments are printed with the token masked, and the diffs of the deletions and creations.
    assert [entry["action"] for entry in shown["result"]["objects"]] == ["delete"] * 3
    assert "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER" in run.stdout
    assert "+++ after" in run.stdout
    assert failed["failed"] and "NOPE" in run.stdout
    assert run.one("Failed as expected: refresh environment, a failure")
    assert [entry["action"] for entry in created["result"]["objects"]] == ["create"] * 3
    # One token per module run: the role converges every attendant in one run of webex_site.
    assert [entry["status"] for entry in sim.requests() if entry["path"] == "/v1/access_token"] == [200, 200]
