"""Every bad input webex_auto_attendant refuses before a request is refused by the role before its first request.

The role's filter owns only its menu vocabulary; each item it builds is judged by the module's own rulebook
(check_options). Each module case of test_bad_input is fed to the filter as a role item (raw menus and pass-through
fields, as an export feeds the role). That a bad second site stops the real role before the schedules and the first
site are written is shown by test_role_auto_attendant.py::test_bad_variables_fail_before_any_api_call (cases
audio-file-without-type and no-input-timer-out-of-range).
"""

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import auto_attendant_module_args
from tests.integration.test_bad_input import AA, GOOD, MODULE_CASES, NONE

CONNECTION_OPTIONS = ("timeout", "access_token", "api_url", "validate_certs")


def role_item_cases():
    for case in MODULE_CASES:
        target, args, _message, reach = case.values
        if target != AA or reach != NONE or any(option in args for option in CONNECTION_OPTIONS):
            continue
        yield pytest.param(args, id=case.id)


@pytest.mark.parametrize("args", list(role_item_cases()))
def test_the_filter_refuses_every_item_the_module_refuses(args):
    with pytest.raises(AnsibleFilterError, match=r"auto_attendant_list\[1\]"):
        auto_attendant_module_args([dict(GOOD, name="Good site"), args])


def test_a_good_item_passes_the_same_rulebook():
    assert auto_attendant_module_args([GOOD])[0]["name"] == GOOD["name"]
