"""The environment of the test suite and of every tool it starts: set by the suite, never taken from the shell.

A user's shell may hold WEBEX_* credentials (the modules fall back to them), ANSIBLE_* settings, and Ansible reads
~/.ansible.cfg or an ansible.cfg in the current directory: each would change what a test sees. tests/conftest.py
calls scrub() before anything else reads the environment; the helpers that start ansible-playbook, ansible-doc or
ansible-runner take their environment from child_environment().
"""

import os

# The suite's own Ansible configuration: with ANSIBLE_CONFIG set, Ansible reads no other file.
ANSIBLE_CONFIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ansible.cfg")
_PREFIXES = ("WEBEX_", "ANSIBLE_")

# What the shell held under those prefixes: only the opt-in real-organisation tests (tests/real) read it.
SHELL = {}
# The ANSIBLE_* settings the suite sets itself (suite_setting), handed to every child.
_SUITE = {}


def scrub():
    """Move the shell's WEBEX_* and ANSIBLE_* variables out of os.environ (into SHELL) and set ANSIBLE_CONFIG."""
    for key in [key for key in os.environ if key.startswith(_PREFIXES)]:
        SHELL[key] = os.environ.pop(key)
    suite_setting("ANSIBLE_CONFIG", ANSIBLE_CONFIG)


def suite_setting(key, value):
    """Set KEY for this process and for every child_environment()."""
    _SUITE[key] = value
    os.environ[key] = value


def child_environment(overrides=None):
    """The environment of a child process: ours without WEBEX_* and ANSIBLE_* but the suite's, then OVERRIDES.

    An override of None removes the variable. Whatever a test may have put into os.environ under those prefixes does
    not reach the child: it gets only what the suite and its caller chose.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith(_PREFIXES)}
    env.update(_SUITE)
    for key, value in (overrides or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env
