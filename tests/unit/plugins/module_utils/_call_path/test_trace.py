"""_call_path/trace.py: the tracer over declared data (catalog.DeclaredCatalog), case by case: the menu a schedule
chooses (business hours, after hours, holidays one-day and yearly, daylight saving), forwarding (always, selective
by schedule, by caller, by called number, do-not-forward), operating modes, every key action, transfers into other
attendants and loops, the call treatment, and what the data does not hold (unresolved, with the reason)."""

import copy
import datetime

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._call_path.catalog import DeclaredCatalog
from ansible_collections.wxc.calling.plugins.module_utils._call_path.moment import parse_at
from ansible_collections.wxc.calling.plugins.module_utils._call_path.trace import trace
from ansible_collections.wxc.calling.plugins.module_utils._call_path.vocabulary import ASSUMPTIONS
from tests.builders import DENVER, FRONT_DESK_NUMBER, MAIN_LINE_NUMBER, aa_options, key, menu, site_data

MONDAY = "2026-03-09T09:30"  # Denver, daylight saving time (UTC-6) since 2026-03-08


def run(data=None, **call):
    call.setdefault("number", MAIN_LINE_NUMBER)
    call.setdefault("at", MONDAY)
    return trace(DeclaredCatalog(site_data() if data is None else data), call)


def site_with(**changes):
    """The site with CHANGES: auto attendant options by name (merged), forwarding by attendant name (replaced)."""
    data = site_data()
    for item in data["auto_attendants"]:
        item.update(copy.deepcopy(changes.pop(item["name"], {})))
    replaced = changes.pop("forwarding", {})
    for item in data["forwarding"]:
        name = item["auto_attendant"]
        if name in replaced:
            item.clear()
            item.update(dict(replaced[name], location=DENVER, auto_attendant=name))
    extra = changes.pop("add", [])
    data["auto_attendants"] += copy.deepcopy(extra)
    data["forwarding"] += [dict(fw, location=DENVER) for fw in changes.pop("add_forwarding", [])]
    return data


def steps(result, kind):
    return [step for step in result["steps"] if step["step"] == kind]


def texts(result):
    return [step["text"] for step in result["steps"]]


def destination(result):
    found = dict(result["destination"])
    found.pop("auto_attendant", None)
    found.pop("reason", None)
    return found


# -- the menu the schedules choose ------------------------------------------------------------------------------------


def test_business_hours_plays_the_business_hours_menu_with_the_event_that_matched():
    result = run(presses=["0"])
    (schedule,) = steps(result, "schedule")
    assert schedule["menu"] == "business_hours" and schedule["event"] == "Weekdays"
    assert schedule["schedule"] == "Office hours"
    assert schedule["text"].startswith("Mon 2026-03-09 09:30 (America/Denver, UTC-06:00): event 'Weekdays'")
    assert result["menus"] == [{"name": "Main Line", "location": DENVER, "menu": "business_hours"}]
    assert destination(result) == {"type": "operator"}


@pytest.mark.parametrize("at", ["2026-03-09T08:59", "2026-03-09T22:30", "2026-03-14T10:00"])
def test_outside_the_business_schedule_the_after_hours_menu_plays(at):
    result = run(at=at, caller="+19995550000")
    (schedule,) = steps(result, "schedule")
    assert schedule["menu"] == "after_hours" and "event" not in schedule
    assert "outside every event of business schedule 'Office hours'" in schedule["text"]
    assert destination(result) == {"type": "voicemail", "value": "2100"}


@pytest.mark.parametrize(
    "at, holiday",
    [
        ("2026-07-06T10:00", "Founders day"),  # one day
        ("2026-12-25T10:00", "Christmas"),  # yearly by date, first year
        ("2030-12-25T23:59", "Christmas"),  # ... and years later
        ("2027-11-25T10:00", "Thanksgiving"),  # yearly by day: the fourth Thursday of November
    ],
)
def test_a_holiday_plays_the_after_hours_menu_even_in_business_hours(at, holiday):
    result = run(at=at)
    (schedule,) = steps(result, "schedule")
    assert schedule["menu"] == "after_hours" and schedule["event"] == holiday
    assert schedule["schedule"] == "Holidays"
    assert "holiday %r of holiday schedule 'Holidays'" % holiday in schedule["text"]


def test_the_day_after_a_one_day_holiday_is_an_ordinary_day():
    assert steps(run(at="2026-07-07T10:00"), "schedule")[0]["menu"] == "business_hours"


