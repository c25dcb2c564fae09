"""The order the export lists attendants in: location name, name, then id, so that duplicates list the same way."""

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import export


def test_duplicates_are_ordered_by_id():
    items = [
        {"id": "c", "name": "Desk", "locationName": "Austin"},
        {"id": "a", "name": "Desk", "locationName": "Austin"},
        {"id": "b", "name": "Desk", "locationName": "Austin"},
        {"id": "0", "name": "Zulu", "locationName": "Austin"},
    ]
    assert [item["id"] for item in sorted(items, key=export.sort_key)] == ["a", "b", "c", "0"]
    assert export.sort_key({"id": "a", "name": "Desk", "locationName": "Austin"}) == ("Austin", "Desk", "a")
