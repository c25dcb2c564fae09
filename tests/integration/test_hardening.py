"""Hardening (issue 18): what only a real ansible-playbook run shows. Every run here also goes through the secret scan
of runner.py, with -vvv where the module's invocation is printed.

Secrets: surrounding whitespace is stripped (given in the environment, as a variable, as options), inner whitespace
refused naming the option, and no error page echoing the request headers shows a token. Data stays data: an export
holding templates, and names only exact comparison tells apart (surrounding spaces, U+2028, U+0085, U+2029), round
trip through the export playbook, the apply playbook and the role. Each table is one playbook run, its cases as
tasks (task-level environment and vars where the case needs them).

The crashes turned into messages (a token answer without a token, a list answer that is not JSON, next-page links of
an api_url in upper case) are tests/component/test_hardening.py; the client's checks of a secret, request by request,
tests/unit/plugins/module_utils/test_webex_client.py.
"""

import os
import uuid

import pytest

from tests.ansible_yaml import load as ansible_load
from tests.builders import AA_MODULE as AA
from tests.builders import HQ, INFO_MODULE, aa_options
from tests.integration.runner import run_playbook, write_playbook

INFO = INFO_MODULE
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")
NO_TOKEN_ENV = {"WEBEX_ACCESS_TOKEN": ""}
PADDINGS = {"trailing-newline": lambda value: value + "\n", "spaces-and-crlf": lambda value: "  %s \r\n" % value}


def created_names(sim):
    return [
        entry["body"]["name"]
        for entry in sim.writes()
        if entry["method"] == "POST" and entry["status"] == 201 and entry["path"].endswith("/autoAttendants")
    ]


# -- secrets ------------------------------------------------------------------------------------------------------


# A secret given in a playbook reaches it here as an extra variable, never written in it: a failing task's error shows
# the playbook lines around it.
def _as_options(sim, padded, prefix):
    """The two option cases of one padding: (task options, extra variables) each."""
    token = {"access_token": "{{ %s_token }}" % prefix}, {"%s_token" % prefix: padded(sim.token)}
    refresh = (
        {key: "{{ %s_%s }}" % (prefix, key) for key in ("client_id", "client_secret", "refresh_token")},
        {
            "%s_client_id" % prefix: padded(sim.client_id),
            "%s_client_secret" % prefix: padded(sim.client_secret),
            "%s_refresh_token" % prefix: padded(sim.refresh_token),
        },
    )
    return {"token-variable": token, "refresh-options": refresh}


def test_secrets_with_surrounding_whitespace_given_as_options_are_used_stripped_and_never_shown(sim, tmp_path):
    tasks, extra_vars, secrets = [], {}, {}
    for index, (padding, padded) in enumerate(PADDINGS.items()):
        for how, (options, values) in _as_options(sim, padded, "padding%d" % index).items():
            name = "%s %s" % (how, padding)
            tasks.append({"name": name, AA: aa_options(name, "21%02d" % len(tasks), **options)})
            extra_vars.update(values)
        secrets["padded secret, " + padding] = padded(sim.token)
    run = run_playbook(
        write_playbook(tmp_path, tasks),
        sim,
        env=dict(NO_TOKEN_ENV),
        extra_vars=extra_vars,
        diff=True,
        extra_args=["-vvv"],
        secrets=secrets,
    )
    assert run.rc == 0, run
    assert {task["name"]: run.one(task["name"])["changed"] for task in tasks} == dict.fromkeys(
        (task["name"] for task in tasks), True
    )
    assert created_names(sim) == [task["name"] for task in tasks]


def _token_in_env(sim, padded):
    return {"WEBEX_ACCESS_TOKEN": padded(sim.token)}


def _refresh_in_env(sim, padded):
    return {
        "WEBEX_ACCESS_TOKEN": "",
        "WEBEX_CLIENT_ID": padded(sim.client_id),
        "WEBEX_CLIENT_SECRET": padded(sim.client_secret),
        "WEBEX_REFRESH_TOKEN": padded(sim.refresh_token),
    }


