"""The shared resource layer (plugins/module_utils/resource.py), function by function, with a scripted client.

Every resource builds on these; the resources' own tests reach them only along their usual paths, so the rarer
branches (a second ambiguous failure, a POST answered without an id, a read-back that finds nothing) are pinned here.
"""

import pytest
from ansible.module_utils.testing import patch_module_args

from ansible_collections.wxc.calling.plugins.module_utils import resource
from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    Plan,
    ResourceError,
    WriteNotApplied,
    api_path,
    create_once,
    delete,
    find_exact,
    name_problem,
    read_back,
    without_none,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

AMBIGUOUS = WebexApiError("POST", "/things", status=503, message="Service unavailable", ambiguous=True)
REFUSED = WebexApiError("POST", "/things", status=400, message="Bad request", error_code=25008)


class ScriptedClient:
    """Answers post/delete/get_all from a script (a value is returned, an exception raised); records the calls."""

    def __init__(self, *answers, tracking_id="T-last"):
        self.answers = list(answers)
        self.calls = []
        self.last_tracking_id = tracking_id

    def _next(self, call):
        self.calls.append(call)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def post(self, path, json):  # pylint: disable=redefined-outer-name
        return self._next(("POST", path, json))

    def delete(self, path):
        return self._next(("DELETE", path))

    def get_all(self, path, item_key, params=None):
        return self._next(("GET_ALL", path, item_key, params))


# -- pure helpers --------------------------------------------------------------------------------------------------


def test_without_none_drops_none_at_every_depth_and_keeps_falsy_values():
    value = {"a": None, "b": 0, "c": "", "d": False, "e": [{"f": None, "g": [None, {"h": None, "i": 1}]}], "j": {}}
    assert without_none(value) == {"b": 0, "c": "", "d": False, "e": [{"g": [None, {"i": 1}]}], "j": {}}
    assert without_none("text") == "text" and without_none(None) is None


@pytest.mark.parametrize(
    "value, problem",
    [
        (None, "must not be empty"),
        ("", "must not be empty"),
        ("   ", "must not be empty"),
        (5, "must not be empty"),
        ("x" * 80, None),
        ("x" * 81, "81 characters, the maximum is 80"),
        ("a\tb", "must not contain control characters"),
        ("a\x7fb", "must not contain control characters"),
        ("a\x00", "must not contain control characters"),
        ("Réception – main", None),
        ("a" * 1, None),
    ],
)
def test_name_problem(value, problem):
    assert name_problem(value) == problem


def test_name_problem_takes_another_maximum():
    assert name_problem("abcd", max_length=3) == "4 characters, the maximum is 3"
    assert name_problem("abc", max_length=3) is None


def test_api_path_quotes_each_id_as_one_segment():
    assert api_path("/l/%s/x/%s", "a/b+c=", 7) == "/l/a%2Fb%2Bc%3D/x/7"
    assert api_path("/plain") == "/plain"


# -- Plan ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("action, changed", [("create", True), ("update", True), ("delete", True), ("nothing", False)])
def test_plan_changed_is_anything_but_nothing(action, changed):
    assert Plan(action).changed is changed


def test_plan_refuses_an_unknown_action():
    with pytest.raises(ValueError, match="unknown plan action 'upsert'"):
        Plan("upsert")


def test_plan_defaults_and_diff_through_to_snake():
    plan = Plan(
        "update",
        body=None,
        before={"fooBar": 1},
        after={"fooBar": 2},
        to_snake=lambda value: {key.lower(): item for key, item in value.items()},
    )
    assert (plan.body, plan.before, plan.after) == ({}, {"fooBar": 1}, {"fooBar": 2})
    assert plan.diff() == {"before": {"foobar": 1}, "after": {"foobar": 2}}
    bare = Plan("nothing")
    assert (bare.body, bare.before, bare.after, bare.diff()) == ({}, {}, {}, {"before": {}, "after": {}})


# -- errors ----------------------------------------------------------------------------------------------------------