@pytest.mark.parametrize(
    "at, menu_played, local",
    [
        # 15:30 UTC is 09:30 in Denver after the change to daylight saving time (UTC-6), 08:30 before it (UTC-7).
        ("2026-03-09T15:30:00Z", "business_hours", "Mon 2026-03-09 09:30 (America/Denver, UTC-06:00)"),
        ("2026-03-06T15:30:00Z", "after_hours", "Fri 2026-03-06 08:30 (America/Denver, UTC-07:00)"),
        ("2026-03-06T16:30:00+00:00", "business_hours", "Fri 2026-03-06 09:30 (America/Denver, UTC-07:00)"),
        # Back to standard time on 2026-11-01.
        ("2026-11-02T16:30:00Z", "business_hours", "Mon 2026-11-02 09:30 (America/Denver, UTC-07:00)"),
        ("2026-10-30T15:30:00Z", "business_hours", "Fri 2026-10-30 09:30 (America/Denver, UTC-06:00)"),
    ],
)
def test_a_moment_with_an_offset_is_read_in_the_location_time_zone_with_daylight_saving(at, menu_played, local):
    result = run(at=at)
    (schedule,) = steps(result, "schedule")
    assert schedule["menu"] == menu_played
    assert schedule["text"].startswith(local)


def test_a_local_time_the_clocks_pass_twice_is_read_as_the_first_and_said_so():
    result = run(at="2026-11-01T01:30", caller="+19995550000")
    assert result["call"]["at"] == "2026-11-01T01:30:00-06:00"
    assert ASSUMPTIONS["local_time"] in result["assumptions"]
    assert ASSUMPTIONS["local_time"] not in run(at=MONDAY)["assumptions"]


def test_without_at_the_call_is_made_now():
    now = datetime.datetime(2026, 3, 9, 15, 30, tzinfo=datetime.timezone.utc)
    result = trace(DeclaredCatalog(site_data()), {"number": MAIN_LINE_NUMBER}, now=now)
    assert result["call"]["at"] == "2026-03-09T09:30:00-06:00"
    assert steps(result, "schedule")[0]["menu"] == "business_hours"


def test_schedules_are_read_in_the_location_time_zone_and_a_different_attendant_time_zone_is_said():
    data = site_with(**{"Main Line": {"time_zone": "America/New_York"}})
    result = run(data)
    assert steps(result, "schedule")[0]["text"].startswith("Mon 2026-03-09 09:30 (America/Denver")
    assert ASSUMPTIONS["location_time_zone"] in result["assumptions"]


def test_without_the_location_time_zone_the_attendant_time_zone_is_used():
    data = site_with(**{"Main Line": {"time_zone": "America/New_York"}})
    data["locations"] = []
    result = run(data, at="2026-03-09T09:30")
    assert steps(result, "schedule")[0]["text"].startswith("Mon 2026-03-09 09:30 (America/New_York, UTC-04:00)")


def test_without_any_time_zone_the_trace_is_unresolved():
    data = site_data()
    data["locations"] = []
    result = run(data)
    assert result["destination"] == {
        "type": "unresolved",
        "reason": "the time zone of location %s is not known: give it (the location's time_zone)" % DENVER,
    }


def test_a_time_zone_python_does_not_know_is_unresolved():
    data = site_data()
    data["locations"][0]["time_zone"] = "Mars/Olympus_Mons"
    assert "time zone 'Mars/Olympus_Mons' is not known" in run(data)["destination"]["reason"]


def test_parse_at():
    assert parse_at("2026-03-09T09:30") == datetime.datetime(2026, 3, 9, 9, 30)
    assert parse_at("2026-03-09T16:30:00Z").utcoffset() == datetime.timedelta(0)
    assert parse_at(datetime.date(2026, 3, 9)) == datetime.datetime(2026, 3, 9)
    assert parse_at(None) is None
    with pytest.raises(ValueError, match="'Monday' is not an ISO 8601 date and time"):
        parse_at("Monday")


# -- forwarding -------------------------------------------------------------------------------------------------------


def test_forwarding_always_to_another_attendant_is_followed():
    result = run(number=FRONT_DESK_NUMBER, presses=["1"])
    (forwarding,) = steps(result, "forwarding")
    assert forwarding["forwarding"] == "always" and forwarding["forward_to"] == "2200"
    assert [visited["name"] for visited in result["auto_attendants"]] == ["Front Desk", "Sales"]
    assert "(forwarded from 'Front Desk', forwarding always)" in steps(result, "auto_attendant")[1]["text"]
    assert destination(result) == {"type": "extension", "value": "2201"}
    # Forwarding acts before the menu: Front Desk's own menu never plays.
    assert [played["name"] for played in result["menus"]] == ["Sales"]


