"""The call_path filter: one call or a list, the task-like defaults (location, at, caller), results that never fail
on a mismatch, and input it cannot read refused with an AnsibleFilterError naming what is wrong."""

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.wxc.calling.plugins.filter.call_path import FilterModule, call_path
from tests.builders import DENVER, MAIN_LINE_NUMBER, site_data

CALL = {"number": MAIN_LINE_NUMBER, "at": "2026-03-09T09:30", "presses": ["0"]}


def test_the_filter_is_registered():
    assert FilterModule().filters() == {"call_path": call_path}


def test_one_call_gives_one_result_and_a_list_a_list():
    result = call_path(CALL, site_data())
    assert result["destination"]["type"] == "operator" and result["passed"] is True and result["name"] is None
    results = call_path([dict(CALL, name="a"), dict(CALL, name="b", presses=["9"])], site_data())
    assert [(item["name"], item["destination"]["type"]) for item in results] == [("a", "operator"), ("b", "disconnect")]
    assert call_path([], site_data()) == []


def test_defaults_apply_to_calls_that_leave_them_out():
    results = call_path(
        [{"auto_attendant": "Sales", "presses": ["1"]}, {"number": "2200", "at": "2026-03-09T08:00"}],
        site_data(),
        location=DENVER,
        at="2026-03-09T09:30",
        caller="private",
    )
    assert [item["call"]["at"] for item in results] == ["2026-03-09T09:30:00-06:00", "2026-03-09T08:00:00-06:00"]
    assert results[0]["call"]["caller"] == "private" and results[0]["call"]["location"] == DENVER


def test_a_mismatch_is_a_result_not_an_error():
    result = call_path(dict(CALL, expect={"destination": {"type": "voicemail"}}), site_data())
    assert result["passed"] is False
    assert result["mismatches"] == ["destination: expected voicemail, traced operator"]
    assert result["message"].startswith("call 1: destination: expected voicemail, traced operator; traced: ")


@pytest.mark.parametrize(
    "calls, message",
    [
        ("+17205550100", "call_path: expects a call (a dictionary) or a list of calls, got str"),
        (["+17205550100"], "call_path: calls[0]: must be a dictionary, got str"),
        ({"number": MAIN_LINE_NUMBER, "pressed": ["1"]}, "call_path: the call: unknown field(s) pressed"),
        ([{"name": "x", "number": 2100}], "call_path: calls[0].number: is the number 2100, not text"),
        ({"auto_attendant": "Sales"}, "call_path: auto_attendant: needs location"),
    ],
)
def test_calls_it_cannot_read_are_refused(calls, message):
    with pytest.raises(AnsibleFilterError) as caught:
        call_path(calls, site_data())
    assert str(caught.value).startswith(message)


def test_data_it_cannot_read_is_refused():
    with pytest.raises(AnsibleFilterError) as caught:
        call_path(CALL, {"attendants": []})
    assert str(caught.value).startswith("call_path: data: unknown key(s) attendants")
