"""Every module's DOCUMENTATION describes exactly the argument spec the module runs with, at every depth.

ansible-test's validate-modules checks the same in `make sanity`; this is the unit-test form of it, so the check runs
in the ordinary suite and in `make mutation` (a changed type, choice, default or requirement in a resource's
argument_spec() is a documented option that no longer behaves as documented).
"""

import importlib
import os

import pytest
import yaml

from ansible_collections.wxc.calling.plugins.doc_fragments.webex import ModuleDocFragment
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import webex_argument_spec

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, "plugins", "modules")) if name.endswith(".py"))
# What AnsibleModule assumes when the spec leaves it out, and ansible-doc when the documentation does.
IMPLIED = {"type": "str", "required": False, "default": None, "choices": None, "elements": None}


def spec_of(module_name, monkeypatch):
    """The argument spec MODULE_NAME's main() hands to run_module (connection options included, as run_module does)."""
    module = importlib.import_module("ansible_collections.wxc.calling.plugins.modules." + module_name)
    captured = {}

    def fake_run_module(argument_spec, run, validate=None, **kwargs):
        captured["spec"] = dict(argument_spec, **webex_argument_spec())

    monkeypatch.setattr(module, "run_module", fake_run_module)
    module.main()
    return captured["spec"]


def documented_options(module_name):
    module = importlib.import_module("ansible_collections.wxc.calling.plugins.modules." + module_name)
    documentation = yaml.safe_load(module.DOCUMENTATION)
    options = dict(documentation.get("options") or {})
    if "wxc.calling.webex" in documentation.get("extends_documentation_fragment", []):
        options.update(yaml.safe_load(ModuleDocFragment.DOCUMENTATION)["options"])
    return options


def differences(path, spec, docs):
    """Lines naming each way SPEC (argument spec options) and DOCS (documented options) disagree."""
    found = []
    for name in sorted(set(spec) | set(docs)):
        where = path + name
        if name not in docs:
            found.append("%s: in the argument spec, not documented" % where)
            continue
        if name not in spec:
            found.append("%s: documented, not in the argument spec" % where)
            continue
        for field, implied in IMPLIED.items():
            have, said = spec[name].get(field, implied), docs[name].get(field, implied)
            if have != said:
                found.append("%s: %s is %r in the spec, documented as %r" % (where, field, have, said))
        if sorted(spec[name].get("aliases") or []) != sorted(docs[name].get("aliases") or []):
            found.append("%s: aliases differ" % where)
        found += differences(where + ".", spec[name].get("options") or {}, docs[name].get("suboptions") or {})
    return found


@pytest.mark.parametrize("module_name", MODULES)
def test_the_documentation_is_the_argument_spec(module_name, monkeypatch):
    assert differences("", spec_of(module_name, monkeypatch), documented_options(module_name)) == []


def test_a_difference_is_seen():
    """The comparison itself: a changed type, a dropped choice and an undocumented suboption are each reported."""
    docs = {"level": {"type": "str", "choices": ["A", "B"]}, "menu": {"type": "dict", "suboptions": {}}}
    spec = {"level": {"type": "raw", "choices": ["A"]}, "menu": {"type": "dict", "options": {"key": {}}}}
    assert differences("", spec, docs) == [
        "level: type is 'raw' in the spec, documented as 'str'",
        "level: choices is ['A'] in the spec, documented as ['A', 'B']",
        "menu.key: in the argument spec, not documented",
    ]
