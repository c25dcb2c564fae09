# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""webex_answers.py on its own; the exchanges through the client are in test_webex_client.py."""

from __future__ import annotations

import requests

from ansible_collections.wxc.calling.plugins.module_utils.webex_answers import error_from_response


def test_a_text_error_body_without_a_reason_is_called_an_error():
    response = requests.Response()
    response.status_code, response.reason, response._content = 502, "", b"<html>gateway</html>"  # pylint: disable=protected-access
    error = error_from_response("GET", "/x", response)
    assert error.message == "error (non-JSON error body of 20 bytes, no content type, not shown)"
