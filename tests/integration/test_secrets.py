"""Secrets never leak: the access token, the client secret, the refresh token and every minted access token are absent
from ansible-playbook's output at -vvv (with diff, in check mode and on failures), from the recorded task results
(return values, diff, error messages) and from the simulator's own log of request bodies.

Each scenario gives the secrets a different way: as task options, through the environment, through module_defaults,
as role variables, and as refresh-token credentials that mint access tokens.
"""

import copy
import json

import pytest

from tests.integration.runner import run_playbook, write_playbook

AA = "wxc.calling.webex_auto_attendant"
INFO = "wxc.calling.webex_auto_attendant_info"
SCHEDULE = "wxc.calling.webex_schedule"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
ARGS = {
    "location": "Headquarters",
    "name": "Reception",
    "extension": "2100",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours_menu": MENU,
    "after_hours_menu": MENU,
}
SCHEDULE_ARGS = {
    "location": "Headquarters",
    "type": "holidays",
    "name": "Holidays",
    "events": [{"name": "New Year", "start_date": "2027-01-01", "end_date": "2027-01-01"}],
}
MINTED_PREFIX = "wxc-sim-minted-"  # every access token the simulator mints starts with it
WRONG_REFRESH_TOKEN = "wxc-wrong-refresh-token-0f9e8d"


def token_option(sim):
    return {"access_token": sim.token}


def refresh_options(sim):
    return {"client_id": sim.client_id, "client_secret": sim.client_secret, "refresh_token": sim.refresh_token}


def refresh_env(sim):
    return {
        "WEBEX_ACCESS_TOKEN": "",
        "WEBEX_CLIENT_ID": sim.client_id,
        "WEBEX_CLIENT_SECRET": sim.client_secret,
        "WEBEX_REFRESH_TOKEN": sim.refresh_token,
    }


def existing(sim):
    location_id = sim.location_id("Headquarters")
    menu = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
    sim.api(
        "POST",
        "/telephony/config/locations/%s/autoAttendants" % location_id,
        json={
            "name": "Reception",
            "extension": "2100",
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": menu,
            "afterHoursMenu": menu,
        },
    ).raise_for_status()


def _module_play(module, args):
    """One task of MODULE; with refresh credentials among ARGS, no access token in the environment either."""

    def build(sim):
        task_args = args(sim)
        return [{"name": "Task", module: task_args, "register": "result"}], (
            {"WEBEX_ACCESS_TOKEN": ""} if "refresh_token" in task_args else None
        )

    return build


# name: (tasks(sim) -> (tasks, env), before(sim) or None, run options, expected rc == 0)
SCENARIOS = {
    "create-token-option-diff": (
        _module_play(AA, lambda sim: dict(ARGS, **token_option(sim))),
        None,
        {"diff": True},
        True,
    ),
    "update-token-env-diff": (
        _module_play(AA, lambda sim: dict(ARGS, name_dialing="GROUP")),
        existing,
        {"diff": True},
        True,
    ),
    "check-mode-refresh-options": (
        _module_play(AA, lambda sim: dict(ARGS, **refresh_options(sim))),
        None,
        {"check": True, "diff": True},
        True,
    ),
    "update-refresh-env-diff": (
        lambda sim: ([{"name": "Task", AA: dict(ARGS, name_dialing="GROUP")}], refresh_env(sim)),
        existing,
        {"diff": True},
        True,
    ),
    "failing-call-token-option": (
        _module_play(AA, lambda sim: dict(ARGS, business_schedule="NOPE", **token_option(sim))),
        None,
        {"diff": True},
        False,
    ),
    "failing-call-refresh-options": (
        _module_play(AA, lambda sim: dict(ARGS, business_schedule="NOPE", **refresh_options(sim))),
        None,
        {},
        False,
    ),
    "bad-input-token-option": (
        _module_play(AA, lambda sim: dict(ARGS, extension="21a0", **token_option(sim))),
        None,
        {},
        False,
    ),
    "wrong-refresh-token": (
        _module_play(AA, lambda sim: {**ARGS, **refresh_options(sim), "refresh_token": WRONG_REFRESH_TOKEN}),
        None,
        {},
        False,
    ),
    "module-defaults-token": (
        lambda sim: ([{"name": "Task", AA: ARGS, "register": "result"}], {"WEBEX_ACCESS_TOKEN": ""}),
        None,
        {"diff": True, "module_defaults": True},
        True,
    ),
    "info-token-option": (
        _module_play(INFO, lambda sim: dict(location="Headquarters", **token_option(sim))),
        existing,
        {},
        True,
    ),
    "info-refresh-options": (_module_play(INFO, refresh_options), existing, {}, True),
    "schedule-refresh-options-diff": (
        _module_play(SCHEDULE, lambda sim: dict(SCHEDULE_ARGS, **refresh_options(sim))),
        None,
        {"diff": True},
        True,
    ),
    "schedule-token-option-check": (
        _module_play(SCHEDULE, lambda sim: dict(SCHEDULE_ARGS, **token_option(sim))),
        None,
        {"check": True, "diff": True},
        True,
    ),
}


