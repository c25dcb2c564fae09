"""A YAML boolean, number or list where the role's filter expects text (a state, a shape, a greeting's file fields) is
refused with a message that names the variable and says to quote it, never a bare AttributeError from inside the filter.
"""

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import auto_attendant_module_args

BASE = {"name": "Main", "location": "HQ", "extension": "2000"}
DEFAULTS = {"business_schedule": "Office Hours"}
BOOLEAN = (
    "%s: is the boolean true, not text (YAML reads an unquoted yes, no, on, off, true or false as a boolean); "
    'quote it, for example %s: "no"'
)


def refusal(items, **kwargs):
    with pytest.raises(AnsibleFilterError) as raised:
        auto_attendant_module_args(items, DEFAULTS, **kwargs)
    return str(raised.value)


def test_an_item_state_given_as_a_boolean_names_the_state():
    """state: yes (a boolean to YAML) names the item and its state."""
    assert refusal([dict(BASE, state=True)]) == "auto_attendant_list[0] (Main): " + BOOLEAN % ("state", "state")


def test_the_role_state_given_as_a_boolean_names_auto_attendant_state():
    """auto_attendant_state: yes is refused naming the role variable."""
    assert refusal([BASE], state=True) == BOOLEAN % ("auto_attendant_state", "auto_attendant_state")


def test_an_after_hours_shape_given_as_a_boolean_names_the_shape():
    """after_hours.shape: yes is refused instead of failing inside the filter."""
    assert refusal([dict(BASE, after_hours={"shape": True})]) == "auto_attendant_list[0] (Main): " + BOOLEAN % (
        "after_hours.shape",
        "shape",
    )


def test_a_greeting_file_name_given_as_a_boolean_names_the_field():
    """A greeting dictionary whose file_name YAML made a boolean is refused naming greeting.file_name."""
    items = [dict(BASE, business_hours={"greeting": {"file_name": True}})]
    assert refusal(items) == "auto_attendant_list[0] (Main): " + BOOLEAN % (
        "business_hours.greeting.file_name",
        "file_name",
    )


def test_a_greeting_id_given_as_a_list_is_refused():
    """An announcement id must be text: a list is refused rather than sent as its Python spelling."""
    items = [dict(BASE, business_hours={"greeting": {"id": ["x"]}})]
    assert refusal(items) == "auto_attendant_list[0] (Main): business_hours.greeting.id: must be text, got list"


def test_text_choices_are_still_read_without_case_or_spaces():
    """The quoted spellings keep working: " Absent " is absent, and a numeric greeting id is still text."""
    [absent] = auto_attendant_module_args([dict(BASE, state=" Absent ")], DEFAULTS)
    assert absent == {"name": "Main", "location": "HQ", "state": "absent"}
    [present] = auto_attendant_module_args([dict(BASE, business_hours={"greeting": {"id": 42}})], DEFAULTS)
    assert present["business_hours_menu"]["audio_announcement_file"] == {"id": "42"}