def test_resource_error_carries_changed():
    assert ResourceError("x").changed is False and ResourceError("x", changed=True).changed is True
    assert str(ResourceError("the message")) == "the message"


def test_write_not_applied_names_the_fields_and_the_tracking_id():
    error = WriteNotApplied("auto attendant 'Reception'", ["extension", "business_hours_menu"], "T1")
    assert str(error) == (
        "the service answered 2xx but did not apply extension, business_hours_menu of auto attendant "
        "'Reception' (trackingId T1)"
    )
    assert error.fields == ["extension", "business_hours_menu"] and error.tracking_id == "T1" and error.changed is True
    missing = WriteNotApplied("schedule 'Office'", [])
    assert str(missing) == "the service answered 2xx but schedule 'Office' was not created: it cannot be read back"
    assert missing.tracking_id is None and missing.fields == []


# -- find_exact, create_once, delete, read_back ------------------------------------------------------------------


def test_find_exact_keeps_only_what_match_accepts_over_the_whole_list():
    client = ScriptedClient([{"name": "Main Line"}, {"name": "Main"}, {"name": "MAIN"}])
    found = find_exact(client, "/things", "items", {"name": "Main"}, lambda item: item["name"] == "Main")
    assert found == [{"name": "Main"}]
    assert client.calls == [("GET_ALL", "/things", "items", {"name": "Main"})]


def test_create_once_posts_once_and_returns_the_id():
    client = ScriptedClient({"id": "new"})
    assert create_once(client, "/things", {"name": "x"}, lambda: pytest.fail("no lookup after a success")) == "new"
    assert client.calls == [("POST", "/things", {"name": "x"})]


def test_create_once_after_an_ambiguous_failure_takes_what_the_lookup_finds():
    client = ScriptedClient(AMBIGUOUS)
    lookups = []
    assert create_once(client, "/things", {"name": "x"}, lambda: lookups.append(1) or {"id": "found"}) == "found"
    assert len(client.calls) == 1 and lookups == [1]


def test_create_once_posts_again_only_when_the_lookup_finds_nothing():
    client = ScriptedClient(AMBIGUOUS, {"id": "second"})
    lookups = []
    assert create_once(client, "/things", {"name": "x"}, lambda: lookups.append(1)) == "second"
    assert [call[0] for call in client.calls] == ["POST", "POST"] and lookups == [1]


def test_create_once_gives_up_after_two_ambiguous_failures_and_says_the_outcome_is_unknown():
    client = ScriptedClient(AMBIGUOUS, AMBIGUOUS)
    lookups = []
    with pytest.raises(ResourceError) as caught:
        create_once(client, "/things", {"name": "x"}, lambda: lookups.append(1))
    # The POST may have been carried out all the same (the look-up may lag): changed, as for any write that may
    # have taken (issue 33).
    assert lookups == [1, 1] and len(client.calls) == 2 and caught.value.changed is True
    assert str(caught.value) == (
        "POST /things failed: HTTP 503: Service unavailable; it was looked up by name after "
        "each attempt and not found, so it was most likely not created, but the outcome is not "
        "certain (it may have taken: run again to converge)"
    )


def test_create_once_after_a_second_ambiguous_failure_takes_what_the_lookup_finds():
    client = ScriptedClient(AMBIGUOUS, AMBIGUOUS)
    found = iter([None, {"id": "late"}])
    assert create_once(client, "/things", {"name": "x"}, lambda: next(found)) == "late"


def test_create_once_raises_a_refusal_at_once():
    client = ScriptedClient(REFUSED)
    with pytest.raises(WebexApiError) as caught:
        create_once(client, "/things", {"name": "x"}, lambda: pytest.fail("a refusal is not ambiguous"))
    assert caught.value is REFUSED and len(client.calls) == 1


