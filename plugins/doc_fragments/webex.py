# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """Connection and authentication options shared by every module of the collection."""

    DOCUMENTATION = r"""
options:
  access_token:
    description:
      - Webex access token of an administrator (full, or location administrator for that location).
      - Writes need the scope C(spark-admin:telephony_config_write); reads need C(spark-admin:telephony_config_read).
      - If not set, the value of the E(WEBEX_ACCESS_TOKEN) environment variable is used.
      - The token is never logged or returned.
    type: str
    required: false
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
    type: str
  validate_certs:
    description:
      - Verify the TLS certificate of the API.
      - Set to V(false) only for a test service with a self-signed certificate.
    type: bool
    default: true
  timeout:
    description:
      - Seconds to wait for each HTTP response.
    type: int
    default: 30
notes:
  - Rate-limited requests (HTTP 429) are retried after the C(Retry-After) delay, capped and a bounded number of times.
    Reads, updates and deletes are also retried on HTTP 502, 503, 504 and connection errors. A create (POST) is never
    replayed blindly; after an ambiguous failure the module looks the name up again first.
requirements:
  - requests
"""
