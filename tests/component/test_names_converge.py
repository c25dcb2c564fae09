"""Names with quotes, backslashes, unicode and spaces converge (issue 33): a second run changes nothing, wherever a
name is compared: greetings (and the local file name a greeting is stored under), schedules, events, forwarding rules
and attendants, through each module and through the site engine with the role's declaration (greeting_file).

The greeting file name is the case that did not converge: a multipart file name cannot carry `"` and `\\` the same
way to every server (urllib3 and browsers percent-encode a quote, RFC 2045 parsers read a backslash as an escape), so
a local file is stored under audio_files.stored_file_name(), and everything that compares a local file's name uses
that one function.

Each task is the module's work computed in this process as run_module() computes it (helpers.task_result), against
the simulator over HTTP.
"""

import os

import pytest

from ansible_collections.wxc.calling.plugins.plugin_utils.site_declaration import site_declaration
from tests.audio_fixtures import pcm_wav, write
from tests.builders import (
    AA_MODULE,
    ANNOUNCEMENT_MODULE,
    EXIT_KEY,
    FORWARDING_MODULE,
    HQ,
    SATURDAY,
    SCHEDULE_MODULE,
    SITE_MODULE,
    aa_options,
    key,
    menu,
    schedule_options,
)
from tests.component.helpers import task_result

NAMES = {
    "quotes and backslashes": 'Quote "this" and \\ back \\"',
    "unicode": "Café Zürich – Empfang ☎",
    "spaces": "two  spaces  and a tab-free end",
}


def twice(client, module, args):
    """The first and the second run of one task: the first changes, the second does not."""
    first, second = task_result(client, module, args), task_result(client, module, args)
    assert not first["failed"] and first["changed"] is True, first
    assert not second["failed"] and second["changed"] is False, second
    return first, second


def greeting_file(tmp_path, name):
    return str(write(tmp_path, name + ".wav", pcm_wav(seconds=6)))


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_a_greeting_file_of_any_name_is_uploaded_once(sim, client, tmp_path, kind):
    path = greeting_file(tmp_path, NAMES[kind])
    first, _second = twice(client, ANNOUNCEMENT_MODULE, {"name": NAMES[kind], "path": path})
    assert first["announcement"]["name"] == NAMES[kind]
    assert [entry["method"] for entry in sim.writes()] == ["POST"]


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_schedules_events_attendants_and_rules_of_any_name_converge(sim, client, kind):
    name = NAMES[kind]
    twice(client, SCHEDULE_MODULE, schedule_options(name=name, events=[dict(SATURDAY, name=name)]))
    twice(client, AA_MODULE, aa_options(name=name, business_schedule=name))
    # an attendant named in another's key: the reference is resolved by that name
    referrer = aa_options(
        name="Referrer",
        extension="2101",
        business_hours_menu=menu(key(1, "TRANSFER_WITHOUT_PROMPT", auto_attendant=name), EXIT_KEY),
    )
    twice(client, AA_MODULE, referrer)
    rule = {
        "name": name,
        "business_schedule": name,
        "forward_to": {"selection": "DO_NOT_FORWARD"},
        "calls_from": {"selection": "ANY"},
    }
    twice(client, FORWARDING_MODULE, {"location": HQ, "auto_attendant": name, "rules": [rule]})


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_the_role_declaration_of_any_name_converges_through_the_engine(sim, client, tmp_path, kind):
    name = NAMES[kind]
    path = greeting_file(tmp_path, name)
    menu = {"greeting_file": os.path.basename(path), "operator": "2000", "keys": [{"key": "9", "action": "EXIT"}]}
    declared = site_declaration(
        [{"name": name, "location": HQ, "extension": "2400", "business_schedule": name, "business_hours": menu}],
        schedules=[dict(schedule_options(name=name, events=[dict(SATURDAY, name=name)]), location=HQ)],
        base_dir=str(tmp_path),
    )
    first, second = task_result(client, SITE_MODULE, declared), task_result(client, SITE_MODULE, declared)
    assert not first["failed"] and first["changed"] is True, first
    assert not second["failed"] and second["changed"] is False, [
        (entry["kind"], entry["action"], entry["differing_fields"]) for entry in second["objects"]
    ]