@pytest.mark.parametrize("answer", [{}, {"id": ""}, {"name": "x"}, ["id"], None])
def test_create_once_with_an_answer_without_id_says_it_may_have_been_created(answer):
    client = ScriptedClient(answer)
    with pytest.raises(ResourceError) as caught:
        create_once(client, "/things?orgId=O", {"name": "x"}, lambda: None)
    assert caught.value.changed is True
    assert str(caught.value) == (
        "POST /things answered without the id of the new object; it may have been created: run again to find it by name"
    )


def test_delete_is_true_when_deleted_false_when_already_gone():
    client = ScriptedClient(None, WebexApiError("DELETE", "/x", status=404, message="gone"))
    assert delete(client, "/x") is True
    assert delete(client, "/x") is False
    assert client.calls == [("DELETE", "/x"), ("DELETE", "/x")]


@pytest.mark.parametrize("missing_ok, status", [(False, 404), (True, 403), (True, 500), (True, None)])
def test_delete_raises_other_failures(missing_ok, status):
    failure = WebexApiError("DELETE", "/x", status=status, message="no")
    with pytest.raises(WebexApiError) as caught:
        delete(ScriptedClient(failure), "/x", missing_ok=missing_ok)
    assert caught.value is failure


def test_read_back_returns_what_is_stored_when_nothing_differs():
    client = ScriptedClient()
    assert read_back(client, "thing 'x'", lambda: {"name": "x"}, lambda stored: []) == {"name": "x"}


def test_read_back_names_what_did_not_take_with_the_tracking_id_of_the_write():
    client = ScriptedClient(tracking_id="T-write")

    def read():
        client.last_tracking_id = "T-read"  # the read is a request too: the write's id was taken before it
        return {"name": "x", "extension": "1"}

    with pytest.raises(WriteNotApplied) as caught:
        read_back(client, "thing 'x'", read, lambda stored: ["extension"])
    assert caught.value.fields == ["extension"] and caught.value.tracking_id == "T-write"
    assert str(caught.value).endswith("did not apply extension of thing 'x' (trackingId T-write)")


def test_read_back_of_an_object_that_is_not_there():
    def read():
        raise WebexApiError("GET", "/x", status=404, message="not found")

    with pytest.raises(WriteNotApplied) as caught:
        read_back(ScriptedClient(), "thing 'x'", read, lambda stored: pytest.fail("nothing to compare"))
    assert caught.value.fields == [] and "was not created" in str(caught.value)
    assert isinstance(caught.value.__cause__, WebexApiError)


def test_read_back_raises_other_read_failures():
    failure = WebexApiError("GET", "/x", status=500, message="boom")

    def read():
        raise failure

    with pytest.raises(WebexApiError) as caught:
        read_back(ScriptedClient(), "thing 'x'", read, lambda stored: [])
    assert caught.value is failure


# -- run_module ------------------------------------------------------------------------------------------------------


class ModuleExit(Exception):
    def __init__(self, result, failed):
        super().__init__(result)
        self.result = result
        self.failed = failed


@pytest.fixture(name="module_run")
def fixture_module_run(monkeypatch):
    """Run run_module() with module args, as AnsibleModule reads them; return (result, failed)."""
    from ansible.module_utils import basic  # pylint: disable=import-outside-toplevel

    def exit_json(self, **result):
        raise ModuleExit(result, False)

    def fail_json(self, **result):
        raise ModuleExit(result, True)

    monkeypatch.setattr(basic.AnsibleModule, "exit_json", exit_json)
    monkeypatch.setattr(basic.AnsibleModule, "fail_json", fail_json)

    def run(args, run_function, validate=None, check_mode=False):
        with patch_module_args(dict(args, _ansible_check_mode=check_mode)), pytest.raises(ModuleExit) as caught:
            resource.run_module({"name": {"type": "str", "required": True}}, run_function, validate=validate)
        return caught.value.result, caught.value.failed

    return run


CONNECTION = {"access_token": "secret-token", "api_url": "https://webex.test/v1"}


