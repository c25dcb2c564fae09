# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Phone numbers, extensions and transfer destinations: the one home of every number rule of the collection.

What the service does with numbers (reference notes, section 15, verified against a real organisation):
- a North-American number sent in an auto attendant key as +19195559876 reads back as +1-9195559876;
- call forwarding rules read NANP numbers back without their +: 9195559876;
- a forwarding ``always.destination`` reads back as sent.

So there are three forms, each with one function:
- ``compact(value)``: what is sent: the value without separators (+1 970-555-0006 -> +19705550006);
- ``normalise(value)``: what is shown and exported: a number given with + in E.164 (+1-9195559876 -> +19195559876),
  anything else (an extension, an ESN) unchanged;
- ``canonical(value)``: what is compared: ``compact``, and a ten-digit NANP number without + as +1 and its digits
  (the forwarding read-back form). ``same_number(a, b)`` compares two values in that form.
"""

from __future__ import annotations

import re

# Separators a read-back or a human may put inside a number.
SEPARATORS = re.compile(r"[\s().-]")
E164 = re.compile(r"^\+[1-9][0-9]{1,14}\Z")
EXTENSION = re.compile(r"^[0-9]{2,10}\Z")
# A transfer destination: an E.164 number, or an extension or an ESN (routing prefix + extension).
DESTINATION = re.compile(r"^(\+[1-9][0-9]{1,14}|[0-9]{2,17})\Z")
NANP_NATIONAL = re.compile(r"^[2-9][0-9]{9}\Z")


def compact(value):
    """VALUE as text without separators: the form a number is sent in."""
    return SEPARATORS.sub("", str(value))


def normalise(value):
    """VALUE in E.164 when it is a number given with "+" (separators dropped: "+1-9195559876" -> "+19195559876").

    Anything else (an extension, an ESN, None, a value that is not a number at all) is returned unchanged.
    """
    if not isinstance(value, str) or not value.startswith("+"):
        return value
    compacted = compact(value)
    return compacted if E164.fullmatch(compacted) else value


def canonical(value):
    """The one form numbers are compared in: "" for none; NANP numbers as +1NXXNXXXXXX however written or read back
    (+1-..., ten digits without the +); other values without separators."""
    if value in (None, ""):
        return ""
    text = compact(value)
    if NANP_NATIONAL.match(text):
        return "+1" + text
    return text


def same_number(first, second):
    """Whether two numbers (or destinations) are the same once in canonical form."""
    return canonical(first) == canonical(second)


def is_e164(value):
    return isinstance(value, str) and bool(E164.fullmatch(value))


def is_extension(value):
    return isinstance(value, str) and bool(EXTENSION.fullmatch(value))


def is_destination(value):
    """Whether VALUE, as given, is an E.164 number, an extension or an ESN (no separators)."""
    return isinstance(value, str) and bool(DESTINATION.fullmatch(value))


def destination_problem(value):
    """Why VALUE, with separators dropped, is not an E.164 number, an extension or an ESN; None when it is one."""
    if DESTINATION.match(compact(value)):
        return None
    return "%r is not an E.164 number (like +19705550006), an extension or an ESN" % (value,)
