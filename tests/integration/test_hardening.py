"""Hardening (issue 18), each case as a real ansible-playbook run against the simulator.

Secrets: surrounding whitespace is stripped, inner whitespace refused naming the option, minted tokens masked, and no
error quotes a header or a non-JSON body. Crashes turned into messages: timeout, token answer, non-JSON list, next-page
links of an api_url written in upper case. Data stays data: an export holding templates applies as text.
Every run here also goes through the secret scan of runner.py.
"""

import os
import uuid

import pytest

from tests.ansible_yaml import load as ansible_load
from tests.integration.runner import run_playbook, write_playbook

AA = "wxc.calling.webex_auto_attendant"
INFO = "wxc.calling.webex_auto_attendant_info"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
ARGS = {
    "location": "Headquarters",
    "name": "Reception",
    "extension": "2100",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours_menu": MENU,
    "after_hours_menu": MENU,
}
NO_TOKEN_ENV = {"WEBEX_ACCESS_TOKEN": ""}


def play(tmp_path, task_args, module=AA, play_vars=None):
    task = {"name": "Task", module: task_args, "register": "result"}
    path = write_playbook(tmp_path, [task])
    if play_vars:  # play-level vars: how a vaulted value or a `|` block reaches a task
        import yaml  # pylint: disable=import-outside-toplevel

        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        document[0]["vars"] = play_vars
        with open(path, "w", encoding="utf-8") as handle:
            yaml.safe_dump(document, handle, sort_keys=False)
    return path


def created_names(sim):
    return [
        entry["body"]["name"]
        for entry in sim.writes()
        if entry["method"] == "POST" and entry["status"] == 201 and entry["path"].endswith("/autoAttendants")
    ]


# -- secrets ------------------------------------------------------------------------------------------------------


def _token_in_env(sim, padded):
    return {}, {"WEBEX_ACCESS_TOKEN": padded(sim.token)}


def _token_as_block_var(sim, padded):
    return {"access_token": "{{ webex_token }}"}, dict(NO_TOKEN_ENV, __vars={"webex_token": padded(sim.token)})


def _refresh_in_env(sim, padded):
    return {}, {
        "WEBEX_ACCESS_TOKEN": "",
        "WEBEX_CLIENT_ID": padded(sim.client_id),
        "WEBEX_CLIENT_SECRET": padded(sim.client_secret),
        "WEBEX_REFRESH_TOKEN": padded(sim.refresh_token),
    }


def _refresh_as_options(sim, padded):
    return {
        "client_id": padded(sim.client_id),
        "client_secret": padded(sim.client_secret),
        "refresh_token": padded(sim.refresh_token),
    }, dict(NO_TOKEN_ENV)


@pytest.mark.parametrize(
    "padded",
    [lambda value: value + "\n", lambda value: "  %s \r\n" % value],
    ids=["trailing-newline", "spaces-and-crlf"],
)
@pytest.mark.parametrize(
    "given",
    [_token_in_env, _token_as_block_var, _refresh_in_env, _refresh_as_options],
    ids=["token-env", "token-block-var", "refresh-env", "refresh-options"],
)
def test_secrets_with_surrounding_whitespace_are_used_stripped_and_never_shown(sim, tmp_path, given, padded):
    options, env = given(sim, padded)
    play_vars = env.pop("__vars", None)
    run = run_playbook(
        play(tmp_path, dict(ARGS, **options), play_vars=play_vars),
        sim,
        env=env,
        diff=True,
        extra_args=["-vvv"],
        secrets={"padded secret": padded(sim.token)},
    )
    assert run.rc == 0, run
    assert run.one("Task")["result"]["changed"] is True
    assert created_names(sim) == ["Reception"]


@pytest.mark.parametrize(
    "option, value",
    [
        ("access_token", "first-half-of-a-token\nsecond-half-of-it"),
        ("access_token", "first-half-of-a-token second-half"),
        ("access_token", "first-half-of-a-token\x00second-half"),
        ("access_token", "first-half-of-a-token\u00e9second-half"),
        ("client_secret", "first-half-of-a-secret\tsecond-half"),
        ("refresh_token", "first-half-of-a-refresh\u2028second-half"),
        ("client_id", "wxc-sim-client id-inside"),
    ],
)
def test_a_secret_with_inner_whitespace_or_controls_is_refused_naming_the_option_never_the_value(
    sim, tmp_path, option, value
):
    options = (
        {"access_token": sim.token}
        if option == "access_token"
        else {"client_id": sim.client_id, "client_secret": sim.client_secret, "refresh_token": sim.refresh_token}
    )
    options[option] = value
    # client_id is not secret (the invocation shows it), but the message does not quote it either.
    run = run_playbook(
        play(tmp_path, dict(ARGS, **options)),
        sim,
        env=dict(NO_TOKEN_ENV),
        extra_args=["-vvv"],
        secrets={} if option == "client_id" else {"malformed secret": value},
    )
    assert run.rc != 0, run
    result = run.one("Task")["result"]
    assert "%s: holds whitespace, control or non-ASCII characters" % option in result["msg"], result
    assert "first-half" not in result["msg"] and "id-inside" not in result["msg"]
    assert sim.requests() == []  # refused before any request


