"""_auto_attendant/export.py: the export form (details -> webex_auto_attendant options, and back: options -> desired
-> plan "nothing"), the info form, the listing and its order, and the YAML, as loaded and as text.

One test (the warning about forwarding the module would refuse) reads an attendant from the simulator: it belongs to
the component layer.
"""

import pytest
import yaml

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import export
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import read_attendants as read_back
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.ansible_yaml import load as ansible_load
from tests.builders import HQ, aa_body
from tests.unit.plugins.module_utils._auto_attendant.shared import AUDIO_ID, validated

AUDIO = {
    "id": AUDIO_ID,
    "fileName": "AUDIO_FILE.wav",
    "mediaFileType": "WAV",
    "level": "ORGANIZATION",
    "fileSize": 1024,
    "isTextToSpeech": False,
}
WELCOME = {
    "id": "QU5OT1VOQ0VNRU5UL3dlbGNvbWU",
    "fileName": "welcome.wav",
    "mediaFileType": "WAV",
    "level": "ORGANIZATION",
}


def full_details():
    """Details as the service returns them, with every feature, keys out of order, read-only fields, string timer."""
    return {
        "id": "AA1",
        "name": "Main Line",
        "enabled": True,
        "phoneNumber": "+19705550026",
        "extension": "0028",
        "routingPrefix": "8001",
        "esn": "80010028",
        "tollFreeNumber": False,
        "firstName": "Main",
        "lastName": "Line",
        "alternateNumbers": [
            {"phoneNumber": "+19705550027", "ringPattern": "LONG_LONG", "tollFreeNumber": False},
            {"phoneNumber": "+18885550100", "ringPattern": "NORMAL", "tollFreeNumber": True},
        ],
        "language": "English",
        "languageCode": "en_us",
        "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "holidaySchedule": "AUTOATTENDANT-HOLIDAY",
        "extensionDialing": "GROUP",
        "nameDialing": "ENTERPRISE",
        "timeZone": "America/Los_Angeles",
        "businessHoursMenu": {
            "greeting": "CUSTOM",
            "extensionEnabled": True,
            "audioAnnouncementFile": dict(AUDIO),
            "keyConfigurations": [
                {"key": "#", "action": "EXIT"},
                {"key": "*", "action": "REPEAT_MENU", "description": "Repeat"},
                {"key": "0", "action": "TRANSFER_TO_OPERATOR", "description": "Operator"},
                {"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "+19175551092", "description": "Sales"},
                {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000"},
                {"key": "3", "action": "TRANSFER_TO_MAILBOX", "value": "0028"},
                {"key": "4", "action": "NAME_DIALING"},
                {"key": "5", "action": "EXTENSION_DIALING"},
                {"key": "9", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": dict(WELCOME, fileSize=9)},
            ],
            "callTreatment": {
                "retryAttemptForNoInput": "TWO_TIMES",
                "noInputTimer": "15",
                "actionToBePerformed": {
                    "action": "TRANSFER_WITH_PROMPT",
                    "greeting": "DEFAULT",
                    "transferCallTo": "1000",
                },
            },
        },
        "afterHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": False,
            "keyConfigurations": [{"key": "0", "action": "EXIT"}],
            "callTreatment": {
                "retryAttemptForNoInput": "NO_REPEAT",
                "noInputTimer": 10,
                "actionToBePerformed": {
                    "action": "PLAY_MESSAGE_AND_DISCONNECT",
                    "greeting": "CUSTOM",
                    "audioAnnouncementFile": dict(WELCOME),
                },
            },
        },
        "directLineCallerIdName": {"selection": "CUSTOM_NAME", "customName": "Main Line"},
        "dialByName": "Main Line",
    }


# -- details -> options ----------------------------------------------------------------------------------------------


def test_export_form_has_only_writable_options_in_body_order():
    options = export.options_from_details(full_details(), "Headquarters")
    assert list(options) == [
        "location",
        "name",
        "phone_number",
        "extension",
        "first_name",
        "last_name",
        "alternate_numbers",
        "language_code",
        "business_schedule",
        "holiday_schedule",
        "extension_dialing",
        "name_dialing",
        "time_zone",
        "dial_by_name",
        "direct_line_caller_id_name",
        "business_hours_menu",
        "after_hours_menu",
    ]
    assert options["location"] == "Headquarters" and options["extension"] == "0028"
    for read_only in ("id", "enabled", "esn", "routing_prefix", "toll_free_number", "language", "location_id"):
        assert read_only not in options
    assert options["alternate_numbers"] == [
        {"phone_number": "+19705550027", "ring_pattern": "LONG_LONG"},
        {"phone_number": "+18885550100", "ring_pattern": "NORMAL"},
    ]


def test_export_form_menus_keys_in_key_order_audio_without_read_only_fields():
    menu = export.options_from_details(full_details(), "HQ")["business_hours_menu"]
    assert list(menu) == [
        "greeting",
        "extension_enabled",
        "audio_announcement_file",
        "key_configurations",
        "call_treatment",
    ]
    assert [k["key"] for k in menu["key_configurations"]] == ["0", "1", "2", "3", "4", "5", "9", "*", "#"]
    assert menu["key_configurations"][0] == {"key": "0", "action": "TRANSFER_TO_OPERATOR", "description": "Operator"}
    assert menu["audio_announcement_file"] == {
        "id": AUDIO_ID,
        "file_name": "AUDIO_FILE.wav",
        "media_file_type": "WAV",
        "level": "ORGANIZATION",
    }
    assert menu["key_configurations"][6]["audio_announcement_file"]["file_name"] == "welcome.wav"
    assert "file_size" not in menu["key_configurations"][6]["audio_announcement_file"]
    assert menu["call_treatment"]["no_input_timer"] == 15  # a string on the wire, an int option


def test_nothing_none_and_no_unknown_fields():
    details = full_details()
    details["holidaySchedule"] = None
    details["department"] = {"id": "D1", "name": "Sales"}
    details["businessHoursMenu"]["keyConfigurations"][0]["newField"] = 1
    dropped = []
    options = export.options_from_details(details, "HQ", dropped)
    assert "holiday_schedule" not in options and "department" not in options
    # Fields the module has no option for are reported; read-only and None fields are not.
    assert dropped == ["department", "business_hours_menu.key_configurations.new_field"]

    def no_none(value):
        if isinstance(value, dict):
            return all(v is not None and no_none(v) for v in value.values())
        if isinstance(value, list):
            return all(no_none(v) for v in value)
        return True

    assert no_none(options)


def test_export_is_accepted_by_the_module_argument_spec_and_validation():
    options = export.options_from_details(full_details(), "Headquarters")
    assert export.check_options(options) == []
    assert not aa_options.validate_options(validated(options))


def test_check_options_names_what_the_module_would_refuse():
    options = export.options_from_details(full_details(), "HQ")
    options["business_hours_menu"]["key_configurations"][0]["action"] = "HANG_UP"
    options["extension"] = "1"
    problems = export.check_options(options)
    assert any("HANG_UP" in p or "action" in p for p in problems), problems


# -- options -> desired: converges with no change ----------------------------------------------------------------


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: None,
        lambda d: d.pop("holidaySchedule"),
        lambda d: d.pop("alternateNumbers"),
        lambda d: d["afterHoursMenu"].pop("callTreatment"),
        lambda d: d.update(extension=None, firstName=None, lastName=None),
        lambda d: d["businessHoursMenu"].update(greeting="DEFAULT", audioAnnouncementFile=None),
    ],
)
def test_applying_the_export_to_the_same_details_plans_nothing(mutate):
    details = full_details()
    mutate(details)
    options = export.options_from_details(details, "Headquarters")
    desired = aa_compare.desired_from_options(validated(options))
    plan = aa_compare.plan("present", desired, aa_compare.writable(details))
    assert plan.action == "nothing", plan.body
    # Every writable field of the details is managed by the export: nothing is left to the service's defaults.
    assert set(desired) == set(aa_compare.writable(details))