def secrets_of(sim):
    return {
        "access token": sim.token,
        "client secret": sim.client_secret,
        "refresh token": sim.refresh_token,
        "read-only token": sim.read_only_token,
        "wrong refresh token": WRONG_REFRESH_TOKEN,
        "minted token": MINTED_PREFIX,
    }


def assert_no_secret(sim, run):
    places = {
        "stdout": run.stdout,
        "stderr": run.stderr,
        "task results": json.dumps(run.results),
        "simulator request log": json.dumps(sim.requests()),
    }
    for what, secret in secrets_of(sim).items():
        for where, text in places.items():
            assert secret not in text, "the %s appears in %s" % (what, where)


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_no_secret_anywhere(sim, tmp_path, scenario):
    build, before, options, succeeds = SCENARIOS[scenario]
    if before:
        before(sim)
    tasks, env = build(sim)
    play_options = dict(options)
    if play_options.pop("module_defaults", False):
        path = str(tmp_path / "playbook.yml")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(
                [
                    {
                        "name": "Test play",
                        "hosts": "localhost",
                        "gather_facts": False,
                        "module_defaults": {"group/wxc.calling.webex": {"access_token": sim.token}},
                        "tasks": tasks,
                    }
                ],
                handle,
            )
    else:
        path = write_playbook(tmp_path, tasks)
    run = run_playbook(path, sim, extra_args=["-vvv"], env=env, **play_options)
    assert (run.rc == 0) is succeeds, run
    assert "ESTABLISH LOCAL CONNECTION" in run.stdout  # really -vvv: module arguments and results are printed
    if succeeds and options.get("diff") and scenario.startswith(("create", "update", "check")):
        assert "+++ after" in run.stdout
    assert_no_secret(sim, run)
    if "refresh" in scenario and scenario != "wrong-refresh-token":
        assert [e["path"] for e in sim.requests()].count("/v1/access_token") == 1
    if scenario == "wrong-refresh-token":
        result = run.one("Task")["result"]
        assert result["api_error"]["path"] == "/access_token" and result["api_error"]["status"] == 400, result
        assert sim.writes() == [
            {
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
                **_extra_log_fields(sim.writes()[0]),
            }
        ]


def _extra_log_fields(entry):
    """Log fields other than the ones asserted here (the simulator may add some, such as the connection)."""
    return {key: value for key, value in entry.items() if key not in ("method", "path", "query", "status", "body")}


@pytest.mark.parametrize("no_log", [True, False], ids=["role-no-log", "role-diff-shown"])
def test_role_with_token_variable(sim, no_log):
    extra_vars = {"auto_attendant_access_token": sim.token, "auto_attendant_no_log": no_log}
    run = run_playbook(
        "role_auto_attendant.yml",
        sim,
        extra_vars=extra_vars,
        env={"WEBEX_ACCESS_TOKEN": ""},
        diff=True,
        extra_args=["-vvv"],
    )
    assert run.rc == 0, run
    assert_no_secret(sim, run)
    # The token was passed on the command line (-e) and is part of the recorded vars only as the masked module argument.
    assert "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER" in run.stdout or no_log


def test_role_with_refresh_credentials_in_the_environment_and_a_failure(sim):
    variables = {
        "auto_attendant_list": [
            {"name": "Good Site", "location": "Headquarters", "extension": "2901"},
            {"name": "Bad Site", "location": "Headquarters", "extension": "2902", "business_schedule": "NOPE"},
        ],
        "auto_attendant_defaults": {"business_schedule": "AUTOATTENDANT-BUSINESS-HOURS"},
    }
    run = run_playbook(
        "role_auto_attendant.yml",
        sim,
        extra_vars=copy.deepcopy(variables),
        env=refresh_env(sim),
        diff=True,
        extra_args=["-vvv"],
    )
    assert run.rc != 0, run
    assert_no_secret(sim, run)
    assert "NOPE" in run.stdout


def test_role_with_refresh_credentials_as_variables_and_no_log_off(sim):
    extra_vars = {
        "auto_attendant_client_id": sim.client_id,
        "auto_attendant_client_secret": sim.client_secret,
        "auto_attendant_refresh_token": sim.refresh_token,
        "auto_attendant_no_log": False,
    }
    run = run_playbook(
        "role_auto_attendant.yml",
        sim,
        extra_vars=extra_vars,
        env={"WEBEX_ACCESS_TOKEN": ""},
        diff=True,
        extra_args=["-vvv"],
    )
    assert run.rc == 0, run
    assert_no_secret(sim, run)
    assert "+++ after" in run.stdout
    # One token per module run: the role converges every attendant in one run of webex_auto_attendants.
    assert [e["path"] for e in sim.requests()].count("/v1/access_token") == 1
