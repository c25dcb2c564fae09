"""Menus that name their audio file by announcement name: webex_announcement uploads it, the attendant modules resolve it.

Each task is the module's work computed in this process (helpers.task_result) against the simulator over HTTP;
assertions on what the simulator received and stores.
"""

from tests.audio_fixtures import pcm_wav, write
from tests.builders import AA_BULK_MODULE as BULK
from tests.builders import AA_MODULE as SINGLE
from tests.builders import ANNOUNCEMENT_MODULE
from tests.component.helpers import task_result

GREETING = "Reception greeting"
WRITE_PATH = "/v1/telephony/config/locations/%s/autoAttendants"
OPTION = "business_hours_menu.audio_announcement_file"


def upload(client, tmp_path):
    """The greeting in Headquarters' repository, uploaded by webex_announcement; its announcement as returned."""
    path = write(tmp_path, "reception.wav", pcm_wav(seconds=6, rate=8000))
    result = task_result(client, ANNOUNCEMENT_MODULE, {"name": GREETING, "path": path, "location": "Headquarters"})
    assert not result["failed"] and result["changed"], result
    return result["announcement"]


def attendant(name="Reception", greeting=GREETING, extension="2100"):
    return {
        "location": "Headquarters",
        "name": name,
        "extension": extension,
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "business_hours_menu": {
            "greeting": "CUSTOM",
            "audio_announcement_file": {"name": greeting, "level": "LOCATION"},
            "extension_enabled": True,
            "key_configurations": [
                {"key": "0", "action": "EXIT"},
                # The same announcement again (one lookup), and one of the organisation's (the seed's Welcome).
                {
                    "key": "5",
                    "action": "PLAY_ANNOUNCEMENT",
                    "audio_announcement_file": {"name": greeting, "level": "LOCATION"},
                },
                {
                    "key": "6",
                    "action": "PLAY_ANNOUNCEMENT",
                    "audio_announcement_file": {"name": "Welcome", "level": "ORGANIZATION"},
                },
            ],
        },
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": [{"key": "#", "action": "EXIT"}],
        },
    }


def converge(client, args, module=SINGLE, check=False):
    return task_result(client, module, args, check_mode=check)


def announcement_lookups(sim):
    """The repository list requests of the log, as (name, location id or None)."""
    return [
        (
            str(entry["query"].get("name")).strip("[']"),
            str(entry["query"]["locationId"]).strip("[']") if entry["query"].get("locationId") else None,
        )
        for entry in sim.requests()
        if entry["method"] == "GET" and entry["path"] == "/v1/telephony/config/announcements"
    ]


def stored_menu(sim, name):
    """The business hours menu of the attendant NAME in Headquarters, as the simulator's GET shows it."""
    hq = sim.location_id("Headquarters")
    [item] = [
        item
        for item in sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": hq}).json()[
            "autoAttendants"
        ]
        if item["name"] == name
    ]
    return sim.api("GET", "/telephony/config/locations/%s/autoAttendants/%s" % (hq, item["id"])).json()[
        "businessHoursMenu"
    ]


def seed_welcome(sim):
    [welcome] = [
        item
        for item in sim.api("GET", "/telephony/config/announcements").json()["announcements"]
        if item["name"] == "Welcome"
    ]
    return welcome


def test_a_greeting_by_name_is_written_as_the_stored_file_and_a_rerun_writes_nothing(sim, client, tmp_path):
    announcement = upload(client, tmp_path)
    welcome = seed_welcome(sim)
    hq = sim.location_id("Headquarters")
    sim.clear_requests()

    result = converge(client, attendant())
    assert not result["failed"] and result["changed"] is True, result
    [post] = sim.writes()
    assert post["method"] == "POST" and post["path"] == WRITE_PATH % hq
    expected = {"id": announcement["id"], "fileName": "reception.wav", "mediaFileType": "WAV", "level": "LOCATION"}
    menu = post["body"]["businessHoursMenu"]
    assert menu["audioAnnouncementFile"] == expected
    assert menu["keyConfigurations"][1]["audioAnnouncementFile"] == expected
    assert menu["keyConfigurations"][2]["audioAnnouncementFile"] == {
        "id": welcome["id"],
        "fileName": "welcome.wav",
        "mediaFileType": "WAV",
        "level": "ORGANIZATION",
    }
    # One lookup per distinct (level, name): the location's repository for LOCATION, the organisation's otherwise.
    assert sorted(announcement_lookups(sim), key=str) == sorted([(GREETING, hq), ("Welcome", None)], key=str)
    stored = stored_menu(sim, "Reception")
    assert stored["audioAnnouncementFile"]["id"] == announcement["id"]
    assert stored["audioAnnouncementFile"]["fileName"] == "reception.wav"
    returned = result["auto_attendant"]["business_hours_menu"]["audio_announcement_file"]
    assert returned["id"] == announcement["id"] and "name" not in returned

    sim.clear_requests()
    result = converge(client, attendant())
    assert not result["failed"] and result["changed"] is False, result
    assert sim.writes() == []


