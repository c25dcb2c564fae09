"""Saved plans, pure: values at option paths, risk classes, the staleness check."""

import datetime
import re

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._site import saved

VIEW = {
    "business_hours_menu": {
        "greeting": "DEFAULT",
        "key_configurations": [{"key": "1", "action": "EXIT"}, {"key": "2", "action": "NAME_DIALING"}, {"key": "*"}],
    },
    "events": [{"name": "Saturday", "start_date": "2026-01-10"}, {"name": "Sunday"}],
    "always": {"enabled": True},
    "rules": [{"name": "VIP", "enabled": False}],
}


@pytest.mark.parametrize(
    "field,value",
    [
        ("business_hours_menu.greeting", "DEFAULT"),
        ("business_hours_menu.key_configurations (key 1, 2)", VIEW["business_hours_menu"]["key_configurations"][:2]),
        ("business_hours_menu.key_configurations (key 9)", None),
        ("events (Saturday)", [VIEW["events"][0]]),
        ("rules (VIP)", [VIEW["rules"][0]]),
        ("always.enabled", True),
        ("after_hours_menu.greeting", None),
    ],
)
def test_value_at(field, value):
    assert saved.value_at(VIEW, field) == value


def test_value_at_of_no_view():
    assert saved.value_at(None, "name") is None and saved.value_at({}, "a.b") is None


def test_the_highest_risk_wins():
    assert saved.highest(["cosmetic", "destructive", "routing"]) == "destructive"
    assert saved.highest(["cosmetic", "routing"]) == "routing" and saved.highest([]) == "none"


def plan(created="2026-12-07T08:00:00Z", declaration="sha256:d", actions=()):
    return {"format": 1, "created": created, "declaration": declaration, "actions": list(actions)}


def action(name, what="update", fingerprint="sha256:a", fields=("extension",)):
    return {"kind": "auto_attendants", "name": name, "location": "HQ", "location_id": "L", "type": None,
            "action": what, "fields": list(fields), "fingerprint": fingerprint}  # fmt: skip


def at(hours):
    return lambda: datetime.datetime(2026, 12, 7, 8, 0, tzinfo=datetime.timezone.utc) + datetime.timedelta(hours=hours)


def test_a_plan_that_still_fits_passes():
    saved.check(plan(actions=[action("A")]), plan(actions=[action("A")]), 24, at(1))


@pytest.mark.parametrize(
    "given,fresh,message",
    [
        (plan(), plan(declaration="sha256:e"), "stale plan: the declaration changed since the plan was made"),
        (
            plan(actions=[action("A")]),
            plan(actions=[action("A", fingerprint="sha256:b")]),
            "auto_attendants 'A' (HQ) changed since the plan was made",
        ),
        (
            plan(actions=[action("A")]),
            plan(),
            "auto_attendants 'A' (HQ): the plan holds update, which is no longer needed",
        ),
        (
            plan(),
            plan(actions=[action("B", "create")]),
            "auto_attendants 'B' (HQ): create is needed now, which the plan does not hold",
        ),
        (
            plan(actions=[action("A")]),
            plan(actions=[action("A", fields=["name_dialing"])]),
            "the plan holds update of extension, now update of name_dialing",
        ),
    ],
)
def test_a_plan_that_moved_is_refused_naming_what(given, fresh, message):
    with pytest.raises(saved.StalePlan) as stale:
        saved.check(given, fresh, 24, at(1))
    assert (
        message in str(stale.value)
        and str(stale.value).endswith("(nothing was written); plan again")
        or "declaration" in message
    )


def test_a_plan_older_than_its_maximum_age_is_refused_unless_no_limit():
    with pytest.raises(saved.StalePlan, match=r"made 25\.0 hours ago, older than plan_max_age 24 hours"):
        saved.check(plan(), plan(), 24, at(25))
    saved.check(plan(), plan(), 0, at(1000))


@pytest.mark.parametrize(
    "given,message",
    [
        ("not json", "plan: is not JSON"),
        ({"format": 2, "actions": []}, "is not a plan of webex_site (format 1)"),
        ({"format": 1, "actions": [], "created": "x"}, "plan: has no declaration"),
    ],
)
def test_a_plan_of_the_wrong_shape_is_refused(given, message):
    with pytest.raises(saved.StalePlan, match=re.escape(message)):
        saved.loaded(given)


def test_a_plan_given_as_json_text_is_read():
    assert saved.loaded('{"format": 1, "actions": [], "created": "c", "declaration": "d"}')["declaration"] == "d"
