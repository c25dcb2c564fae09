"""playbooks/drift_report.yml: webex_site in check mode against a vars file, drift.json and drift.md, fail_on_drift.

Exit codes (docs/docsite/rst/drift_report.rst): 0 when there is no drift, 2 when there is and fail_on_drift is true,
non-zero whatever fail_on_drift says when the plan could not be made. A process has one exit code, so the reports run
in three processes: drift with fail_on_drift (2); every report that exits 0, then a failing location (2); a bad token.
An exit code 0 of a report that is followed by another in the same process shows as no failed task of that report.

Names read from the service (attendants, schedules, greetings, a location) holding Markdown, HTML, Jinja and newlines
stay literal and inert in drift.md and in the call-flow Markdown of the diagram playbook: what the escaping filter does
character by character is tests/unit/plugins/plugin_utils/test_markdown.py; here, that every place that writes a name
from the service goes through it and that nothing templates it.
"""

import html
import json
import os
import re
import uuid

import pytest
import requests
import yaml

from tests.audio_fixtures import pcm_wav, write
from tests.integration.runner import run_playbook
from tests.integration.scenario import create_attendant
from tests.simulator.harness import ROOT

DRIFT_REPORT = os.path.join(ROOT, "playbooks", "drift_report.yml")
DIAGRAM = os.path.join(ROOT, "playbooks", "diagram_auto_attendants.yml")
BUSINESS = "AUTOATTENDANT-BUSINESS-HOURS"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
# An export-shaped vars file: webex_auto_attendant options under webex_auto_attendants.
EXPORT = {
    "webex_auto_attendants": [
        {
            "name": "Drift %d" % number,
            "location": "Headquarters",
            "extension": str(2300 + number),
            "business_schedule": BUSINESS,
            "business_hours_menu": MENU,
            "after_hours_menu": MENU,
        }
        for number in range(3)
    ]
}
COUNTS = ("created", "updated", "deleted", "unchanged", "failed", "skipped", "undeclared", "stale")
PLAN = "Plan every object"
PLAN_ERROR = "Fail when the plan could not be made"


def report(sim, tmp_path, variables, env=None, **extra):
    run = run_playbook(DRIFT_REPORT, sim, extra_vars=dict(variables, drift_report_dir=str(tmp_path), **extra), env=env)
    with open(tmp_path / "drift.json", encoding="utf-8") as handle:
        drift = json.load(handle)
    return run, drift, (tmp_path / "drift.md").read_text(encoding="utf-8")


def assert_counts_are_numbers(drift):
    """drift.json's counts and summary are JSON numbers and its drift a JSON boolean: never text, never a repr."""
    assert isinstance(drift["drift"], bool), drift
    assert sorted(drift["counts"]) == sorted(COUNTS), drift
    assert all(type(value) is int for value in drift["counts"].values()), drift["counts"]  # pylint: disable=unidiomatic-typecheck
    assert all(type(value) is int for kind in drift["summary"].values() for value in kind.values()), drift["summary"]  # pylint: disable=unidiomatic-typecheck


def test_drift_found_is_reported_without_any_write_and_fails_when_asked(sim, tmp_path):
    run, drift, markdown = report(sim, tmp_path, EXPORT, fail_on_drift=True)
    assert run.rc == 2, run
    assert (
        "Drift found: 3 to create, 0 to update, 0 to delete, 0 failed, 0 not attempted, 0 undeclared; see %s/drift.md"
        % tmp_path
        in " ".join(run.one("Fail when drift is found and fail_on_drift is true")["result"]["msg"].split())
    )
    assert sim.writes() == []
    assert_counts_are_numbers(drift)
    assert drift["drift"] is True and drift["error"] is None and drift["counts"]["created"] == 3
    assert drift["summary"]["auto_attendants"]["created"] == 3
    assert [(entry["kind"], entry["name"], entry["action"]) for entry in drift["objects"]] == [
        ("auto_attendants", "Drift 0", "create"),
        ("auto_attendants", "Drift 1", "create"),
        ("auto_attendants", "Drift 2", "create"),
    ]
    # For a creation, the options it sets (sorted).
    assert drift["objects"][0]["differing_fields"] == [
        "after_hours_menu",
        "business_hours_menu",
        "business_schedule",
        "extension",
        "name",
    ]
    assert "**Drift found.** 3 to create, 0 to update,\n0 to delete, 0 as declared, 0 failed," in markdown
    assert "| auto attendants | Drift 1 | Headquarters | create |" in markdown


