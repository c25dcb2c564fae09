"""Every refusal the module docs and guides promise "before any request" (or "before the first API call") holds on the
simulator's request log: the task fails with its message and nothing was sent (issue 33).

The module cases of tests/integration/test_bad_input.py that fail before any request (there proven by the checks
run_module() makes, and through ansible-playbook for one case of each way of refusing) run here through the whole
module path in this process, against the simulator, with a client that would send: the request log stays empty.
EXTRA_CASES adds what that table does not hold: the refusals of the bulk module and the site engine, forwarding
rules, holiday calendars and audio files given by name. WRITE_REFUSALS are refused after the reads that decide, before
any write: a CUSTOM greeting without an audio file in a menu that is written (the service's error 6515, refused first
since issue 33).
"""

import copy

import pytest
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.wxc.calling.plugins.module_utils._announcement import converge as an_converge
from ansible_collections.wxc.calling.plugins.module_utils._announcement import options as an_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import bulk
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import export as aa_export
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import converge as fw_converge
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as fw_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as sc_converge
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options
from ansible_collections.wxc.calling.plugins.module_utils._site import converge as site_converge
from ansible_collections.wxc.calling.plugins.module_utils._site import options as site_options
from ansible_collections.wxc.calling.plugins.module_utils.resource import module_result
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import webex_argument_spec
from tests.builders import (
    AA_BULK_MODULE,
    AA_MODULE,
    ANNOUNCEMENT_MODULE,
    AUDIO_ID,
    BUSINESS,
    FORWARDING_MODULE,
    HQ,
    INFO_MODULE,
    SCHEDULE_MODULE,
    SITE_MODULE,
    api_menu,
    key,
    menu,
)
from tests.builders import aa_options as attendant
from tests.component.helpers import Failed, Module, create_aa
from tests.integration.test_bad_input import MODULE_CASES, NONE

MODULES = {
    AA_MODULE: (aa_options.argument_spec, aa_options.validate_options, aa_converge.run),
    AA_BULK_MODULE: (bulk.argument_spec, bulk.validate_options, bulk.run),
    INFO_MODULE: (aa_export.info_argument_spec, None, aa_export.run_info),
    SCHEDULE_MODULE: (sc_options.argument_spec, sc_options.validate_options, sc_converge.run),
    FORWARDING_MODULE: (fw_options.argument_spec, fw_options.validate_options, fw_converge.run),
    ANNOUNCEMENT_MODULE: (an_options.argument_spec, an_options.validate_options, an_converge.run),
    SITE_MODULE: (site_options.argument_spec, site_options.validate_options, site_converge.run),
}


def task(client, module, args):
    """What the task returns, as run_module() makes it: the argument spec with the connection options, then
    validate_options, then run() through module_result() with a client of the simulator."""
    spec, validate, run = MODULES[module]
    checked = ArgumentSpecValidator(dict(spec(), **webex_argument_spec())).validate(copy.deepcopy(args))
    if checked.error_messages:
        # AnsibleModule puts its own words before an unknown option's problem.
        problems = [
            "Unsupported parameters: " + problem if "Supported parameters include" in problem else problem
            for problem in checked.error_messages
        ]
        return {"failed": True, "msg": "; ".join(problems)}
    problems = validate(checked.validated_parameters) if validate else []
    if problems:
        return {"failed": True, "msg": "Invalid options: " + "; ".join(problems)}
    stand_in = Module(checked.validated_parameters)
    try:
        failed, result = module_result(run, stand_in, client)
    except Failed:
        failed, result = True, stand_in.failed_with
    return dict(result, failed=failed)


def custom_greeting(**fields):
    return menu(greeting="CUSTOM", **fields)


FORWARD_TO_NUMBER = {"selection": "FORWARD_TO_SPECIFIED_NUMBER"}
ANY_CALLER = {"selection": "ANY"}
HOLIDAYS = {"location": HQ, "type": "holidays", "name": "Closed"}

