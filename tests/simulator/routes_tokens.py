"""The OAuth token endpoint of a service app or integration: ``POST /v1/access_token`` with the refresh-token grant.

Minted access tokens are accepted like the write token until they expire (``--minted-token-ttl``, or
``POST /_sim/expire_tokens``); an expired one gets 401. Secrets never reach the request log: the logged form body has
``client_secret`` and ``refresh_token`` masked.
"""

import secrets
import threading
import time
from urllib.parse import parse_qsl

from .errors import ApiError
from .responses import Response

TOKEN_PATH = "/v1/access_token"
MASK = "***"
SECRET_FIELDS = ("client_secret", "refresh_token", "code")
DEFAULT_CLIENT_ID = "wxc-sim-client-id"
DEFAULT_CLIENT_SECRET = "wxc-sim-client-secret"
DEFAULT_REFRESH_TOKEN = "wxc-sim-refresh-token"
DEFAULT_MINTED_TOKEN_TTL = 3600
REFRESH_TOKEN_TTL = 7776000  # 90 days, as Webex documents for integrations
FORM_TYPE = "application/x-www-form-urlencoded"


def parse_form(raw_body):
    """The form fields of RAW_BODY (bytes) as a dict; {} when empty or not decodable."""
    try:
        return dict(parse_qsl(raw_body.decode("utf-8"), keep_blank_values=True)) if raw_body else {}
    except UnicodeDecodeError:
        return {}


def masked_form(raw_body):
    """The form body as logged: every secret field replaced by ***."""
    return {name: (MASK if name in SECRET_FIELDS and value else value) for name, value in parse_form(raw_body).items()}


def _token_error(status, message):
    # A Webex-shaped platform error (no telephony errorCode). Real Webex answers a bad refresh grant with 400; the
    # exact text is undocumented, so the messages are our choice.
    return ApiError(status, message)


class TokenIssuer:
    """The one client (id, secret, refresh token) the simulated organisation trusts, and the tokens it minted."""

    def __init__(
        self,
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        refresh_token=DEFAULT_REFRESH_TOKEN,
        ttl=DEFAULT_MINTED_TOKEN_TTL,
    ):
        self.client_id = client_id
        self.client_secret = client_secret
        self.refresh_token = refresh_token
        self.ttl = ttl
        self._lock = threading.Lock()
        self._minted = {}  # access token -> expiry (time.monotonic())

    def is_valid(self, token):
        """Whether TOKEN is a minted access token that has not expired."""
        with self._lock:
            expiry = self._minted.get(token)
        return expiry is not None and time.monotonic() < expiry

    def expire_all(self):
        """Expire every minted token now; return how many were still valid."""
        now = time.monotonic()
        with self._lock:
            count = sum(1 for expiry in self._minted.values() if expiry > now)
            self._minted = {token: min(expiry, now) for token, expiry in self._minted.items()}
        return count

    def reset(self):
        """Forget every minted token."""
        with self._lock:
            self._minted = {}

    def handle(self, method, headers, raw_body):
        """Answer POST /v1/access_token (no bearer token needed)."""
        if method != "POST":
            raise ApiError(405, "Method %s is not allowed on %s" % (method, TOKEN_PATH))
        content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != FORM_TYPE:
            raise ApiError(415, "Content type %r is not supported; use %s" % (content_type, FORM_TYPE))
        form = parse_form(raw_body)
        missing = [name for name in ("grant_type", "client_id", "client_secret", "refresh_token") if not form.get(name)]
        if missing:
            raise _token_error(400, "Missing parameter(s): %s" % ", ".join(missing))
        if form["grant_type"] != "refresh_token":
            raise _token_error(400, "Unsupported grant_type %r; use refresh_token" % form["grant_type"])
        if form["client_id"] != self.client_id or form["client_secret"] != self.client_secret:
            raise _token_error(401, "Invalid client_id or client_secret")
        if form["refresh_token"] != self.refresh_token:
            raise _token_error(400, "Invalid or expired refresh_token")
        token = "wxc-sim-minted-%s" % secrets.token_hex(16)
        with self._lock:
            self._minted[token] = time.monotonic() + self.ttl
        return Response(
            200,
            {
                "access_token": token,
                "expires_in": self.ttl,
                "refresh_token": self.refresh_token,
                "refresh_token_expires_in": REFRESH_TOKEN_TTL,
                "token_type": "Bearer",
            },
        )


def expire_tokens(request):
    """POST /_sim/expire_tokens: every minted access token expires now."""
    return Response(200, {"expired": request.app.tokens.expire_all()})