def test_a_bad_token_fails_the_report_whatever_fail_on_drift_says(sim, tmp_path):
    run, drift, markdown = report(
        sim, tmp_path, EXPORT, env={"WEBEX_ACCESS_TOKEN": "not-the-token"}, fail_on_drift=False
    )
    assert run.rc == 2, run
    assert [entry["task"] for entry in run.results if entry["failed"]] == [PLAN, PLAN_ERROR], run
    assert drift["drift"] is True and "HTTP 401" in drift["error"], drift
    assert_counts_are_numbers(drift)
    assert markdown.startswith("# Drift report of a Webex Calling site\n\n**The plan could not be made:** ")
    assert sim.writes() == []


# -- many reports in one run ----------------------------------------------------------------------------------------

HOSTILE_LOCATION = "Annex `a` | *b* <script>alert(2)</script> {{ 6 * 7 }}\n## injected heading"
HOSTILE_SCHEDULE = "Hours `x` | *y* <b>z</b> {{ 6 * 7 }} {% if true %}t{% endif %}"
HOSTILE_HOLIDAY = "## Closed `c` | *d* <i>e</i> {{ 6 * 7 }}"
HOSTILE_GREETING = "Greeting `g` | *h* <script>x</script> {{ 6 * 7 }}\n{% if true %}t{% endif %}"
HOSTILE_FILE = "greeting `g` | *h* <b> {{ 6 * 7 }}.wav"
HOSTILE_KEY = "Sales `s` | *t* <img src=x onerror=alert(1)> {% raw %}r{% endraw %}"
HOSTILE_ATTENDANT = "Reception `code` | *bold* <script>alert(1)</script> {{ lookup('pipe', 'touch %s') }}\n| row |"
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
MERMAID_LINE = re.compile(
    r'^(flowchart (LR|TB)|  n\d+(\[\[|\(\[|\[/|\{\{|\(\(|\[|\()"[^"]*"(\]\]|\]\)|/\]|\}\}|\)\)|\]|\))'
    r'|  n\d+ -->(\|"[^"]*"\|)? n\d+|  classDef \w+ \S+|  class n\d+(,n\d+)* \w+)$'
)


def shown(name):
    """What a reader sees of NAME in a Markdown report: every character, control characters as spaces."""
    return _CONTROL.sub(" ", name)


def cells(row):
    """The cells of a Markdown table row as a renderer shows them: split at each | that no backslash escapes."""
    found, current, characters = [], [], iter(row.strip())
    for character in characters:
        if character == "\\":
            current.append(next(characters, ""))
        elif character == "|":
            found.append(html.unescape("".join(current)).strip())
            current = []
        else:
            current.append(character)
    assert "".join(current).strip() == "", row  # a row ends with its last |
    return found[1:]


def table_rows(markdown):
    return [line for line in markdown.splitlines() if line.startswith("|")]


def mermaid_labels(block):
    """Every label of a Mermaid block, its entity codes (#60; for <) decoded: what the diagram shows."""
    return [
        re.sub(r"#(\d+);", lambda match: chr(int(match.group(1))), line)
        for label in re.findall(r'"([^"]*)"', block)
        for line in label.split("<br/>")
    ]