EXTRA_CASES = [
    pytest.param(
        AA_MODULE,
        attendant(business_hours_menu=custom_greeting(audio_announcement_file={"name": "Welcome", "level": "ENTITY"})),
        "business_hours_menu.audio_announcement_file.level: ENTITY cannot be used with name",
        id="aa-announcement-name-at-entity-level",
    ),
    pytest.param(
        AA_BULK_MODULE,
        {
            "auto_attendants": [
                attendant(extension="21x0"),
                attendant("Night", business_hours_menu=menu(key("1", "TRANSFER_WITHOUT_PROMPT"))),
            ]
        },
        "auto_attendants[1] ('Night'): business_hours_menu.key_configurations (key 1): action TRANSFER_WITHOUT_PROMPT "
        "needs a value",
        id="bulk-every-item-before-the-first-request",
    ),
    pytest.param(
        AA_BULK_MODULE,
        {"auto_attendants": [attendant(extension="21x0"), attendant("Night", extension="x")]},
        "auto_attendants[0] ('Reception'): extension: '21x0' must be 2 to 10 digits",
        id="bulk-all-problems-at-once",
    ),
    pytest.param(
        SITE_MODULE,
        {"auto_attendants": [attendant(), attendant()]},
        "auto_attendants[1] ('Reception'): declared twice in location 'Headquarters' (also auto_attendants[0]); "
        "declare each auto attendant once",
        id="site-declared-twice",
    ),
    pytest.param(
        SITE_MODULE,
        {"schedules": [dict(HOLIDAYS, holidays={"country": "US", "years": [2026]}, type="business_hours")]},
        "holidays: only with type=holidays",
        id="site-item-refused",
    ),
    pytest.param(
        FORWARDING_MODULE,
        {
            "location": HQ,
            "auto_attendant": "Reception",
            "rules": [{"name": "VIP", "business_schedule": BUSINESS, "forward_to": FORWARD_TO_NUMBER}],
        },
        "phone_number",
        id="forwarding-specified-number-without-number",
    ),
    pytest.param(
        FORWARDING_MODULE,
        {
            "location": HQ,
            "auto_attendant": "Reception",
            "rules": [
                {"name": "VIP", "forward_to": {"selection": "DO_NOT_FORWARD"}, "calls_from": ANY_CALLER},
                {"name": "VIP", "forward_to": {"selection": "DO_NOT_FORWARD"}, "calls_from": ANY_CALLER},
            ],
        },
        "VIP",
        id="forwarding-rule-twice",
    ),
    pytest.param(
        SCHEDULE_MODULE,
        dict(HOLIDAYS, holidays={"country": "XX", "years": [2026]}),
        "holidays.country",
        id="schedule-unknown-holiday-country",
    ),
    pytest.param(
        SCHEDULE_MODULE,
        dict(HOLIDAYS, holidays={"country": "US", "years": {"next": 0}}),
        "holidays.years",
        id="schedule-holiday-years-zero",
    ),
]


def offline_module_cases():
    """The cases of test_bad_input.MODULE_CASES that fail before any request, as (module, args, message)."""
    return [pytest.param(*case.values[:3], id=case.id) for case in MODULE_CASES if case.values[3] == NONE]


@pytest.mark.parametrize("module, args, message", offline_module_cases() + EXTRA_CASES)
def test_a_refusal_before_any_request_sends_nothing(sim, client, module, args, message):
    sim.clear_requests()
    result = task(client, module, args)
    assert result["failed"] and message in result["msg"], result
    assert sim.requests() == []


# -- refused before any write: after the reads that decide ----------------------------------------------------------


def stored_menu_with_a_file(sim):
    """Reception in Headquarters, its business hours menu a CUSTOM greeting with the organisation's file."""
    audio = {"id": AUDIO_ID, "fileName": "AUDIO_FILE.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}
    create_aa(sim, sim.location_id(HQ), businessHoursMenu=api_menu(greeting="CUSTOM", audioAnnouncementFile=audio))


def nothing(sim):
    """Nothing to set up."""


CUSTOM_REFUSAL = "business_hours_menu: greeting CUSTOM needs an audio_announcement_file"

WRITE_REFUSALS = [
    pytest.param(
        nothing,
        AA_MODULE,
        attendant(business_hours_menu=custom_greeting()),
        "auto attendant 'Reception': nothing was written, " + CUSTOM_REFUSAL,
        id="aa-create-with-a-custom-greeting-without-file",
    ),
    pytest.param(
        lambda sim: create_aa(sim, sim.location_id(HQ)),
        AA_MODULE,
        attendant(business_hours_menu=custom_greeting()),
        "auto attendant 'Reception': nothing was written, " + CUSTOM_REFUSAL,
        id="aa-default-greeting-made-custom-without-file",
    ),
    pytest.param(
        nothing,
        AA_MODULE,
        attendant(
            after_hours_menu=menu(
                call_treatment={
                    "action_to_be_performed": {"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "CUSTOM"}
                }
            )
        ),
        "after_hours_menu.call_treatment.action_to_be_performed: greeting CUSTOM needs an audio_announcement_file",
        id="aa-custom-no-input-greeting-without-file",
    ),
    pytest.param(
        nothing,
        SITE_MODULE,
        {"auto_attendants": [attendant(business_hours_menu=custom_greeting())]},
        CUSTOM_REFUSAL,
        id="site-custom-greeting-without-file",
    ),
]


@pytest.mark.parametrize("set_up, module, args, message", WRITE_REFUSALS)
def test_a_refusal_before_any_write_sends_only_reads(sim, client, set_up, module, args, message):
    set_up(sim)
    sim.clear_requests()
    result = task(client, module, args)
    assert result["failed"] and result["changed"] is False, result
    assert message in result["msg"], result["msg"]
    assert sim.requests() and sim.writes() == []


def test_the_stored_file_of_a_custom_greeting_left_out_of_the_options_is_kept(sim, client):
    """Options left out are left alone: the stored file of a CUSTOM menu is no reason to refuse, whether the menu is
    equal (nothing written) or differs (sent merged with the stored file)."""
    stored_menu_with_a_file(sim)
    equal = task(client, AA_MODULE, attendant(business_hours_menu=custom_greeting()))
    assert not equal["failed"] and equal["changed"] is False, equal
    assert sim.writes() == []
    changed = task(
        client, AA_MODULE, attendant(business_hours_menu=custom_greeting(key_configurations=[key(1, "EXIT")]))
    )
    assert not changed["failed"] and changed["changed"] is True, changed
    put = sim.writes()[0]["body"]["businessHoursMenu"]
    assert put["greeting"] == "CUSTOM" and put["audioAnnouncementFile"]["id"] == AUDIO_ID
