"""The export form of values whose type or shape is not what the option expects: converted where the module would
read the same value, kept verbatim otherwise (check_options() then says what the module would refuse)."""

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import export


def test_coerce_numbers_to_the_option_type():
    assert export._coerce(5, "str") == "5"
    assert export._coerce(1.5, "str") == "1.5"
    assert export._coerce(True, "str") is True  # a boolean is not a number here
    assert export._coerce("5", "str") == "5"
    assert export._coerce(5, "raw") == 5
    assert export._coerce(" 10 ", "int") == 10
    assert export._coerce("ten", "int") == "ten"


def details(**fields):
    body = {"name": "Desk", "extension": "2300"}
    body.update(fields)
    return body


def test_values_of_the_wrong_shape_are_kept_verbatim():
    dropped = []
    options = export.options_from_details(
        details(
            timeZone=[{"zone": "UTC"}],
            directLineCallerIdName="DISPLAY_NAME",
            languageCode=7,
            alternateNumbers=["+19705550002", {"phoneNumber": "+19705550003", "ringPattern": "NORMAL"}],
        ),
        "Headquarters",
        dropped,
    )
    assert options == {
        "location": "Headquarters",
        "name": "Desk",
        "extension": "2300",
        "language_code": "7",
        "time_zone": [{"zone": "UTC"}],
        "direct_line_caller_id_name": "DISPLAY_NAME",
        "alternate_numbers": ["+19705550002", {"phone_number": "+19705550003", "ring_pattern": "NORMAL"}],
    }
    assert dropped == []


def test_dropped_fields_need_no_list_to_collect_them():
    assert export.options_from_details(details(holidayMenu={"greeting": "DEFAULT"}), "HQ") == {
        "location": "HQ",
        "name": "Desk",
        "extension": "2300",
    }
