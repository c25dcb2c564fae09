"""A write that may have taken is never reported unchanged (issue 33), in every module and in the engine's per-object
results: whenever a write was sent and not known refused (a 4xx is known refused; a 2xx, a 5xx, or no answer after
sending is not), what fails after it fails with changed=true and a message that names the write that was sent and
what could not be confirmed. One mechanism, in resource.py over the client's record of the writes it sent.

Each task is the module's work computed in this process as run_module() computes it (helpers.task_result), against
the simulator over HTTP.
"""

from tests.audio_fixtures import pcm_wav, write
from tests.builders import (
    AA_BULK_MODULE,
    AA_MODULE,
    ANNOUNCEMENT_MODULE,
    BUSINESS,
    FORWARDING_MODULE,
    HQ,
    SATURDAY,
    SCHEDULE_MODULE,
    SITE_MODULE,
    aa_options,
    schedule_options,
)
from tests.component.helpers import create_aa, create_schedule, task_result

AA_DETAILS = r"/locations/[^/]+/autoAttendants/[^/]+$"
AA_LIST = r"/telephony/config/autoAttendants$"


def aa_collection(sim):
    return "/telephony/config/locations/%s/autoAttendants" % sim.location_id(HQ)


def failed_as_changed(result, *parts):
    """RESULT failed, says changed, and its message holds each of PARTS in that order."""
    assert result["failed"] and result["changed"] is True, result
    at = 0
    for part in parts:
        found = result["msg"].find(part, at)
        assert found >= 0, (part, result["msg"])
        at = found + len(part)


