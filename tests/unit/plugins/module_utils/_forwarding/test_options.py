"""_forwarding/options.py: validate_options() (every message, naming the option) and check_options() (the argument
spec first, then the rest)."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as fw_options
from tests.unit.plugins.module_utils._forwarding.shared import CALLS_TO, CUSTOM, SPECIFIED, options, rule


def test_valid_options_have_no_errors():
    assert fw_options.validate_options(options(always={"enabled": True, "destination": "+19705550006"})) == []
    assert (
        fw_options.validate_options(options(rules=[rule(forward_to=SPECIFIED, calls_from=CUSTOM, calls_to=CALLS_TO)]))
        == []
    )
    assert fw_options.validate_options(options(rules=[], purge_rules=True)) == []


NOT_A_NUMBER = "is not an E.164 number (like +19705550006), an extension or an ESN"


@pytest.mark.parametrize(
    "overrides, errors",
    [
        ({"location": " "}, ["location: must not be empty"]),
        (
            {"location": None, "auto_attendant": ""},
            ["location: must not be empty", "auto_attendant: must not be empty"],
        ),
        ({"selective": {"destination": "somewhere"}}, ["selective.destination: 'somewhere' " + NOT_A_NUMBER]),
        ({"always": {"destination": "+0-970-555-0006"}}, ["always.destination: '+0-970-555-0006' " + NOT_A_NUMBER]),
        (
            {"always": {"destination": 100}},
            [
                "always.destination: is the number 100, not text (YAML reads unquoted digits as a number: 0100 "
                'becomes 64, 1_000 becomes 1000); quote it, for example destination: "0100"'
            ],
        ),
        ({"purge_rules": True}, ["purge_rules: needs rules (the rules to keep; rules: [] deletes every rule)"]),
        ({"rules": [rule(name="")]}, ["rules[0].name: must not be empty"]),
        ({"rules": [rule(new_name="x" * 81)]}, ["rules[0].new_name: 81 characters, the maximum is 80"]),
        (
            {"rules": [rule(name=True)]},
            [
                "rules[0].name: is the boolean true, not text (YAML reads an unquoted yes, no, on, off, true or false "
                'as a boolean); quote it, for example name: "no"'
            ],
        ),
        (
            {"rules": [rule(new_name=7)]},
            [
                "rules[0].new_name: is the number 7, not text (YAML reads unquoted digits as a number: 0100 becomes "
                '64, 1_000 becomes 1000); quote it, for example new_name: "0100"'
            ],
        ),
        ({"rules": [rule(), rule()]}, ["rules[1].name: rule name 'VIP' is already used by rules[0].name"]),
        (
            {"rules": [rule(), rule(name="Other", new_name="VIP")]},
            ["rules[1].new_name: rule name 'VIP' is already used by rules[0].name"],
        ),
        (
            {"rules": [rule(new_name="Late"), rule(name="Late")]},
            ["rules[1].name: rule name 'Late' is already used by rules[0].new_name"],
        ),
        (
            {"rules": [rule(forward_to={"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": None})]},
            ["rules[0].forward_to: selection FORWARD_TO_SPECIFIED_NUMBER needs phone_number"],
        ),
        (
            {"rules": [rule(forward_to={"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "x"})]},
            ["rules[0].forward_to.phone_number: 'x' " + NOT_A_NUMBER],
        ),
        (
            {"rules": [rule(forward_to={"selection": "DO_NOT_FORWARD", "phone_number": "x"})]},
            ["rules[0].forward_to.phone_number: 'x' " + NOT_A_NUMBER],
        ),
        (
            {"rules": [rule(calls_from={"selection": "CUSTOM", "custom_numbers": None})]},
            ["rules[0].calls_from: selection CUSTOM needs custom_numbers"],
        ),
        (
            {"rules": [rule(calls_from={"selection": "CUSTOM", "custom_numbers": {"numbers": ["2100", "ok?"]}})]},
            ["rules[0].calls_from.custom_numbers.numbers[1]: 'ok?' " + NOT_A_NUMBER],
        ),
        (
            {"rules": [rule(calls_from={"selection": "ANY", "custom_numbers": {"numbers": ["ok?"]}})]},
            ["rules[0].calls_from.custom_numbers.numbers[0]: 'ok?' " + NOT_A_NUMBER],
        ),
        (
            {"rules": [rule(calls_to={"numbers": [{"type": "PRIMARY", "phone_number": None, "extension": None}]})]},
            ["rules[0].calls_to.numbers[0]: give phone_number or extension (one of them)"],
        ),
        (
            {
                "rules": [
                    rule(
                        calls_to={"numbers": [{"type": "PRIMARY", "phone_number": "+19705550026", "extension": "2100"}]}
                    )
                ]
            },
            ["rules[0].calls_to.numbers[0]: give phone_number or extension (one of them)"],
        ),
        (
            {
                "rules": [
                    rule(),
                    rule(
                        name="Other",
                        calls_to={
                            "numbers": [
                                {"type": "PRIMARY", "phone_number": "+19705550026", "extension": None},
                                {"type": "ALTERNATE", "phone_number": "x", "extension": None},
                                {"type": "ALTERNATE", "phone_number": None, "extension": "y"},
                            ]
                        },
                    ),
                ]
            },
            [
                "rules[1].calls_to.numbers[1].phone_number: 'x' " + NOT_A_NUMBER,
                "rules[1].calls_to.numbers[2].extension: 'y' " + NOT_A_NUMBER,
            ],
        ),
    ],
)
def test_invalid_options_name_the_option(overrides, errors):
    assert fw_options.validate_options(options(**overrides)) == errors


def test_renaming_to_the_same_name_is_not_a_duplicate():
    assert fw_options.validate_options(options(rules=[rule(new_name="VIP")])) == []


def test_check_options_reports_the_spec_first_then_the_rest():
    assert fw_options.check_options({"auto_attendant": " ", "purge_rules": True}) == [
        "missing required arguments: location"
    ]
    assert fw_options.check_options({"location": "L", "auto_attendant": " ", "purge_rules": True}) == [
        "auto_attendant: must not be empty",
        "purge_rules: needs rules (the rules to keep; rules: [] deletes every rule)",
    ]
    options_given = {"location": "L", "auto_attendant": "A", "rules": [{"name": "R"}]}
    fw_options.check_options(options_given)
    assert options_given == {"location": "L", "auto_attendant": "A", "rules": [{"name": "R"}]}


@pytest.mark.parametrize(
    "modes,errors",
    [
        ([{"name": "Day", "forward_to": {"selection": "DO_NOT_FORWARD"}}], []),
        ([{"name": 7}], ["operating_modes.modes[0].name: is the number 7, not text"]),
        ([{"name": " "}], ["operating_modes.modes[0].name: must not be empty"]),
        (
            [{"name": "Day"}, {"name": "Day"}],
            ["operating_modes.modes[1].name: operating mode 'Day' is already listed as operating_modes.modes[0]"],
        ),
        (
            [{"name": "Day", "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER"}}],
            ["operating_modes.modes[0].forward_to: selection FORWARD_TO_SPECIFIED_NUMBER needs destination"],
        ),
        (
            [{"name": "Day", "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "destination": "call me"}}],
            ["operating_modes.modes[0].forward_to.destination: "],
        ),
    ],
)
def test_operating_modes_are_checked_naming_the_option(modes, errors):
    found = fw_options.validate_options(options(operating_modes={"enabled": True, "modes": modes}))
    assert len(found) == len(errors) and all(problem.startswith(error) for error, problem in zip(errors, found))
