# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Phone numbers as the service reads them back, made comparable: one normalisation for every resource.

The service reformats some numbers on read-back: a North-American number sent as +19195559876 in an auto attendant
key value or call-treatment transferCallTo reads back as +1-9195559876 (seen live against a real organisation, as
published in the reference notes of the wxcli tool, 2026-10-13). Compare, and send back, only the normalised form.
"""

from __future__ import annotations

import re

# Separators a read-back or a human may put inside a number that starts with "+".
_SEPARATORS = re.compile(r"[\s().-]")
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")


def normalise(value):
    """VALUE in E.164 when it is a number given with "+" (separators dropped: "+1-9195559876" -> "+19195559876").

    Anything else (an extension, an ESN, None, a value that is not a number at all) is returned unchanged.
    """
    if not isinstance(value, str) or not value.startswith("+"):
        return value
    compact = _SEPARATORS.sub("", value)
    return compact if _E164.fullmatch(compact) else value


def same_number(first, second):
    """Whether two numbers (or destinations) are the same once normalised."""
    return normalise(first) == normalise(second)
