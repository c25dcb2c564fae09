"""Deterministic seed data: one organisation, its locations, schedules, numbers and announcements.

Fixed UUIDs keep the seed ids identical across runs; only auto attendants created later get random ids.
"""

import copy

from .ids import webex_id

ORG_UUID = "5d0c8f3a-2f6e-4a3b-9a61-7d1f0f6e9b10"
ORG_NUMBER = "64941297"
ORG_ID = webex_id("ORGANIZATION", ORG_UUID)
ORG_NAME = "Simulated Org"

# The id of the organisation-level announcement used by the documentation example; it must stay verbatim.
DOC_EXAMPLE_AUDIO_ID = "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw"

LANGUAGES = {
    "en_us": "English",
    "en_gb": "English (UK)",
    "es_es": "Spanish",
    "fr_fr": "French",
    "fr_ca": "French (Canada)",
    "de_de": "German",
    "it_it": "Italian",
    "pt_br": "Portuguese (Brazil)",
}


def _numbers(prefix, first, count):
    return ["%s%04d" % (prefix, first + index) for index in range(count)]


def _location(uuid, name, routing_prefix, time_zone, language, address, numbers, toll_free=()):
    return {
        "id": webex_id("LOCATION", uuid),
        "name": name,
        "orgId": ORG_ID,
        "routingPrefix": routing_prefix,
        "timeZone": time_zone,
        "preferredLanguage": language,
        "announcementLanguage": language,
        "address": address,
        "numbers": list(numbers) + list(toll_free),
        "tollFreeNumbers": list(toll_free),
    }


def _address(street, city, state, postal_code):
    return {
        "address1": street,
        "address2": "",
        "city": city,
        "state": state,
        "postalCode": postal_code,
        "country": "US",
    }


def _locations():
    return [
        _location(
            "0f5b7c2e-6a41-4c1e-8d7b-1a2b3c4d5e01",
            "Headquarters",
            "8001",
            "America/Los_Angeles",
            "en_us",
            _address("771 Alder Drive", "Milpitas", "CA", "95035"),
            # +19705550000..0029 holds the documentation example's own number and its mailbox destination.
            _numbers("+1970555", 0, 30) + ["+19175551092", "+19073569984"],
            toll_free=["+18885550100", "+18885550101"],
        ),
        _location(
            "0f5b7c2e-6a41-4c1e-8d7b-1a2b3c4d5e02",
            "Headquarters Annex",
            "8002",
            "America/Los_Angeles",
            "en_us",
            _address("775 Alder Drive", "Milpitas", "CA", "95035"),
            _numbers("+1408555", 100, 20),
        ),
        _location(
            "0f5b7c2e-6a41-4c1e-8d7b-1a2b3c4d5e03",
            "Branch Office Denver",
            "8003",
            "America/Denver",
            "en_us",
            _address("1600 Glenarm Place", "Denver", "CO", "80202"),
            _numbers("+1720555", 100, 25),
        ),
        _location(
            "0f5b7c2e-6a41-4c1e-8d7b-1a2b3c4d5e04",
            "Branch Office Austin",
            "8004",
            "America/Chicago",
            "es_es",
            _address("500 West 2nd Street", "Austin", "TX", "78701"),
            _numbers("+1512555", 100, 25),
        ),
    ]


def _schedules():
    """Schedules per location name; every location gets the two names the documentation example uses."""
    business = {
        "name": "AUTOATTENDANT-BUSINESS-HOURS",
        "type": "businessHours",
        "events": [
            {
                "name": "Weekdays",
                "startDate": "2024-01-01",
                "endDate": "2024-01-01",
                "startTime": "09:00",
                "endTime": "17:00",
                "allDayEnabled": False,
                "recurrence": {
                    "recurForEver": True,
                    "recurWeekly": {
                        "recurInterval": 1,
                        "sunday": False,
                        "monday": True,
                        "tuesday": True,
                        "wednesday": True,
                        "thursday": True,
                        "friday": True,
                        "saturday": False,
                    },
                },
            },
        ],
    }
    holidays = {
        "name": "AUTOATTENDANT-HOLIDAY",
        "type": "holidays",
        "events": [
            {"name": "New Year", "startDate": "2025-01-01", "endDate": "2025-01-01", "allDayEnabled": True},
            {"name": "Christmas", "startDate": "2025-12-25", "endDate": "2025-12-26", "allDayEnabled": True},
        ],
    }
    extended = {
        "name": "HQ-Extended-Hours",
        "type": "businessHours",
        "events": [
            {
                "name": "Every day",
                "startDate": "2024-01-01",
                "endDate": "2024-01-01",
                "startTime": "07:00",
                "endTime": "21:00",
                "allDayEnabled": False,
                "recurrence": {"recurForEver": True, "recurDaily": {"recurInterval": 1}},
            }
        ],
    }
    common = [business, holidays]
    return {
        "Headquarters": common + [extended],
        "Headquarters Annex": common,
        "Branch Office Denver": common,
        "Branch Office Austin": common,
    }


