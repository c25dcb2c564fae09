"""The export's YAML as text: what someone reading or reviewing the exported file sees, not only what it loads as."""

import yaml

from ansible_collections.wxc.calling.plugins.module_utils import auto_attendant_export as export


def test_names_in_other_scripts_are_written_as_they_are():
    # An attendant called "Zürich Empfang" or "東京受付" is exported readable, not as \u escapes.
    assert export.to_yaml({"name": "Zürich Empfang"}, unsafe=False) == 'name: "Zürich Empfang"\n'
    assert export.to_yaml(["東京受付"], unsafe=False) == '- "東京受付"\n'
    assert export.to_yaml({"name": "Zürich {{ x }}"}) == 'name: !unsafe "Zürich {{ x }}"\n'


def test_only_the_characters_readers_fold_are_escaped():
    text = export.to_yaml({"v": "Réception\u2028B\x85C\ufeffD"}, unsafe=False)
    assert text == 'v: "Réception\\u2028B\\u0085C\\ufeffD"\n'
    assert yaml.safe_load(text) == {"v": "Réception\u2028B\x85C\ufeffD"}