# The environment is the process's (a task's environment keyword is printed at -vvv): one run per case.
@pytest.mark.parametrize("padding", list(PADDINGS))
@pytest.mark.parametrize("given", [_token_in_env, _refresh_in_env], ids=["token-env", "refresh-env"])
def test_secrets_with_surrounding_whitespace_in_the_environment_are_used_stripped_and_never_shown(
    sim, tmp_path, given, padding
):
    padded = PADDINGS[padding]
    run = run_playbook(
        write_playbook(tmp_path, [{"name": "Task", AA: aa_options()}]),
        sim,
        env=given(sim, padded),
        diff=True,
        extra_args=["-vvv"],
        secrets={"padded secret": padded(sim.token)},
    )
    assert run.rc == 0, run
    assert run.one("Task")["result"]["changed"] is True
    assert created_names(sim) == ["Reception"]


# (option, value): refused naming the option, never the value; then two timeouts that are not positive.
MALFORMED = [
    ("access_token", "first-half-of-a-token\nsecond-half-of-it"),
    ("access_token", "first-half-of-a-token second-half"),
    ("access_token", "first-half-of-a-token\x00second-half"),
    ("access_token", "first-half-of-a-token\u00e9second-half"),
    ("client_secret", "first-half-of-a-secret\tsecond-half"),
    ("refresh_token", "first-half-of-a-refresh\u2028second-half"),
    ("client_id", "wxc-sim-client id-inside"),
]


def test_malformed_secrets_and_timeouts_are_refused_naming_the_option_before_any_request(sim, tmp_path):
    tasks, extra_vars, secrets = [], {}, {}
    for index, (option, value) in enumerate(MALFORMED):
        values = (
            {"access_token": sim.token}
            if option == "access_token"
            else {"client_id": sim.client_id, "client_secret": sim.client_secret, "refresh_token": sim.refresh_token}
        )
        values[option] = value
        extra_vars.update({"case%d_%s" % (index, key): item for key, item in values.items()})
        options = {key: "{{ case%d_%s }}" % (index, key) for key in values}
        tasks.append({"name": "Malformed %d" % index, AA: dict(aa_options(), **options), "ignore_errors": True})
        if option != "client_id":  # client_id is not secret (the invocation shows it), but no message quotes it
            secrets["malformed secret %d" % index] = value
    for timeout in (0, -5):
        tasks.append({"name": "Timeout %d" % timeout, AA: aa_options(timeout=timeout), "ignore_errors": True})
    run = run_playbook(
        write_playbook(tmp_path, tasks),
        sim,
        env=dict(NO_TOKEN_ENV),
        extra_vars=extra_vars,
        extra_args=["-vvv"],
        secrets=secrets,
    )
    assert run.rc == 0, run  # every failure ignored
    for index, (option, _value) in enumerate(MALFORMED):
        entry = run.one("Malformed %d" % index)
        msg = entry["result"]["msg"]
        assert entry["failed"] and "%s: holds whitespace, control or non-ASCII characters" % option in msg, entry
        assert "first-half" not in msg and "id-inside" not in msg
    for timeout in (0, -5):
        entry = run.one("Timeout %d" % timeout)
        assert entry["failed"] and "timeout: %d seconds; give a positive number" % timeout in entry["result"]["msg"]
    assert sim.requests() == []  # refused before any request


