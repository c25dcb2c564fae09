"""Every module's documentation renders with ansible-doc, examples included."""

import os
import subprocess
import sys

import pytest

from tests.environment import child_environment

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, "plugins", "modules")) if name.endswith(".py"))
ANSIBLE_DOC = os.path.join(os.path.dirname(sys.executable), "ansible-doc")


@pytest.mark.parametrize("module", MODULES)
def test_ansible_doc_renders(module):
    proc = subprocess.run(
        [ANSIBLE_DOC, "wxc.calling." + module],
        capture_output=True,
        text=True,
        check=False,
        env=child_environment({"ANSIBLE_NOCOLOR": "1"}),
    )
    assert proc.returncode == 0, proc.stderr
    assert "EXAMPLES:" in proc.stdout and "RETURN VALUES:" in proc.stdout
    assert "wxc.calling." + module in proc.stdout


def test_the_documentation_example_is_in_the_module_examples():
    proc = subprocess.run(
        [ANSIBLE_DOC, "wxc.calling.webex_auto_attendant"],
        capture_output=True,
        text=True,
        check=False,
        env=child_environment(),
    )
    assert "Main Line AA - Test" in proc.stdout and "+19705550026" in proc.stdout
