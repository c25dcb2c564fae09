"""webex_auto_attendant_forwarding's operating modes and switch_mode, called in this process against the simulator:
modes by name (the attendant's own, or one the location offers), changes in place, modes left alone sent as they are,
check mode, refusals before any write, the read-back, the switch back to normal operation, and the export that
carries them and re-applies with no change."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import read_attendants
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import converge as fw_converge
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as fw_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import service as fw_service
from ansible_collections.wxc.calling.plugins.module_utils._site import converge as site
from ansible_collections.wxc.calling.plugins.module_utils._site import options as site_options
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from tests.builders import DENVER, HQ
from tests.component.helpers import create, params_of

ATTENDANT = "Minimal AA"
DAY = {"name": "Day", "normal_operation_enabled": True, "forward_to": {"selection": "DO_NOT_FORWARD"}}
OUTAGE = {
    "name": "Outage",
    "normal_operation_enabled": False,
    "forward_to": {
        "selection": "FORWARD_TO_SPECIFIED_NUMBER",
        "destination": "+1 970-555-0006",
        "destination_voicemail_enabled": True,
    },
}


def params(location=HQ, **options):
    return params_of(fw_options.argument_spec(), **dict({"location": location, "auto_attendant": ATTENDANT}, **options))


@pytest.fixture(name="service")
def fixture_service(client):
    return fw_service.ForwardingService(client)


def _ids(sim, location=HQ):
    ids = create(sim, location)
    sim.clear_requests()
    return ids


def _modes(sim, ids):
    path = "/telephony/config/locations/%s/autoAttendants/%s/callForwarding" % ids
    return sim.api("GET", path).json()["callForwarding"]["operatingModes"]


def _mode_id(sim, location_id, name):
    path = "/telephony/config/locations/%s/operatingModes/availableOperatingModes" % location_id
    return next(mode["id"] for mode in sim.api("GET", path).json()["operatingModes"] if mode["name"] == name)


def _paths(sim):
    return [(entry["method"], entry["path"].rsplit("/", 1)[-1]) for entry in sim.requests()]


def test_modes_by_name_are_added_read_back_and_a_second_run_is_ok(sim, service):
    ids = _ids(sim)
    options = params(operating_modes={"enabled": True, "modes": [DAY, OUTAGE]})
    predicted, result = fw_converge.converge(service, ids[0], options, check_mode=True)
    assert predicted.changed and not sim.writes()
    assert predicted.diff()["after"]["operating_modes"]["modes"][1]["name"] == "Outage"
    assert [mode["name"] for mode in result["forwarding"]["operatingModes"]["modes"]] == ["Day", "Outage"]

    sim.clear_requests()
    the_plan, result = fw_converge.converge(service, ids[0], options)
    assert the_plan.changed
    # One read of the modes the location offers (two names the attendant does not have yet), then one PUT.
    assert _paths(sim) == [
        ("GET", "autoAttendants"),
        ("GET", "callForwarding"),
        ("GET", "availableOperatingModes"),
        ("PUT", "callForwarding"),
        ("GET", "callForwarding"),
    ]
    (put,) = sim.writes()
    assert put["body"] == {
        "callForwarding": {
            "operatingModes": {
                "enabled": True,
                "modes": [
                    {
                        "id": _mode_id(sim, ids[0], "Day"),
                        "normalOperationEnabled": True,
                        "forwardTo": {"selection": "DO_NOT_FORWARD"},
                    },
                    {
                        "id": _mode_id(sim, ids[0], "Outage"),
                        "normalOperationEnabled": False,
                        "forwardTo": {
                            "selection": "FORWARD_TO_SPECIFIED_NUMBER",
                            "destination": "+19705550006",
                            "destinationVoicemailEnabled": True,
                        },
                    },
                ],
            }
        }
    }
    stored = _modes(sim, ids)
    assert stored["enabled"] is True and [mode["name"] for mode in stored["modes"]] == ["Day", "Outage"]
    assert result["forwarding"]["operatingModes"] == stored

    sim.clear_requests()
    again, _result = fw_converge.converge(service, ids[0], options)
    assert not again.changed and sim.writes() == []
    assert ("GET", "availableOperatingModes") not in _paths(sim)  # both are the attendant's now


def test_a_mode_is_changed_in_place_and_the_others_are_sent_as_they_are(sim, service):
    ids = _ids(sim)
    fw_converge.converge(service, ids[0], params(operating_modes={"enabled": True, "modes": [DAY, OUTAGE]}))
    sim.clear_requests()
    change = {"name": "Outage", "forward_to": {"selection": "FORWARD_TO_DEFAULT_NUMBER"}}
    the_plan, _result = fw_converge.converge(service, ids[0], params(operating_modes={"modes": [change]}))
    assert the_plan.changed
    (put,) = sim.writes()
    sent = put["body"]["callForwarding"]["operatingModes"]
    assert sent["enabled"] is True  # not given: the attendant's
    assert sent["modes"][0] == {
        "id": _mode_id(sim, ids[0], "Day"),
        "normalOperationEnabled": True,
        "forwardTo": {"selection": "DO_NOT_FORWARD", "destinationVoicemailEnabled": False},
    }
    assert sent["modes"][1]["forwardTo"]["selection"] == "FORWARD_TO_DEFAULT_NUMBER"
    assert the_plan.diff()["before"]["operating_modes"]["modes"][1]["forward_to"]["selection"] == (
        "FORWARD_TO_SPECIFIED_NUMBER"
    )
    assert _modes(sim, ids)["modes"][1]["forwardTo"]["selection"] == "FORWARD_TO_DEFAULT_NUMBER"
    # Turning modes off keeps them.
    sim.clear_requests()
    fw_converge.converge(service, ids[0], params(operating_modes={"enabled": False}))
    assert _modes(sim, ids)["enabled"] is False and len(_modes(sim, ids)["modes"]) == 2


@pytest.mark.parametrize(
    "location,modes,message",
    [
        (
            HQ,
            [{"name": "Lunch", "normal_operation_enabled": True, "forward_to": {"selection": "DO_NOT_FORWARD"}}],
            "operating_modes.modes[0].name: no operating mode called 'Lunch' is available to the location (available: "
            "Company Holidays, Day, Night, Outage, Weather Closure)",
        ),
        (
            DENVER,
            [
                {
                    "name": "Weather Closure",
                    "normal_operation_enabled": True,
                    "forward_to": {"selection": "DO_NOT_FORWARD"},
                }
            ],
            "operating_modes.modes[0].name: 2 operating modes the location offers are called 'Weather Closure' (ids: ",
        ),
        (
            HQ,
            [{"name": "Night", "normal_operation_enabled": True}],
            "operating_modes.modes[0]: operating mode 'Night' is not one of the auto attendant's, and adding it needs "
            "forward_to",
        ),
    ],
)
def test_a_mode_that_cannot_be_named_or_added_is_refused_before_any_write(sim, service, location, modes, message):
    ids = _ids(sim, location)
    for check_mode in (True, False):
        with pytest.raises(ResourceError) as refused:
            fw_converge.converge(service, ids[0], params(location, operating_modes={"modes": modes}), check_mode)
        assert message in str(refused.value)
    assert sim.writes() == []


def test_a_mode_change_the_service_does_not_keep_is_reported(sim, service):
    ids = _ids(sim)
    sim.fault(method="PUT", path="callForwarding", ignore_write=True)
    with pytest.raises(WriteNotApplied) as failed:
        fw_converge.converge(service, ids[0], params(operating_modes={"enabled": True, "modes": [DAY]}))
    assert failed.value.fields == ["operating_modes.enabled", "operating_modes.modes[0]"]


def _switched_by_hand(sim, ids):
    operating = _modes(sim, ids)
    outage = next(mode["id"] for mode in operating["modes"] if mode["name"] == "Outage")
    sim.store_forwarding(
        ids[1], operatingModes=dict(operating, currentOperatingModeId=outage, exceptionType="MANUAL_SWITCH_BACK")
    )
    sim.clear_requests()


def test_switch_mode_switches_back_only_from_an_exception(sim, service):
    ids = _ids(sim)
    fw_converge.converge(service, ids[0], params(operating_modes={"enabled": True, "modes": [DAY, OUTAGE]}))
    sim.clear_requests()
    # Normal operation already: nothing to do.
    the_plan, _result = fw_converge.converge(service, ids[0], params(switch_mode=True))
    assert not the_plan.changed and sim.writes() == []

    _switched_by_hand(sim, ids)
    predicted, result = fw_converge.converge(service, ids[0], params(switch_mode=True), check_mode=True)
    assert predicted.changed and sim.writes() == []
    assert result["forwarding"]["operatingModes"]["exceptionType"] == "AUTOMATIC_SWITCH_BACK_STANDARD"
    diff = predicted.diff()
    assert diff["before"]["operating_modes"] == {"exception_type": "MANUAL_SWITCH_BACK"}
    assert diff["after"]["operating_modes"] == {"exception_type": "AUTOMATIC_SWITCH_BACK_STANDARD"}
    the_plan, result = fw_converge.converge(service, ids[0], params(switch_mode=True))
    assert the_plan.changed
    assert [(entry["method"], entry["path"].rsplit("/", 2)[-2]) for entry in sim.writes()] == [("POST", "switchMode")]
    after = result["forwarding"]["operatingModes"]
    assert after["exceptionType"] == "AUTOMATIC_SWITCH_BACK_STANDARD"
    assert after["currentOperatingModeId"] == _mode_id(sim, ids[0], "Day")


def test_a_switch_the_service_does_not_make_is_reported(sim, service):
    ids = _ids(sim)
    fw_converge.converge(service, ids[0], params(operating_modes={"enabled": True, "modes": [DAY, OUTAGE]}))
    _switched_by_hand(sim, ids)
    sim.fault(method="POST", path="switchMode", ignore_write=True)
    with pytest.raises(WriteNotApplied) as failed:
        fw_converge.converge(service, ids[0], params(switch_mode=True))
    assert failed.value.fields == ["switch_mode"]


def test_the_export_carries_the_modes_and_applies_again_with_no_change(sim, client, service):
    ids = _ids(sim)
    fw_converge.converge(service, ids[0], params(operating_modes={"enabled": True, "modes": [DAY, OUTAGE]}))
    exported, warnings = [], []
    attendants, _options = read_attendants(client, HQ, forwarding_export=exported, warn=warnings.append)
    assert warnings == []
    assert exported[0]["operating_modes"] == {
        "enabled": True,
        "modes": [
            {
                "name": "Day",
                "normal_operation_enabled": True,
                "forward_to": {"selection": "DO_NOT_FORWARD", "destination_voicemail_enabled": False},
            },
            {
                "name": "Outage",
                "normal_operation_enabled": False,
                "forward_to": {
                    "selection": "FORWARD_TO_SPECIFIED_NUMBER",
                    "destination": "+19705550006",
                    "destination_voicemail_enabled": True,
                },
            },
        ],
    }
    assert attendants[0]["forwarding"]["operating_modes"]["enabled"] is True
    assert fw_options.check_options(exported[0]) == []
    sim.clear_requests()
    again, _result = fw_converge.converge(service, ids[0], params_of(fw_options.argument_spec(), **exported[0]))
    assert not again.changed and sim.writes() == []
    # Applied to an attendant made again from the export (its modes off and empty), the modes come back enabled.
    sim.api("DELETE", "/telephony/config/locations/%s/autoAttendants/%s" % ids)
    ids = _ids(sim)
    fw_converge.converge(service, ids[0], params_of(fw_options.argument_spec(), **exported[0]))
    assert _modes(sim, ids)["enabled"] is True and len(_modes(sim, ids)["modes"]) == 2


def test_an_attendant_made_again_from_the_export_by_the_site_engine_gets_its_modes_back(sim, client, service):
    # The export the playbooks write (attendants and forwarding), applied by webex_site as apply_auto_attendants does,
    # to an attendant deleted and made again: its forwarding by operating mode comes back enabled, with its modes.
    ids = _ids(sim)
    fw_converge.converge(service, ids[0], params(operating_modes={"enabled": True, "modes": [DAY, OUTAGE]}))
    before = _modes(sim, ids)
    exported = []
    _attendants, attendant_options = read_attendants(client, HQ, forwarding_export=exported)
    sim.api("DELETE", "/telephony/config/locations/%s/autoAttendants/%s" % ids)
    declaration = params_of(site_options.argument_spec(), auto_attendants=attendant_options, forwarding=exported)

    result = site.converge(client, declaration, warn=pytest.fail)
    assert [(entry["kind"], entry["action"]) for entry in result["objects"]] == [
        ("auto_attendants", "create"),
        ("forwarding", "update"),
    ]
    made = next(item["id"] for item in sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"])
    after = _modes(sim, (ids[0], made))
    assert after["enabled"] is True
    assert [_mode_view(mode) for mode in after["modes"]] == [_mode_view(mode) for mode in before["modes"]]

    sim.clear_requests()
    again = site.converge(client, declaration, warn=pytest.fail)
    assert {entry["action"] for entry in again["objects"]} == {"nothing"} and sim.writes() == []


def _mode_view(mode):
    """A mode of the GET without what the service computes (its id is the location's mode's, so it stays)."""
    return {field: mode.get(field) for field in ("id", "name", "normalOperationEnabled", "forwardTo")}
