"""The forwarding plan where a detail reaches the user: a rule "renamed" to its own name, the schedules every rule
sends (the pre-flight's list), and the rules a purge deletes as the diff's before shows them."""

from ansible_collections.wxc.calling.plugins.module_utils._forwarding import compare as fw_compare
from tests.unit.plugins.module_utils.test_forwarding import READ_BACK, SETTINGS, options, rule

DO_NOT_FORWARD = {"selection": "DO_NOT_FORWARD", "phone_number": None}
ANY = {"selection": "ANY", "custom_numbers": None}


def test_a_new_name_equal_to_the_name_is_no_rename():
    """new_name equal to name (allowed by the validation) converges the rule of that name, not a refused rename."""
    the_plan = fw_compare.plan(options(rules=[rule(new_name="VIP", enabled=False)]), SETTINGS, {"VIP": READ_BACK})
    body = dict(fw_compare.writable_rule(READ_BACK), enabled=False)
    assert [(index, current["id"], sent) for index, current, sent, _want in the_plan.rule_updates] == [(0, "R1", body)]
    assert the_plan.rule_creates == [] and the_plan.rule_deletes == [] and the_plan.schedules_named == []


def test_the_schedules_of_every_rule_are_checked_before_the_writes():
    """The pre-flight list holds the new schedules of each rule, a created one and an updated one after it."""
    params = options(
        rules=[
            rule(name="New", forward_to=DO_NOT_FORWARD, calls_from=ANY, business_schedule="Night"),
            rule(holiday_schedule="Winter"),
        ]
    )
    the_plan = fw_compare.plan(params, SETTINGS, {"VIP": READ_BACK})
    assert the_plan.schedules_named == [
        ("rules[0].business_schedule", "businessHours", "Night"),
        ("rules[1].holiday_schedule", "holidays", "Winter"),
    ]


def test_a_purged_rule_shows_its_name_and_enabled_in_the_diff_before():
    """purge_rules: the diff's before lists each rule it deletes by name and enabled, after the declared ones."""
    the_plan = fw_compare.plan(options(rules=[rule(enabled=True)], purge_rules=True), SETTINGS, {"VIP": READ_BACK})
    assert the_plan.before == {
        "always": SETTINGS["always"],
        "selective": SETTINGS["selective"],
        "rules": [fw_compare.writable_rule(READ_BACK), {"name": "Old", "enabled": False}],
    }
    assert the_plan.diff()["before"]["rules"] == [
        fw_compare.to_snake(fw_compare.writable_rule(READ_BACK)),
        {"name": "Old", "enabled": False},
    ]
