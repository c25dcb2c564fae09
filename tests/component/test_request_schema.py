"""What webex_auto_attendant sends is what the 2026 request schema has: a menu re-sent whole carries no read-only or
unknown nested field, the call treatment's action always has a greeting, noInputTimer is a string, and a legacy
RETURN_TO_PREVIOUS_MENU key in a menu being written is refused before any request (the export warns about it)."""

import copy

import pytest

from ansible_collections.wxc.calling.plugins.module_utils import menus
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as attendant_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import service as aa_service
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import read_attendants
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from tests.builders import HQ, aa_body, aa_options, api_menu, key, menu
from tests.component.helpers import params_of
from tests.simulator.tests.helpers import AUDIO, AUDIO_ID

# An audio file as a later API version (or Control Hub) might show it: with read-only fields the request lacks.
SHOWN_AUDIO = dict(AUDIO, type="ANNOUNCEMENT", fileSize="356", isTextToSpeech=False)


@pytest.fixture(name="service")
def fixture_service(client):
    return aa_service.AutoAttendantService(client)


def aa_params(**options):
    return params_of(attendant_options.argument_spec(), **aa_options(**options))


def _fields_outside_the_request_schema(body):
    """Paths of every field of BODY's menus (API form) that the 2026 request schema does not have."""
    found = []
    for place in menus.places(body, menus.API):
        kind = {"menu": "menu", "key": "key", "no_input": "action"}[place.kind]
        found += ["%s.%s" % (place.path, field) for field in place.holder if field not in menus.REQUEST_FIELDS[kind]]
        audio = place.holder.get("audioAnnouncementFile") or {}
        found += ["%s.audio.%s" % (place.path, field) for field in audio if field not in menus.REQUEST_FIELDS["audio"]]
        if place.kind == "menu":
            treatment = place.holder.get("callTreatment") or {}
            found += [
                "%s.callTreatment.%s" % (place.path, field)
                for field in treatment
                if field not in menus.REQUEST_FIELDS["treatment"]
            ]
    return found


def test_a_changed_menu_of_an_attendant_made_elsewhere_is_sent_in_the_request_schema_only(sim, service, hq):
    # Made in Control Hub (the control route stores it as given): read-only and unknown fields nested everywhere.
    business = api_menu(
        key(0, "EXIT", futureKeyField=True),
        key(1, "PLAY_ANNOUNCEMENT", audioAnnouncementFile=dict(SHOWN_AUDIO)),
        greeting="CUSTOM",
        audioAnnouncementFile=dict(SHOWN_AUDIO),
        futureMenuField={"mode": "x"},
        callTreatment={
            "noInputTimer": "10",
            "futureTreatment": 1,
            "actionToBePerformed": {
                "action": "PLAY_MESSAGE_AND_DISCONNECT",
                "greeting": "CUSTOM",
                "audioAnnouncementFile": dict(SHOWN_AUDIO),
            },
        },
    )
    sim.store_auto_attendant(HQ, aa_body(businessHoursMenu=business))
    sim.clear_requests()
    wanted = menu(
        key(0, "EXIT", description="Goodbye"),
        key(1, "PLAY_ANNOUNCEMENT", audio_announcement_file={"id": AUDIO_ID}),
        greeting="CUSTOM",
        audio_announcement_file={"id": AUDIO_ID},
    )
    the_plan, result = aa_converge.converge(service, hq, aa_params(business_hours_menu=wanted))
    assert the_plan.action == "update"
    (put,) = sim.writes()
    assert put["status"] == 200 and _fields_outside_the_request_schema(put["body"]) == []
    sent = put["body"]["businessHoursMenu"]
    assert sent["audioAnnouncementFile"] == AUDIO and sent["callTreatment"]["noInputTimer"] == "10"
    assert sent["callTreatment"]["actionToBePerformed"] == {
        "action": "PLAY_MESSAGE_AND_DISCONNECT",
        "greeting": "CUSTOM",
        "audioAnnouncementFile": AUDIO,
    }
    assert result["businessHoursMenu"]["keyConfigurations"][0] == {
        "key": "0",
        "action": "EXIT",
        "description": "Goodbye",
    }