@pytest.mark.parametrize("page", ["echo_headers", "echo_headers_json"])
@pytest.mark.parametrize("auth", ["refresh-options", "token-option"])
def test_an_error_page_that_echoes_the_request_headers_never_shows_a_token(sim, tmp_path, page, auth):
    if auth == "refresh-options":
        options = {"client_id": sim.client_id, "client_secret": sim.client_secret, "refresh_token": sim.refresh_token}
    else:
        options = {"access_token": sim.token}
    sim.fault(method="GET", path="/autoAttendants$", status=400, body=page)
    run = run_playbook(play(tmp_path, dict(ARGS, **options)), sim, env=dict(NO_TOKEN_ENV), extra_args=["-vvv"])
    assert run.rc != 0, run
    result = run.one("Task")["result"]
    assert result["api_error"]["status"] == 400 and result["api_error"]["path"] == "/telephony/config/autoAttendants"
    if page == "echo_headers":
        assert "non-JSON error body of" in result["msg"] and "<html" not in result["msg"], result
    else:  # a JSON message is shown, with every token the module holds masked
        assert "Authorization: Bearer ********" in result["msg"], result
    assert sim.writes() == [] if auth == "token-option" else [e["path"] for e in sim.writes()] == ["/v1/access_token"]


# -- crashes that become messages (item 12) --------------------------------------------------------------------------


@pytest.mark.parametrize("timeout", [0, -5])
def test_a_timeout_that_is_not_positive_is_refused_naming_the_option(sim, tmp_path, timeout):
    run = run_playbook(play(tmp_path, dict(ARGS, timeout=timeout)), sim)
    assert run.rc != 0, run
    assert "timeout: %d seconds; give a positive number" % timeout in run.one("Task")["result"]["msg"]
    assert sim.requests() == []


def test_a_token_answer_without_access_token_says_so(sim, tmp_path):
    sim.fault(method="POST", path="/access_token$", status=200, body={"token_type": "Bearer", "expires_in": 3600})
    options = {"client_id": sim.client_id, "client_secret": sim.client_secret, "refresh_token": sim.refresh_token}
    run = run_playbook(play(tmp_path, dict(ARGS, **options)), sim, env=dict(NO_TOKEN_ENV))
    assert run.rc != 0, run
    msg = run.one("Task")["result"]["msg"]
    assert msg.startswith("POST /access_token failed: HTTP 200") and "holds no usable access_token" in msg, msg
    assert "expires_in, token_type" in msg and [e["path"] for e in sim.requests()] == ["/v1/access_token"]


def test_a_list_answer_that_is_not_json_names_the_request(sim, tmp_path):
    sim.fault(method="GET", path="/telephony/config/autoAttendants$", status=200, body="html")
    run = run_playbook(play(tmp_path, ARGS), sim)
    assert run.rc != 0, run
    msg = run.one("Task")["result"]["msg"]
    assert msg.startswith("GET /telephony/config/autoAttendants failed: HTTP 200") and "is not JSON" in msg, msg
    assert "text/html" in msg and "<html" not in msg and sim.writes() == []


def test_an_api_url_with_an_upper_case_host_follows_next_page_links(sim, tmp_path):
    count = 101  # the list's default page is 100: two pages
    sim.seed_auto_attendants("Headquarters", count)
    api_url = "HTTP://LOCALHOST:%d/v1" % sim.port  # next-page links come back in lower case
    run = run_playbook(play(tmp_path, {"location": "Headquarters"}, module=INFO), sim, env={"WEBEX_API_URL": api_url})
    assert run.rc == 0, run
    assert len(run.one("Task")["result"]["auto_attendants"]) == count
    lists = [e for e in sim.requests() if e["path"] == "/v1/telephony/config/autoAttendants"]
    assert len(lists) == 2 and "start" in lists[1]["query"], lists


# -- data stays data: an export holding templates (item 1) ----------------------------------------------------------


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


def test_templates_in_exported_data_round_trip_as_text_through_apply_and_the_role(sim, tmp_path, canary):
    body = hostile_attendant(sim, canary)
    target = os.path.join(str(tmp_path), "auto_attendants.yml")
    run = run_playbook(EXPORT_PLAYBOOK, sim, extra_vars={"export_file": target})
    assert run.rc == 0, run
    with open(target, encoding="utf-8") as handle:
        text = handle.read()
    exported = ansible_load(text)["webex_auto_attendants"]
    assert exported[0]["name"] == body["name"] and exported[0]["first_name"] == "{{ 6 * 7 }}"
    assert [entry["description"] for entry in exported[0]["business_hours_menu"]["key_configurations"]] == [
        entry["description"] for entry in body["businessHoursMenu"]["keyConfigurations"]
    ]
    assert 'name: !unsafe "Reception {{ 6 * 7 }}"' in text, text
    assert_not_run(canary)

    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target], diff=True)
    assert run.rc == 0, run
    assert [r["changed"] for r in run.one("Converge the auto attendants")["result"]["results"]] == [False]
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
    # Whether the role loops the module or calls one bulk module, nothing changed and nothing was written.
    assert run.one("wxc.calling.auto_attendant : Configure auto attendants")["result"]["changed"] is False
    assert run.changed == 0 and sim.writes() == []
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
            {"name": "Read", INFO: {"location": "Headquarters"}, "register": "exported"},
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