def test_forwarding_always_to_a_number_ends_there_and_to_voicemail_says_so():
    always = {"always": {"enabled": True, "destination": "+13035550111"}}
    result = run(site_with(forwarding={"Front Desk": always}), number=FRONT_DESK_NUMBER)
    assert destination(result) == {"type": "number", "value": "+13035550111"}
    always["always"]["send_to_voicemail_enabled"] = True
    result = run(site_with(forwarding={"Front Desk": always}), number=FRONT_DESK_NUMBER)
    assert destination(result) == {"type": "voicemail", "value": "+13035550111"}
    assert ASSUMPTIONS["forward_to_voicemail"] in result["assumptions"]


def test_forwarding_always_without_a_destination_is_unresolved():
    result = run(site_with(forwarding={"Front Desk": {"always": {"enabled": True}}}), number=FRONT_DESK_NUMBER)
    assert result["destination"]["reason"] == (
        "call forwarding always of auto attendant 'Front Desk' is on without a destination"
    )


def test_a_selective_rule_by_caller():
    result = run(caller="+1 303 555 0199")
    forwarding = steps(result, "forwarding")[0]
    assert forwarding["rule"] == "VIP" and forwarding["forward_to"] == "+13035550177"
    assert "caller +1 303 555 0199 is listed" in forwarding["text"]
    assert destination(result) == {"type": "number", "value": "+13035550177"}
    assert ASSUMPTIONS["no_caller"] not in result["assumptions"]


def test_without_a_caller_rules_naming_callers_do_not_match_and_that_is_said():
    result = run(presses=["0"])
    assert steps(result, "forwarding")[0]["text"] == "Selective call forwarding: no rule matches"
    assert ASSUMPTIONS["no_caller"] in result["assumptions"]


def test_a_selective_rule_by_schedule_forwards_to_the_default_destination():
    result = run(at="2026-03-09T18:00")
    forwarding = steps(result, "forwarding")[0]
    assert forwarding["rule"] == "Evenings"
    assert "event 'Evenings' of business hours schedule 'Late shift' in effect" in forwarding["text"]
    assert destination(result) == {"type": "number", "value": "+13035550100"}
    assert ASSUMPTIONS["rule_order"] in result["assumptions"]


def test_the_first_matching_rule_decides():
    result = run(at="2026-03-09T18:00", caller="+13035550199")  # VIP and Evenings both match
    assert steps(result, "forwarding")[0]["rule"] == "VIP"


def rules_site(*rules, **selective):
    return site_with(
        forwarding={
            "Main Line": {
                "auto_attendant": "Main Line",
                "selective": dict({"enabled": True}, **selective),
                "rules": list(rules),
            }
        }
    )


ANY = {"selection": "ANY"}