def test_a_call_treatment_without_a_greeting_is_sent_with_the_default_one(sim, service, hq):
    treatment = {"no_input_timer": 15, "action_to_be_performed": {"action": "DISCONNECT"}}
    params = aa_params(business_hours_menu=menu(call_treatment=treatment))
    the_plan, result = aa_converge.converge(service, hq, params)
    assert the_plan.action == "create"
    (post,) = sim.writes()
    assert post["body"]["businessHoursMenu"]["callTreatment"] == {
        "noInputTimer": "15",
        "actionToBePerformed": {"action": "DISCONNECT", "greeting": "DEFAULT"},
    }
    assert result["businessHoursMenu"]["callTreatment"]["actionToBePerformed"]["greeting"] == "DEFAULT"
    sim.clear_requests()
    assert aa_converge.converge(service, hq, params)[0].action == "nothing" and sim.writes() == []


LEGACY_MENU = api_menu(key(0, "EXIT"), key(9, "RETURN_TO_PREVIOUS_MENU"))


@pytest.mark.parametrize("check_mode", [True, False])
def test_a_legacy_key_in_a_menu_being_changed_is_refused_before_any_request(sim, service, hq, check_mode):
    sim.store_auto_attendant(HQ, aa_body(businessHoursMenu=copy.deepcopy(LEGACY_MENU)))
    # The export re-applies: the menu is unchanged, nothing is sent.
    legacy = menu(key(0, "EXIT"), key(9, "RETURN_TO_PREVIOUS_MENU"))
    sim.clear_requests()
    assert aa_converge.converge(service, hq, aa_params(business_hours_menu=legacy), check_mode)[0].action == "nothing"
    # A change of that menu would send the legacy key, which the API refuses: refused here, before any write.
    changed = menu(key(0, "EXIT"), key(9, "RETURN_TO_PREVIOUS_MENU"), extension_enabled=False)
    with pytest.raises(ResourceError) as refused:
        aa_converge.converge(service, hq, aa_params(business_hours_menu=changed), check_mode)
    message = str(refused.value)
    assert "business_hours_menu.key_configurations (key 9) is RETURN_TO_PREVIOUS_MENU" in message
    assert "TRANSFER_WITHOUT_PROMPT with auto_attendant" in message and "nothing was written" in message
    assert sim.writes() == []
    # Declared with an action of the API instead, the menu is written.
    fixed = menu(key(0, "EXIT"), key(9, "REPEAT_MENU"), extension_enabled=False)
    the_plan, _result = aa_converge.converge(service, hq, aa_params(business_hours_menu=fixed), check_mode)
    assert the_plan.action == "update"
    assert [entry["status"] for entry in sim.writes()] == ([] if check_mode else [200])


def test_the_export_warns_about_a_legacy_key(sim, client, hq):
    sim.store_auto_attendant(HQ, aa_body("Old menu", businessHoursMenu=copy.deepcopy(LEGACY_MENU)))
    warnings = []
    _attendants, export = read_attendants(client, HQ, warn=warnings.append)
    assert export[0]["business_hours_menu"]["key_configurations"][1]["action"] == "RETURN_TO_PREVIOUS_MENU"
    assert warnings == [
        "auto attendant 'Old menu' in Headquarters: business_hours_menu.key_configurations (key 9) is "
        "RETURN_TO_PREVIOUS_MENU, a legacy action the API refuses in a write: the export re-applies while that menu "
        "is unchanged; to change the menu, declare that key with an action of the API instead: "
        "TRANSFER_WITHOUT_PROMPT with auto_attendant (the attendant callers should go back to), REPEAT_MENU (this "
        "menu again) or EXIT; or leave the key out"
    ]
