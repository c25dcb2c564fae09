"""module_defaults: group/wxc.calling.webex reaches every module of the collection."""

import os

import yaml

from tests.integration.runner import run_playbook, write_playbook

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))


def test_group_module_defaults_set_the_connection_of_every_module(sim, tmp_path):
    with open(os.path.join(ROOT, "meta", "runtime.yml"), encoding="utf-8") as runtime:
        group = yaml.safe_load(runtime)["action_groups"]["webex"]
    modules = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, "plugins", "modules")) if name.endswith(".py"))
    assert group == modules or sorted(group) == modules

    tasks = [
        {"name": "Read", "wxc.calling.webex_auto_attendant_info": {"location": "Headquarters"}},
        {
            "name": "Schedule",
            "wxc.calling.webex_schedule": {"location": "Headquarters", "type": "holidays", "name": "Defaults test"},
        },
        {
            "name": "Attendant",
            "wxc.calling.webex_auto_attendant": {
                "location": "Headquarters",
                "name": "Defaults test",
                "extension": "2999",
                "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
                "business_hours_menu": {
                    "greeting": "DEFAULT",
                    "extension_enabled": True,
                    "key_configurations": [{"key": "0", "action": "EXIT"}],
                },
                "after_hours_menu": {
                    "greeting": "DEFAULT",
                    "extension_enabled": True,
                    "key_configurations": [{"key": "0", "action": "EXIT"}],
                },
            },
        },
    ]
    path = write_playbook(tmp_path, tasks)
    with open(path, encoding="utf-8") as handle:
        play = yaml.safe_load(handle)
    play[0]["module_defaults"] = {"group/wxc.calling.webex": {"access_token": sim.token, "api_url": sim.url}}
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(play, handle, sort_keys=False)
    # The environment points elsewhere with a wrong token: only module_defaults can make this work.
    run = run_playbook(path, sim, env={"WEBEX_ACCESS_TOKEN": "not-the-token", "WEBEX_API_URL": "http://127.0.0.1:9/v1"})
    assert run.rc == 0, run
    assert [r["changed"] for r in run.results] == [False, True, True]
    assert [e["method"] for e in sim.writes()] == ["POST", "POST"]
