"""Clearing what a user may clear, through the write and the read-back: dial_by_name, first_name, last_name,
direct_line_caller_id_name.custom_name, holiday_schedule, a menu's audio file and the alternate numbers. The service
leaves a cleared field out of its details; that counts as applied, and the next run changes nothing."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as attendant_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import service as aa_service
from tests.builders import HOLIDAYS, HQ, aa_options, api_menu, menu
from tests.component.helpers import aa_path, create_aa, params_of
from tests.simulator.tests.helpers import AUDIO, AUDIO_ID

# (what is cleared, the attendant's fields before, the options that clear it, what the update sends, what the details
# must not have afterwards)
CLEARS = [
    ("dial_by_name", {"dialByName": "Reception"}, {"dial_by_name": ""}, {"dialByName": ""}, "dialByName"),
    ("first_name", {"firstName": "Main"}, {"first_name": ""}, {"firstName": ""}, "firstName"),
    ("last_name", {"lastName": "Line"}, {"last_name": ""}, {"lastName": ""}, "lastName"),
    (
        "direct_line_caller_id_name.custom_name",
        {"directLineCallerIdName": {"selection": "DISPLAY_NAME", "customName": "Front desk"}},
        {"direct_line_caller_id_name": {"selection": "DISPLAY_NAME", "custom_name": ""}},
        {"directLineCallerIdName": {"selection": "DISPLAY_NAME", "customName": ""}},
        "directLineCallerIdName.customName",
    ),
    (
        "holiday_schedule",
        {"holidaySchedule": HOLIDAYS},
        {"holiday_schedule": ""},
        {"holidaySchedule": ""},
        "holidaySchedule",
    ),
    (
        "a menu's audio file",
        {"businessHoursMenu": api_menu(audioAnnouncementFile={"id": AUDIO_ID})},
        {"business_hours_menu": menu(audio_announcement_file={})},
        {"businessHoursMenu": api_menu()},
        "businessHoursMenu.audioAnnouncementFile",
    ),
    (
        "alternate_numbers",
        {"alternateNumbers": [{"phoneNumber": "+19705550003", "ringPattern": "NORMAL"}]},
        {"alternate_numbers": []},
        {"alternateNumbers": []},
        "alternateNumbers.0",
    ),
]


def _has(details, path):
    """Whether DETAILS has a non-empty value at PATH (dotted; a number indexes a list)."""
    value = details
    for part in path.split("."):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return False
    return value not in ("", None, [], {})


@pytest.mark.parametrize("what,before,options,sent,cleared", CLEARS, ids=[case[0] for case in CLEARS])
def test_a_cleared_field_is_sent_applied_through_the_read_back_and_stays_cleared(
    sim, client, hq, what, before, options, sent, cleared
):
    service = aa_service.AutoAttendantService(client)
    aa_id = create_aa(sim, hq, **before)
    assert _has(sim.api("GET", aa_path(hq, aa_id)).json(), cleared), what
    params = params_of(attendant_options.argument_spec(), **aa_options(**options))
    assert attendant_options.validate_options(params) == []

    predicted, _result = aa_converge.converge(service, hq, params, check_mode=True)
    assert predicted.action == "update" and sim.writes() == []
    the_plan, result = aa_converge.converge(service, hq, params)  # raises WriteNotApplied if the read-back disagreed
    assert the_plan.action == "update" and the_plan.body == sent
    assert [entry["body"] for entry in sim.writes()] == [sent]
    details = sim.api("GET", aa_path(hq, aa_id)).json()
    assert not _has(details, cleared) and not _has(result, cleared)

    sim.clear_requests()
    again, _result = aa_converge.converge(service, hq, params)
    assert again.action == "nothing" and sim.writes() == []


def test_a_cleared_field_the_service_shows_as_empty_also_counts_as_cleared(sim, client, hq):
    # Whether the service leaves a cleared field out or shows it empty, the comparison is the same.
    service = aa_service.AutoAttendantService(client)
    aa_id = create_aa(sim, hq, dialByName="Reception")
    stored = sim.api("GET", aa_path(hq, aa_id)).json()
    made = sim.store_auto_attendant(HQ, dict(stored, name="Shown empty", extension="2101", dialByName="", firstName=""))
    assert sim.api("GET", aa_path(hq, made)).json()["dialByName"] == ""
    params = params_of(
        attendant_options.argument_spec(), **aa_options("Shown empty", "2101", dial_by_name="", first_name="")
    )
    the_plan, _result = aa_converge.converge(service, hq, params)
    assert the_plan.action == "nothing"


def test_a_menu_audio_file_given_again_is_a_change_back(sim, client, hq):
    service = aa_service.AutoAttendantService(client)
    create_aa(sim, hq)
    params = params_of(
        attendant_options.argument_spec(),
        **aa_options(business_hours_menu=menu(audio_announcement_file={"id": AUDIO_ID})),
    )
    the_plan, result = aa_converge.converge(service, hq, params)
    assert the_plan.action == "update" and result["businessHoursMenu"]["audioAnnouncementFile"] == AUDIO