def test_a_matching_rule_that_does_not_forward_wins_over_one_that_forwards():
    data = rules_site(
        {
            "name": "Everyone",
            "enabled": True,
            "forward_to": {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+13035550111"},
            "calls_from": ANY,
        },
        {
            "name": "Not the boss",
            "enabled": True,
            "forward_to": {"selection": "DO_NOT_FORWARD"},
            "calls_from": {"selection": "CUSTOM", "custom_numbers": {"numbers": ["+13035550100"]}},
        },
    )
    result = run(data, caller="+13035550100", presses=["0"])
    assert steps(result, "forwarding")[0]["text"].startswith("Selective rule 'Not the boss' matches")
    assert destination(result) == {"type": "operator"}
    assert destination(run(data, caller="+13035550101")) == {"type": "number", "value": "+13035550111"}


def test_a_disabled_rule_and_a_rule_without_enabled_do_not_match():
    forward = {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "+13035550111"}
    result = run(rules_site({"name": "Off", "enabled": False, "forward_to": forward, "calls_from": ANY}), presses=["0"])
    assert destination(result) == {"type": "operator"}
    result = run(rules_site({"name": "Unsaid", "forward_to": forward, "calls_from": ANY}), presses=["0"])
    assert destination(result) == {"type": "operator"}
    assert ASSUMPTIONS["rule_enabled"] in result["assumptions"]


def test_selective_forwarding_off_ignores_its_rules():
    data = rules_site(
        {"name": "All", "enabled": True, "forward_to": {"selection": "FORWARD_TO_DEFAULT_NUMBER"}, "calls_from": ANY},
        enabled=False,
        destination="+13035550111",
    )
    assert steps(run(data, presses=["0"]), "forwarding") == []


def test_a_rule_to_the_default_number_needs_the_selective_destination():
    data = rules_site({"name": "All", "enabled": True, "calls_from": ANY})
    assert (
        run(data)["destination"]["reason"] == "selective rule 'All' forwards to selective.destination, which is not set"
    )


@pytest.mark.parametrize("caller, matches", [("private", True), ("unavailable", False), ("+13035550100", False)])
def test_a_rule_for_private_callers(caller, matches):
    data = rules_site(
        {
            "name": "Private",
            "enabled": True,
            "forward_to": {"selection": "FORWARD_TO_DEFAULT_NUMBER"},
            "calls_from": {"selection": "CUSTOM", "custom_numbers": {"private_number_enabled": True}},
        },
        destination="+13035550111",
    )
    result = run(data, caller=caller)
    assert (destination(result) == {"type": "number", "value": "+13035550111"}) is matches


def test_a_rule_for_a_called_number():
    rule = {
        "name": "Second line",
        "enabled": True,
        "forward_to": {"selection": "FORWARD_TO_DEFAULT_NUMBER"},
        "calls_from": ANY,
        "calls_to": {"numbers": [{"type": "ALTERNATE", "phone_number": "+17205550102"}]},
    }
    data = rules_site(rule, destination="+13035550111")
    data["auto_attendants"][0]["alternate_numbers"] = [{"phone_number": "+17205550102", "ring_pattern": "NORMAL"}]
    assert destination(run(data, number="+1 720 555 0102")) == {"type": "number", "value": "+13035550111"}
    assert destination(run(data, presses=["0"])) == {"type": "operator"}
    started_by_name = run(data, number=None, location=DENVER, auto_attendant="Main Line", presses=["0"])
    assert destination(started_by_name) == {"type": "operator"}
    assert ASSUMPTIONS["called_number"] in started_by_name["assumptions"]


def test_a_rule_with_both_schedules_needs_both_in_effect():
    rule = {
        "name": "Holiday evenings",
        "enabled": True,
        "business_schedule": "Late shift",
        "holiday_schedule": "Holidays",
        "forward_to": {"selection": "FORWARD_TO_DEFAULT_NUMBER"},
        "calls_from": ANY,
    }
    data = rules_site(rule, destination="+13035550111")
    assert destination(run(data, at="2026-12-25T18:00")) == {"type": "number", "value": "+13035550111"}
    result = run(data, at="2026-12-24T18:00")
    assert destination(result) == {"type": "voicemail", "value": "2100"}
    assert ASSUMPTIONS["rule_schedules"] in result["assumptions"]


def test_a_rule_naming_a_schedule_the_location_lacks_is_unresolved():
    rule = {"name": "Nights", "enabled": True, "business_schedule": "Night shift", "calls_from": ANY}
    assert run(rules_site(rule))["destination"] == {
        "type": "unresolved",
        "reason": "selective rule 'Nights' names the business hours schedule 'Night shift', which location "
        "Branch Office Denver does not have",
    }


def test_selective_forwarding_acts_before_forwarding_always():
    data = rules_site(
        {
            "name": "VIP",
            "enabled": True,
            "forward_to": {"selection": "FORWARD_TO_DEFAULT_NUMBER"},
            "calls_from": {"selection": "CUSTOM", "custom_numbers": {"numbers": ["+13035550199"]}},
        },
        destination="+13035550111",
    )
    data["forwarding"][0]["always"] = {"enabled": True, "destination": "+13035550122"}
    vip = run(data, caller="+13035550199")
    assert destination(vip) == {"type": "number", "value": "+13035550111"}
    assert ASSUMPTIONS["selective_before_always"] in vip["assumptions"]
    others = run(data, caller="+13035550100")
    assert destination(others) == {"type": "number", "value": "+13035550122"}
    assert [step["forwarding"] for step in steps(others, "forwarding")] == ["selective", "always"]


def test_a_rule_that_does_not_forward_keeps_forwarding_always_away():
    data = rules_site(
        {"name": "Stay", "enabled": True, "forward_to": {"selection": "DO_NOT_FORWARD"}, "calls_from": ANY}
    )
    data["forwarding"][0]["always"] = {"enabled": True, "destination": "+13035550122"}
    assert destination(run(data, presses=["0"])) == {"type": "operator"}


def test_forwarding_rules_read_back_without_their_plus_are_numbers():
    forward = {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "phone_number": "3035550111"}
    data = rules_site(
        {
            "name": "All",
            "enabled": True,
            "forward_to": forward,
            "calls_from": {"selection": "CUSTOM", "custom_numbers": {"numbers": ["3035550199"]}},
        }
    )
    assert destination(run(data, caller="+13035550199")) == {"type": "number", "value": "+13035550111"}


# -- operating modes --------------------------------------------------------------------------------------------------

DAY = {"enabled": True, "all_day_enabled": False, "start_time": "09:00", "end_time": "17:00"}
NIGHT_DESK = {"selection": "FORWARD_TO_SPECIFIED_NUMBER", "destination": "+13035550150"}


def modes_site(*modes, **extra):
    return site_with(
        forwarding={
            "Front Desk": dict(
                {
                    "auto_attendant": "Front Desk",
                    "operating_modes": dict({"enabled": True, "modes": list(modes)}, **extra),
                }
            )
        }
    )


def test_an_operating_mode_in_effect_forwards():
    data = modes_site(
        {
            "name": "Day",
            "type": "SAME_HOURS_DAILY",
            "forward_to": NIGHT_DESK,
            "same_hours_daily": {"monday_to_friday": DAY, "saturday_to_sunday": {"enabled": False}},
        }
    )
    result = run(data, number=FRONT_DESK_NUMBER)
    (mode,) = steps(result, "operating_mode")
    assert mode["operating_mode"] == "Day" and mode["forward_to"] == "+13035550150"
    assert destination(result) == {"type": "number", "value": "+13035550150"}
    assert ASSUMPTIONS["modes_before_menu"] in result["assumptions"]
    weekend = run(data, number=FRONT_DESK_NUMBER, at="2026-03-14T10:00")
    assert "none is in effect" in steps(weekend, "operating_mode")[0]["text"]
    assert steps(weekend, "menu")  # normal operation: the attendant's own menu


def test_a_holiday_mode_wins_and_a_mode_without_schedule_fills_the_rest():
    holiday = {
        "name": "Closed",
        "type": "HOLIDAY",
        "forward_to": {
            "selection": "FORWARD_TO_DEFAULT_NUMBER",
            "default_forward_to_selection": "FORWARD_TO_SPECIFIED_NUMBER",
            "default_destination": "+13035550160",
        },
        "holidays": [
            {"name": "Spring break", "start_date": "2026-03-09", "end_date": "2026-03-13", "all_day_enabled": True}
        ],
    }
    daily = {
        "name": "Week",
        "type": "DIFFERENT_HOURS_DAILY",
        "forward_to": NIGHT_DESK,
        "different_hours_daily": {"monday": DAY, "tuesday": DAY},
    }
    rest = {"name": "Otherwise", "type": "NONE", "forward_to": {"selection": "DO_NOT_FORWARD"}}
    data = modes_site(daily, rest, holiday)
    result = run(data, number=FRONT_DESK_NUMBER)
    assert steps(result, "operating_mode")[0]["operating_mode"] == "Closed"
    assert destination(result) == {"type": "number", "value": "+13035550160"}
    assert ASSUMPTIONS["mode_choice"] in result["assumptions"]
    after = run(data, number=FRONT_DESK_NUMBER, at="2026-03-16T10:00")  # Monday after the break
    assert destination(after) == {"type": "number", "value": "+13035550150"}
    wednesday = run(data, number=FRONT_DESK_NUMBER, at="2026-03-18T10:00", presses=["0"])
    assert steps(wednesday, "operating_mode")[0]["text"].startswith("Operating mode 'Otherwise' is in effect")
    assert destination(wednesday) == {"type": "disconnect"}  # the menu: key 0 exits


def test_a_mode_switched_by_hand_is_not_traced_and_that_is_said():
    data = modes_site({"name": "Day", "type": "NONE", "forward_to": NIGHT_DESK}, exception_type="MANUAL_SWITCH_BACK")
    result = run(data, number=FRONT_DESK_NUMBER)
    assert ASSUMPTIONS["mode_exception"] in result["assumptions"]


def test_operating_modes_off_are_not_traced():
    data = modes_site({"name": "Day", "type": "NONE", "forward_to": NIGHT_DESK})
    data["forwarding"][-1]["operating_modes"]["enabled"] = False
    assert steps(run(data, number=FRONT_DESK_NUMBER), "operating_mode") == []


# -- keys -------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "presses, expected",
    [
        (["0"], {"type": "operator"}),
        (["1", "1"], {"type": "extension", "value": "2201"}),
        (["2"], {"type": "number", "value": "+13035550123"}),
        (["3", "2201"], {"type": "extension", "value": "2201"}),
        (["3"], {"type": "dial_by_extension"}),
        (["4"], {"type": "dial_by_name"}),
        (["5", "9"], {"type": "disconnect"}),
        (["6"], {"type": "voicemail", "value": "2100"}),
        (["8", "0"], {"type": "operator"}),
        (["9"], {"type": "disconnect"}),
        (["2205"], {"type": "extension", "value": "2205"}),  # an extension straight from the menu
    ],
)
def test_each_key_action(presses, expected):
    assert destination(run(presses=presses)) == expected


