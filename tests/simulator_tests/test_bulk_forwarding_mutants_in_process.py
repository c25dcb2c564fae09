"""webex_auto_attendants' BulkRun and the announcement resource in this process against the simulator: the defaults of
a run, the announcement lookups shared by every item, the refusal listing every missing reference, a failed purge
deletion's whole result, and the announcement refusals that read what the service's details leave out.

Each test pins a result, a message or a request that a user or the service sees (make mutation runs this file).
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._announcement import converge as an_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import bulk
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from tests.audio_fixtures import pcm_wav
from tests.simulator_tests.test_announcements_in_process import (  # pylint: disable=unused-import  # fixtures
    GREETING_KB,
    ORG,
    file_view,
    fixture_client,  # noqa: F401
    fixture_greeting,  # noqa: F401
    fixture_service,  # noqa: F401
    upload,
)
from tests.simulator_tests.test_announcements_in_process import params as announcement_params
from tests.simulator_tests.test_auto_attendants_bulk_in_process import (
    CREATED_FIELDS,
    converge,
    item,
    keys_to,
    seeded,
    summary,
    task,
    writes,
)

ANNOUNCEMENTS = "/v1/telephony/config/announcements"


# -- BulkRun --------------------------------------------------------------------------------------------------------


def test_a_run_without_check_mode_or_diff_given_writes_and_returns_no_diff(sim, client):
    """BulkRun(client, params) alone is a real run (it writes) without diff (no diff list in the result)."""
    hq = sim.location_id("Headquarters")
    sim.clear_requests()
    result = bulk.BulkRun(client, task(item("Bulk A", "2101"))).run()
    assert sorted(result) == ["changed", "results", "summary", "undeclared"]
    assert result["changed"] is True and result["summary"] == summary(create=1) and result["undeclared"] == []
    [entry] = result["results"]
    assert {key: value for key, value in entry.items() if key != "auto_attendant"} == {
        "name": "Bulk A",
        "location": "Headquarters",
        "location_id": hq,
        "action": "create",
        "changed": True,
        "differing_fields": CREATED_FIELDS,
    }
    assert writes(sim) == [("POST", 201)]


def greeted(name, extension):
    """An attendant whose greeting is Headquarters' "HQ After Hours" and whose key 6 plays the organisation's Welcome,
    both given by announcement name."""
    entry = item(name, extension)
    entry["business_hours_menu"] = {
        "greeting": "CUSTOM",
        "audio_announcement_file": {"name": "HQ After Hours", "level": "LOCATION"},
        "extension_enabled": True,
        "key_configurations": [
            {"key": "0", "action": "EXIT"},
            {
                "key": "6",
                "action": "PLAY_ANNOUNCEMENT",
                "audio_announcement_file": {"name": "Welcome", "level": "ORGANIZATION"},
            },
        ],
    }
    return entry


def test_announcement_names_are_looked_up_once_for_the_whole_task_in_the_right_repository(sim, client):
    """Two attendants naming the same two greetings: one lookup per (repository, name) for the task, the LOCATION
    one in the attendant's location's repository, and both POSTs carry the stored files."""
    hq = sim.location_id("Headquarters")
    stored = {
        entry["name"]: entry["id"]
        for entry in sim.api("GET", "/telephony/config/announcements", params={"locationId": "all"}).json()[
            "announcements"
        ]
    }
    sim.clear_requests()
    result, warnings = converge(client, task(greeted("Bulk A", "2101"), greeted("Bulk B", "2102")))
    assert warnings == [] and "failed" not in result and result["summary"] == summary(create=2)
    lookups = [(entry["method"], entry["query"]) for entry in sim.requests() if entry["path"] == ANNOUNCEMENTS]
    assert sorted(lookups, key=str) == sorted(
        [("GET", {"name": "HQ After Hours", "locationId": hq}), ("GET", {"name": "Welcome"})], key=str
    )
    menu = {
        "greeting": "CUSTOM",
        "audioAnnouncementFile": {
            "id": stored["HQ After Hours"],
            "fileName": "hq-after-hours.wav",
            "mediaFileType": "WAV",
            "level": "LOCATION",
        },
        "extensionEnabled": True,
        "keyConfigurations": [
            {"key": "0", "action": "EXIT"},
            {
                "key": "6",
                "action": "PLAY_ANNOUNCEMENT",
                "audioAnnouncementFile": {
                    "id": stored["Welcome"],
                    "fileName": "welcome.wav",
                    "mediaFileType": "WAV",
                    "level": "ORGANIZATION",
                },
            },
        ],
    }
    assert [(entry["method"], entry["body"]["businessHoursMenu"]) for entry in sim.writes()] == [("POST", menu)] * 2


def test_every_missing_reference_is_listed_in_the_refusal(sim, client):
    """The refusal of a real run names each reference to an attendant nobody declares or has, joined by "; "."""
    items = [item("Main", "2101", business_hours_menu=keys_to("Nowhere", "Elsewhere"))]
    sim.clear_requests()
    with pytest.raises(bulk.BulkRefused) as refused:
        converge(client, task(*items))
    path = "auto_attendants[0] ('Main'): business_hours_menu.key_configurations (key %d).auto_attendant"
    assert str(refused.value) == (
        "%s: no auto attendant 'Nowhere' in location Headquarters, and the task does not declare it; "
        "%s: no auto attendant 'Elsewhere' in location Headquarters, and the task does not declare it "
        "(nothing was written)" % (path % 1, path % 2)
    )
    assert writes(sim) == []


def test_a_failed_purge_deletion_keeps_every_field_of_its_result(sim, client):
    """A purge deletion the service refuses is reported with the same fields as any result (auto_attendant None,
    nothing changed), plus purged and what failed."""
    hq = sim.location_id("Headquarters")
    seeded(sim, "Headquarters", 1, "Extra ")
    sim.fault(method="DELETE", path="autoAttendants", status=400, count=1)
    result, _warnings = converge(client, task(item("Bulk A", "2101"), purge=True))
    assert result["summary"] == summary(create=1, failed=1)
    entry = result["results"][1]
    error = entry["api_error"]
    assert {key: value for key, value in entry.items() if key != "api_error"} == {
        "name": "Extra 0001",
        "location": "Headquarters",
        "location_id": hq,
        "action": "delete",
        "changed": False,
        "auto_attendant": None,
        "differing_fields": [],
        "purged": True,
        "failed": True,
        "msg": "DELETE %s failed: HTTP 400: Injected fault 400. (trackingId %s)"
        % (error["path"], error["tracking_id"]),
    }
    assert (error["method"], error["status"], error["message"]) == ("DELETE", 400, "Injected fault 400.")


# -- announcements ----------------------------------------------------------------------------------------------------


def test_a_greeting_used_by_two_attendants_names_both_in_the_refusal(sim, service):
    """Deleting an announcement two attendants use is refused naming both users, joined by "; "."""
    hq = sim.location_id("Headquarters")
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    audio = {"id": announcement_id, "fileName": "greeting.wav", "mediaFileType": "WAV", "level": "ORGANIZATION"}
    menu = {"greeting": "CUSTOM", "audioAnnouncementFile": audio, "extensionEnabled": True, "keyConfigurations": []}
    sim.store_auto_attendant(hq, {"name": "Reception", "businessHoursMenu": menu})
    sim.store_auto_attendant(hq, {"name": "Night line", "businessHoursMenu": menu})
    sim.clear_requests()
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, announcement_params(state="absent"))
    assert str(raised.value) == (
        "announcement 'Main greeting' is in use and was not deleted; used by Auto Attendant 'Reception' "
        "(Headquarters); Auto Attendant 'Night line' (Headquarters). Point them at another greeting first"
    )
    assert sim.writes() == []


def test_details_without_an_id_take_the_list_s(sim, service):
    """The announcement's id comes from the list item when its details leave it out: the plan shows it."""
    announcement_id = upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=6))
    details = {"name": "Main greeting", "fileName": "greeting.wav", "mediaFileType": "WAV", "fileSize": GREETING_KB}
    sim.fault(method="GET", path="announcements/.", status=200, body=details)
    plan, result = an_converge.converge(service, None, announcement_params(state="absent"), check_mode=True)
    assert plan.action == "delete" and result is None
    assert plan.before == file_view(announcement_id) and plan.after == {}


def test_a_replaced_file_of_unknown_size_frees_no_room(sim, service, greeting):
    """When the details of the file replaced give no size, none of the repository's room is counted as freed."""
    upload(sim, ORG, "Main greeting", "greeting.wav", pcm_wav(seconds=1))
    sim.clear_requests()
    details = {"name": "Main greeting", "fileName": "greeting.wav", "mediaFileType": "WAV", "isTextToSpeech": False}
    sim.fault(method="GET", path="announcements/(?!usage)", status=200, body=details)
    # 2 MB = 2048 KB: 1955 KB used plus the 94 KB of the new file is one KB too many.
    sim.fault(
        method="GET",
        path="announcements/usage",
        status=200,
        body={"totalFileSizeUsedKB": 1955, "totalFileSizeLimitMB": 2},
    )
    with pytest.raises(ResourceError) as raised:
        an_converge.converge(service, None, announcement_params(path=greeting), check_mode=True)
    assert str(raised.value) == "path: 94 KB does not fit: the repository holds 1955 KB of its 2 MB"
    assert sim.writes() == []