def stored_names(sim):
    return [item["name"] for item in sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"]]


# -- webex_auto_attendant -------------------------------------------------------------------------------------------


def test_a_create_whose_read_back_fails_is_changed_and_names_the_post(sim, client):
    sim.fault(method="GET", path=AA_DETAILS, status=500)
    result = task_result(client, AA_MODULE, aa_options())
    failed_as_changed(
        result,
        "POST %s was sent (answered 201)" % aa_collection(sim),
        "the read-back failed",
        "GET %s/" % aa_collection(sim),
        "HTTP 500",
        "it may have taken",
    )
    assert stored_names(sim) == ["Reception"]


def test_an_update_whose_read_back_meets_six_429s_is_changed(sim, client):
    attendant_id = create_aa(sim, sim.location_id(HQ))
    sim.fault(method="GET", path=AA_DETAILS, delay=0.001)  # the details read before the update: answered
    sim.fault(method="GET", path=AA_DETAILS, status=429, retry_after="0", count=6)
    result = task_result(client, AA_MODULE, aa_options(name_dialing="GROUP"))
    failed_as_changed(
        result,
        "PUT %s/%s was sent (answered 200)" % (aa_collection(sim), attendant_id),
        "the read-back failed",
        "HTTP 429",
    )


def test_a_post_without_an_answer_whose_look_up_fails_is_changed_and_says_a_create_was_sent(sim, client):
    sim.fault(method="POST", path="/autoAttendants$", drop_after_commit=True)
    sim.fault(method="GET", path=AA_LIST, delay=0.001)  # the look-up before the create: answered
    sim.fault(method="GET", path=AA_LIST, status=500)  # the look-up after the lost answer
    result = task_result(client, AA_MODULE, aa_options())
    failed_as_changed(
        result,
        "POST %s was sent (no answer: ConnectionError)" % aa_collection(sim),
        "the look-up after it failed",
        "GET /telephony/config/autoAttendants failed: HTTP 500",
    )
    assert stored_names(sim) == ["Reception"]
    again = task_result(client, AA_MODULE, aa_options())
    assert not again["failed"] and again["changed"] is False, again


def test_a_create_whose_outcome_stays_unknown_is_changed(sim, client):
    sim.fault(method="POST", path="/autoAttendants$", status=502, count=2)
    result = task_result(client, AA_MODULE, aa_options())
    failed_as_changed(result, "looked up by name after each attempt and not found", "the outcome is not certain")


def test_a_put_answered_502_every_time_is_changed(sim, client):
    create_aa(sim, sim.location_id(HQ))
    sim.fault(method="PUT", path=AA_DETAILS, status=502, count=4)  # the first PUT and its three retries
    result = task_result(client, AA_MODULE, aa_options(name_dialing="GROUP"))
    failed_as_changed(result, "PUT %s/" % aa_collection(sim), "HTTP 502", "it may have taken")


def test_a_refused_write_alone_is_not_changed_and_says_nothing_was_sent(sim, client):
    sim.fault(method="POST", path="/autoAttendants$", status=400)
    result = task_result(client, AA_MODULE, aa_options())
    assert result["failed"] and result["changed"] is False, result
    assert "was sent" not in result["msg"] and result["msg"].startswith("POST %s failed: HTTP 400" % aa_collection(sim))


# -- webex_schedule -------------------------------------------------------------------------------------------------


def test_a_schedule_renamed_whose_event_write_is_refused_is_changed(sim, client):
    hq = sim.location_id(HQ)
    schedule_id = create_schedule(sim, hq, "Office hours")
    sim.fault(method="POST", path="/events$", status=400)
    options = schedule_options(new_name="Opening hours", events=[SATURDAY, dict(SATURDAY, name="Sunday")])
    result = task_result(client, SCHEDULE_MODULE, options)
    failed_as_changed(
        result,
        "PUT /telephony/config/locations/%s/schedules/businessHours/%s was sent (answered 200)" % (hq, schedule_id),
        "POST /telephony/config/locations/%s/schedules/businessHours/" % hq,
        "HTTP 400",
    )


def test_a_schedule_create_whose_read_back_fails_is_changed(sim, client):
    sim.fault(method="GET", path=r"/schedules/businessHours/[^/]+$", status=500)
    result = task_result(client, SCHEDULE_MODULE, schedule_options(name="Office hours"))
    failed_as_changed(
        result, "POST /telephony/config/locations/%s/schedules was sent" % sim.location_id(HQ), "the read-back failed"
    )


# -- webex_announcement (folded into the shared mechanism) ----------------------------------------------------------


def test_an_upload_whose_read_back_fails_is_changed_and_names_the_post(sim, client, tmp_path):
    path = write(tmp_path, "greeting.wav", pcm_wav(seconds=6))
    sim.fault(method="GET", path=r"/announcements/(?!usage)[^/]+$", status=500)
    result = task_result(client, ANNOUNCEMENT_MODULE, {"name": "Main greeting", "path": str(path)})
    failed_as_changed(result, "POST /telephony/config/announcements was sent (answered 201)", "the read-back failed")


# -- webex_auto_attendant_forwarding --------------------------------------------------------------------------------


def test_a_forwarding_update_whose_read_back_fails_is_changed(sim, client):
    attendant_id = create_aa(sim, sim.location_id(HQ))
    sim.fault(method="GET", path="/callForwarding$", delay=0.001)  # the read before the update: answered
    sim.fault(method="GET", path="/callForwarding$", status=500)
    options = {"location": HQ, "auto_attendant": "Reception", "always": {"enabled": True, "destination": "2200"}}
    result = task_result(client, FORWARDING_MODULE, options)
    failed_as_changed(
        result,
        "PUT %s/%s/callForwarding was sent (answered 204)" % (aa_collection(sim), attendant_id),
        "the read-back failed",
    )


def test_a_forwarding_rule_posted_without_an_answer_whose_look_up_fails_is_changed(sim, client):
    create_aa(sim, sim.location_id(HQ))
    sim.fault(method="POST", path="/selectiveRules$", drop_after_commit=True)
    sim.fault(method="GET", path="/callForwarding$", delay=0.001)  # the read before the create: answered
    sim.fault(method="GET", path="/callForwarding$", status=500)  # the look-up after the lost answer
    rule = {
        "name": "Night",
        "business_schedule": BUSINESS,
        "forward_to": {"selection": "DO_NOT_FORWARD"},
        "calls_from": {"selection": "ANY"},
    }
    result = task_result(client, FORWARDING_MODULE, {"location": HQ, "auto_attendant": "Reception", "rules": [rule]})
    failed_as_changed(result, "/selectiveRules was sent (no answer", "the look-up after it failed", "HTTP 500")


# -- the engine: webex_site per object, webex_auto_attendants per item ----------------------------------------------


def test_the_site_engine_reports_a_create_whose_read_back_fails_as_changed_per_object(sim, client):
    sim.fault(method="GET", path=AA_DETAILS, status=500)
    schedule = {"location": HQ, "type": "business_hours", "name": "Site hours", "events": [SATURDAY]}
    result = task_result(client, SITE_MODULE, {"schedules": [schedule], "auto_attendants": [aa_options()]})
    assert result["failed"] and result["changed"] is True, result
    entries = {entry["kind"]: entry for entry in result["objects"]}
    failed_as_changed(
        entries["auto_attendants"], "POST %s was sent (answered 201)" % aa_collection(sim), "the read-back failed"
    )
    assert entries["schedules"]["changed"] is True and not entries["schedules"].get("failed")


def test_the_bulk_module_reports_an_item_whose_read_back_fails_as_changed(sim, client):
    sim.fault(method="GET", path=AA_DETAILS, status=500)
    result = task_result(client, AA_BULK_MODULE, {"auto_attendants": [aa_options()]})
    assert result["failed"] and result["changed"] is True, result
    failed_as_changed(result["results"][0], "POST %s was sent (answered 201)" % aa_collection(sim), "HTTP 500")


def test_the_site_engine_reports_a_refused_first_write_as_unchanged(sim, client):
    sim.fault(method="POST", path="/autoAttendants$", status=400)
    result = task_result(client, SITE_MODULE, {"auto_attendants": [aa_options()]})
    entry = result["objects"][0]
    assert entry["failed"] and entry["changed"] is False and "was sent" not in entry["msg"], entry
    assert result["changed"] is False