def _announcements(locations_by_name):
    headquarters = locations_by_name["Headquarters"]
    return [
        {
            "id": DOC_EXAMPLE_AUDIO_ID,
            "name": "Audio File",
            "fileName": "AUDIO_FILE.wav",
            "fileSize": "356",
            "mediaFileType": "WAV",
            "lastUpdated": "2024-05-01T10:00:00.000Z",
            "level": "ORGANIZATION",
        },
        {
            "id": webex_id("ANNOUNCEMENT", "8c1e2d3f-4a5b-4c6d-8e7f-901234567801"),
            "name": "Welcome",
            "fileName": "welcome.wav",
            "fileSize": "1024",
            "mediaFileType": "WAV",
            "lastUpdated": "2024-05-02T10:00:00.000Z",
            "level": "ORGANIZATION",
        },
        {
            "id": webex_id("ANNOUNCEMENT", "8c1e2d3f-4a5b-4c6d-8e7f-901234567802"),
            "name": "Closed",
            "fileName": "closed.wma",
            "fileSize": "2048",
            "mediaFileType": "WMA",
            "lastUpdated": "2024-05-03T10:00:00.000Z",
            "level": "ORGANIZATION",
        },
        {
            "id": webex_id("ANNOUNCEMENT", "8c1e2d3f-4a5b-4c6d-8e7f-901234567803"),
            "name": "HQ After Hours",
            "fileName": "hq-after-hours.wav",
            "fileSize": "4096",
            "mediaFileType": "WAV",
            "lastUpdated": "2024-05-04T10:00:00.000Z",
            "level": "LOCATION",
            "location": {"id": headquarters["id"], "name": headquarters["name"]},
        },
    ]


OPERATING_MODE_DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")


def _operating_modes(by_name):
    """Operating modes (Control Hub makes them; the API's writes are not simulated): three at organisation level, two
    of Headquarters and one of Branch Office Denver. "Weather Closure" exists at both levels for Denver, on purpose."""
    headquarters, denver = by_name["Headquarters"], by_name["Branch Office Denver"]

    def mode(number, name, mode_type, location=None, forwarding=None, **schedule):
        item = {
            "id": webex_id("OPERATING_MODE", "6f0e0000-0000-4000-8000-%012d" % number),
            "name": name,
            "type": mode_type,
            "level": "LOCATION" if location else "ORGANIZATION",
        }
        if location:
            item["location"] = {"id": location["id"], "name": location["name"]}
        item.update(schedule)
        item["callForwarding"] = forwarding or {
            "enabled": False,
            "destination": "",
            "destinationVoicemailEnabled": False,
        }
        return item

    def hours(start, end, enabled=True):
        return {"enabled": enabled, "allDayEnabled": False, "startTime": start, "endTime": end}

    new_year = {
        "id": webex_id("SCHEDULE_EVENT", "6f0e0000-0000-4000-8000-100000000001"),
        "name": "New Year",
        "allDayEnabled": True,
        "startDate": "2026-01-01",
        "endDate": "2026-01-01",
        "recurrence": {"recurYearlyByDate": {"dayOfMonth": 1, "month": "JANUARY"}},
    }
    return [
        mode(
            1,
            "Outage",
            "NONE",
            forwarding={"enabled": True, "destination": "+19705550007", "destinationVoicemailEnabled": True},
        ),
        mode(2, "Company Holidays", "HOLIDAY", holidays=[new_year]),
        mode(3, "Weather Closure", "NONE"),
        mode(
            4,
            "Day",
            "SAME_HOURS_DAILY",
            location=headquarters,
            sameHoursDaily={
                "mondayToFriday": hours("08:00", "17:00"),
                "saturdayToSunday": hours("00:00", "00:00", False),
            },
        ),
        mode(
            5,
            "Night",
            "DIFFERENT_HOURS_DAILY",
            location=headquarters,
            differentHoursDaily={day: hours("17:00", "23:59") for day in OPERATING_MODE_DAYS},
            forwarding={"enabled": True, "destination": "1000", "destinationVoicemailEnabled": False},
        ),
        mode(6, "Weather Closure", "NONE", location=denver),
    ]


def standard_schedules():
    """The two schedules every location has: AUTOATTENDANT-BUSINESS-HOURS and AUTOATTENDANT-HOLIDAY."""
    return copy.deepcopy(_schedules()["Headquarters Annex"])


def seeded_location(index, name):
    """Location number INDEX (1-999) added by POST /_sim/seed_locations: fixed id, 50 numbers +1646III0000-0049."""
    location = _location(
        "5eed0000-0000-4000-8000-%012d" % index,
        name,
        "9%03d" % index,
        "America/New_York",
        "en_us",
        _address("%d Scale Street" % index, "New York", "NY", "10001"),
        _numbers("+1646%03d" % index, 0, 50),
    )
    location["seeded"] = True
    return location


def build_seed():
    """Return a fresh, deep-copied seed: locations, schedules by location id, announcements, operating modes."""
    locations = _locations()
    by_name = {location["name"]: location for location in locations}
    # Schedule and event ids are not stored: they are derived from the names (routes_schedules.py).
    schedules = {by_name[name]["id"]: copy.deepcopy(items) for name, items in _schedules().items()}
    return {
        "locations": locations,
        "schedules": schedules,
        "announcements": _announcements(by_name),
        "operatingModes": _operating_modes(by_name),
    }