def test_a_missing_name_fails_naming_the_option_before_any_write_and_warns_in_check_mode(sim, client, tmp_path):
    upload(client, tmp_path)
    result = converge(client, attendant())
    assert not result["failed"], result
    sim.clear_requests()

    # An existing attendant (an update) and a new one (a create): neither is written.
    for name, extension in (("Reception", "2100"), ("Night line", "2101")):
        result = converge(client, attendant(name=name, greeting="Nope", extension=extension))
        assert result["failed"] is True, result
        assert "%s: no location announcement named 'Nope'" % OPTION in result["msg"], result["msg"]
        assert "key 5).audio_announcement_file: no location announcement named 'Nope'" in result["msg"]
        assert sim.writes() == []

        result = converge(client, attendant(name=name, greeting="Nope", extension=extension), check=True)
        assert not result["failed"] and result["changed"] is True, result
        assert (
            "%s: no location announcement named 'Nope'; the real run fails unless it is created first" % OPTION
            in result["warnings"]
        ), result.get("warnings")
        assert sim.writes() == []


def test_the_validation_refuses_a_name_with_an_id_before_any_request(sim, client):
    args = attendant()
    args["business_hours_menu"]["audio_announcement_file"]["id"] = "abc"
    sim.clear_requests()
    result = converge(client, args)
    assert result["failed"], result
    assert "%s: name cannot be combined with id" % OPTION in result["msg"], result["msg"]
    assert sim.requests() == []


def test_the_bulk_module_resolves_names_once_for_the_whole_task(sim, client, tmp_path):
    announcement = upload(client, tmp_path)
    hq = sim.location_id("Headquarters")
    items = [attendant(), attendant(name="Night line", extension="2101")]
    sim.clear_requests()

    result = converge(client, {"auto_attendants": items, "concurrency": 2}, module=BULK)
    assert not result["failed"] and result["changed"] is True, result
    posts = sim.writes()
    assert [entry["method"] for entry in posts] == ["POST", "POST"]
    for post in posts:
        assert post["body"]["businessHoursMenu"]["audioAnnouncementFile"]["id"] == announcement["id"]
    # Two attendants, the same two announcements: two lookups in all.
    assert sorted(announcement_lookups(sim), key=str) == sorted([(GREETING, hq), ("Welcome", None)], key=str)
    assert stored_menu(sim, "Night line")["audioAnnouncementFile"]["fileName"] == "reception.wav"

    sim.clear_requests()
    result = converge(client, {"auto_attendants": items}, module=BULK)
    assert not result["failed"] and result["changed"] is False, result
    assert [entry["action"] for entry in result["results"]] == ["nothing", "nothing"]
    assert sim.writes() == []

    missing = [attendant(), attendant(name="Night line", greeting="Nope", extension="2101")]
    result = converge(client, {"auto_attendants": missing}, module=BULK)
    assert result["failed"], result
    failed = [entry for entry in result["results"] if entry.get("failed")]
    assert [entry["name"] for entry in failed] == ["Night line"]
    assert "%s: no location announcement named 'Nope'" % OPTION in failed[0]["msg"]
    assert sim.writes() == []

    # Check mode is the plan: the same failure, not a warning.
    planned = converge(client, {"auto_attendants": missing}, module=BULK, check=True)
    assert planned["failed"] and planned["changed"] is False, planned
    assert [(entry["name"], entry.get("msg")) for entry in planned["results"]] == [
        (entry["name"], entry.get("msg")) for entry in result["results"]
    ]
    assert "warnings" not in planned and sim.writes() == []
