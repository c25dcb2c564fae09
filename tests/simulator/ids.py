"""Webex-style ids: base64 of a ``ciscospark://`` URI with the outer padding stripped."""

import base64
import random
import string


def b64(text):
    """Return standard base64 of text (padding kept)."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def webex_id(kind, payload):
    """Return the Webex id of an object of kind (e.g. LOCATION) whose URI ends with payload."""
    return b64("ciscospark://us/%s/%s" % (kind, payload)).rstrip("=")


def schedule_id(name):
    """Schedule ids encode the schedule name, which is why they change on rename."""
    return webex_id("SCHEDULE", b64(name).rstrip("="))


def new_auto_attendant_id(org_number, rng=None):
    """Return a fresh auto-attendant id shaped like the real ones.

    Ids whose base64 holds ``+`` or ``/`` are redrawn so that they are always safe in a URL path segment.
    """
    rng = rng or random.SystemRandom()
    while True:
        user = "".join(rng.choice(string.ascii_lowercase + string.digits) for _index in range(10))
        ident = webex_id("AUTO_ATTENDANT", b64("%s@%s.int10.bcld.webex.com" % (user, org_number)))
        if ident.isalnum():
            return ident