def test_a_change_in_control_hub_is_a_change_for_the_export():
    options = export.options_from_details(full_details(), "Headquarters")
    changed = full_details()
    changed["businessHoursMenu"]["keyConfigurations"][3]["value"] = "+19073569984"
    plan = aa_compare.plan("present", aa_compare.desired_from_options(validated(options)), aa_compare.writable(changed))
    assert plan.action == "update" and list(plan.body) == ["businessHoursMenu"]


def test_missing_attendant_is_created_with_the_export_body():
    options = export.options_from_details(full_details(), "Headquarters")
    params = validated(options)
    assert aa_options.missing_for_create(params) == []
    plan = aa_compare.plan("present", aa_compare.desired_from_options(params), None)
    assert plan.action == "create"
    assert plan.body["businessHoursMenu"]["callTreatment"]["noInputTimer"] == "15"  # the document's type
    for read_only in aa_compare.READ_ONLY_FIELDS:
        assert read_only not in plan.body


# -- info form ---------------------------------------------------------------------------------------------------


def test_info_form_keeps_read_only_fields_and_adds_the_location():
    item = {"id": "AA1", "name": "Main Line", "locationId": "L1", "locationName": "Headquarters"}
    info = export.info_from_details(full_details(), item)
    assert list(info)[:4] == ["id", "name", "location_id", "location_name"]
    assert info["location_name"] == "Headquarters" and info["enabled"] is True and info["esn"] == "80010028"
    assert info["business_hours_menu"]["key_configurations"][0]["key"] == "#"  # as returned, unsorted
    assert info["business_hours_menu"]["audio_announcement_file"]["file_size"] == 1024


