"""The auto_attendant_module_args filter plugin: registered under its name. What it computes is the role's vocabulary,
tested in tests/unit/plugins/plugin_utils/test_standard_menus.py."""

from ansible_collections.wxc.calling.plugins.filter.auto_attendant_module_args import FilterModule
from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import auto_attendant_module_args


def test_registered_under_its_name():
    assert FilterModule().filters() == {"auto_attendant_module_args": auto_attendant_module_args}