def test_an_error_page_that_echoes_the_request_headers_never_shows_a_token(sim, tmp_path):
    cases = [
        (page, auth) for page in ("echo_headers", "echo_headers_json") for auth in ("refresh-options", "token-option")
    ]
    tasks = []
    for page, auth in cases:
        if auth == "refresh-options":
            options = {
                "client_id": "{{ client_id }}",
                "client_secret": "{{ client_secret }}",
                "refresh_token": "{{ refresh_token }}",
            }
        else:
            options = {"access_token": "{{ access_token }}"}
        # One fault per task, taken in order: each task's first list request.
        sim.fault(method="GET", path="/autoAttendants$", status=400, body=page)
        tasks.append({"name": "%s %s" % (page, auth), AA: dict(aa_options(), **options), "ignore_errors": True})
    extra_vars = {
        "access_token": sim.token,
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "refresh_token": sim.refresh_token,
    }
    run = run_playbook(
        write_playbook(tmp_path, tasks), sim, env=dict(NO_TOKEN_ENV), extra_vars=extra_vars, extra_args=["-vvv"]
    )
    assert run.rc == 0, run
    for page, auth in cases:
        entry = run.one("%s %s" % (page, auth))
        result = entry["result"]
        assert entry["failed"], entry
        assert result["api_error"]["status"] == 400
        assert result["api_error"]["path"] == "/telephony/config/autoAttendants"
        if page == "echo_headers":
            assert "non-JSON error body of" in result["msg"] and "<html" not in result["msg"], result
        else:  # a JSON message is shown, with every token the module holds masked
            assert "Authorization: Bearer ********" in result["msg"], result
    # Only the two refresh-option tasks wrote: each minted its token.
    assert [e["path"] for e in sim.writes()] == ["/v1/access_token"] * 2


# -- data stays data: an export holding templates (item 1) ----------------------------------------------------------


def stored_attendants(sim):
    response = sim.api("GET", "/telephony/config/autoAttendants")
    response.raise_for_status()
    return response.json()["autoAttendants"]


def hostile_attendant(sim, canary):
    """An attendant whose every free-text field holds a template; two of them would run a command if rendered."""
    location_id = sim.location_id("Headquarters")
    touch = "{{ lookup('pipe', 'touch %s') }}"
    menu = {
        "greeting": "DEFAULT",
        "extensionEnabled": True,
        "keyConfigurations": [
            {
                "key": "0",
                "action": "TRANSFER_WITHOUT_PROMPT",
                "value": "1000",
                "description": touch % (canary + "-key"),
            },
            {"key": "1", "action": "EXIT", "description": "{% if true %}rendered{% endif %}"},
            {"key": "2", "action": "REPEAT_MENU", "description": "{# comment #}kept"},
            {"key": "3", "action": "NAME_DIALING", "description": "#jinja2:variable_start_string:'[['\n[[ 6 * 7 ]]"},
        ],
    }
    body = {
        "name": "Reception {{ 6 * 7 }}",
        "extension": "2100",
        "firstName": "{{ 6 * 7 }}",
        "lastName": "{% raw %}x{% endraw %}",
        "dialByName": "{# no #}Reception",
        "directLineCallerIdName": {"selection": "CUSTOM_NAME", "customName": touch % (canary + "-caller-id")},
        "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "businessHoursMenu": menu,
        "afterHoursMenu": menu,
    }
    response = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % location_id, json=body)
    assert response.status_code == 201, response.text
    return body


def assert_not_run(canary):
    leftovers = [path for path in (canary + "-key", canary + "-caller-id") if os.path.exists(path)]
    for path in leftovers:
        os.unlink(path)
    assert not leftovers, "a template in exported data ran on the controller"


@pytest.fixture(name="canary")
def fixture_canary():
    path = "/tmp/wxc-canary-%s" % uuid.uuid4().hex[:12]
    yield path
    assert_not_run(path)


# Names only exact comparison tells apart, created by the module (one task each) beside the hostile attendant.
ODD_NAMES = {
    "surrounding-spaces": " Lobby ",
    "u2028": "Lobby\u2028East",
    "u0085": "Lobby\x85East",
    "u2029": "Lobby\u2029East",
}