def test_sort_key_orders_by_location_name_then_name():
    items = [
        {"id": "3", "name": "b", "locationName": "Denver"},
        {"id": "2", "name": "z", "locationName": "Austin"},
        {"id": "1", "name": "a", "locationName": "Denver"},
    ]
    assert [i["id"] for i in sorted(items, key=export.sort_key)] == ["2", "1", "3"]


# -- listing and its order -------------------------------------------------------------------------------------------


class FakeClient:
    def __init__(self, items):
        self.items = items
        self.calls = []

    def get_all(self, path, item_key, params=None):
        self.calls.append((path, item_key, params))
        return list(self.items)


def test_listing_matches_the_name_exactly_and_sorts():
    client = FakeClient(
        [
            {"id": "1", "name": "Reception", "locationId": "L2", "locationName": "Denver"},
            {"id": "2", "name": "Reception 2", "locationId": "L1", "locationName": "Austin"},
            {"id": "3", "name": "reception", "locationId": "L1", "locationName": "Austin"},
            {"id": "4", "name": "Reception", "locationId": "L1", "locationName": "Austin"},
        ]
    )
    found = export.list_auto_attendants(client, name="Reception")
    assert [i["id"] for i in found] == ["4", "1"]
    assert client.calls == [("/telephony/config/autoAttendants", "autoAttendants", {"name": "Reception"})]
    assert [i["id"] for i in export.list_auto_attendants(client, location_id="L1")] == ["4", "2", "3"]


def test_duplicates_are_ordered_by_id():
    items = [
        {"id": "c", "name": "Desk", "locationName": "Austin"},
        {"id": "a", "name": "Desk", "locationName": "Austin"},
        {"id": "b", "name": "Desk", "locationName": "Austin"},
        {"id": "0", "name": "Zulu", "locationName": "Austin"},
    ]
    assert [item["id"] for item in sorted(items, key=export.sort_key)] == ["a", "b", "c", "0"]
    assert export.sort_key({"id": "a", "name": "Desk", "locationName": "Austin"}) == ("Austin", "Desk", "a")


# -- YAML ----------------------------------------------------------------------------------------------------------


def test_yaml_keeps_strings_strings_and_round_trips():
    options = export.options_from_details(full_details(), "Headquarters")
    text = export.to_yaml([options])
    assert ansible_load(text) == [options]
    assert yaml.safe_load(export.to_yaml([options], unsafe=False)) == [options]
    for line in (
        '    extension: "0028"',
        '  - key: "0"',
        '  - key: "*"',
        '  - key: !unsafe "#"',
        '    phone_number: "+19705550026"',
        '      value: "1000"',
        "  name: Main Line",
        "    no_input_timer: 15",
        "  extension_enabled: true",
    ):
        assert any(row.endswith(line.strip()) for row in text.splitlines()), (line, text)
    assert text.startswith("- location: Headquarters\n  name: Main Line\n")


