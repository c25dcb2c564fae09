"""The site engine's results (_site/converge.py), pure: what a failed object carries."""

from ansible_collections.wxc.calling.plugins.module_utils._location.service import LocationNotFound
from ansible_collections.wxc.calling.plugins.module_utils._site.converge import error_fields
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, WriteNotApplied
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError


def test_error_fields_say_what_failed():
    api = WebexApiError("PUT", "/x", status=409, message="taken", error_code=4820)
    assert error_fields(api) == {
        "failed": True,
        "msg": "PUT /x failed: HTTP 409, errorCode 4820: taken",
        "changed": False,
        "api_error": api.as_dict(),
    }
    assert error_fields(ResourceError("no")) == {"failed": True, "msg": "no", "changed": False}
    assert error_fields(LocationNotFound("gone")) == {"failed": True, "msg": "gone", "changed": False}
    # Not expected: the message says what broke.
    assert error_fields(KeyError("id")) == {"failed": True, "msg": "KeyError: 'id'", "changed": False}
    assert error_fields(RuntimeError()) == {"failed": True, "msg": "RuntimeError: RuntimeError", "changed": False}
    changed = ResourceError("half")
    changed.changed = True
    assert error_fields(changed)["changed"] is True
    not_applied = WriteNotApplied("auto attendant 'A'", ["name_dialing"])
    assert error_fields(not_applied)["not_applied"] == ["name_dialing"] and "api_error" not in error_fields(not_applied)
