# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one HTTP client of the collection: session, auth header, orgId, retries, pagination and Webex errors."""

from __future__ import annotations

import copy
import math
import re
import threading
import time
import traceback
import uuid
from urllib.parse import urlsplit

from ansible.module_utils.basic import env_fallback

from ansible_collections.wxc.calling.plugins.module_utils.concurrency import RateLimitGate
from ansible_collections.wxc.calling.plugins.module_utils.webex_answers import (
    WebexApiError,
    error_from_response,
    json_answer,
    not_sent,
    tls_error,
)

REQUESTS_IMPORT_ERROR = None
try:
    import requests
except ImportError:  # pragma: no cover - reported by the module through missing_required_lib()
    requests = None
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

DEFAULT_API_URL = "https://webexapis.com/v1"

# Retry budget. 429: honour Retry-After, falling back to a default when the header is missing or malformed (it has
# been seen as "rand(30),add(30)"), never waiting longer than the cap. 5xx and connection errors: exponential backoff.
RATE_LIMIT_DEFAULT_WAIT = 5.0
RATE_LIMIT_MAX_WAIT = 60.0
RATE_LIMIT_MAX_RETRIES = 5
SERVER_ERROR_MAX_RETRIES = 3
SERVER_ERROR_BACKOFF = 1.0
RETRYABLE_STATUS = (502, 503, 504)
# Methods that may be replayed after an ambiguous failure: sending them twice leaves the same end state.
IDEMPOTENT_METHODS = ("GET", "PUT", "DELETE")
# Methods that change what the service stores (unless the caller says the request only computes: read_only).
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


# The options that hold secrets (client_id is not secret, but it travels with them and is cleaned the same way).
SECRET_OPTIONS = ("access_token", "client_id", "client_secret", "refresh_token")
# Tokens, ids and secrets Webex issues are printable ASCII without spaces: anything else inside one is a copy-paste
# accident, and in a header it makes the HTTP library raise an error that quotes the whole header, token included.
_SECRET_CHARACTERS = re.compile(r"[\x21-\x7e]+")


def clean_secret(option, value):
    """VALUE without surrounding whitespace (vaulted values and `|` blocks keep a final newline), and the problem, or None.

    The problem names OPTION and never shows the value.
    """
    if value is None:
        return None, None
    cleaned = value.strip()
    if cleaned and not _SECRET_CHARACTERS.fullmatch(cleaned):
        return cleaned, (
            "%s: holds whitespace, control or non-ASCII characters inside the value (not shown); give the "
            "value alone, exactly as Webex issued it" % option
        )
    return cleaned, None