def test_run_module_passes_the_module_and_a_client_and_returns_the_result(module_run):
    seen = []

    def run(module, client):
        seen.append((module.params["name"], module.check_mode, client.api_url))
        return {"changed": True, "thing": {"name": module.params["name"]}}

    result, failed = module_run(dict(CONNECTION, name="x"), run, check_mode=True)
    assert not failed and result["changed"] is True and result["thing"] == {"name": "x"}
    assert seen == [("x", True, "https://webex.test/v1")]


def test_run_module_stops_on_validation_problems_before_any_client(module_run):
    result, failed = module_run(
        dict(CONNECTION, name="x"),
        lambda module, client: pytest.fail("ran"),
        validate=lambda params: ["name: bad", "other: worse"],
    )
    assert failed and result["msg"] == "Invalid options: name: bad; other: worse"
    assert result["errors"] == ["name: bad", "other: worse"]


def test_run_module_with_valid_options_runs(module_run):
    result, failed = module_run(
        dict(CONNECTION, name="x"), lambda module, client: {"changed": False}, validate=lambda params: []
    )
    assert not failed and result["changed"] is False


def test_run_module_reports_an_api_error_with_its_fields(module_run):
    error = WebexApiError("PUT", "/x", status=400, message="Bad", error_code=25008, tracking_id="T9")

    def run(module, client):
        raise error

    result, failed = module_run(dict(CONNECTION, name="x"), run)
    assert failed and result["msg"] == str(error) and result["api_error"] == error.as_dict()
    assert result["changed"] is False


def test_run_module_reports_a_resource_error_with_its_changed(module_run):
    def run(module, client):
        raise ResourceError("half done", changed=True)

    result, failed = module_run(dict(CONNECTION, name="x"), run)
    assert failed and result == {"msg": "half done", "changed": True}


def test_run_module_reports_what_did_not_take(module_run):
    def run(module, client):
        raise WriteNotApplied("thing 'x'", ["extension"], "T2")

    result, failed = module_run(dict(CONNECTION, name="x"), run)
    assert failed and result["not_applied"] == ["extension"] and result["changed"] is True
    assert "trackingId T2" in result["msg"]


def test_run_module_adds_the_connection_options(module_run):
    result, failed = module_run({"name": "x", "api_url": "https://webex.test/v1"}, lambda module, client: {})
    assert failed and result["msg"].startswith("access_token is required")


def test_run_module_validates_the_options_the_module_was_given(module_run):
    seen = []

    def validate(params):
        seen.append(params["name"])
        return ["name: %s is taken" % params["name"]]

    result, failed = module_run(
        dict(CONNECTION, name="x"), lambda module, client: pytest.fail("ran"), validate=validate
    )
    assert failed and result == {"msg": "Invalid options: name: x is taken", "errors": ["name: x is taken"]}
    assert seen == ["x"]


def test_run_module_reports_an_api_error_after_a_write_as_changed(module_run):
    # A read-back that fails after the write went through (announcements marks the error so).
    error = WebexApiError("GET", "/x", status=500, message="Down")
    error.changed = True

    def run(module, client):
        raise error

    result, failed = module_run(dict(CONNECTION, name="x"), run)
    assert failed and result == {"msg": str(error), "api_error": error.as_dict(), "changed": True}


@pytest.mark.parametrize(
    "value, problem",
    [
        (
            True,
            "menu.key_configurations[1].value (key 1): is the boolean true, not text (YAML reads an unquoted yes, no, "
            'on, off, true or false as a boolean); quote it, for example value: "no"',
        ),
        (
            100,
            "menu.key_configurations[1].value (key 1): is the number 100, not text (YAML reads unquoted digits as a "
            'number: 0100 becomes 64, 1_000 becomes 1000); quote it, for example value: "0100"',
        ),
        ([1], "menu.key_configurations[1].value (key 1): must be text, got list"),
    ],
)
def test_text_problem_says_exactly_what_yaml_did_and_quotes_the_last_option_name(value, problem):
    assert resource.text_problem("menu.key_configurations[1].value (key 1)", value) == problem


