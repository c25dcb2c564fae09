"""The module and wxc_sdk (a Webex client someone else wrote, pinned in requirements-test.txt) agree, in this process
against the simulator: attendants wxc_sdk creates with every feature it models export and apply again with no change,
and attendants the module creates with every option parse in wxc_sdk's models.

The export and apply are what playbooks/export_auto_attendants.yml and apply_auto_attendants.yml run: the export of
webex_auto_attendant_info as the YAML the vars file holds, then webex_auto_attendant and
webex_auto_attendant_forwarding for each item (the playbooks themselves run in tests/integration).
"""

import yaml
from wxc_sdk.telephony.autoattendant import AutoAttendant

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import export
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as attendant_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import converge as fw_converge
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as fw_options
from tests.builders import BUSINESS, HOLIDAYS, HQ
from tests.component.helpers import Module, params_of
from tests.simulator.tests.helpers import AUDIO_ID
from tests.simulator.tests.sdk import (  # noqa: F401  # pylint: disable=unused-import
    KNOWN_SDK_GAPS,
    every_feature_attendant,
    extra_fields,
    fixture_api,
    hq,
)


class ExportLoader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """Reads an export: strings the export marks !unsafe (never templated by Ansible) are plain strings here."""


ExportLoader.add_constructor("!unsafe", lambda loader, node: loader.construct_scalar(node))


def module_run(run, spec, options, client, validate=None):
    """What run_module does with OPTIONS: the params AnsibleModule makes, the module's own checks, then RUN."""
    params = params_of(spec, **options)
    if validate is not None:
        assert validate(params) == []
    return run(Module(params), client)


def test_attendants_created_by_wxc_sdk_export_and_apply_again_with_no_change(sim, api, client):
    location_id = hq(api)
    api.telephony.auto_attendant.create(location_id=location_id, settings=every_feature_attendant())
    minimal = AutoAttendant.create(name="SDK Minimal", business_schedule=BUSINESS, extension="2501")
    api.telephony.auto_attendant.create(location_id=location_id, settings=minimal)
    info = module_run(export.run_info, export.info_argument_spec(), {}, client)
    exported = yaml.load(info["export_yaml"], Loader=ExportLoader)
    forwarding = yaml.load(info["export_forwarding_yaml"], Loader=ExportLoader)
    assert [item["name"] for item in exported] == ["SDK Main", "SDK Minimal"]
    assert exported[0]["business_hours_menu"]["key_configurations"][1]["value"] == "+19175551092"
    sim.clear_requests()
    spec, validate = attendant_options.argument_spec(), attendant_options.validate_options
    results = [module_run(aa_converge.run, spec, item, client, validate) for item in exported]
    assert [result["changed"] for result in results] == [False, False]
    spec, validate = fw_options.argument_spec(), fw_options.validate_options
    results = [module_run(fw_converge.run, spec, item, client, validate) for item in forwarding]
    assert [result["changed"] for result in results] == [False] * len(forwarding)
    assert sim.writes() == []


def test_attendants_created_by_the_module_parse_in_wxc_sdk(sim, api, client):
    menu = {
        "greeting": "CUSTOM",
        "extension_enabled": True,
        "audio_announcement_file": {"file_name": "welcome.wav", "media_file_type": "WAV", "level": "ORGANIZATION"},
        "key_configurations": [
            {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19175551092", "description": "Sales"},
            {"key": "9", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": {"id": AUDIO_ID}},
            {"key": "#", "action": "EXIT"},
        ],
        "call_treatment": {
            "retry_attempt_for_no_input": "ONE_TIME",
            "no_input_timer": 20,
            "action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "transfer_call_to": "+19073569984"},
        },
    }
    args = {
        "location": HQ,
        "name": "Module Main",
        "phone_number": "+19705550022",
        "extension": "2502",
        "alternate_numbers": [{"phone_number": "+19705550023", "ring_pattern": "SHORT_LONG_SHORT"}],
        "business_schedule": BUSINESS,
        "holiday_schedule": HOLIDAYS,
        "language_code": "en_us",
        "extension_dialing": "GROUP",
        "name_dialing": "GROUP",
        "time_zone": "America/Denver",
        "direct_line_caller_id_name": {"selection": "DISPLAY_NAME"},
        "dial_by_name": "Module Main",
        "business_hours_menu": menu,
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": False,
            "key_configurations": [{"key": "0", "action": "EXIT"}],
        },
    }
    spec, validate = attendant_options.argument_spec(), attendant_options.validate_options
    assert module_run(aa_converge.run, spec, args, client, validate)["changed"] is True
    location_id = hq(api)
    found = api.telephony.auto_attendant.by_name("Module Main", location_id=location_id)
    details = api.telephony.auto_attendant.details(location_id=location_id, auto_attendant_id=found.auto_attendant_id)
    assert extra_fields(details) <= KNOWN_SDK_GAPS
    assert extra_fields(details) == {"businessHoursMenu.keyConfigurations[].audioAnnouncementFile"}
    assert details.business_hours_menu.audio_announcement_file.file_name == "welcome.wav"
    assert details.alternate_numbers[0].ring_pattern == "SHORT_LONG_SHORT"