def test_the_key_steps_say_what_happens():
    result = run(presses=["8", "5", "2"])
    keys = steps(result, "key")
    assert [step["text"] for step in keys] == [
        "Key 8: the menu again",
        "Key 5: plays announcement 'Audio File', file 'AUDIO_FILE.wav', then the menu again",
        "Key 2: transfer with prompt to +13035550123",
    ]
    assert keys[1]["audio"] == {"name": "Audio File", "file_name": "AUDIO_FILE.wav", "level": "ORGANIZATION"}
    assert keys[2]["action"] == "TRANSFER_WITH_PROMPT" and keys[2]["value"] == "+13035550123"


def test_a_transfer_by_name_says_the_number_it_dials_and_the_attendant():
    (first,) = steps(run(presses=["1"]), "key")[:1]
    assert first["text"] == "Key 1: transfer to 2200, auto attendant 'Sales'"
    assert first["to"] == {"name": "Sales", "location": DENVER} and first["value"] == "2200"


def test_the_greeting_played():
    custom = steps(run(presses=["0"]), "greeting")[0]
    assert custom["greeting"] == "CUSTOM"
    assert custom["audio"] == {"name": "Welcome", "file_name": "welcome.wav", "level": "ORGANIZATION"}
    assert custom["text"] == "Greeting: announcement 'Welcome', file 'welcome.wav'"
    data = site_data()
    data["announcements"][0]["text"] = "Welcome to Denver"
    spoken = steps(run(data, presses=["0"]), "greeting")[0]
    assert spoken["audio"]["text"] == "Welcome to Denver" and "text-to-speech 'Welcome to Denver'" in spoken["text"]
    assert steps(run(at="2026-03-09T08:00"), "greeting")[0] == {
        "step": "greeting",
        "text": "Greeting: the default greeting",
        "auto_attendant": {"name": "Main Line", "location": DENVER},
        "greeting": "DEFAULT",
    }


