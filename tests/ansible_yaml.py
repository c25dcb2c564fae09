"""Read YAML the way ansible-playbook reads a vars file (-e @file): the reader of an export, !unsafe tags included."""

from ansible.parsing.yaml.loader import AnsibleLoader


def load(text):
    """TEXT parsed by Ansible's YAML loader (tagged strings compare equal to plain ones)."""
    return AnsibleLoader(text).get_single_data()
