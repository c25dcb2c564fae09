"""The secret scan every integration run goes through: no token, client secret or refresh token in any output.

run_playbook() calls assert_no_secret() on every ansible-playbook run (stdout, stderr, the recorded task results and
the simulator's request log), so a test that leaks a secret fails even when it asserts nothing about secrets.
The secrets are the simulator's own (its tokens, client secret, refresh token and the prefix of every token it mints)
and every secret-looking value the run was given (environment variables, extra vars, the caller's list).
"""

import json
from urllib.parse import quote, quote_plus

MINTED_PREFIX = "wxc-sim-minted-"  # every access token the simulator mints starts with it
SECRET_ENV = ("WEBEX_ACCESS_TOKEN", "WEBEX_CLIENT_SECRET", "WEBEX_REFRESH_TOKEN")
SECRET_WORDS = ("token", "secret", "password")
# Shorter values are not searched for: they would match ordinary text (and a real secret is never this short).
MIN_SECRET_LENGTH = 8


def simulator_secrets(sim):
    """What the simulator treats as secret: name -> value."""
    found = {
        "access token": sim.token,
        "read-only token": sim.read_only_token,
        "client secret": sim.client_secret,
        "refresh token": sim.refresh_token,
        "minted token": MINTED_PREFIX,
    }
    return {name: value for name, value in found.items() if value}


def _secret_values(value, name=""):
    """(name, string) for every string under a key that names a secret (token, secret, password), at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _secret_values(item, "%s.%s" % (name, key) if name else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _secret_values(item, "%s[%d]" % (name, index))
    elif isinstance(value, str) and any(word in name.lower().rsplit(".", 1)[-1] for word in SECRET_WORDS):
        yield name, value


def run_secrets(sim=None, env=None, extra_vars=None, extra=None):
    """Every secret of one run: name -> value (stripped of surrounding whitespace, the core a leak always contains)."""
    found = dict(simulator_secrets(sim)) if sim is not None else {}
    for key in SECRET_ENV:
        if (env or {}).get(key):
            found["environment " + key] = env[key]
    for name, value in _secret_values(extra_vars or {}):
        found["extra var " + name] = value
    found.update(extra or {})
    return {name: value.strip() for name, value in found.items() if len(value.strip()) >= MIN_SECRET_LENGTH}


def forms(secret):
    """The ways SECRET can be written in output: as is, JSON- or repr-escaped, URL-quoted, and its inner parts.

    A secret with inner whitespace is also searched for piece by piece: a message may show one line of it.
    """
    found = {secret, json.dumps(secret)[1:-1], repr(secret)[1:-1], quote(secret, safe=""), quote_plus(secret)}
    found.update(part for part in secret.split() if len(part) >= MIN_SECRET_LENGTH)
    return {form for form in found if form}


def assert_no_secret(places, secrets):
    """Fail naming the secret and the place when any form of a secret in SECRETS appears in PLACES (name -> text)."""
    for what, secret in secrets.items():
        for form in forms(secret):
            for where, text in places.items():
                assert form not in text, "the %s appears in %s (secret scan)" % (what, where)