def test_dial_by_name_and_extension_say_their_scope():
    data = site_with(**{"Main Line": {"name_dialing": "GROUP"}})
    assert run(data, presses=["4"])["destination"]["reason"] == "name dialing within location %s" % DENVER
    assert run(presses=["3"])["destination"]["reason"] == "extension dialing in the whole organisation"


def test_a_key_the_menu_does_not_have_plays_the_menu_again():
    result = run(presses=["7", "0"])
    assert steps(result, "key")[0]["text"] == "Key 7: not configured, the menu plays again"
    assert destination(result) == {"type": "operator"}
    assert ASSUMPTIONS["unknown_key"] in result["assumptions"]


def test_digits_are_an_extension_only_where_the_menu_allows_extension_dialling():
    business = copy.deepcopy(site_data()["auto_attendants"][0]["business_hours_menu"])
    business["extension_enabled"] = False
    result = run(site_with(**{"Main Line": {"business_hours_menu": business}}), presses=["2205", "0"])
    assert steps(result, "key")[0]["text"] == "Key 2205: not configured, the menu plays again"
    assert destination(result) == {"type": "operator"}


def test_return_to_previous_menu_goes_back_to_the_attendant_the_caller_came_from():
    sales_menu = menu(key(1, "TRANSFER_WITHOUT_PROMPT", value="2201"), key("*", "RETURN_TO_PREVIOUS_MENU"))
    data = site_with(Sales={"business_hours_menu": sales_menu})
    result = run(data, presses=["1", "*", "0"])
    assert destination(result) == {"type": "operator"}
    assert "Back to auto attendant 'Main Line' (Branch Office Denver), business hours menu" in texts(result)
    assert ASSUMPTIONS["return_to_previous"] in result["assumptions"]
    at_first_menu = run(data, number="2200", location=DENVER, presses=["*", "1"])
    assert destination(at_first_menu) == {"type": "extension", "value": "2201"}


def test_keys_left_after_the_destination_are_returned():
    assert run(presses=["2", "5", "9"])["presses_left"] == ["5", "9"]


# -- transfers, loops, no input ---------------------------------------------------------------------------------------


def test_a_transfer_into_a_second_attendant_and_back_by_key_is_no_loop():
    result = run(presses=["1", "9", "1", "9", "0"])
    assert [visited["name"] for visited in result["auto_attendants"]] == [
        "Main Line",
        "Sales",
        "Main Line",
        "Sales",
        "Main Line",
    ]
    assert destination(result) == {"type": "operator"}


