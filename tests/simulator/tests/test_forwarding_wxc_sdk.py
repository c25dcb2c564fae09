"""Contract: wxc_sdk's forwarding API (an independent client of the real service) against the simulator's routes.

wxc_sdk is a test dependency only; without it these tests are skipped.
"""

import pytest

from .helpers import create, minimal_body

wxc_sdk = pytest.importorskip("wxc_sdk")
# pylint: disable=wrong-import-position,wrong-import-order
from wxc_sdk.telephony.forwarding import (  # noqa: E402
    CallForwarding,
    CallForwardingNumber,
    CallsFrom,
    CustomNumbers,
    ForwardCallsTo,
    ForwardingRuleDetails,
    ForwardingSetting,
    ForwardOperatingModes,
    ForwardTo,
    ModeForward,
    ModeForwardTo,
)


@pytest.fixture
def api(sim):
    client = wxc_sdk.WebexSimpleApi(tokens=sim.token, retry_429=False)
    client.session.BASE = sim.url  # the simulator instead of webexapis.com
    yield client
    client.close()


def test_settings_round_trip_through_the_sdk(sim, api):
    location_id, aa_id = create(sim)
    forwarding = api.telephony.auto_attendant.forwarding
    settings = forwarding.settings(location_id, aa_id)
    assert settings.always.enabled is False and settings.rules == []
    settings.always = ForwardingSetting(
        enabled=True, destination="+19705550006", ring_reminder_enabled=True, send_to_voicemail_enabled=False
    )
    forwarding.update(location_id, aa_id, settings)
    put = [entry for entry in sim.writes() if entry["method"] == "PUT"][-1]
    assert set(put["body"]) == {"callForwarding"}
    assert forwarding.settings(location_id, aa_id).always.destination == "+19705550006"


def test_rules_through_the_sdk_nanp_numbers_and_rename(sim, api):
    location_id, aa_id = create(sim, body=minimal_body(phoneNumber="+19705550026"))
    forwarding = api.telephony.auto_attendant.forwarding
    rule = ForwardingRuleDetails(
        name="VIP",
        enabled=True,
        business_schedule="AUTOATTENDANT-BUSINESS-HOURS",
        forward_to=ForwardTo(selection="FORWARD_TO_SPECIFIED_NUMBER", phone_number="+19705550006"),
        calls_from=CallsFrom(
            selection="CUSTOM", custom_numbers=CustomNumbers(private_number_enabled=True, numbers=["+14155550123"])
        ),
        calls_to=ForwardCallsTo(numbers=[CallForwardingNumber(phone_number="+19705550026", type="PRIMARY")]),
    )
    rule_id = forwarding.create_call_forwarding_rule(location_id, aa_id, rule)
    read = forwarding.call_forwarding_rule(location_id, aa_id, rule_id)
    # The simulator returns ten digits; the SDK turns them into +1-NXXNXXXXXX, as it does with the real service.
    assert read.calls_to.numbers[0].phone_number == "+1-9705550026"
    assert read.calls_from.custom_numbers.numbers == ["+1-4155550123"]
    assert read.forward_to.phone_number == "+19705550006" and read.enabled is True

    read.name = "VIP callers"
    new_id = forwarding.update_call_forwarding_rule(location_id, aa_id, rule_id, read)
    assert new_id != rule_id
    assert [r.name for r in forwarding.settings(location_id, aa_id).rules] == ["VIP callers"]
    forwarding.switch_mode_for_call_forwarding(location_id, aa_id)
    forwarding.delete_call_forwarding_rule(location_id, aa_id, new_id)
    assert forwarding.settings(location_id, aa_id).rules == []


def test_call_forward_available_numbers_through_the_sdk(sim, api):
    location_id, aa_id = create(sim, body=minimal_body(phoneNumber="+19705550026"))
    numbers = list(api.telephony.auto_attendant.call_forward_available_phone_numbers(location_id))
    assert [(number.phone_number, number.owner.owner_id) for number in numbers] == [("+19705550026", aa_id)]


def test_default_forwarding_equals_the_sdk_default(sim, api):
    location_id, aa_id = create(sim)
    settings = api.telephony.auto_attendant.forwarding.settings(location_id, aa_id)
    default = CallForwarding.default()
    assert settings.always == default.always and settings.selective == default.selective


def test_forwarding_by_operating_mode_and_switch_mode_through_the_sdk(sim, api):
    location_id, aa_id = create(sim)
    available = {mode.name: mode.id for mode in api.telephony.operating_modes.available_operating_modes(location_id)}
    forwarding = api.telephony.auto_attendant.forwarding
    settings = forwarding.settings(location_id, aa_id)
    settings.operating_modes = ForwardOperatingModes(
        enabled=True,
        modes=[
            ModeForward(
                id=available["Day"],
                normal_operation_enabled=True,
                forward_to=ModeForwardTo(selection="DO_NOT_FORWARD"),
            ),
            ModeForward(
                id=available["Outage"],
                normal_operation_enabled=False,
                forward_to=ModeForwardTo(
                    selection="FORWARD_TO_SPECIFIED_NUMBER",
                    destination="+19705550006",
                    destination_voicemail_enabled=True,
                ),
            ),
        ],
    )
    forwarding.update(location_id, aa_id, settings)
    put = [entry for entry in sim.writes() if entry["method"] == "PUT"][-1]
    assert set(put["body"]["callForwarding"]["operatingModes"]["modes"][1]) == {
        "id",
        "normalOperationEnabled",
        "forwardTo",
    }
    read = forwarding.settings(location_id, aa_id)
    assert read.operating_modes.enabled is True and read.operating_modes.current_operating_mode_id == available["Day"]
    outage = read.operating_modes.modes[1]
    assert (outage.name, outage.level, outage.forward_to.destination) == ("Outage", "ORGANIZATION", "+19705550006")
    assert outage.forward_to.default_destination == "+19705550007"
    # What it read, sent back whole, is accepted and changes nothing.
    forwarding.update(location_id, aa_id, read)
    assert forwarding.settings(location_id, aa_id) == read
    # Switched to Outage by hand (Control Hub), then back to normal operation through the API.
    stored = sim.api("GET", "/telephony/config/locations/%s/autoAttendants/%s/callForwarding" % (location_id, aa_id))
    operating = dict(stored.json()["callForwarding"]["operatingModes"])
    operating.update(currentOperatingModeId=available["Outage"], exceptionType="MANUAL_SWITCH_BACK")
    sim.store_forwarding(aa_id, operatingModes=operating)
    assert forwarding.settings(location_id, aa_id).operating_modes.exception_type == "MANUAL_SWITCH_BACK"
    forwarding.switch_mode_for_call_forwarding(location_id, aa_id)
    after = forwarding.settings(location_id, aa_id).operating_modes
    assert after.current_operating_mode_id == available["Day"]
    assert after.exception_type == "AUTOMATIC_SWITCH_BACK_STANDARD"
