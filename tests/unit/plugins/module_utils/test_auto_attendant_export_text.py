"""The export's YAML as text: what someone reading or reviewing the exported file sees, not only what it loads as."""

import yaml

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import export


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
