"""Webex-shaped errors and the error codes the simulator uses.

The real service documents almost none of its auto-attendant error codes, so most codes below are plausible guesses
(marked GUESS). Only the shape of the body and the codes marked KNOWN or LIVE come from observed responses (LIVE: seen
against a real organisation, as published by other tools; tests/simulator/README.md names the sources).
"""

# Request-level problems.
ERR_MALFORMED_BODY = 25003  # GUESS: body is not valid JSON or not a JSON object
ERR_MISSING_FIELD = 25008  # LIVE: missing mandatory field, "Missing Mandatory field name:  <path>" (two spaces)
ERR_INVALID_VALUE = 25024  # KNOWN: invalid value (bad enum, wrong type, bad format, out of range)
ERR_UNSUPPORTED_MEDIA_TYPE = 25006  # GUESS: body sent with a content type other than application/json

# Auto-attendant menus.
ERR_DUPLICATE_KEY = 4801  # GUESS: the same key twice in one menu
ERR_OPERATOR_VALUE_NOT_ALLOWED = 4806  # KNOWN: TRANSFER_TO_OPERATOR with a value
ERR_ANNOUNCEMENT_REQUIRED = 4807  # GUESS: PLAY_ANNOUNCEMENT without an audio file
ERR_CUSTOM_GREETING_NEEDS_FILE = 6515  # LIVE: a CUSTOM greeting without an audio file
ERR_AUDIO_FILE_NOT_FOUND = 4808  # GUESS: the audio file names nothing in the announcement repository
ERR_SCHEDULE_NOT_FOUND = 4809  # GUESS: no schedule of that name and type in the location
ERR_SCHEDULE_DUPLICATE_NAME = (
    25030  # KNOWN code: schedule name already used in the location for that type (sent with 409)
)
ERR_SCHEDULE_IN_USE = 4810  # GUESS: deleting a schedule an auto attendant still uses (sent with 409)
ERR_EVENT_DUPLICATE_NAME = 4811  # GUESS: event name already used in the schedule (sent with 409)

# Names, numbers and extensions.
ERR_DUPLICATE_NAME = 4820  # GUESS: name already used by another auto attendant in the location (sent with 409)
ERR_EXTENSION_IN_USE = 8360  # KNOWN family (8360-8363 DN errors): extension already used in the location
ERR_NUMBER_NOT_AVAILABLE = 8362  # KNOWN family: the number is not one of the location's numbers
ERR_NUMBER_IN_USE = 8363  # KNOWN: "DN is in use"

# Lookups and access.
ERR_NOT_FOUND = 4008  # GUESS: unknown auto attendant, location, schedule or announcement
ERR_ORG_FORBIDDEN = 4003  # GUESS: orgId of another organisation (sent with 403)
ERR_READ_ONLY_TOKEN = 4410  # GUESS: write attempted with the read-only token (sent with 403)

INVALID_TOKEN_MESSAGE = "The request requires a valid access token set in the Authorization request header."


class ApiError(Exception):
    """An error answer: HTTP status, message and optional Webex telephony error code."""

    def __init__(self, status, message, code=None, headers=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.headers = dict(headers or {})
        # Telephony errors read "[Error NNNN] text"; generic platform errors carry no code.
        self.message = "[Error %d] %s" % (code, message) if code is not None else message

    def body(self, tracking_id):
        """Return the Webex error body for this error."""
        error = {"description": self.message}
        if self.code is not None:
            error["errorCode"] = self.code
        return {"message": self.message, "errors": [error], "trackingId": tracking_id}


def bad_request(message, code=ERR_INVALID_VALUE):
    """Return a 400 error."""
    return ApiError(400, message, code)


def not_found(message, code=ERR_NOT_FOUND):
    """Return a 404 error."""
    return ApiError(404, message, code)


def missing(field):
    """Return the 400 error for a missing mandatory field."""
    # Two spaces after the colon, as the live service writes it.
    return ApiError(400, "Missing Mandatory field name:  %s" % field, ERR_MISSING_FIELD)


def invalid(field, detail):
    """Return the 400 error for a field with an invalid value."""
    return ApiError(400, "Invalid field value: %s: %s" % (field, detail), ERR_INVALID_VALUE)