def test_templates_and_odd_names_round_trip_exactly_through_export_apply_and_the_role(sim, tmp_path, canary):
    body = hostile_attendant(sim, canary)
    tasks = [
        {"name": "Create %s" % case, AA: aa_options(name, "22%02d" % index)}
        for index, (case, name) in enumerate(ODD_NAMES.items())
    ]
    created = run_playbook(write_playbook(tmp_path, tasks, name="create.yml"), sim)
    assert created.rc == 0, created
    assert sorted(item["name"] for item in stored_attendants(sim)) == sorted([body["name"], *ODD_NAMES.values()])

    target = os.path.join(str(tmp_path), "auto_attendants.yml")
    run = run_playbook(EXPORT_PLAYBOOK, sim, extra_vars={"export_file": target})
    assert run.rc == 0, run
    with open(target, encoding="utf-8") as handle:
        text = handle.read()
    exported = {item["name"]: item for item in ansible_load(text)["webex_auto_attendants"]}
    assert sorted(exported) == sorted([body["name"], *ODD_NAMES.values()])
    hostile = exported[body["name"]]
    assert hostile["first_name"] == "{{ 6 * 7 }}"
    assert [entry["description"] for entry in hostile["business_hours_menu"]["key_configurations"]] == [
        entry["description"] for entry in body["businessHoursMenu"]["keyConfigurations"]
    ]
    assert 'name: !unsafe "Reception {{ 6 * 7 }}"' in text, text
    assert_not_run(canary)

    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target], diff=True)
    assert run.rc == 0, run
    applied = run.one("Converge the auto attendants and their call forwarding")["result"]
    assert sorted(obj["name"] for obj in applied["objects"] if obj["kind"] == "auto_attendants") == sorted(
        [body["name"], *ODD_NAMES.values()]
    )
    assert [obj["changed"] for obj in applied["objects"]] == [False] * len(applied["objects"])
    assert sim.writes() == []
    assert_not_run(canary)

    role_play = write_playbook(
        tmp_path,
        [
            {
                "name": "Apply the export through the role",
                "ansible.builtin.include_role": {"name": "wxc.calling.auto_attendant"},
                "vars": {"auto_attendant_list": "{{ webex_auto_attendants }}"},
            }
        ],
        name="role.yml",
    )
    run = run_playbook(role_play, sim, extra_args=["-e", "@" + target], diff=True)
    assert run.rc == 0, run
    # The role's one webex_site task: nothing changed and nothing was written.
    converged = run.one("wxc.calling.auto_attendant : Converge the site as one plan")["result"]
    assert converged["changed"] is False
    assert sorted(obj["name"] for obj in converged["objects"]) == sorted([body["name"], *ODD_NAMES.values()])
    assert run.changed == 0 and sim.writes() == []
    assert sorted(item["name"] for item in stored_attendants(sim)) == sorted([body["name"], *ODD_NAMES.values()])
    assert_not_run(canary)


def test_the_registered_export_cannot_be_templated_either(sim, tmp_path, canary):
    body = hostile_attendant(sim, canary)
    sim.clear_requests()
    fields = (
        "name",
        "location",
        "extension",
        "first_name",
        "last_name",
        "dial_by_name",
        "business_schedule",
        "direct_line_caller_id_name",
        "business_hours_menu",
        "after_hours_menu",
    )
    path = write_playbook(
        tmp_path,
        [
            {"name": "Read", INFO: {"location": HQ}, "register": "exported"},
            {"name": "Show", "ansible.builtin.debug": {"msg": "{{ exported.export[0].first_name }}"}},
            {"name": "Copy", "ansible.builtin.set_fact": {"copied": "{{ exported.export[0] }}"}},
            {"name": "Show the copy", "ansible.builtin.debug": {"msg": "{{ copied.business_hours_menu }}"}},
            {
                "name": "Apply",
                AA: {field: "{{ item.%s }}" % field for field in fields},
                "loop": "{{ exported.export }}",
            },
        ],
    )
    run = run_playbook(path, sim, diff=True)
    assert run.rc == 0, run
    assert run.one("Show")["result"]["msg"] == "{{ 6 * 7 }}"
    shown = run.one("Show the copy")["result"]["msg"]["key_configurations"]
    assert [entry["description"] for entry in shown] == [
        entry["description"] for entry in body["businessHoursMenu"]["keyConfigurations"]
    ]
    assert [r["changed"] for r in run.one("Apply")["result"]["results"]] == [False]
    assert sim.writes() == []
