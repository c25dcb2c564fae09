"""Stand-in for ansible-test's pip bootstrap script (get-pip.py), which it would download from a host we cannot reach.

ansible-test runs it as __main__ in each new sanity venv with arguments like
`--disable-pip-version-check pip==24.2 --no-setuptools --no-wheel`. As get-pip.py does, it runs a pip wheel to install
the requested pip, here the wheel Python bundles for ensurepip: one install, without setuptools (ensurepip's
--default-pip would add it) and without compiling pip's files (make test shares the CPU with the suite). Where Python
bundles no wheel (some distributions' builds), ensurepip installs pip first.
"""

import ensurepip
import glob
import os
import subprocess
import sys

ARGS = [arg for arg in sys.argv[1:] if arg not in ("--no-setuptools", "--no-wheel")]
BUNDLED = sorted(glob.glob(os.path.join(os.path.dirname(ensurepip.__file__), "_bundled", "pip-*.whl")))

if BUNDLED:
    # A wheel is a zip Python can import from: its pip package runs as `python WHEEL/pip`.
    pip = [sys.executable, os.path.join(BUNDLED[-1], "pip")]
else:
    subprocess.run([sys.executable, "-m", "ensurepip", "--upgrade"], stdout=subprocess.DEVNULL, check=True)
    pip = [sys.executable, "-m", "pip"]
subprocess.run(pip + ["install", "--quiet", "--no-compile"] + ARGS, check=True)
