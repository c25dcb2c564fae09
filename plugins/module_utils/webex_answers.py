# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the client makes of the service's answers: the one error type (WebexApiError), the one check of a 2xx
answer's shape, and the error of a failed request, never quoting a body or a header that may hold the token."""

from __future__ import annotations

import re


class WebexApiError(Exception):
    """A failed API call, with what an administrator needs to act on it (and never the token).

    CHANGED: whether a write sent before (or by) this call may have taken; resource.writes_reported() sets it, and the
    PREFACE and AFTERWORD of the message that name those writes. STEP: what this call was after a write ("the
    read-back", "the look-up after it"), set by the resource helpers.
    """

    def __init__(self, method, path, status=None, message=None, error_code=None, tracking_id=None, ambiguous=False):
        self.method = method
        self.path = path
        self.status = status
        self.message = message
        self.error_code = error_code
        self.tracking_id = tracking_id
        # True when the request may or may not have been carried out (timeout, dropped connection, 5xx).
        self.ambiguous = ambiguous
        self.changed = False
        self.preface = self.afterword = self.step = None
        super().__init__(self.request_text())

    def __str__(self):
        return "%s%s%s" % (self.preface or "", self.request_text(), self.afterword or "")

    def request_text(self):
        """The failed request and the service's answer: METHOD PATH failed: HTTP status, errorCode, message, trackingId."""
        text = "%s %s failed" % (self.method, self.path)
        if self.status is not None:
            text += ": HTTP %s" % self.status
        if self.error_code is not None:
            text += ", errorCode %s" % self.error_code
        if self.message:
            text += ": %s" % self.message
        if self.tracking_id:
            text += " (trackingId %s)" % self.tracking_id
        return text

    def as_dict(self):
        """The error as a return value (snake_case), for fail_json."""
        return dict(
            method=self.method,
            path=self.path,
            status=self.status,
            message=self.message,
            error_code=self.error_code,
            tracking_id=self.tracking_id,
        )


def tls_error(method, path, exc):
    """A certificate that could not be verified: not transient, so never retried, and said plainly."""
    reason = re.search(r"\[SSL[^\]]*\][^'\"()]*", str(exc))
    return WebexApiError(
        method,
        path,
        message="TLS certificate not verified (%s); fix the certificate or its CA bundle, "
        "or set validate_certs: false for a test endpoint you trust"
        % (reason.group(0).strip() if reason else type(exc).__name__),
    )


def _content_type(response):
    return (response.headers.get("Content-Type") or "no content type").split(";", 1)[0].strip()


JSON_KINDS = ((dict, "a JSON object"), (list, "a JSON list"), (str, "a JSON string"), (bool, "a JSON boolean"))


def _json_kind(value):
    if value is None:
        return "JSON null"
    return next((name for kind, name in JSON_KINDS if isinstance(value, kind)), "a JSON number")


def json_answer(method, path, response, empty=None):
    """The JSON object of a 2xx RESPONSE to METHOD PATH: the one check of an answer's shape.

    Anything else (not JSON: HTML, text; a JSON list, string, number or null; an empty body, unless EMPTY is given to
    stand for it) is a WebexApiError naming the request and what came instead, never the body itself.
    """
    if not response.content and empty is not None:
        return empty
    try:
        answer = response.json()
    except ValueError:
        if response.content:
            problem = "the answer is not JSON (%d bytes, %s, not shown)" % (
                len(response.content),
                _content_type(response),
            )
        else:
            problem = "the answer is empty, not the JSON object expected"
    else:
        if isinstance(answer, dict):
            return answer
        problem = "the answer is %s, not the JSON object expected (%d bytes, not shown)" % (
            _json_kind(answer),
            len(response.content),
        )
    raise WebexApiError(
        method, path, status=response.status_code, message=problem, tracking_id=response.headers.get("trackingid")
    ) from None


def not_sent(method, path, exc):
    """An exception raised before or while sending: named by its type only, since its text may quote a header."""
    return WebexApiError(
        method, path, message="request not sent: %s (details not shown, they may hold a header)" % type(exc).__name__
    )


def error_from_response(method, path, response):
    """Build a WebexApiError from a Webex error body {"message", "errors": [{"description", "errorCode"}], "trackingId"}."""
    message = error_code = None
    tracking_id = response.headers.get("trackingid")
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        errors = body.get("errors") if isinstance(body.get("errors"), list) else []
        first = errors[0] if errors and isinstance(errors[0], dict) else {}
        message = body.get("message") or first.get("description")
        error_code = first.get("errorCode", body.get("errorCode"))
        tracking_id = body.get("trackingId") or tracking_id
    elif response.content:
        # Never quoted: a proxy's or gateway's error page may echo the request headers, and with them the token.
        message = "%s (non-JSON error body of %d bytes, %s, not shown)" % (
            response.reason or "error",
            len(response.content),
            _content_type(response),
        )
    if not message:
        message = response.reason
    return WebexApiError(
        method,
        path,
        status=response.status_code,
        message=message,
        error_code=error_code,
        tracking_id=tracking_id,
        ambiguous=response.status_code >= 500,
    )
