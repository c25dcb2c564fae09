"""The auto attendant's options are listed in several files; they must agree, or an option is dropped silently.

The module's argument_spec is the truth. Checked against it: the role's task that calls the module, the role's
argument_specs (attendant fields), the filter's pass-through list, playbooks/apply_auto_attendants.yml and the export.
DEVELOPING.md ("to add an option") lists these same files.
"""

import os

import yaml

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import export
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import webex_argument_spec
from ansible_collections.wxc.calling.plugins.plugin_utils import standard_menus

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
MODULE = "wxc.calling.webex_auto_attendant"
IDENTITY = {"name", "location", "state"}


def module_options():
    return set(aa_options.argument_spec())


def resource_fields():
    """The options that describe the attendant itself (not its identity or state)."""
    return module_options() - IDENTITY


def load(*path):
    with open(os.path.join(ROOT, *path), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def tasks_calling(tasks, action):
    found = []
    for task in tasks or []:
        if action in task:
            found.append(task)
        for nested in ("block", "rescue", "always"):
            found.extend(tasks_calling(task.get(nested), action))
        for play_tasks in ("tasks", "pre_tasks", "post_tasks"):
            found.extend(tasks_calling(task.get(play_tasks), action))
    return found


def test_the_module_documents_exactly_its_argument_spec():
    from ansible_collections.wxc.calling.plugins.modules import webex_auto_attendant as module

    documented = set(yaml.safe_load(module.DOCUMENTATION)["options"])  # connection options: the webex doc fragment
    assert documented == module_options()


def test_the_role_task_passes_every_option():
    calls = tasks_calling(load("roles", "auto_attendant", "tasks", "main.yml"), MODULE)
    for task in calls:  # the role may call the module per item; then every option must be forwarded
        passed = set(task[MODULE]) - set(webex_argument_spec())
        assert passed == module_options(), "missing %s, unknown %s" % (
            sorted(module_options() - passed),
            sorted(passed - module_options()),
        )


def test_the_role_argument_specs_know_every_attendant_field():
    spec = load("roles", "auto_attendant", "meta", "argument_specs.yml")["argument_specs"]["main"]["options"]
    attendant = spec["auto_attendant_defaults"]["options"]
    assert resource_fields() <= set(attendant), sorted(resource_fields() - set(attendant))
    assert set(spec["auto_attendant_list"]["options"]) | set(attendant) >= module_options()


def test_the_filter_passes_every_attendant_field_through():
    passed = set(standard_menus.PASSTHROUGH_FIELDS) | set(standard_menus.RAW_MENU_FIELDS) - {"org_id"}
    assert resource_fields() == passed - {"org_id"}, "missing %s, unknown %s" % (
        sorted(resource_fields() - passed),
        sorted(passed - resource_fields() - {"org_id"}),
    )


def test_the_apply_playbook_passes_every_option():
    calls = tasks_calling(load("playbooks", "apply_auto_attendants.yml"), MODULE)
    for task in calls:
        assert set(task[MODULE]) == module_options(), sorted(module_options() ^ set(task[MODULE]))


def test_the_export_writes_every_resource_field_and_nothing_else():
    exported = set(aa_options.FIELDS) - {"name"}
    assert exported == resource_fields()
    # The export prunes with the module's own spec, so what it writes is what the module accepts.
    options = export.options_from_details({"name": "A", "extension": "12"}, "Headquarters")
    assert set(options) <= module_options()


def test_the_role_passes_every_schedule_option_and_documents_it():
    """webex_schedule's options reach webex_site's schedules from auto_attendant_schedules (each item whole, through
    the role's declaration), and its argument_specs document them."""
    from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as schedule_options
    from ansible_collections.wxc.calling.plugins.plugin_utils.site_declaration import site_declaration

    wanted = set(schedule_options.argument_spec())
    calls = tasks_calling(load("roles", "auto_attendant", "tasks", "main.yml"), "wxc.calling.webex_site")
    assert [task["wxc.calling.webex_site"]["schedules"] for task in calls] == ["{{ __auto_attendant_site.schedules }}"]
    every = {option: option for option in wanted}
    assert site_declaration([], schedules=[every])["schedules"] == [every]
    spec = load("roles", "auto_attendant", "meta", "argument_specs.yml")["argument_specs"]["main"]["options"]
    documented = spec["auto_attendant_schedules"]["options"]
    assert set(documented) - {"org_id"} == wanted
    assert set(documented["holidays"]["options"]) == set(schedule_options.argument_spec()["holidays"]["options"])