def hostile_location(sim, canary):
    """A location of the service whose attendant, schedule, greeting and name hold Markdown, HTML, Jinja (one
    expression would run a command if rendered) and newlines; return its id and the attendant's name."""
    location_id = sim.add_location(HOSTILE_LOCATION)
    response = sim.api(
        "POST",
        "/telephony/config/locations/%s/schedules" % location_id,
        json={"type": "businessHours", "name": HOSTILE_SCHEDULE, "events": []},
    )
    assert response.status_code == 201, response.text
    response = sim.api(
        "POST",
        "/telephony/config/locations/%s/schedules" % location_id,
        json={"type": "holidays", "name": HOSTILE_HOLIDAY, "events": []},
    )
    assert response.status_code == 201, response.text
    response = requests.post(
        "%s/telephony/config/locations/%s/announcements" % (sim.url, location_id),
        data={"name": HOSTILE_GREETING},
        files={"file": (HOSTILE_FILE, pcm_wav(), "audio/wav")},
        headers={"Authorization": "Bearer %s" % sim.token},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    audio = {"id": response.json()["id"], "fileName": HOSTILE_FILE, "mediaFileType": "WAV", "level": "LOCATION"}
    attendant = HOSTILE_ATTENDANT % canary
    keys = [{"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000", "description": HOSTILE_KEY}]
    sim.store_auto_attendant(
        location_id,
        {
            "name": attendant,
            "extension": "2790",
            "businessSchedule": HOSTILE_SCHEDULE,
            "businessHoursMenu": {
                "greeting": "CUSTOM",
                "audioAnnouncementFile": audio,
                "extensionEnabled": True,
                "keyConfigurations": keys,
            },
            "afterHoursMenu": {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": keys},
        },
    )
    return location_id, attendant


def declared_in(location_id):
    """webex_site options that manage every kind in LOCATION_ID, so that what else is there is undeclared."""
    return {
        "schedules": [{"location": location_id, "type": "business_hours", "name": "Declared hours", "events": []}],
        "announcements": [{"location": location_id, "name": "Declared greeting", "text": "Welcome", "voice": "ashley"}],
        "auto_attendants": [
            dict(
                name="Declared AA",
                location=location_id,
                extension="2791",
                business_schedule="Declared hours",
                business_hours_menu=MENU,
                after_hours_menu=MENU,
            )
        ],
    }


def out_of_band_site(start_time="08:00", forwarding=False):
    """webex_site options for a schedule, an attendant using it and its forwarding in Headquarters Annex; with another
    START_TIME and FORWARDING, what someone changes behind the declaration's back."""
    annex = "Headquarters Annex"
    event = {
        "name": "Weekdays",
        "start_date": "2026-01-05",
        "end_date": "2026-01-05",
        "start_time": start_time,
        "end_time": "17:00",
        "recurrence": {"recur_weekly": {"monday": True, "friday": True}},
    }
    return {
        "schedules": [{"location": annex, "type": "business_hours", "name": "Annex hours", "events": [event]}],
        "auto_attendants": [
            dict(
                name="Annex desk",
                location=annex,
                extension="2380",
                business_schedule="Annex hours",
                business_hours_menu=MENU,
                after_hours_menu=MENU,
            )
        ],
        "forwarding": [
            {
                "location": annex,
                "auto_attendant": "Annex desk",
                "always": {"enabled": True, "destination": "2301"} if forwarding else {"enabled": False},
            }
        ],
    }


def control(sim, name, path, body):
    """A task of the playbook that calls the simulator's control API (no token: it is not the Webex API)."""
    return {
        "name": name,
        "ansible.builtin.uri": {
            "url": sim.base_url + "/_sim/" + path,
            "method": "POST",
            "body_format": "json",
            "body": body,
            "status_code": [200, 201],
        },
    }


@pytest.fixture(name="canary")
def fixture_canary():
    path = "/tmp/wxc-canary-%s" % uuid.uuid4().hex[:12]
    yield path
    if os.path.exists(path):
        os.unlink(path)


def test_reports_in_one_run_then_a_failing_location_fails_it(sim, tmp_path, canary):
    """One process, one report per case (each its own drift_report_dir), the diagram playbook among them:

    - the declaration as it is (fail_on_drift: no failure), then an attendant made behind its back and one extension
      changed (drift), then only that attendant (drift: undeclared objects are drift), then the same with
      drift_undeclared false and fail_on_drift (no drift, no failure);
    - a schedule, an attendant and its forwarding applied, reported (no drift), then the schedule's event and the
      forwarding changed out of band: drift, naming both;
    - a relative greeting file: from the directory of drift_vars_file given as a variable (the role's variables), from
      the shell's working directory without it, and through the AWX wrapper the guide shows (include_vars of the
      role's variables, drift_vars_file set as a fact from the wrapper's playbook_dir);
    - names from the service holding Markdown, HTML, Jinja and newlines: literal and inert in drift.md and
      call-flows.md;
    - the stale holiday schedules of the managed locations, listed;
    - last, a location whose reads fail and one that does not exist: with fail_on_drift false, the run fails.
    """
    for entry in EXPORT["webex_auto_attendants"]:
        create_attendant(sim, entry["name"], entry["extension"])
    changed = json.loads(json.dumps(EXPORT))
    changed["webex_auto_attendants"][1]["extension"] = "2399"
    hostile_id, hostile_attendant = hostile_location(sim, canary)
    project, site, cwd = tmp_path / "project", tmp_path / "site", tmp_path / "cwd"
    for directory in (project / "sites" / "files", site / "files", cwd / "files"):
        directory.mkdir(parents=True)
    write(project / "sites" / "files", "wrapper-welcome.wav", pcm_wav(seconds=2, rate=16000))
    write(site / "files", "site-welcome.wav", pcm_wav(seconds=2, rate=16000))
    write(cwd / "files", "cwd-welcome.wav", pcm_wav(seconds=2, rate=16000))

    def role_variables(name, extension, greeting_file):
        return {
            "auto_attendant_defaults": {"business_schedule": BUSINESS},
            "auto_attendant_list": [
                {
                    "name": name,
                    "location": "Branch Office Denver",
                    "extension": extension,
                    "business_hours": {"operator": "1000", "greeting_file": greeting_file},
                }
            ],
        }

    vars_file = site / "site.yml"
    vars_file.write_text(yaml.safe_dump(role_variables("Path AA", "2400", "files/site-welcome.wav")), encoding="utf-8")
    wrapper_vars = role_variables("Wrapper AA", "2401", "files/wrapper-welcome.wav")
    (project / "sites" / "site.yml").write_text(yaml.safe_dump(wrapper_vars), encoding="utf-8")
    greeting_in_cwd = {
        "announcements": [{"name": "Cwd welcome", "location": "Branch Office Austin", "path": "files/cwd-welcome.wav"}]
    }
    out_of_band = out_of_band_site()
    failing = {
        "webex_auto_attendants": [
            dict(EXPORT["webex_auto_attendants"][0], name="Fine", location="Headquarters Annex"),
            dict(EXPORT["webex_auto_attendants"][0], name="Unreadable", location="Branch Office Austin"),
            dict(EXPORT["webex_auto_attendants"][0], name="Nowhere AA", location="No Such Location"),
        ]
    }
    reports = {
        "same": dict(EXPORT, fail_on_drift=True),
        "different": changed,
        "undeclared": dict(EXPORT),
        "undeclared-off": dict(EXPORT, drift_undeclared=False, fail_on_drift=True),
        "vars-file": dict(role_variables("Path AA", "2400", "files/site-welcome.wav"), drift_vars_file=str(vars_file)),
        "cwd": {"webex_site": greeting_in_cwd},
        # The annex's own seeded schedules are undeclared: not counted, so that only the changes are drift.
        "oob-same": {"webex_site": out_of_band, "fail_on_drift": True, "drift_undeclared": False},
        "oob-changed": {"webex_site": out_of_band, "drift_undeclared": False},
        "hostile": {"webex_site": declared_in(hostile_id)},
        "wrapper": {},
        "failing": dict(failing, fail_on_drift=False),
    }
    directories = {case: tmp_path / "reports" / case for case in reports}
    for directory in directories.values():
        directory.mkdir(parents=True)

    def drift_play(case):
        return {"import_playbook": DRIFT_REPORT, "vars": dict(reports[case], drift_report_dir=str(directories[case]))}

    def tasks(name, *entries):
        return {"name": name, "hosts": "localhost", "gather_facts": False, "tasks": list(entries)}

    def apply(name, declaration):
        return tasks(name, {"name": name, "wxc.calling.webex_site": declaration})

    austin = sim.location_id("Branch Office Austin")
    flows = tmp_path / "reports" / "call-flows.md"
    plays = [
        drift_play("same"),
        tasks(
            "Behind the back",
            control(
                sim,
                "Seed Stray 0001",
                "seed_auto_attendants",
                {"location": "Headquarters", "count": 1, "prefix": "Stray "},
            ),
        ),  # fmt: skip
        drift_play("different"),
        drift_play("undeclared"),
        drift_play("undeclared-off"),
        drift_play("vars-file"),
        drift_play("cwd"),  # before the wrapper sets drift_vars_file as a fact
        apply("Apply the annex", out_of_band),
        drift_play("oob-same"),
        apply("Change the annex out of band", out_of_band_site(start_time="07:00", forwarding=True)),
        drift_play("oob-changed"),
        drift_play("hostile"),
        {
            "import_playbook": DIAGRAM,
            "vars": {"diagram_file": str(flows), "diagram_location": hostile_id, "diagram_svg": False},
        },  # fmt: skip
        # The AWX wrapper of the guide: the project's vars file, and drift_vars_file as a fact of the wrapper's own
        # play (an imported playbook's playbook_dir is its own directory in the collection).
        tasks(
            "The wrapper of the guide",
            {"name": "Read the vars file of the project", "ansible.builtin.include_vars": "sites/site.yml"},
            {
                "name": "Relative files are the vars file's",
                "ansible.builtin.set_fact": {"drift_vars_file": "{{ playbook_dir }}/sites/site.yml"},
            },
        ),  # fmt: skip
        drift_play("wrapper"),
        tasks(
            "Austin fails",
            control(
                sim,
                "Fail the reads of Austin",
                "faults",
                {"method": "GET", "path": "/locations/%s/" % austin, "status": 403, "count": 100},
            ),
        ),  # fmt: skip
        drift_play("failing"),
    ]
    sim.clear_requests()
    run = run_playbook(write_plays(project, plays), sim, env={"PWD": str(cwd)})
    annex = sim.location_id("Headquarters Annex")
    assert [entry for entry in sim.writes() if annex not in entry["path"]] == []  # only the two applies wrote
    assert not os.path.exists(canary), "a name read from the service was templated on the controller"

    # Exit codes: every report but the last ran without a failed task (exit code 0 had it been alone); the last failed
    # because the plan could not be made, although fail_on_drift was false.
    failures = [(entry["task"], entry["result"].get("msg")) for entry in run.results if entry["failed"]]
    assert run.rc == 2 and [task for task, _msg in failures] == [PLAN, PLAN_ERROR], failures
    assert [entry["status"] for entry in run.task(PLAN)] == ["ok"] * 10 + ["failed"], failures
    assert run.results[-1]["task"] == PLAN_ERROR
    drift = {}
    markdown = {}
    for case, directory in directories.items():
        drift[case], markdown[case] = read_report(directory)
        assert_counts_are_numbers(drift[case])
        assert (drift[case]["error"] is None) is (case != "failing"), (case, drift[case]["error"])

    # The declaration as it is: no drift.
    assert drift["same"]["drift"] is False and drift["same"]["counts"]["unchanged"] == 3
    assert drift["same"]["undeclared"] == []
    assert "**No drift.** All 3 declared objects are as declared." in markdown["same"]
    # A changed extension and an attendant made behind the declaration's back.
    assert drift["different"]["drift"] is True
    assert drift["different"]["summary"]["auto_attendants"] == {
        "created": 0,
        "updated": 1,
        "deleted": 0,
        "unchanged": 2,
        "failed": 0,
        "skipped": 0,
    }
    assert [entry["differing_fields"] for entry in drift["different"]["objects"]] == [[], ["extension"], []]
    assert [(entry["kind"], entry["name"]) for entry in drift["different"]["undeclared"]] == [
        ("auto_attendants", "Stray 0001")
    ]
    assert drift["different"]["counts"]["undeclared"] == 1 and drift["different"]["counts"]["updated"] == 1
    assert "**Drift found.** 0 to create, 1 to update,\n0 to delete, 2 as declared," in markdown["different"]
    assert "| auto attendants | Drift 1 | Headquarters | update | extension |" in markdown["different"]
    assert "| auto attendants | Stray 0001 | Headquarters | 7000 |" in markdown["different"]
    # Only the undeclared attendant: drift; not with drift_undeclared false (and fail_on_drift did not fail the run).
    assert drift["undeclared"]["drift"] is True
    assert {key: value for key, value in drift["undeclared"]["counts"].items() if value} == {
        "unchanged": 3,
        "undeclared": 1,
        "stale": 1,
    }
    assert "1 undeclared." in markdown["undeclared"]
    assert drift["undeclared-off"]["drift"] is False and drift["undeclared-off"]["counts"]["undeclared"] == 1
    assert "**No drift.**" in markdown["undeclared-off"]

    # Relative greeting files: from drift_vars_file's directory (a variable; a fact set by the importing playbook).
    assert [(entry["kind"], entry["name"], entry["action"]) for entry in drift["vars-file"]["objects"]] == [
        ("announcements", "site-welcome.wav", "create"),
        ("auto_attendants", "Path AA", "create"),
    ]
    assert [(entry["kind"], entry["name"], entry["action"]) for entry in drift["cwd"]["objects"]] == [
        ("announcements", "Cwd welcome", "create")
    ]
    assert [(entry["kind"], entry["name"], entry["action"]) for entry in drift["wrapper"]["objects"]] == [
        ("announcements", "wrapper-welcome.wav", "create"),
        ("auto_attendants", "Wrapper AA", "create"),
    ]

    # Every kind is compared: as applied, no drift; the schedule's event and the forwarding changed out of band, drift.
    assert drift["oob-same"]["drift"] is False, drift["oob-same"]
    assert [entry["action"] for entry in drift["oob-same"]["objects"]] == ["nothing"] * 3
    assert [
        (entry["kind"], entry["action"], entry["differing_fields"]) for entry in drift["oob-changed"]["objects"]
    ] == [
        ("schedules", "update", ["events (Weekdays)"]),
        ("auto_attendants", "nothing", []),
        ("forwarding", "update", ["always.enabled"]),
    ]
    assert drift["oob-changed"]["drift"] is True and drift["oob-changed"]["counts"]["updated"] == 2
    assert (
        "| schedules | Annex hours | Headquarters Annex | update | events \\(Weekdays\\) |" in markdown["oob-changed"]
    )
    assert "| forwarding | Annex desk | Headquarters Annex | update | always\\.enabled |" in markdown["oob-changed"]

    # The stale holiday schedules of the managed locations (the seed's holidays of 2025), listed, not drift.
    assert drift["same"]["stale_holiday_schedules"] == [
        {
            "name": "AUTOATTENDANT-HOLIDAY",
            "location": "Headquarters",
            "location_id": sim.location_id("Headquarters"),
            "stale_reason": "its last event ended on 2025-12-26",
        }
    ]
    assert drift["same"]["counts"]["stale"] == 1 and drift["same"]["drift"] is False
    assert "| AUTOATTENDANT\\-HOLIDAY | Headquarters | its last event ended on 2025\\-12\\-26 |" in markdown["same"]

    # Names from the service: exact in drift.json; literal, on one row, and inert in drift.md.
    hostile_names = {
        ("auto_attendants", hostile_attendant),
        ("schedules", HOSTILE_SCHEDULE),
        ("schedules", HOSTILE_HOLIDAY),
        ("announcements", HOSTILE_GREETING),
    }
    undeclared = {(entry["kind"], entry["name"]) for entry in drift["hostile"]["undeclared"]}
    assert hostile_names <= undeclared, undeclared
    tables, stale_table = markdown["hostile"].split("## Stale holiday schedules")
    rows, stale_rows = table_rows(tables), table_rows(stale_table)
    assert all(len(cells(row)) == 5 for row in rows), rows
    shown_rows = {(row[0], row[1]) for row in map(cells, rows)}
    for kind, name in hostile_names:
        assert (kind.replace("_", " "), shown(name)) in shown_rows, (kind, name, rows)
    assert sorted(cells(row) for row in stale_rows[2:]) == [
        [shown(HOSTILE_HOLIDAY), shown(HOSTILE_LOCATION), "it has no events"],
        ["AUTOATTENDANT-HOLIDAY", shown(HOSTILE_LOCATION), "its last event ended on 2025-12-26"],
    ]
    rows += stale_rows
    unescaped = re.sub(r"\\.", "", "\n".join(rows))  # the table once every backslash escape is taken out
    for raw in ("<", ">", "`", "*", "{"):  # no HTML, no code span, no emphasis, no template: each one escaped
        assert raw not in unescaped, raw

    # The call-flow Markdown of the same location, read from the service: one heading line, one intact Mermaid block
    # (every line a node, an edge or a class), every name shown as it is.
    flow = flows.read_text(encoding="utf-8")
    headings = [line for line in flow.splitlines() if line.startswith("#")]
    assert [html.unescape(re.sub(r"\\(.)", r"\1", line)) for line in headings] == [
        "# Call flows",
        "## " + shown(HOSTILE_LOCATION),
    ]
    [block] = re.findall(r"^```mermaid\n(.*?)^```$", flow, re.S | re.M)
    assert len([line for line in flow.splitlines() if line.startswith("```")]) == 2
    assert all(MERMAID_LINE.match(line) for line in block.splitlines()), block
    labels = mermaid_labels(block)
    for expected in (
        hostile_attendant,
        "schedule: " + HOSTILE_SCHEDULE,
        "greeting: " + HOSTILE_FILE,
        "1: " + HOSTILE_KEY,
    ):
        assert expected in labels, (expected, labels)
    for raw in ("<script", "<b>", "<img", "{{", "{%"):
        assert raw not in flow, raw

    # A failing location: the report names it, and what could be planned is there.
    failed = drift["failing"]
    assert failed["drift"] is True and "HTTP 403" in failed["error"]
    assert [(entry["name"], entry["action"], entry["failed"]) for entry in failed["objects"]] == [
        ("Fine", "create", False),
        ("Unreadable", None, True),
        ("Nowhere AA", None, True),
    ]
    assert "**The plan could not be made:** " in markdown["failing"]


def write_plays(directory, plays):
    path = os.path.join(str(directory), "drift_reports.yml")
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(plays, handle, sort_keys=False)
    return path


def read_report(directory):
    with open(directory / "drift.json", encoding="utf-8") as handle:
        drift = json.load(handle)
    return drift, (directory / "drift.md").read_text(encoding="utf-8")
