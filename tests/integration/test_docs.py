"""Every module's documentation renders with ansible-doc, examples included: one ansible-doc run for all of them."""

import os
import re
import subprocess
import sys

from tests.environment import child_environment

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, "plugins", "modules")) if name.endswith(".py"))
ANSIBLE_DOC = os.path.join(os.path.dirname(sys.executable), "ansible-doc")


def rendered():
    """{module: the text ansible-doc renders for it}, from one run naming every module."""
    proc = subprocess.run(
        [ANSIBLE_DOC] + ["wxc.calling." + module for module in MODULES],
        capture_output=True,
        text=True,
        check=False,
        env=child_environment({"ANSIBLE_NOCOLOR": "1"}),
    )
    assert proc.returncode == 0, proc.stderr
    parts = re.split(r"^> MODULE wxc\.calling\.(\w+) ", proc.stdout, flags=re.M)[1:]
    return dict(zip(parts[0::2], parts[1::2]))


def test_ansible_doc_renders_every_module_with_its_examples():
    docs = rendered()
    assert sorted(docs) == MODULES
    for module, text in docs.items():
        assert "EXAMPLES:" in text and "RETURN VALUES:" in text, module
    # The documentation example of the API is among the examples of webex_auto_attendant.
    assert "Main Line AA - Test" in docs["webex_auto_attendant"] and "+19705550026" in docs["webex_auto_attendant"]
