"""_auto_attendant/converge.py: what preflight() checks before a write, and converge()'s refusal of an announcement
name nobody resolved."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import resolve as aa_resolve
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import service as aa_service
from tests.unit.plugins.module_utils._auto_attendant.shared import (
    STORED,
    WELCOME,
    FakeClient,
    FakeService,
    Lookups,
    module_options,
    validated,
)


class Checks:
    """The existence checks preflight() makes, recording the audio file checks; every audio file is missing."""

    client = None

    def __init__(self, monkeypatch):
        self.audio_checks = []
        monkeypatch.setattr(aa_converge.ScheduleService, "find", lambda *args: {"id": "S1"})
        monkeypatch.setattr(aa_converge, "audio_file_exists", self.audio_file_exists)

    def audio_file_exists(self, service, location_id, audio, auto_attendant_id):
        self.audio_checks.append(audio)
        return False

    def number_available(self, location_id, number, alternate=False):
        return True


def test_preflight_does_not_look_up_a_file_known_by_its_id(monkeypatch):
    """A file resolved from its announcement name carries its id (and file name): it is not checked by file name."""
    params = aa_resolve.resolve_announcement_names(
        Lookups(WELCOME), validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    )
    assert params["business_hours_menu"]["audio_announcement_file"] == STORED
    the_plan = aa_compare.plan("present", aa_compare.desired_from_options(params), None)
    checks = Checks(monkeypatch)
    assert aa_converge.preflight(checks, "LOC1", params, the_plan, None) == []
    assert checks.audio_checks == []


def test_preflight_checks_the_after_hours_menu_when_only_it_is_sent(monkeypatch):
    """An update that sends only the after hours menu still checks its audio files by file name."""
    options = module_options()
    options["after_hours_menu"] = dict(
        options["after_hours_menu"],
        greeting="CUSTOM",
        audio_announcement_file={"file_name": "closed.wav", "media_file_type": "WAV", "level": "ORGANIZATION"},
    )
    params = validated(options)
    desired = aa_compare.desired_from_options(params)
    current = dict(desired, afterHoursMenu={"greeting": "DEFAULT"})
    the_plan = aa_compare.plan("present", desired, current)
    assert sorted(the_plan.body) == ["afterHoursMenu"]
    checks = Checks(monkeypatch)
    assert aa_converge.preflight(checks, "LOC1", params, the_plan, current) == [
        "after_hours_menu.audio_announcement_file: no organization audio file 'closed.wav'"
    ]
    assert [audio["file_name"] for audio in checks.audio_checks] == ["closed.wav"]


def test_converge_refuses_an_unresolved_name_with_the_whole_message():
    """The caller bug (converge() before resolve_references()) is told with the option path, whole."""
    params = validated(module_options(greeting={"name": "Welcome", "level": "LOCATION"}))
    with pytest.raises(aa_service.AutoAttendantError) as failure:
        aa_converge.converge(FakeService(FakeClient()), "LOC1", params)
    assert str(failure.value) == (
        "business_hours_menu.audio_announcement_file: the announcement name is not resolved "
        "(resolve_references() comes before converge())"
    )