def test_plan_names_the_unknown_action():
    with pytest.raises(ValueError) as caught:
        resource.Plan("rename")
    assert str(caught.value) == "unknown plan action 'rename'"


def test_read_back_of_a_missing_object_says_it_was_not_created_with_the_tracking_id():
    class Client:
        last_tracking_id = "T_WRITE"

    def read():
        raise WebexApiError("GET", "/x", status=404, message="Not found")

    with pytest.raises(WriteNotApplied) as caught:
        read_back(Client(), "thing 'x'", read, lambda stored: [])
    assert str(caught.value) == (
        "the service answered 2xx but thing 'x' was not created: it cannot be read back (trackingId T_WRITE)"
    )
    assert caught.value.tracking_id == "T_WRITE" and caught.value.fields == []


# -- a write that may have taken, and deletes read back (issue 33) -----------------------------------------------------


class RecordingClient(ScriptedClient):
    """A ScriptedClient that keeps the record of writes sent, as WebexClient.writes_sent() does."""

    def __init__(self, *answers, **kwargs):
        super().__init__(*answers, **kwargs)
        self.sent = []

    def writes_sent(self):
        return self.sent

    def get(self, path):
        return self._next(("GET", path))


def sent(method, path, outcome):
    from ansible_collections.wxc.calling.plugins.module_utils.webex_client import SentWrite  # noqa: PLC0415

    return SentWrite(method, path, outcome)


def test_writes_reported_leaves_a_failure_before_any_write_alone():
    client = RecordingClient()
    client.sent.append(sent("PUT", "/earlier", "answered 200"))  # before the block: not this operation's
    error = WebexApiError("GET", "/x", status=500, message="Down")
    with pytest.raises(WebexApiError), resource.writes_reported(client):
        raise error
    assert error.changed is False and str(error) == "GET /x failed: HTTP 500: Down"


def test_writes_reported_marks_a_failed_read_back_changed_naming_the_write():
    client = RecordingClient()
    error = WebexApiError("GET", "/x/1", status=500, message="Down")
    error.step = "the read-back"
    with pytest.raises(WebexApiError), resource.writes_reported(client) as writes:
        client.sent.append(sent("POST", "/x", "answered 201"))
        raise error
    assert [str(write) for write in writes.sent] == ["POST /x (answered 201)"]
    assert error.changed is True and error.as_dict()["message"] == "Down"
    assert str(error) == (
        "POST /x was sent (answered 201); the read-back failed: GET /x/1 failed: HTTP 500: Down; it may have taken: "
        "run the task again to converge"
    )


def test_the_write_that_failed_itself_is_said_to_have_an_unknown_outcome():
    client = RecordingClient()
    error = WebexApiError("PUT", "/x", status=502, message="Bad gateway", ambiguous=True)
    with pytest.raises(WebexApiError), resource.writes_reported(client):
        client.sent.extend([sent("PUT", "/x", "answered HTTP 502")] * 4)
        raise error
    assert str(error) == (
        "PUT /x was sent (answered HTTP 502); its outcome is not known: PUT /x failed: HTTP 502: Bad gateway; it may "
        "have taken: run the task again to converge"
    )


def test_several_writes_then_a_refusal_name_the_writes_once_each_with_their_last_outcome():
    client = RecordingClient()
    error = WebexApiError("POST", "/s/1/events", status=400, message="Bad")
    with pytest.raises(WebexApiError), resource.writes_reported(client):
        client.sent.extend([sent("PUT", "/s/1", "answered HTTP 503"), sent("PUT", "/s/1", "answered 200")])
        client.sent.append(sent("DELETE", "/s/1/events/2", "answered 204"))
        raise error
    assert str(error) == (
        "2 writes were sent (PUT /s/1 (answered 200), DELETE /s/1/events/2 (answered 204)); then POST /s/1/events "
        "failed: HTTP 400: Bad; they may have taken: run the task again to converge"
    )


