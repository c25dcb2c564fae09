"""What the tests of _announcement/ share: options as AnsibleModule hands them over, the details the service shows,
the desired state of a file, and a client that answers GETs from a script."""

from ansible_collections.wxc.calling.plugins.module_utils._announcement import compare as an_compare


def params(**overrides):
    """Options as AnsibleModule hands them over: every option present, unset ones None."""
    base = {
        "name": "Main greeting",
        "path": None,
        "text": None,
        "voice": None,
        "language_code": None,
        "level": None,
        "location": None,
        "state": "present",
        "force": False,
    }
    base.update(overrides)
    return base


def file_want(size=6000, file_name="greeting.wav"):
    return an_compare.desired(params(), {"file_name": file_name, "media_type": "WAV", "size": size})


def details(**fields):
    base = {
        "id": "A1",
        "name": "Main greeting",
        "fileName": "greeting.wav",
        "mediaFileType": "WAV",
        "fileSize": "6",
        "featureReferenceCount": 0,
        "isTextToSpeech": False,
    }
    base.update(fields)
    return base


class FakeClient:
    """Answers GETs from a script and records every call; POSTs answer {"id": "job"}."""

    last_tracking_id = "WXC_ANSIBLE_test"

    def __init__(self, gets):
        self.gets = list(gets)
        self.calls = []

    def get(self, path, params=None):
        self.calls.append(("GET", path))
        return self.gets.pop(0)

    def post(self, path, json, params=None, read_only=False):
        assert read_only, "a speech synthesis changes nothing: never a write that may have taken"
        self.calls.append(("POST", path))
        return {"id": "job"}
