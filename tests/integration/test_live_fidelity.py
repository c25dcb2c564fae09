"""An attendant made elsewhere (Control Hub: fields the module does not know, an operator key's value, the service's
number formats) goes through the shipped export and apply playbooks: exported in the module's options, E.164 only,
and re-applied with no write (tests/simulator/README.md, "Live-verified behaviour").

How the module copes with the rest of what the real service does is tests/component/test_live_fidelity.py.
"""

import copy
import os

import yaml

from tests.integration.runner import run_playbook


class ExportLoader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """Reads an export: strings the export marks !unsafe (never templated by Ansible) are plain strings here."""


ExportLoader.add_constructor("!unsafe", lambda loader, node: loader.construct_scalar(node))

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXPORT_PLAYBOOK = os.path.join(ROOT, "playbooks", "export_auto_attendants.yml")
APPLY_PLAYBOOK = os.path.join(ROOT, "playbooks", "apply_auto_attendants.yml")
CONTROL_HUB = {
    "name": "Made in Control Hub",
    "extension": "2190",
    "phoneNumber": "+19705550012",
    "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "businessHoursMenu": {
        "greeting": "CUSTOM",
        "extensionEnabled": True,
        "futureMenuField": True,
        "audioAnnouncementFile": {
            "id": "ZW50aXR5LWZpbGU",
            "fileName": "own.wav",
            "mediaFileType": "WAV",
            "level": "ENTITY",
        },
        "keyConfigurations": [
            {"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2000"},
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19195559876", "futureKeyField": 1},
            {"key": "*", "action": "RETURN_TO_PREVIOUS_MENU"},
        ],
        "callTreatment": {
            "noInputTimer": "10",
            "actionToBePerformed": {
                "action": "TRANSFER_WITH_PROMPT",
                "transferCallTo": "+19195559877",
                "greeting": "DEFAULT",
            },
        },
    },
    "afterHoursMenu": {
        "greeting": "DEFAULT",
        "extensionEnabled": True,
        "keyConfigurations": [{"key": "0", "action": "EXIT"}],
    },
}


def test_export_of_an_attendant_made_elsewhere_reapplies_with_no_write(sim, tmp_path):
    sim.store_auto_attendant("Headquarters", copy.deepcopy(CONTROL_HUB))
    target = os.path.join(str(tmp_path), "auto_attendants.yml")
    run = run_playbook(EXPORT_PLAYBOOK, sim, extra_vars={"export_file": target})
    assert run.rc == 0, run
    warnings = run.one("Read the auto attendants")["result"].get("warnings", [])
    assert any("key 0" in warning and "Made in Control Hub" in warning for warning in warnings), warnings
    with open(target, encoding="utf-8") as handle:
        text = handle.read()
    exported = yaml.load(text, Loader=ExportLoader)["webex_auto_attendants"][0]
    menu = exported["business_hours_menu"]
    assert "+1-" not in text and "future" not in text.lower()  # E.164 only, nothing the module does not know
    assert menu["audio_announcement_file"]["level"] == "ENTITY"
    assert menu["key_configurations"] == [
        {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19195559876"},
        {"key": "*", "action": "RETURN_TO_PREVIOUS_MENU"},
    ]
    assert menu["call_treatment"]["action_to_be_performed"]["transfer_call_to"] == "+19195559877"
    sim.clear_requests()
    run = run_playbook(APPLY_PLAYBOOK, sim, extra_args=["-e", "@" + target])
    assert run.rc == 0, run
    applied = run.one("Converge the auto attendants and their call forwarding")["result"]
    assert [(obj["kind"], obj["name"], obj["action"], obj["changed"]) for obj in applied["objects"]] == [
        ("auto_attendants", "Made in Control Hub", "nothing", False)
    ]
    assert applied["changed"] is False and sim.writes() == []