def test_a_transfer_into_a_second_attendant_and_back_without_a_key_is_a_loop():
    result = run(presses=["1"])  # Sales' silence goes to Support, Support's to Sales
    assert result["destination"] == {
        "type": "loop",
        "value": "Sales",
        "auto_attendant": {"name": "Sales", "location": DENVER},
        "reason": "the call comes back to auto attendant 'Sales' (Branch Office Denver) (transfer from 'Support', "
        "no input) with no key pressed since it was last there: it would go round forever",
    }
    assert steps(result, "loop")[0]["text"] == "Loop: back at auto attendant 'Sales' (Branch Office Denver)"
    assert [visited["name"] for visited in result["auto_attendants"]] == ["Main Line", "Sales", "Support"]


def test_forwarding_always_in_a_circle_is_a_loop():
    data = site_with(
        add=[aa_options("Echo", "2500", DENVER, business_schedule="Office hours")],
        add_forwarding=[{"auto_attendant": "Echo", "always": {"enabled": True, "destination": "2400"}}],
    )
    data["forwarding"][1]["always"]["destination"] = "2500"  # Front Desk -> Echo -> Front Desk
    result = run(data, number=FRONT_DESK_NUMBER)
    assert destination(result) == {"type": "loop", "value": "Front Desk"}


def test_no_input_retries_then_the_call_treatment():
    result = run()
    (no_input,) = steps(result, "no_input")
    assert no_input["text"] == "No key pressed: the greeting 2 more times, 5 s each, then PLAY_MESSAGE_AND_DISCONNECT"
    assert (no_input["retries"], no_input["no_input_timer"]) == ("TWO_TIMES", 5)
    assert steps(result, "greeting")[-1]["text"] == "Message: the default message"
    assert result["destination"]["reason"] == "no input (PLAY_MESSAGE_AND_DISCONNECT)"


@pytest.mark.parametrize(
    "todo, expected",
    [
        ({"action": "DISCONNECT"}, {"type": "disconnect"}),
        ({"action": "TRANSFER_TO_OPERATOR"}, {"type": "operator"}),
        ({"action": "TRANSFER_TO_OPERATOR", "transfer_call_to": "2001"}, {"type": "operator", "value": "2001"}),
        ({"action": "TRANSFER_TO_MAILBOX", "transfer_call_to": "2200"}, {"type": "voicemail", "value": "2200"}),
        (
            {"action": "TRANSFER_WITH_PROMPT", "transfer_call_to": "+1 303 555 0123"},
            {"type": "number", "value": "+13035550123"},
        ),
        # Silence at Main Line, then at Sales: Sales and Support send it to each other.
        ({"action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Sales"}, {"type": "loop", "value": "Sales"}),
    ],
)
def test_each_call_treatment_action(todo, expected):
    business = copy.deepcopy(site_data()["auto_attendants"][0]["business_hours_menu"])
    business["call_treatment"] = {"action_to_be_performed": todo}
    result = run(site_with(**{"Main Line": {"business_hours_menu": business}}))
    assert destination(result) == expected
    target = {"TRANSFER_WITH_PROMPT": " to +13035550123", "TRANSFER_WITHOUT_PROMPT": " to 2200, auto attendant 'Sales'"}
    assert steps(result, "no_input")[0]["text"] == "No key pressed: after 10 s, then %s%s" % (
        todo["action"],
        target.get(todo["action"], ""),
    )


def test_a_menu_without_a_treatment_action_disconnects_and_that_is_said():
    result = run(number="2200", location=DENVER, at="2026-03-09T20:00")  # Sales after hours: menu() only
    assert destination(result) == {"type": "disconnect"}
    assert ASSUMPTIONS["no_treatment_action"] in result["assumptions"]


def test_a_custom_message_before_disconnecting():
    business = copy.deepcopy(site_data()["auto_attendants"][0]["business_hours_menu"])
    business["call_treatment"]["action_to_be_performed"] = {
        "action": "PLAY_MESSAGE_AND_DISCONNECT",
        "greeting": "CUSTOM",
        "audio_announcement_file": {"name": "Goodbye", "level": "LOCATION"},
    }
    result = run(site_with(**{"Main Line": {"business_hours_menu": business}}))
    assert steps(result, "greeting")[-1]["audio"] == {"name": "Goodbye", "level": "LOCATION"}
    assert steps(result, "greeting")[-1]["text"] == "Message: announcement 'Goodbye'"


# -- entry and what the data does not hold --------------------------------------------------------------------------


