"""The Response type shared by the server and the route modules."""


class Response:
    """A JSON (or empty, when body is None) answer."""

    def __init__(self, status=200, body=None, headers=None):
        self.status = status
        self.body = body
        self.headers = dict(headers or {})
