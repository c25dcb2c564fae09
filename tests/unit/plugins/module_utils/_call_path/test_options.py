"""_call_path/options.py: webex_call_path's options (argument_spec, then validate_options), each refusal naming the
option, and the calls the options describe (tests inherit location, at and caller from the task)."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._call_path import options as cp_options
from tests.builders import DENVER, MAIN_LINE_NUMBER


def check(**options):
    return cp_options.check_options(options)


def test_one_call_and_a_file_of_tests_are_accepted():
    assert check(number=MAIN_LINE_NUMBER, at="2026-03-09T09:30", presses=["1", "*", 2, "2201"], caller="private") == []
    assert check(location=DENVER, auto_attendant="Main Line", expect={"menu": "after_hours"}) == []
    assert (
        check(
            location=DENVER,
            at="2026-03-09T09:30:00Z",
            tests=[
                {"name": "a", "number": "2100", "expect": {"destination": {"type": "voicemail", "value": "2100"}}},
                {"name": "b", "auto_attendant": "Sales", "caller": "+13035550199"},
            ],
            originator={"id": "person", "type": "TRUNK", "number": "+13035550100"},
        )
        == []
    )


@pytest.mark.parametrize(
    "options, problem",
    [
        ({}, "the call: give number (the number dialled) or auto_attendant (with location), one of them"),
        (
            {"number": "2100", "auto_attendant": "Main", "location": DENVER},
            "the call: give number (the number dialled) or auto_attendant (with location), one of them",
        ),
        ({"auto_attendant": "Main"}, "auto_attendant: needs location (the attendant's location, a name or an id)"),
        ({"number": 2100}, "number: is the number 2100, not text"),
        ({"number": "12-ab"}, "number: '12-ab' is not an E.164 number (like +19705550006), an extension or an ESN"),
        ({"number": "2100", "location": " "}, "location: must not be empty"),
        (
            {"number": "2100", "caller": "anonymous"},
            "caller: 'anonymous' is not a number, an extension, private or unavailable",
        ),
        ({"number": "2100", "at": "Monday 9:30"}, "at: 'Monday 9:30' is not an ISO 8601 date and time"),
        (
            {"number": "2100", "presses": ["A"]},
            "presses[0]: 'A' is not a key (0-9, * or #) nor the digits of an extension",
        ),
        ({"number": "2100", "presses": [10]}, "presses[0]: is the number 10, not text"),
        ({"number": "2100", "presses": [True]}, "presses[0]: is the boolean true, not text"),
        ({"number": "2100", "expect": {}}, "expect: give destination, auto_attendant or menu"),
        (
            {"number": "2100", "expect": {"destination": {"type": "extension", "value": 2201}}},
            "expect.destination.value: is the number 2201, not text",
        ),
        (
            {"number": "2100", "expect": {"auto_attendant": " "}},
            "expect.auto_attendant: must be the name of an auto attendant",
        ),
        ({"number": "2100", "expect": {"destination": {"type": "pstn"}}}, "value of type must be one of"),
        ({"number": "2100", "originator": {"id": "p", "number": 5}}, "originator.number: is the number 5, not text"),
        (
            {"number": "2100", "tests": [{"name": "a", "number": "2100"}]},
            "number: give it per test (in tests[]), not for the task",
        ),
        ({"tests": []}, "tests: must list at least one call"),
        (
            {"tests": [{"name": "a", "number": "2100"}, {"name": "a", "number": "2200"}]},
            "tests[1].name: test 'a' is listed more than once",
        ),
        ({"tests": [{"name": " ", "number": "2100"}]}, "tests[0].name: must not be empty"),
        (
            {"tests": [{"name": "a"}]},
            "tests[0]: give number (the number dialled) or auto_attendant (with location), one of them",
        ),
        ({"tests": [{"name": "a", "number": "2100", "presses": ["x"]}]}, "tests[0].presses[0]: 'x' is not a key"),
    ],
)
def test_what_is_refused_names_the_option(options, problem):
    problems = cp_options.check_options(options)
    assert any(found.startswith(problem) or problem in found for found in problems), problems


def test_tests_inherit_location_at_and_caller_unless_they_give_their_own():
    params = {field: None for field in cp_options.argument_spec()}
    params.update(
        location=DENVER,
        at="2026-03-09T09:30",
        caller="private",
        tests=[
            dict({field: None for field in cp_options.CALL_FIELDS}, name="a", number="2100"),
            dict(
                {field: None for field in cp_options.CALL_FIELDS},
                name="b",
                number="2200",
                location="Headquarters",
                at="2026-03-10T10:00",
                caller="+13035550100",
            ),
        ],
    )
    first, second = cp_options.calls_from_params(params)
    assert (first["name"], first["location"], first["at"], first["caller"]) == (
        "a",
        DENVER,
        "2026-03-09T09:30",
        "private",
    )
    assert (second["location"], second["at"], second["caller"]) == ("Headquarters", "2026-03-10T10:00", "+13035550100")


def test_without_tests_the_options_are_the_one_call():
    params = {field: None for field in cp_options.argument_spec()}
    params.update(number="2100", presses=["1"])
    assert cp_options.calls_from_params(params) == [
        dict({field: None for field in cp_options.CALL_FIELDS}, name=None, number="2100", presses=["1"])
    ]
