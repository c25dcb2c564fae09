"""In-memory state of the simulated organisation, optionally persisted to a JSON file."""

import copy
import json
import os
import threading

from . import errors
from .seed import ORG_ID, build_seed

STATE_FILE_VERSION = 1


class State:
    """Seed data plus the auto attendants; every access happens under ``lock``."""

    def __init__(self, state_file=None):
        self.lock = threading.RLock()
        self.state_file = state_file
        self.org_id = ORG_ID
        self.locations = []
        self.schedules = {}
        self.announcements = []
        # id -> {"id", "locationId", "data": stored writable fields}; insertion order is the list order.
        # A record gains "forwarding" (routes_forwarding.py) on the first forwarding write: it goes with the attendant.
        self.auto_attendants = {}
        self.reset()
        if state_file and os.path.exists(state_file):
            self.load()

    def reset(self):
        """Return to the seed state (does not touch the state file)."""
        with self.lock:
            seed = build_seed()
            self.locations = seed["locations"]
            self.schedules = seed["schedules"]
            self.announcements = seed["announcements"]
            # Read only: the API's operating mode writes are not simulated (routes_operating_modes.py).
            self.operating_modes = seed["operatingModes"]
            self.auto_attendants = {}
            # Text-to-speech jobs by id, how new jobs behave (POST /_sim/text_to_speech) and the generate calls made.
            self.tts_jobs = {}
            self.tts_config = {"polls_before_success": 0, "failure": None}
            self.tts_calls = 0

    def load(self):
        """Load the auto attendants (and schedules, when saved) from the state file."""
        with open(self.state_file, encoding="utf-8") as handle:
            saved = json.load(handle)
        with self.lock:
            self.auto_attendants = {record["id"]: record for record in saved.get("autoAttendants", [])}
            if "schedules" in saved:  # files written before schedules could change keep the seed schedules
                self.schedules = saved["schedules"]
            if "announcements" in saved:
                self.announcements = saved["announcements"]

    def save(self):
        """Write the auto attendants and schedules to the state file atomically (no-op without a state file)."""
        if not self.state_file:
            return
        with self.lock:
            payload = {
                "version": STATE_FILE_VERSION,
                "autoAttendants": list(self.auto_attendants.values()),
                "schedules": self.schedules,
                "announcements": self.announcements,
            }
            temporary = self.state_file + ".tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, indent=1)
            os.replace(temporary, self.state_file)

    def snapshot(self):
        """A deep copy of everything a write can change (for a write answered but not kept)."""
        with self.lock:
            return copy.deepcopy((self.locations, self.schedules, self.announcements, self.auto_attendants))

    def restore(self, snapshot):
        """Put back what snapshot() returned."""
        with self.lock:
            self.locations, self.schedules, self.announcements, self.auto_attendants = snapshot

    # Lookups -----------------------------------------------------------------------------------------------

    def location(self, location_id):
        """Return the location with that id, or raise 404."""
        for location in self.locations:
            if location["id"] == location_id:
                return location
        raise errors.not_found("Location not found: %s" % location_id)

    def location_by_id_or_name(self, value):
        """Return the location whose id or exact name is value, or raise 404."""
        for location in self.locations:
            if value in (location["id"], location["name"]):
                return location
        raise errors.not_found("Location not found: %s" % value)

    def schedule(self, location_id, schedule_type, name):
        """Return the location's schedule with that type and exact name, or None."""
        for schedule in self.schedules.get(location_id, []):
            if schedule["type"] == schedule_type and schedule["name"] == name:
                return schedule
        return None

    def schedule_users(self, location_id, schedule_type, name):
        """Names of the location's auto attendants whose businessSchedule/holidaySchedule (by type) is NAME."""
        field = "businessSchedule" if schedule_type == "businessHours" else "holidaySchedule"
        return [
            record["data"]["name"]
            for record in self.auto_attendants.values()
            if record["locationId"] == location_id and record["data"].get(field) == name
        ]

    def visible_announcements(self, location_id):
        """Announcements an auto attendant in that location may use: organisation level and its own location."""
        return [
            item
            for item in self.announcements
            if item["level"] == "ORGANIZATION" or item.get("location", {}).get("id") == location_id
        ]

    def operating_mode(self, mode_id):
        """Return the operating mode with that id, or raise 404."""
        for mode in self.operating_modes:
            if mode["id"] == mode_id:
                return mode
        raise errors.not_found("Operating mode not found: %s" % mode_id)

    def available_operating_modes(self, location_id):
        """The modes a feature of the location may use: the organisation's and the location's own, by name."""
        modes = [
            mode
            for mode in self.operating_modes
            if mode["level"] == "ORGANIZATION" or mode.get("location", {}).get("id") == location_id
        ]
        return sorted(modes, key=lambda mode: (mode["name"].lower(), mode["level"]))

    def auto_attendant(self, location_id, auto_attendant_id):
        """Return the record of the auto attendant in that location, or raise 404 (also when it lives elsewhere)."""
        self.location(location_id)
        record = self.auto_attendants.get(auto_attendant_id)
        if record is None or record["locationId"] != location_id:
            raise errors.not_found("Auto Attendant not found: %s" % auto_attendant_id)
        return record

    def numbers_in_use(self, exclude_id=None):
        """Return {phone number: auto attendant id} for every primary and alternate number in use."""
        used = {}
        for record in self.auto_attendants.values():
            if record["id"] == exclude_id:
                continue
            data = record["data"]
            if data.get("phoneNumber"):
                used[data["phoneNumber"]] = record["id"]
            for alternate in data.get("alternateNumbers") or []:
                used[alternate["phoneNumber"]] = record["id"]
        return used

    def free_numbers(self, location):
        """Return the location's numbers that no auto attendant uses, in order."""
        used = self.numbers_in_use()
        return [number for number in location["numbers"] if number not in used]
