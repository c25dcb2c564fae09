"""The suite passes whatever the user's shell holds: WEBEX_* credentials, ANSIBLE_* settings, an ansible.cfg.

A small, representative selection of the suite runs in a child pytest whose shell is hostile: a module run in process
(the modules fall back to the WEBEX_* variables), a playbook against the simulator, and ansible-doc.
"""

import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
SELECTION = [
    "tests/unit/plugins/module_utils/test_resource.py::test_run_module_adds_the_connection_options",
    "tests/integration/test_webex_auto_attendant.py::test_documentation_example_check_create_check_apply",
    "tests/integration/test_docs.py::test_ansible_doc_renders_every_module_with_its_examples",
]
# Each of these alone breaks one of the tests above, or did before the suite set its own environment.
HOSTILE_CONFIG = """\
[defaults]
stdout_callback = ansible.builtin.oneline
callbacks_enabled = ansible.builtin.junit
nocolor = False
force_color = True
collections_path = {elsewhere}
roles_path = {elsewhere}
inventory = {elsewhere}/hosts
display_args_to_stdout = True
check_mode_markers = True
"""


def hostile_environment(tmp_path):
    elsewhere = str(tmp_path / "elsewhere")
    config = HOSTILE_CONFIG.format(elsewhere=elsewhere)
    home = tmp_path / "home"
    home.mkdir()
    (home / ".ansible.cfg").write_text(config, encoding="utf-8")
    (tmp_path / "hostile.cfg").write_text(config, encoding="utf-8")
    (tmp_path / "ansible.cfg").write_text(config, encoding="utf-8")  # in the child's working directory
    env = dict(os.environ, HOME=str(home), ANSIBLE_CONFIG=str(tmp_path / "hostile.cfg"))
    for name in ("ACCESS_TOKEN", "API_URL", "ORG_ID", "CLIENT_ID", "CLIENT_SECRET", "REFRESH_TOKEN"):
        env["WEBEX_" + name] = "junk-" + name.lower()
    env["WEBEX_API_URL"] = "http://127.0.0.1:9/v1"
    env.update(
        {
            "ANSIBLE_STDOUT_CALLBACK": "ansible.builtin.minimal",
            "ANSIBLE_CALLBACKS_ENABLED": "ansible.builtin.junit",
            "ANSIBLE_LOAD_CALLBACK_PLUGINS": "1",
            "ANSIBLE_COLLECTIONS_PATH": elsewhere,
            "ANSIBLE_ROLES_PATH": elsewhere,
            "ANSIBLE_INVENTORY": elsewhere + "/hosts",
            "ANSIBLE_CHECK_MODE_MARKERS": "1",
            "ANSIBLE_DISPLAY_ARGS_TO_STDOUT": "1",
            "ANSIBLE_FORCE_COLOR": "1",
            "ANSIBLE_NOCOLOR": "0",
        }
    )
    return env


def test_a_selection_of_the_suite_passes_in_a_hostile_shell(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--rootdir", ROOT] + [os.path.join(ROOT, test) for test in SELECTION],
        cwd=str(tmp_path),
        env=hostile_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "%d passed" % len(SELECTION) in proc.stdout, proc.stdout
