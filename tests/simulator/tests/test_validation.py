"""Every validation rule answers a Webex-shaped error and stores nothing."""

import json

import pytest

from tests.builders import AA_LIST_PATH
from tests.simulator import errors

from .helpers import AUDIO_ID, aa_path, assert_webex_error, create, doc_example, minimal_body


def _drop(field):
    def mutate(body):
        del body[field]

    return mutate


def _drop_both(*fields):
    def mutate(body):
        for field in fields:
            del body[field]

    return mutate


def _set(field, value):
    def mutate(body):
        body[field] = value

    return mutate


def _menu(field, value, menu="businessHoursMenu"):
    def mutate(body):
        if value is None:
            del body[menu][field]
        else:
            body[menu][field] = value

    return mutate


def _keys(*entries):
    return _menu("keyConfigurations", list(entries))


def _treatment(**fields):
    return _menu("callTreatment", fields)


CASES = [
    ("missing name", _drop("name"), 400, errors.ERR_MISSING_FIELD),
    ("missing businessSchedule", _drop("businessSchedule"), 400, errors.ERR_MISSING_FIELD),
    ("missing businessHoursMenu", _drop("businessHoursMenu"), 400, errors.ERR_MISSING_FIELD),
    ("missing afterHoursMenu", _drop("afterHoursMenu"), 400, errors.ERR_MISSING_FIELD),
    ("missing number and extension", _drop_both("extension", "phoneNumber"), 400, errors.ERR_MISSING_FIELD),
    ("menu without greeting", _menu("greeting", None), 400, errors.ERR_MISSING_FIELD),
    ("menu without extensionEnabled", _menu("extensionEnabled", None), 400, errors.ERR_MISSING_FIELD),
    ("menu without keyConfigurations", _menu("keyConfigurations", None), 400, errors.ERR_MISSING_FIELD),
    (
        "keyConfigurations as an object",
        _menu("keyConfigurations", {"key": "0", "action": "EXIT"}),
        400,
        errors.ERR_INVALID_VALUE,
    ),
    ("bad greeting", _menu("greeting", "PLAYLIST"), 400, errors.ERR_INVALID_VALUE),
    ("extensionEnabled as a string", _menu("extensionEnabled", "true"), 400, errors.ERR_INVALID_VALUE),
    ("bad key", _keys({"key": "A", "action": "EXIT"}), 400, errors.ERR_INVALID_VALUE),
    ("key as a number", _keys({"key": 1, "action": "EXIT"}), 400, errors.ERR_INVALID_VALUE),
    ("bad action", _keys({"key": "1", "action": "RETURN_TO_PREVIOUS_MENU"}), 400, errors.ERR_INVALID_VALUE),
    (
        "duplicate key",
        _keys({"key": "1", "action": "EXIT"}, {"key": "1", "action": "REPEAT_MENU"}),
        400,
        errors.ERR_DUPLICATE_KEY,
    ),
    (
        "transfer with prompt without value",
        _keys({"key": "1", "action": "TRANSFER_WITH_PROMPT"}),
        400,
        errors.ERR_MISSING_FIELD,
    ),
    (
        "transfer without prompt without value",
        _keys({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT"}),
        400,
        errors.ERR_MISSING_FIELD,
    ),
    (
        "mailbox without value",
        _keys({"key": "1", "action": "TRANSFER_TO_MAILBOX", "value": ""}),
        400,
        errors.ERR_MISSING_FIELD,
    ),
    ("empty keyConfigurations", _keys(), 400, errors.ERR_MISSING_FIELD),
    (
        "key value with a trailing newline",
        _keys({"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "2120\n"}),
        400,
        errors.ERR_INVALID_VALUE,
    ),
    (
        "key value that is not a destination",
        _keys({"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "reception"}),
        400,
        errors.ERR_INVALID_VALUE,
    ),
    (
        "transferCallTo with a trailing newline",
        _treatment(
            actionToBePerformed={
                "action": "TRANSFER_WITH_PROMPT",
                "greeting": "DEFAULT",
                "transferCallTo": "+19705550002\n",
            }
        ),
        400,
        errors.ERR_INVALID_VALUE,
    ),
    (
        "transfer treatment without transferCallTo",
        _treatment(actionToBePerformed={"action": "TRANSFER_WITH_PROMPT", "greeting": "DEFAULT"}),
        400,
        errors.ERR_MISSING_FIELD,
    ),
    (
        "custom treatment greeting without file",
        _treatment(actionToBePerformed={"action": "PLAY_MESSAGE_AND_DISCONNECT", "greeting": "CUSTOM"}),
        400,
        errors.ERR_CUSTOM_GREETING_NEEDS_FILE,
    ),
    (
        "operator with value",
        _keys({"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2000"}),
        400,
        errors.ERR_OPERATOR_VALUE_NOT_ALLOWED,
    ),
    (
        "announcement without file",
        _keys({"key": "1", "action": "PLAY_ANNOUNCEMENT"}),
        400,
        errors.ERR_ANNOUNCEMENT_REQUIRED,
    ),
    ("custom greeting without file", _menu("greeting", "CUSTOM"), 400, errors.ERR_CUSTOM_GREETING_NEEDS_FILE),
    ("unknown audio id", _menu("audioAnnouncementFile", {"id": "bm9wZQ"}), 400, errors.ERR_AUDIO_FILE_NOT_FOUND),
    (
        "audio without id and level",
        _menu("audioAnnouncementFile", {"fileName": "AUDIO_FILE.wav", "mediaFileType": "WAV"}),
        400,
        errors.ERR_MISSING_FIELD,
    ),
    (
        "audio name that does not exist",
        _menu("audioAnnouncementFile", {"fileName": "nope.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}),
        400,
        errors.ERR_AUDIO_FILE_NOT_FOUND,
    ),
    (
        "audio at the wrong level",
        _menu("audioAnnouncementFile", {"fileName": "AUDIO_FILE.wav", "mediaFileType": "WAV", "level": "LOCATION"}),
        400,
        errors.ERR_AUDIO_FILE_NOT_FOUND,
    ),
    (
        "bad mediaFileType",
        _menu("audioAnnouncementFile", {"id": AUDIO_ID, "mediaFileType": "MP3"}),
        400,
        errors.ERR_INVALID_VALUE,
    ),
    ("bad level", _menu("audioAnnouncementFile", {"id": AUDIO_ID, "level": "ENTITY"}), 400, errors.ERR_INVALID_VALUE),
    (
        "another location's audio file",
        _menu("audioAnnouncementFile", {"fileName": "hq-after-hours.wav", "mediaFileType": "WAV", "level": "LOCATION"}),
        400,
        errors.ERR_AUDIO_FILE_NOT_FOUND,
    ),
    ("unknown business schedule", _set("businessSchedule", "NOPE"), 400, errors.ERR_SCHEDULE_NOT_FOUND),
    (
        "business schedule of the wrong type",
        _set("businessSchedule", "AUTOATTENDANT-HOLIDAY"),
        400,
        errors.ERR_SCHEDULE_NOT_FOUND,
    ),
    (
        "holiday schedule of the wrong type",
        _set("holidaySchedule", "AUTOATTENDANT-BUSINESS-HOURS"),
        400,
        errors.ERR_SCHEDULE_NOT_FOUND,
    ),
    ("bad extensionDialing", _set("extensionDialing", "LOCATION"), 400, errors.ERR_INVALID_VALUE),
    ("bad nameDialing", _set("nameDialing", "enterprise"), 400, errors.ERR_INVALID_VALUE),
    ("national phone number", _set("phoneNumber", "4085550100"), 400, errors.ERR_INVALID_VALUE),
    ("number of another location", _set("phoneNumber", "+19705550001"), 400, errors.ERR_NUMBER_NOT_AVAILABLE),
    ("extension with letters", _set("extension", "12a"), 400, errors.ERR_INVALID_VALUE),
    ("extension too short", _set("extension", "1"), 400, errors.ERR_INVALID_VALUE),
    ("extension too long", _set("extension", "12345678901"), 400, errors.ERR_INVALID_VALUE),
    ("extension as a number", _set("extension", 2100), 400, errors.ERR_INVALID_VALUE),
    ("extension with a trailing newline", _set("extension", "2120\n"), 400, errors.ERR_INVALID_VALUE),
    ("phone number with a trailing newline", _set("phoneNumber", "+14085550100\n"), 400, errors.ERR_INVALID_VALUE),
    ("noInputTimer with a trailing newline", _treatment(noInputTimer="10\n"), 400, errors.ERR_INVALID_VALUE),
    ("firstName with a control character", _set("firstName", "Main\n"), 400, errors.ERR_INVALID_VALUE),
    ("dialByName with a newline", _set("dialByName", "Main\n"), 400, errors.ERR_INVALID_VALUE),
    ("known field of the wrong type", _set("extensionDialing", 5), 400, errors.ERR_INVALID_VALUE),
    ("greeting of the wrong type", _menu("greeting", ["DEFAULT"]), 400, errors.ERR_INVALID_VALUE),
    (
        "bad ring pattern",
        _set("alternateNumbers", [{"phoneNumber": "+14085550101", "ringPattern": "LOUD"}]),
        400,
        errors.ERR_INVALID_VALUE,
    ),
    (
        "alternate without ring pattern",
        _set("alternateNumbers", [{"phoneNumber": "+14085550101"}]),
        400,
        errors.ERR_MISSING_FIELD,
    ),
    (
        "alternate equal to the primary",
        _set("alternateNumbers", [{"phoneNumber": "+14085550100", "ringPattern": "NORMAL"}]),
        400,
        errors.ERR_NUMBER_IN_USE,
    ),
    ("noInputTimer too high", _treatment(noInputTimer=61), 400, errors.ERR_INVALID_VALUE),
    ("noInputTimer zero", _treatment(noInputTimer="0"), 400, errors.ERR_INVALID_VALUE),
    ("noInputTimer not numeric", _treatment(noInputTimer="ten"), 400, errors.ERR_INVALID_VALUE),
    ("bad retryAttemptForNoInput", _treatment(retryAttemptForNoInput="FOREVER"), 400, errors.ERR_INVALID_VALUE),
    (
        "bad treatment action",
        _treatment(actionToBePerformed={"action": "HANG_UP", "greeting": "DEFAULT"}),
        400,
        errors.ERR_INVALID_VALUE,
    ),
    (
        "treatment action without greeting (DOC: required)",
        _treatment(actionToBePerformed={"action": "DISCONNECT"}),
        400,
        errors.ERR_MISSING_FIELD,
    ),
    (
        "bad caller id selection",
        _set("directLineCallerIdName", {"selection": "FIRSTNAME_LASTNAME"}),
        400,
        errors.ERR_INVALID_VALUE,
    ),
    (
        "custom caller id without name",
        _set("directLineCallerIdName", {"selection": "CUSTOM_NAME"}),
        400,
        errors.ERR_MISSING_FIELD,
    ),
    ("empty name", _set("name", ""), 400, errors.ERR_MISSING_FIELD),
    ("name too long", _set("name", "x" * 81), 400, errors.ERR_INVALID_VALUE),
    ("name with a control character", _set("name", "bad\nname"), 400, errors.ERR_INVALID_VALUE),
    ("name as a number", _set("name", 5), 400, errors.ERR_INVALID_VALUE),
    ("dialByName with percent", _set("dialByName", "50% off"), 400, errors.ERR_INVALID_VALUE),
    ("dialByName with plus", _set("dialByName", "A+B"), 400, errors.ERR_INVALID_VALUE),
    ("dialByName with backslash", _set("dialByName", "A\\B"), 400, errors.ERR_INVALID_VALUE),
    ("dialByName with quote", _set("dialByName", 'A"B'), 400, errors.ERR_INVALID_VALUE),
    ("dialByName with non-ASCII", _set("dialByName", "Zoë"), 400, errors.ERR_INVALID_VALUE),
    ("unknown language", _set("languageCode", "xx_yy"), 400, errors.ERR_INVALID_VALUE),
    ("unknown time zone", _set("timeZone", "Mars/Olympus"), 400, errors.ERR_INVALID_VALUE),
]


@pytest.mark.parametrize("mutate,status,code", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_invalid_create_is_refused_and_nothing_is_stored(sim, mutate, status, code):
    body = minimal_body(phoneNumber="+14085550100", holidaySchedule="AUTOATTENDANT-HOLIDAY")
    mutate(body)
    location_id = sim.location_id("Headquarters Annex")
    assert_webex_error(sim.api("POST", aa_path(location_id), json=body), status, code)
    assert sim.api("GET", AA_LIST_PATH).json()["autoAttendants"] == []


def test_operator_with_value_message(sim):
    body = minimal_body()
    body["afterHoursMenu"]["keyConfigurations"] = [
        {"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "+19705550002"}
    ]
    response = sim.api("POST", aa_path(sim.location_id("Headquarters")), json=body)
    message = assert_webex_error(response, 400, 4806)["message"]
    assert "TRANSFER_TO_OPERATOR" in message and "no value" in message


def test_accepted_edge_values(sim):
    body = minimal_body(
        "E" * 80,
        "99",
        dialByName="Plain Name",
        directLineCallerIdName={"selection": "CUSTOM_NAME", "customName": "Main"},
    )
    body["businessHoursMenu"]["callTreatment"] = {
        "noInputTimer": "60",
        "retryAttemptForNoInput": "TWO_TIMES",
        "actionToBePerformed": {"action": "TRANSFER_TO_OPERATOR", "greeting": "DEFAULT"},
    }
    body["afterHoursMenu"]["keyConfigurations"] = [
        {"key": "*", "action": "TRANSFER_TO_OPERATOR"},
        {"key": "#", "action": "EXIT"},
    ]
    location_id, auto_attendant_id = create(sim, body=body)
    details = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    assert details["businessHoursMenu"]["callTreatment"]["noInputTimer"] == "60"  # DOC: a string on the wire
    assert details["afterHoursMenu"]["keyConfigurations"][0]["key"] == "*"


def test_read_only_fields_are_ignored_on_create(sim):
    body = minimal_body(
        id="x",
        enabled=False,
        language="Klingon",
        esn="1",
        routingPrefix="9",
        tollFreeNumber=True,
        locationId="x",
        locationName="x",
    )
    location_id, auto_attendant_id = create(sim, body=body)
    details = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    assert details["id"] == auto_attendant_id and details["enabled"] is True and details["routingPrefix"] == "8001"


@pytest.mark.parametrize(
    "data,content_type,status,code",
    [
        (b"{not json", "application/json", 400, errors.ERR_MALFORMED_BODY),
        (b"[1, 2]", "application/json", 400, errors.ERR_MALFORMED_BODY),
        (b"", "application/json", 400, errors.ERR_MALFORMED_BODY),
        (b"{}", "text/plain", 415, errors.ERR_UNSUPPORTED_MEDIA_TYPE),
    ],
    ids=["malformed", "array", "empty", "text-plain"],
)
def test_malformed_bodies(sim, data, content_type, status, code):
    location_id = sim.location_id("Headquarters")
    response = sim._session.post(
        sim.url + aa_path(location_id),
        data=data,  # pylint: disable=protected-access
        headers={"Authorization": "Bearer " + sim.token, "Content-Type": content_type},
    )
    assert_webex_error(response, status, code)


def test_json_with_charset_is_accepted(sim):
    location_id = sim.location_id("Headquarters")
    response = sim._session.post(
        sim.url + aa_path(location_id),
        data=json.dumps(minimal_body()),  # pylint: disable=protected-access
        headers={"Authorization": "Bearer " + sim.token, "Content-Type": "application/json;charset=utf-8"},
    )
    assert response.status_code == 201


def test_numbers_and_extensions_in_use(sim):
    location_id, first = create(
        sim,
        body=minimal_body(
            "One",
            "2300",
            phoneNumber="+19705550011",
            alternateNumbers=[{"phoneNumber": "+19705550012", "ringPattern": "NORMAL"}],
        ),
    )
    refusals = [
        (minimal_body("Two", "2300"), errors.ERR_EXTENSION_IN_USE),
        (minimal_body("Two", "2301", phoneNumber="+19705550011"), errors.ERR_NUMBER_IN_USE),
        (minimal_body("Two", "2301", phoneNumber="+19705550012"), errors.ERR_NUMBER_IN_USE),
        (
            minimal_body("Two", "2301", alternateNumbers=[{"phoneNumber": "+19705550011", "ringPattern": "NORMAL"}]),
            errors.ERR_NUMBER_IN_USE,
        ),
    ]
    for body, code in refusals:
        assert_webex_error(sim.api("POST", aa_path(location_id), json=body), 400, code)
    # The same extension in another location is fine; updating an AA with its own number is fine.
    create(sim, "Branch Office Denver", minimal_body("Two", "2300"))
    assert sim.api("PUT", aa_path(location_id, first), json={"phoneNumber": "+19705550011"}).status_code == 200
    assert len(sim.api("GET", AA_LIST_PATH).json()["autoAttendants"]) == 2


def test_invalid_put_changes_nothing(sim):
    location_id, auto_attendant_id = create(sim, body=doc_example())
    before = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    incomplete_menu = {"greeting": "DEFAULT", "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
    for body, code in [
        ({"afterHoursMenu": incomplete_menu, "name": "New"}, errors.ERR_MISSING_FIELD),
        ({"name": None}, errors.ERR_MISSING_FIELD),
        ({"extension": None, "phoneNumber": None}, errors.ERR_MISSING_FIELD),
        ({"nameDialing": "NOPE"}, errors.ERR_INVALID_VALUE),
        ({"businessSchedule": "NOPE"}, errors.ERR_SCHEDULE_NOT_FOUND),
    ]:
        assert_webex_error(sim.api("PUT", aa_path(location_id, auto_attendant_id), json=body), 400, code)
    assert sim.api("GET", aa_path(location_id, auto_attendant_id)).json() == before
    assert all(entry["method"] != "PUT" or entry["status"] == 400 for entry in sim.requests())