def test_entry_by_number_by_extension_and_by_name():
    assert texts(run(presses=["0"]))[0] == "Dialled +17205550100: auto attendant 'Main Line' (Branch Office Denver)"
    assert run(number="2100", presses=["0"])["auto_attendants"][0]["name"] == "Main Line"  # the only 2100
    by_name = run(number=None, location=DENVER, auto_attendant="Sales", presses=["1"])
    assert texts(by_name)[0] == "The call starts at auto attendant 'Sales' (Branch Office Denver)"
    assert destination(by_name) == {"type": "extension", "value": "2201"}


def test_a_number_no_attendant_has_goes_there_directly():
    result = run(number="+1 (303) 555-0100")
    assert result["destination"] == {
        "type": "number",
        "value": "+13035550100",
        "reason": "no auto attendant has +1 (303) 555-0100",
    }
    assert result["auto_attendants"] == [] and result["call"] == {
        "number": "+1 (303) 555-0100",
        "at": MONDAY,
        "presses": [],
    }


def test_an_extension_attendants_of_two_locations_have_needs_the_location():
    data = site_data()
    data["auto_attendants"].append(aa_options("Other", "2100", "Headquarters"))
    result = run(data, number="2100")
    assert result["destination"] == {
        "type": "unresolved",
        "reason": "extension 2100 belongs to auto attendants in 2 locations (Branch Office Denver, Headquarters): give "
        "the location",
    }
    assert run(data, number="2100", location=DENVER, presses=["0"])["destination"]["type"] == "operator"


def test_an_unknown_attendant_by_name_is_unresolved():
    result = run(number=None, location=DENVER, auto_attendant="Ghost")
    assert result["destination"] == {
        "type": "unresolved",
        "reason": "no auto attendant 'Ghost' in location Branch Office Denver",
    }
    assert result["steps"] == [
        {"step": "end", "text": "Unresolved: no auto attendant 'Ghost' in location Branch Office Denver"}
    ]


def test_a_dangling_reference_is_unresolved_naming_the_key():
    data = site_data()
    data["auto_attendants"].pop(1)  # Sales
    result = run(data, presses=["1"])
    assert result["destination"] == {
        "type": "unresolved",
        "reason": "key 1 of 'Main Line' names auto attendant 'Sales' in location Branch Office Denver, which the data "
        "does not hold",
    }
    assert result["steps"][-1]["step"] == "end"


def test_a_schedule_the_location_lacks_is_unresolved():
    data = site_data()
    data["schedules"] = [item for item in data["schedules"] if item["name"] != "Holidays"]
    assert run(data)["destination"]["reason"] == (
        "holiday_schedule of 'Main Line' names the holidays schedule 'Holidays', which location Branch Office Denver "
        "does not have"
    )


def test_an_attendant_without_a_business_schedule_or_a_menu_is_unresolved():
    data = site_with(**{"Main Line": {"business_schedule": None, "holiday_schedule": None}})
    assert run(data)["destination"]["reason"] == "auto attendant 'Main Line' names no business schedule"
    data = site_with(**{"Main Line": {"after_hours_menu": None}})
    assert run(data, at="2026-03-09T08:00")["destination"]["reason"] == (
        "auto attendant 'Main Line' has no after_hours_menu in the data"
    )


def test_a_transfer_to_a_number_two_attendants_have_is_unresolved():
    data = site_data()
    data["auto_attendants"].append(aa_options("Copy", "2600", DENVER, phone_number="+13035550123"))
    data["auto_attendants"].append(aa_options("Copy 2", "2700", "Headquarters", phone_number="+13035550123"))
    assert run(data, presses=["2"])["destination"]["reason"] == (
        "key 2 of 'Main Line': +13035550123 belongs to 2 auto attendants ('Copy' in Branch Office Denver, 'Copy 2' in "
        "Headquarters)"
    )


def test_a_key_action_the_trace_does_not_know_is_unresolved():
    data = site_with(Sales={"business_hours_menu": menu(key(1, "SING_A_SONG"))})
    assert run(data, presses=["1", "1"])["destination"]["reason"] == (
        "key 1 of 'Sales' has action SING_A_SONG, which the trace does not know"
    )


def test_the_result_lists_the_call_as_traced():
    result = run(presses=[0], caller="+13035550100")
    assert result["call"] == {
        "number": MAIN_LINE_NUMBER,
        "at": "2026-03-09T09:30:00-06:00",
        "caller": "+13035550100",
        "presses": ["0"],
    }
    assert set(result) == {"call", "steps", "destination", "auto_attendants", "menus", "presses_left", "assumptions"}