@pytest.mark.parametrize(
    "value",
    [
        "yes",
        "No",
        "on",
        "null",
        "true",
        "0",
        "0028",
        "1e3",
        "+1",
        "*",
        "#",
        "&x",
        "!x",
        "a: b",
        "a #b",
        "trailing ",
        " leading",
        "",
        "~",
        ".inf",
        "-",
        "x\ny",
        "é",
        "%x",
        "@x",
        "`x",
        "[x]",
        "{x}",
        "'q'",
        '"q"',
        "2100",
        "12:30",
    ],
)
def test_yaml_scalars_that_could_be_read_otherwise_are_quoted(value):
    text = export.to_yaml({"v": value, "l": [value]}, unsafe=False)
    assert yaml.safe_load(text) == {"v": value, "l": [value]}
    assert ansible_load(export.to_yaml({"v": value, "l": [value]})) == {"v": value, "l": [value]}
    assert text.splitlines()[0] != "v: %s" % value or value.isalpha()


def test_yaml_empty_and_nested():
    assert export.to_yaml([]) == "[]\n"
    data = {"a": [], "b": {}, "c": [[1, "2"], {"d": None}], "e": [{"f": [{"g": "h"}]}]}
    assert yaml.safe_load(export.to_yaml(data, unsafe=False)) == data
    assert ansible_load(export.to_yaml(data)) == data


# Every string an export can hold, as Ansible reads the file back: same type, same text, never a template.
HOSTILE = [
    "{{ 6 * 7 }}",
    "{% if true %}x{% endif %}",
    "{# note #}",
    "#jinja2:variable_start_string:'[['\n[[ 1 ]]",
    "{{ lookup('pipe', 'touch /tmp/x') }}",
    "Reception\n",
    "A\u2028B",
    "A\x85B",
    "A\u2029B",
    "\ufeffA",
    "x\x7fy",
    "0100",
    "0",
    "",
    "yes",
    "null",
    "12:30",
    "2027-01-01",
    "0x1f",
    "*",
    "#",
    "!",
    "&",
    "<<",
    "=",
    "~",
    " x ",
    "é",
    "Main Line",
    "+15551234567",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_yaml_strings_round_trip_through_ansible_and_templates_are_untrusted(value):
    from ansible.template import is_trusted_as_template  # pylint: disable=import-outside-toplevel

    loaded = ansible_load(export.to_yaml({"v": value, "l": [value]}))
    assert loaded == {"v": value, "l": [value]} and isinstance(loaded["v"], str)
    if "{" in value or "#" in value:
        assert not is_trusted_as_template(loaded["v"]) and not is_trusted_as_template(loaded["l"][0])
        assert export.to_yaml({"v": value}).startswith("v: !unsafe ")


@pytest.mark.parametrize("value", ["A\u2028B", "A\x85B", "A\u2029B", "Reception\n"])
def test_yaml_line_breaks_other_readers_fold_are_escaped(value):
    text = export.to_yaml({"v": value}, unsafe=False)
    assert len(text.splitlines()) == 1 and yaml.safe_load(text) == {"v": value}


def test_names_in_other_scripts_are_written_as_they_are():
    # An attendant called "Zürich Empfang" or "東京受付" is exported readable, not as \u escapes.
    assert export.to_yaml({"name": "Zürich Empfang"}, unsafe=False) == 'name: "Zürich Empfang"\n'
    assert export.to_yaml(["東京受付"], unsafe=False) == '- "東京受付"\n'
    assert export.to_yaml({"name": "Zürich {{ x }}"}) == 'name: !unsafe "Zürich {{ x }}"\n'


def test_only_the_characters_readers_fold_are_escaped():
    text = export.to_yaml({"v": "Réception\u2028B\x85C\ufeffD"}, unsafe=False)
    assert text == 'v: "Réception\\u2028B\\u0085C\\ufeffD"\n'
    assert yaml.safe_load(text) == {"v": "Réception\u2028B\x85C\ufeffD"}


def test_the_layout_of_an_export():
    options = {
        "location": "Headquarters",
        "name": "Main Line",
        "extension": "0028",
        "alternate_numbers": [],
        "business_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": False,
            "call_treatment": {"no_input_timer": 10, "action_to_be_performed": {"action": "DISCONNECT"}},
            "key_configurations": [{"key": "#", "action": "EXIT", "description": None}, {"key": "0"}],
        },
        "direct_line_caller_id_name": {},
        "nested": [[1, "2", "{{ x }}"], [], {}, {"a": True}],
    }
    assert export.to_yaml([options]) == (
        "- location: Headquarters\n"
        "  name: Main Line\n"
        '  extension: "0028"\n'
        "  alternate_numbers: []\n"
        "  business_hours_menu:\n"
        "    greeting: DEFAULT\n"
        "    extension_enabled: false\n"
        "    call_treatment:\n"
        "      no_input_timer: 10\n"
        "      action_to_be_performed:\n"
        "        action: DISCONNECT\n"
        "    key_configurations:\n"
        '      - key: !unsafe "#"\n'
        "        action: EXIT\n"
        "        description: null\n"
        '      - key: "0"\n'
        "  direct_line_caller_id_name: {}\n"
        "  nested:\n"
        "    -\n"
        "      - 1\n"
        '      - "2"\n'
        '      - !unsafe "{{ x }}"\n'
        "    - []\n"
        "    - {}\n"
        "    - a: true\n"
    )