def _origin(url):
    """(scheme, host, port) of URL, normalised: case-insensitive scheme and host, the default port made explicit."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or {"http": 80, "https": 443}.get(scheme)


def webex_argument_spec():
    """The connection options shared by every module (documented in the wxc.calling.webex doc fragment)."""
    return dict(
        access_token=dict(type="str", no_log=True, fallback=(env_fallback, ["WEBEX_ACCESS_TOKEN"])),
        client_id=dict(type="str", fallback=(env_fallback, ["WEBEX_CLIENT_ID"])),
        client_secret=dict(type="str", no_log=True, fallback=(env_fallback, ["WEBEX_CLIENT_SECRET"])),
        refresh_token=dict(type="str", no_log=True, fallback=(env_fallback, ["WEBEX_REFRESH_TOKEN"])),
        api_url=dict(type="str", default=DEFAULT_API_URL, fallback=(env_fallback, ["WEBEX_API_URL"])),
        org_id=dict(type="str", fallback=(env_fallback, ["WEBEX_ORG_ID"])),
        validate_certs=dict(type="bool", default=True),
        timeout=dict(type="int", default=30),
    )


class ConnectionOptionsError(ValueError):
    """The connection options cannot make a client: the message names the options at fault, never a value."""

    def __init__(self, msg, errors=None):
        self.msg = msg
        self.errors = errors
        super().__init__(msg)

    def result(self):
        """What a module fails with: msg, and the list of problems when there are several kinds."""
        return dict(msg=self.msg, errors=self.errors) if self.errors is not None else dict(msg=self.msg)


def parse_retry_after(value, default=RATE_LIMIT_DEFAULT_WAIT, cap=RATE_LIMIT_MAX_WAIT):
    """Seconds to wait for a Retry-After header value; malformed or missing values give DEFAULT, never above CAP."""
    try:
        seconds = float(str(value).strip())
    except (TypeError, ValueError):
        seconds = default
    if math.isnan(seconds) or seconds < 0:  # as good as malformed
        seconds = default
    return min(seconds, cap)


class SentWrite:
    """A write request that reached the service and was not refused (a 2xx, a 5xx, or no answer): it may have taken."""

    def __init__(self, method, path, outcome):
        self.method = method
        self.path = path
        self.outcome = outcome

    def __str__(self):
        return "%s %s (%s)" % (self.method, self.path, self.outcome)


def _never_sent(exc):
    """Whether a connection error happened before anything was sent: the connection itself could not be made."""
    from urllib3.exceptions import NewConnectionError  # requests' own dependency

    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    reason = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)  # urllib3's MaxRetryError carries the cause as its reason
    return isinstance(reason, NewConnectionError)


class WebexClient:
    """Talks to the Webex API over one keep-alive session; every request carries the token and, if set, orgId."""

    def __init__(
        self,
        api_url,
        access_token=None,
        org_id=None,
        validate_certs=True,
        timeout=30,
        sleep=time.sleep,
        warn=None,
        refresh_credentials=None,
        register_secret=None,
    ):
        """REFRESH_CREDENTIALS: (client_id, client_secret, refresh_token) of a service app or an integration.

        With them, an access token is minted when none is given, and once more when the service answers 401.
        REGISTER_SECRET(value) is called with every token the client comes to hold (the module's no_log values), as
        soon as it holds it, so that no message or return value can show it.
        """
        self._register_secret = register_secret or (lambda value: None)
        self.api_url = api_url.rstrip("/")
        self.org_id = org_id
        self.timeout = timeout
        self.validate_certs = validate_certs
        self._sleep = sleep
        self._warn = warn or (lambda message: None)
        self._refresh_credentials = refresh_credentials
        # Set by shared() when threads share this client: a 429 then pauses all of them.
        self.rate_gate = None
        # The trackingId of the last answered request, per thread (the bulk module writes from several threads).
        self._last = threading.local()
        # The writes this thread sent that may have taken (writes_sent()), shared with the with_org() copies.
        self._sent = threading.local()
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/json", "User-Agent": "wxc.calling-ansible-collection"})
        if access_token:
            self._use_token(access_token)

    def _use_token(self, access_token):
        self._register_secret(access_token)
        self.session.headers["Authorization"] = "Bearer %s" % access_token

    def _mint_access_token(self):
        """Trade the refresh token for a new access token (POST /access_token, grant_type refresh_token)."""
        client_id, client_secret, refresh_token = self._refresh_credentials
        data = dict(
            grant_type="refresh_token", client_id=client_id, client_secret=client_secret, refresh_token=refresh_token
        )
        try:
            response = self.session.post(
                self.api_url + "/access_token",
                data=data,
                timeout=self.timeout,
                verify=self.validate_certs,
                headers={"Authorization": None},
            )
        except requests.exceptions.SSLError as exc:
            raise tls_error("POST", "/access_token", exc) from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise WebexApiError("POST", "/access_token", message="no response: %s" % type(exc).__name__) from None
        except (requests.RequestException, ValueError, UnicodeError) as exc:
            raise not_sent("POST", "/access_token", exc) from None
        if response.status_code >= 400:
            raise error_from_response("POST", "/access_token", response)
        answer = json_answer("POST", "/access_token", response)
        if not isinstance(answer, dict):
            answer = {}
        for name in ("access_token", "refresh_token"):  # masked before anything else can go wrong
            if isinstance(answer.get(name), str) and answer[name]:
                self._register_secret(answer[name])
                if answer[name].strip():  # an empty "secret" would mask every gap between characters of every message
                    self._register_secret(answer[name].strip())
        token, problem = clean_secret(
            "the minted access_token",
            answer.get("access_token") if isinstance(answer.get("access_token"), str) else None,
        )
        if not token or problem:
            raise WebexApiError(
                "POST",
                "/access_token",
                status=response.status_code,
                message="the token answer holds no usable access_token (fields: %s)"
                % (", ".join(sorted(answer)) or "none"),
                tracking_id=response.headers.get("trackingid"),
            )
        self._use_token(token)

    @classmethod
    def from_options(cls, params, warn=None, register_secret=None):
        """A client configured from the connection options PARAMS (webex_argument_spec()'s names, fallbacks applied).

        Every module (through from_module) and the inventory plugin build their client here, so both take the same
        options and refuse the same way: ConnectionOptionsError names the options at fault, never a value.
        REGISTER_SECRET(value) is called with every secret as soon as it is read (a module's no_log values).
        """
        register_secret = register_secret or (lambda value: None)
        warn = warn or (lambda message: None)
        cleaned, problems = {}, []
        for option in SECRET_OPTIONS:
            value, problem = clean_secret(option, params.get(option))
            if value and option != "client_id":
                register_secret(value)  # the stripped form is masked too, not only the value as given
            cleaned[option] = value or None
            if problem:
                problems.append(problem)
        timeout = params.get("timeout")
        if timeout is not None and timeout <= 0:
            problems.append(
                "timeout: %s seconds; give a positive number of seconds to wait for each response" % timeout
            )
        if problems:
            raise ConnectionOptionsError("Invalid options: " + "; ".join(problems), errors=problems)
        refresh = [cleaned[name] for name in ("client_id", "client_secret", "refresh_token")]
        if any(refresh) and not all(refresh):
            missing = [
                name for name, value in zip(("client_id", "client_secret", "refresh_token"), refresh) if not value
            ]
            raise ConnectionOptionsError(
                "client_id, client_secret and refresh_token go together; missing: %s" % ", ".join(missing)
            )
        if not cleaned["access_token"] and not all(refresh):
            raise ConnectionOptionsError(
                "access_token is required (the access_token option or the WEBEX_ACCESS_TOKEN environment "
                "variable), or client_id, client_secret and refresh_token to mint one"
            )
        api_url = params.get("api_url") or DEFAULT_API_URL
        validate_certs = params.get("validate_certs", True)
        if not validate_certs:
            warn("validate_certs is false: the TLS certificate of %s is not verified" % api_url)
        return cls(
            api_url,
            cleaned["access_token"],
            org_id=params.get("org_id") or None,
            validate_certs=validate_certs,
            timeout=timeout if timeout is not None else 30,
            warn=warn,
            refresh_credentials=tuple(refresh) if all(refresh) else None,
            register_secret=register_secret,
        )

    @classmethod
    def from_module(cls, module):
        """A client configured from the shared connection options of MODULE; fails the module when unusable."""
        if requests is None:
            from ansible.module_utils.basic import missing_required_lib

            module.fail_json(msg=missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)
        try:
            return cls.from_options(module.params, warn=module.warn, register_secret=module.no_log_values.add)
        except ConnectionOptionsError as error:
            module.fail_json(**error.result())

    def shared(self, concurrency):
        """This client, prepared for CONCURRENCY threads: a connection pool of that size and one rate-limit gate.

        Every thread then reuses the keep-alive connections, and a 429 seen by any thread pauses all of them.
        """
        from requests.adapters import HTTPAdapter

        # pool_block: a thread waits for a free connection rather than opening one that would be thrown away.
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max(1, concurrency), pool_block=True)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.rate_gate = RateLimitGate(sleep=self._sleep)
        # Mint the access token now (when one is to be minted), not once per thread at the first concurrent requests.
        if "Authorization" not in self.session.headers and self._refresh_credentials:
            self._mint_access_token()
        return self

    def with_org(self, org_id):
        """A client for ORG_ID (a partner administrator's customer) that shares this one's session, token and gate.

        This client itself when ORG_ID is empty or already its organisation.
        """
        if not org_id or org_id == self.org_id:
            return self
        other = copy.copy(self)
        other.org_id = org_id
        return other

    # -- requests -----------------------------------------------------------------------------------------------

    def _url(self, path):
        return path if path.startswith(("http://", "https://")) else self.api_url + path

    def _is_api_url(self, url):
        """Whether URL is under the configured API: same scheme, host and port (normalised) and under its path."""
        api_path = urlsplit(self.api_url).path.rstrip("/") + "/"
        return _origin(url) == _origin(self.api_url) and urlsplit(url).path.startswith(api_path)

    def _shown_path(self, path):
        """PATH as messages show it: relative to the API and without the query (a next-page URL carries orgId)."""
        if path.startswith(("http://", "https://")) and self._is_api_url(path):
            base_length = len(urlsplit(self.api_url).path.rstrip("/"))
            path = urlsplit(path).path[base_length:]
        return path.split("?", 1)[0]

    def _params(self, params, path):
        merged = dict(params or {})
        # A next-page URL already carries every filter, orgId included.
        if self.org_id and "orgId" not in merged and "orgId=" not in path:
            merged["orgId"] = self.org_id
        return {k: v for k, v in merged.items() if v is not None}

    def writes_sent(self):
        """This thread's record of the writes it sent that may have taken, oldest first: a SentWrite per attempt that
        was answered 2xx or 5xx, or got no answer after it was sent. A refused write (4xx; a 429 is sent again) and a
        request that never left are not in it. resource.writes_reported() reads it."""
        sent = getattr(self._sent, "writes", None)
        if sent is None:
            sent = self._sent.writes = []
        return sent

    def _record(self, method, path, outcome, read_only):
        if method in WRITE_METHODS and not read_only:
            self.writes_sent().append(SentWrite(method, path, outcome))

    def request(self, method, path, params=None, json=None, files=None, data=None, read_only=False):
        """Send one request with the retries that are safe for METHOD; return the requests.Response (2xx) or raise.

        FILES and DATA make a multipart/form-data body (the announcement upload); file contents must be bytes, so
        that a retry sends them again. READ_ONLY: a POST that only computes (a trace, a speech synthesis), never a
        write that may have taken.
        """
        url = self._url(path)
        shown_path = self._shown_path(path)
        rate_limited = server_errors = 0
        refreshed = False
        if "Authorization" not in self.session.headers and self._refresh_credentials:
            self._mint_access_token()
            refreshed = True
        while True:
            if self.rate_gate is not None:
                self.rate_gate.wait()
            headers = {"TrackingID": "WXC_ANSIBLE_%s" % uuid.uuid4()}
            try:
                response = self.session.request(
                    method,
                    url,
                    params=self._params(params, path),
                    json=json,
                    files=files,
                    data=data,
                    headers=headers,
                    timeout=self.timeout,
                    verify=self.validate_certs,
                )
            except requests.exceptions.SSLError as exc:
                raise tls_error(method, shown_path, exc) from None
            except (requests.ConnectionError, requests.Timeout) as exc:
                error = WebexApiError(
                    method, shown_path, message="no response: %s" % type(exc).__name__, ambiguous=True
                )
                if not _never_sent(exc):
                    self._record(method, shown_path, "no answer: %s" % type(exc).__name__, read_only)
                if method in IDEMPOTENT_METHODS and server_errors < SERVER_ERROR_MAX_RETRIES:
                    self._sleep(SERVER_ERROR_BACKOFF * 2**server_errors)
                    server_errors += 1
                    continue
                raise error from None
            except (requests.RequestException, ValueError, UnicodeError) as exc:
                # InvalidHeader, InvalidURL, a header the HTTP library cannot encode...: their text may quote a header.
                raise not_sent(method, shown_path, exc) from None
            if response.status_code < 400:
                self._record(method, shown_path, "answered %d" % response.status_code, read_only)
            elif response.status_code >= 500:
                self._record(method, shown_path, "answered HTTP %d" % response.status_code, read_only)
            if response.status_code == 401 and self._refresh_credentials and not refreshed:
                # The access token expired: mint a new one and send this request once more.
                self._mint_access_token()
                refreshed = True
                continue
            if response.status_code == 429 and rate_limited < RATE_LIMIT_MAX_RETRIES:
                # A rate-limited request was not carried out, so even a POST may be sent again.
                wait = parse_retry_after(response.headers.get("Retry-After"))
                if self.rate_gate is not None:
                    self.rate_gate.pause(wait)  # waited out at the top of the loop, by every thread
                else:
                    self._sleep(wait)
                rate_limited += 1
                continue
            if (
                response.status_code in RETRYABLE_STATUS
                and method in IDEMPOTENT_METHODS
                and server_errors < SERVER_ERROR_MAX_RETRIES
            ):
                self._sleep(SERVER_ERROR_BACKOFF * 2**server_errors)
                server_errors += 1
                continue
            if response.status_code >= 400:
                raise error_from_response(method, shown_path, response)
            self._last.tracking_id = response.headers.get("trackingid") or headers["TrackingID"]
            return response

    @property
    def last_tracking_id(self):
        """The trackingId of the last request this thread completed (quoted when a write did not take)."""
        return getattr(self._last, "tracking_id", None)

    def get(self, path, params=None):
        """GET and return the answer, which must be a JSON object (anything else: a WebexApiError naming the GET)."""
        return json_answer("GET", self._shown_path(path), self.request("GET", path, params=params))

    def get_all(self, path, item_key, params=None):
        """Every item of a paginated list, following the Link rel="next" URLs to the end."""
        items = []
        next_path, next_params = path, params
        while next_path:
            response = self.request("GET", next_path, params=next_params)
            answer = json_answer("GET", self._shown_path(next_path), response)
            page = answer.get(item_key) or []
            if not isinstance(page, list) or not all(isinstance(item, dict) for item in page):
                raise WebexApiError(
                    "GET",
                    self._shown_path(next_path),
                    status=response.status_code,
                    message="the answer has no %s list of JSON objects" % item_key,
                    tracking_id=response.headers.get("trackingid"),
                )
            items.extend(page)
            next_url = response.links.get("next", {}).get("url")
            if not page or not next_url:
                break
            if not self._is_api_url(next_url):
                # Never send the token to another host than the configured API.
                raise WebexApiError(
                    "GET",
                    path,
                    message="refusing to follow a next-page link to another host: %s" % next_url.split("?", 1)[0],
                )
            next_path, next_params = next_url, None
        return items

    def post(self, path, json=None, params=None, data=None, files=None, read_only=False):
        """POST and return the answer: a JSON object, or {} for an empty body. DATA and FILES: a multipart body."""
        response = self.request("POST", path, params=params, json=json, data=data, files=files, read_only=read_only)
        return json_answer("POST", self._shown_path(path), response, empty={})

    def put(self, path, json=None, params=None, data=None, files=None):
        """PUT and return the answer: a JSON object, or {} for an empty body (a PUT answered 200 or 204 without one)."""
        response = self.request("PUT", path, params=params, json=json, data=data, files=files)
        return json_answer("PUT", self._shown_path(path), response, empty={})

    def delete(self, path, params=None):
        self.request("DELETE", path, params=params)
