"""A scripted Webex API for the unit tests of the client and of the services (requests-mock): the service answers
requests strictly in the order the test expects them, and records what was sent. The ``exchange`` fixture
(conftest.py) gives each test one, and fails the test when a scripted answer is left unsent."""

import json

import requests_mock

API = "https://webex.test/v1"
TOKEN = "secret-access-token"


class Exchange:
    """The scripted service: answers requests strictly in the order of expect(), and records what was sent."""

    def __init__(self, mocker):
        self.script = []
        self.sent = []  # (method, url, status or exception name)
        self.requests = []
        mocker.register_uri(requests_mock.ANY, requests_mock.ANY, text=self._answer)

    def expect(self, method, url, status=200, body=None, headers=None, raw=None, exc=None):
        """The next request must be METHOD URL (query included); answer STATUS with BODY (JSON) or RAW, or raise EXC."""
        self.script.append(
            dict(method=method, url=url, status=status, body=body, headers=headers or {}, raw=raw, exc=exc)
        )
        return self

    def _answer(self, request, context):
        if not self.script:
            raise AssertionError("unexpected request %s %s; sent so far: %s" % (request.method, request.url, self.sent))
        step = self.script.pop(0)
        self.requests.append(request)
        if (request.method, request.url) != (step["method"], step["url"]):
            raise AssertionError(
                "expected %s %s, got %s %s" % (step["method"], step["url"], request.method, request.url)
            )
        if step["exc"] is not None:
            self.sent.append((request.method, request.url, type(step["exc"]).__name__))
            raise step["exc"]
        self.sent.append((request.method, request.url, step["status"]))
        context.status_code = step["status"]
        context.reason = {200: "OK", 201: "Created", 204: "No Content"}.get(step["status"], "Error")
        context.headers.update(step["headers"])
        if step["raw"] is not None:
            return step["raw"]
        if step["body"] is None:
            return ""
        context.headers.setdefault("Content-Type", "application/json")
        return json.dumps(step["body"])

    def done(self):
        assert self.script == [], "scripted requests never sent: %s" % self.script
        return self.sent
