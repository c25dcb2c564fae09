"""What the simulator's own tests share beyond tests/builders.py: the example body of the API reference, read-back
forms, the Webex error shape, paging to the end, and attendants created through the API."""

import copy
import re

from tests.builders import HQ, aa_body

AUDIO_ID = "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw"
AUDIO = {"id": AUDIO_ID, "fileName": "AUDIO_FILE.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}

# The example body at the end of the "Create an Auto Attendant" documentation page, verbatim.
DOC_EXAMPLE = {
    "name": "Main Line AA - Test",
    "phoneNumber": "+19705550026",
    "extension": "200",
    "firstName": "Main Line AA",
    "lastName": "Test",
    "languageCode": "en_us",
    "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "holidaySchedule": "AUTOATTENDANT-HOLIDAY",
    "extensionDialing": "ENTERPRISE",
    "nameDialing": "ENTERPRISE",
    "timeZone": "America/Los_Angeles",
    "businessHoursMenu": {
        "greeting": "DEFAULT",
        "audioAnnouncementFile": AUDIO,
        "extensionEnabled": True,
        "keyConfigurations": [
            {"key": "0", "action": "EXIT"},
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19175551092"},
            {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "+19073569984"},
            {"key": "3", "action": "EXTENSION_DIALING"},
            {"key": "4", "action": "TRANSFER_TO_MAILBOX", "value": "+19705550006"},
            {"key": "5", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": AUDIO},
            {"key": "6", "action": "REPEAT_MENU"},
        ],
    },
    "afterHoursMenu": {
        "greeting": "DEFAULT",
        "audioAnnouncementFile": AUDIO,
        "extensionEnabled": True,
        "keyConfigurations": [
            {"key": "0", "action": "EXIT"},
            {"key": "1", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": AUDIO},
        ],
    },
}


def read_back(keys):
    """Key configurations as GET shows them: a North-American number in a value reads back as +1-NXXNXXXXXX."""
    return [
        dict(key, value="+1-" + key["value"][2:]) if re.fullmatch(r"\+1\d{10}", key.get("value", "")) else dict(key)
        for key in keys
    ]


def doc_example():
    """A fresh copy of the documentation example body."""
    return copy.deepcopy(DOC_EXAMPLE)


def minimal_body(name="Minimal AA", extension="2100", **fields):
    """The smallest body the service accepts (builders.aa_body), named Minimal AA unless NAME is given."""
    return aa_body(name, extension, **fields)


def aa_path(location_id, auto_attendant_id=None):
    """Path of a location's auto attendants, or of one of them."""
    path = "/telephony/config/locations/%s/autoAttendants" % location_id
    return path + "/" + auto_attendant_id if auto_attendant_id else path


def create(sim, location_name=HQ, body=None):
    """Create an auto attendant and return (location id, auto attendant id)."""
    location_id = sim.location_id(location_name)
    response = sim.api("POST", aa_path(location_id), json=body if body is not None else minimal_body())
    assert response.status_code == 201, response.text
    return location_id, response.json()["id"]


def assert_webex_error(response, status, error_code=None):
    """Assert the status and the Webex error shape; return the body."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"message", "errors", "trackingId"}
    assert isinstance(body["message"], str) and body["message"]
    assert body["trackingId"] == response.headers["trackingid"]
    assert len(body["errors"]) == 1 and body["errors"][0]["description"] == body["message"]
    if error_code is not None:
        assert body["errors"][0]["errorCode"] == error_code
        assert body["message"].startswith("[Error %d] " % error_code)
    return body


def list_all(sim, path, item_key, params=None):
    """Follow Link rel=next to the end; return (items, number of pages, next URLs seen)."""
    items, urls = [], []
    response = sim.api("GET", path, params=params)
    pages = 0
    while True:
        assert response.status_code == 200, response.text
        pages += 1
        items += response.json()[item_key]
        next_url = response.links.get("next", {}).get("url")
        if not next_url:
            return items, pages, urls
        urls.append(next_url)
        response = sim.api("GET", next_url.removeprefix(sim.url))