def test_keys_are_never_tagged():
    # A key is an option name or a menu key: the tag is for the values the service sent.
    assert export.to_yaml({"#": "*", "{x}": "Main"}) == '"#": "*"\n"{x}": Main\n'


def test_a_lone_value():
    assert export.to_yaml("{{ x }}") == '!unsafe "{{ x }}"\n'
    assert export.to_yaml("{{ x }}", unsafe=False) == '"{{ x }}"\n'
    assert export.to_yaml(None) == "null\n"
    assert export.to_yaml({}) == "{}\n"


# -- values of another type or shape than the option's -------------------------------------------------------------


def test_coerce_numbers_to_the_option_type():
    assert export._coerce(5, "str") == "5"
    assert export._coerce(1.5, "str") == "1.5"
    assert export._coerce(True, "str") is True  # a boolean is not a number here
    assert export._coerce("5", "str") == "5"
    assert export._coerce(5, "raw") == 5
    assert export._coerce(" 10 ", "int") == 10
    assert export._coerce("ten", "int") == "ten"


def desk_details(**fields):
    body = {"name": "Desk", "extension": "2300"}
    body.update(fields)
    return body


def test_values_of_the_wrong_shape_are_kept_verbatim():
    dropped = []
    options = export.options_from_details(
        desk_details(
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
    assert export.options_from_details(desk_details(holidayMenu={"greeting": "DEFAULT"}), "HQ") == {
        "location": "HQ",
        "name": "Desk",
        "extension": "2300",
    }


# -- the warnings of the export (against the simulator) ------------------------------------------------------------


def test_export_lists_every_forwarding_problem_in_one_warning_separated_by_semicolons(sim):
    """Two destinations the forwarding module would refuse: one warning, the problems joined with "; "."""
    client = WebexClient(sim.url, sim.token, timeout=10, sleep=lambda seconds: None)
    location_id = sim.location_id(HQ)
    created = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % location_id, json=aa_body("Minimal AA"))
    assert created.status_code == 201, created.text
    auto_attendant_id = created.json()["id"]
    path = "/telephony/config/locations/%s/autoAttendants/%s/callForwarding" % (location_id, auto_attendant_id)
    body = {
        "callForwarding": {
            "always": {"enabled": True, "destination": "+999-12345678901234"},
            "selective": {"destination": "+888-12345678901234"},
        }
    }
    assert sim.api("PUT", path, json=body).status_code == 204
    export, warnings = [], []
    read_back(client, location_id, "Minimal AA", export_location="id", forwarding_export=export, warn=warnings.append)
    assert warnings == [
        "call forwarding of auto attendant 'Minimal AA': webex_auto_attendant_forwarding would refuse the export: "
        "always.destination: '+999-12345678901234' is not an E.164 number (like +19705550006), an extension or an "
        "ESN; selective.destination: '+888-12345678901234' is not an E.164 number (like +19705550006), an extension "
        "or an ESN"
    ]
    assert [(options["always"]["destination"], options["selective"]["destination"]) for options in export] == [
        ("+999-12345678901234", "+888-12345678901234")
    ]
