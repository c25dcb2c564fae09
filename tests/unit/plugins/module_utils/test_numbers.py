"""The number rules of numbers.py: normalisation, the canonical form numbers are compared in, what may be sent, and
what a destination may be."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils import numbers
from ansible_collections.wxc.calling.plugins.module_utils.numbers import normalise, same_number


@pytest.mark.parametrize(
    "value,expected",
    [
        ("+1-9195559876", "+19195559876"),  # the live read-back form of a North-American number
        ("+19195559876", "+19195559876"),
        ("+44 20 7123 4567", "+442071234567"),
        ("+1 (919) 555-9876", "+19195559876"),
        ("2100", "2100"),  # extensions and ESNs are not numbers with "+": unchanged
        ("80012100", "80012100"),
        ("+1-abc", "+1-abc"),  # not a number at all: unchanged, so that validation still sees it
        ("", ""),
        (None, None),
    ],
)
def test_normalise(value, expected):
    assert normalise(value) == expected


def test_same_number_compares_the_canonical_forms():
    assert same_number("+1-9195559876", "+19195559876")
    # Forwarding rules read NANP numbers back without their +: the same number, for every resource.
    assert same_number("+1-9195559876", "9195559876")
    assert same_number("", None) and not same_number("2100", "2101")
    assert not same_number("+449195559876", "9195559876")


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("+19705550006", "+19705550006"),
        ("+1-9705550006", "+19705550006"),
        ("9705550006", "+19705550006"),
        ("+1 (970) 555-0006", "+19705550006"),
        ("+496567123456", "+496567123456"),
        ("4554", "4554"),
        ("80012100", "80012100"),
        (None, ""),
        ("", ""),
        # Only ten-digit NANP numbers are completed with +1.
        ("1970555000", "1970555000"),
        ("97055500061", "97055500061"),
        ("2005550006", "+12005550006"),
        (0, "0"),
    ],
)
def test_canonical_number(written, canonical):
    assert numbers.canonical(written) == canonical


@pytest.mark.parametrize(
    "value, sendable",
    [("+1 970-555-0006", "+19705550006"), ("(970) 555.0006", "9705550006"), ("\t2100\n", "2100"), (4554, "4554")],
)
def test_sendable_number_drops_separators(value, sendable):
    assert numbers.compact(value) == sendable


@pytest.mark.parametrize(
    "value",
    [
        "+19705550006",
        "+1-970-555-0006",
        "2100",
        "80012100",
        # At the limits.
        "+12",
        "+123456789012345",
        "12",
        "12345678901234567",
        "+1 (970) 555-0006",
    ],
)
def test_numbers_that_pass(value):
    assert numbers.destination_problem(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "call me",
        "+0123",
        "1",
        "+1970abc",
        "+12345678901234567",
        # Past the limits.
        "+1234567890123456",
        "123456789012345678",
        "+",
        "",
        "+19705550006x",
    ],
)
def test_numbers_that_fail(value):
    assert (
        numbers.destination_problem(value)
        == "%r is not an E.164 number (like +19705550006), an extension or an ESN" % value
    )