def test_a_long_list_of_writes_shows_the_last_five():
    writes = [sent("DELETE", "/x/%d" % number, "answered 204") for number in range(7)]
    assert resource.sent_text(writes) == (
        "7 writes were sent (the last 5: %s)" % ", ".join("DELETE /x/%d (answered 204)" % n for n in range(2, 7))
    )


def test_writes_reported_marks_a_resource_error_and_keeps_one_that_already_says_changed():
    client = RecordingClient()
    plain, already = ResourceError("renamed but not found"), WriteNotApplied("thing 'x'", ["name"], "T1")
    for error in (plain, already):
        with pytest.raises(ResourceError), resource.writes_reported(client):
            client.sent.append(sent("PUT", "/x", "answered 200"))
            raise error
    assert plain.changed is True and str(plain) == (
        "PUT /x was sent (answered 200); then renamed but not found; it may have taken: run the task again to converge"
    )
    assert str(already) == "the service answered 2xx but did not apply name of thing 'x' (trackingId T1)"


def test_writes_reported_marks_any_exception_changed_and_never_swallows_it():
    client = RecordingClient()
    error = KeyError("id")
    with pytest.raises(KeyError), resource.writes_reported(client):
        client.sent.append(sent("POST", "/x", "answered 201"))
        raise error
    assert error.changed is True


def test_a_client_without_a_record_reports_nothing_sent():
    with resource.writes_reported(ScriptedClient()) as writes:
        pass
    assert writes.sent == []


def test_delete_confirmed_reads_the_path_back_and_a_404_confirms():
    gone = WebexApiError("GET", "/x", status=404, message="Not found")
    client = RecordingClient(None, gone)
    assert resource.delete_confirmed(client, "thing 'x'", "/x") is True
    assert client.calls == [("DELETE", "/x"), ("GET", "/x")]


def test_delete_confirmed_of_an_object_gone_already_still_reads_back():
    gone = WebexApiError("GET", "/x", status=404, message="Not found")
    client = RecordingClient(WebexApiError("DELETE", "/x", status=404, message="Not found"), gone)
    assert resource.delete_confirmed(client, "thing 'x'", "/x") is False


def test_delete_confirmed_of_an_object_still_there_names_it_with_the_delete_tracking_id():
    client = RecordingClient(None, {"id": "x"}, tracking_id="T-DELETE")
    with pytest.raises(WriteNotApplied) as caught:
        resource.delete_confirmed(client, "thing 'x'", "/x")
    assert isinstance(caught.value, resource.DeleteNotApplied) and caught.value.changed is True
    assert caught.value.fields == ["delete"]
    assert str(caught.value) == (
        "the service answered the DELETE of thing 'x', but it is still there: the delete did not take "
        "(trackingId T-DELETE)"
    )


def test_delete_confirmed_raises_a_failed_read_back_as_the_read_back():
    down = WebexApiError("GET", "/x", status=500, message="Down")
    client = RecordingClient(None, down)
    with pytest.raises(WebexApiError) as caught:
        resource.delete_confirmed(client, "thing 'x'", "/x", read=lambda: client.get("/x"))
    assert caught.value is down and down.step == "the read-back"


def test_the_look_up_after_an_ambiguous_post_is_named_when_it_fails():
    down = WebexApiError("GET", "/things", status=500, message="Down")

    def lookup():
        raise down

    with pytest.raises(WebexApiError):
        create_once(ScriptedClient(AMBIGUOUS), "/things", {"name": "x"}, lookup)
    assert down.step == "the look-up after it"


def test_module_result_reports_a_success_after_a_write_as_changed():
    client = RecordingClient()

    def run(module, client):
        client.sent.append(sent("PUT", "/x", "answered 200"))
        return {"changed": False, "thing": 1}

    assert resource.module_result(run, None, client) == (False, {"changed": True, "thing": 1})
    assert resource.module_result(lambda module, client: {"changed": False}, None, client) == (
        False,
        {"changed": False},
    )
