"""Stand-in for ansible-test's pip bootstrap script (get-pip.py), which it would download from a host we cannot reach.

ansible-test runs it as __main__ with arguments like `--disable-pip-version-check pip==24.2 --no-setuptools --no-wheel`.
"""

import subprocess
import sys

ARGS = [arg for arg in sys.argv[1:] if arg not in ("--no-setuptools", "--no-wheel")]
subprocess.run([sys.executable, "-m", "ensurepip", "--upgrade", "--default-pip"], stdout=subprocess.DEVNULL, check=True)
subprocess.run([sys.executable, "-m", "pip", "install", "--quiet"] + ARGS, check=True)
