# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """Connection and authentication options shared by every module of the collection and its inventory plugin."""

    DOCUMENTATION = r"""
options:
  access_token:
    description:
      - Webex access token of an administrator (full, or location administrator for that location).
      - Writes need the scope C(spark-admin:telephony_config_write); reads need C(spark-admin:telephony_config_read).
      - If not set, the value of the E(WEBEX_ACCESS_TOKEN) environment variable is used.
      - The token is never logged or returned.
      - Surrounding whitespace (the final newline of a vaulted value or a C(|) block) is stripped. Whitespace, control
        or non-ASCII characters inside the value are refused, with a message that names the option and not the value.
        The same holds for O(client_id), O(client_secret) and O(refresh_token).
      - Leave it unset and give O(client_id), O(client_secret) and O(refresh_token) to have one minted.
    type: str
    required: false
  client_id:
    description:
      - Client id of the Webex service app or integration whose O(refresh_token) is used to mint access tokens.
      - If not set, the value of the E(WEBEX_CLIENT_ID) environment variable is used.
      - With O(client_secret) and O(refresh_token), the module mints an access token once per run when no
        O(access_token) is given, and mints a new one and retries once when the service answers 401 (token expired).
    type: str
  client_secret:
    description:
      - Client secret of the service app or integration.
      - If not set, the value of the E(WEBEX_CLIENT_SECRET) environment variable is used. Never logged.
    type: str
  refresh_token:
    description:
      - Refresh token of the service app or integration (valid for 90 days, renewed by use).
      - If not set, the value of the E(WEBEX_REFRESH_TOKEN) environment variable is used. Never logged.
    type: str
  api_url:
    description:
      - Base URL of the Webex API, including the version path.
      - If not set, the value of the E(WEBEX_API_URL) environment variable is used, and then the default.
    type: str
    default: https://webexapis.com/v1
  org_id:
    description:
      - Organisation to act in, for partner administrators who manage customer organisations.
      - Leave unset to act in the organisation of the token.
      - If not set, the value of the E(WEBEX_ORG_ID) environment variable is used.
    type: str
  validate_certs:
    description:
      - Verify the TLS certificate of the API.
      - Set to V(false) only for a test service with a self-signed certificate.
    type: bool
    default: true
  timeout:
    description:
      - Seconds to wait for each HTTP response. Must be positive.
    type: int
    default: 30
notes:
  - Rate-limited requests (HTTP 429) are retried after the C(Retry-After) delay, capped and a bounded number of times.
    Reads, updates and deletes are also retried on HTTP 502, 503, 504 and connection errors. A create (POST) is never
    replayed blindly; after an ambiguous failure the module looks the name up again first.
requirements:
  - requests
"""
