"""What the tests of _auto_attendant/ share: webex_auto_attendant options as AnsibleModule hands them over (params()),
a details answer of the service, and the announcement repository with the fakes that resolve names in it."""

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options

AUDIO_ID = "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw"


def params(**overrides):
    """Module parameters as AnsibleModule would hand them over: every option present, unset ones None."""
    result = {field: None for field in aa_options.argument_spec()}
    result.update(
        name="Reception",
        location="Headquarters",
        state="present",
        extension="2100",
        business_schedule="AUTOATTENDANT-BUSINESS-HOURS",
        business_hours_menu=params_menu([params_key("0", "EXIT")]),
        after_hours_menu=params_menu([params_key("0", "EXIT")]),
    )
    result.update(overrides)
    return result


def params_key(k, action, value=None, description=None, audio=None):
    return {"key": k, "action": action, "value": value, "description": description, "audio_announcement_file": audio}


def params_menu(keys, greeting="DEFAULT", audio=None, call_treatment=None):
    return {
        "greeting": greeting,
        "extension_enabled": True,
        "audio_announcement_file": audio,
        "key_configurations": keys,
        "call_treatment": call_treatment,
    }


def details(**overrides):
    """A details response as the service returns it, read-only fields included."""
    body = {
        "id": "AA1",
        "name": "Reception",
        "enabled": True,
        "extension": "2100",
        "routingPrefix": "8001",
        "esn": "80012100",
        "tollFreeNumber": False,
        "language": "English",
        "languageCode": "en_us",
        "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "extensionDialing": "ENTERPRISE",
        "nameDialing": "ENTERPRISE",
        "timeZone": "America/Los_Angeles",
        "businessHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": True,
            "keyConfigurations": [{"key": "0", "action": "EXIT"}],
            "callTreatment": {
                "retryAttemptForNoInput": "NO_REPEAT",
                "noInputTimer": "10",
                "actionToBePerformed": {"action": "DISCONNECT", "greeting": "DEFAULT"},
            },
        },
        "afterHoursMenu": {
            "greeting": "DEFAULT",
            "extensionEnabled": True,
            "keyConfigurations": [{"key": "0", "action": "EXIT"}],
        },
    }
    body.update(overrides)
    return body


# -- audio files given by announcement name -------------------------------------------------------------------------


WELCOME = {
    "id": "ANN-WELCOME",
    "name": "Welcome",
    "fileName": "welcome.wav",
    "mediaFileType": "WAV",
    "level": "LOCATION",
    "location": {"id": "LOC1", "name": "Headquarters"},
    "fileSize": "120",
    "isTextToSpeech": False,
}


STORED = {"id": "ANN-WELCOME", "file_name": "welcome.wav", "media_file_type": "WAV", "level": "LOCATION"}


def module_options(greeting=None, key_file=None, treatment_file=None):
    """Options as a playbook gives them (check_options applies the argument spec, as AnsibleModule does)."""
    keys = [{"key": "0", "action": "EXIT"}]
    if key_file is not None:
        keys.append({"key": "5", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": key_file})
    business = {"greeting": "CUSTOM" if greeting else "DEFAULT", "extension_enabled": True, "key_configurations": keys}
    if greeting is not None:
        business["audio_announcement_file"] = greeting
    if treatment_file is not None:
        business["call_treatment"] = {
            "action_to_be_performed": {
                "action": "PLAY_MESSAGE_AND_DISCONNECT",
                "greeting": "CUSTOM",
                "audio_announcement_file": treatment_file,
            }
        }
    return {
        "name": "Reception",
        "location": "Headquarters",
        "extension": "2100",
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "business_hours_menu": business,
        "after_hours_menu": {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": keys[:1]},
    }


def validated(options):
    """The options as the module hands them over: every suboption present, unset ones None."""
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

    result = ArgumentSpecValidator(aa_options.argument_spec()).validate(options)
    assert not result.error_messages, result.error_messages
    return result.validated_parameters


class Lookups:
    """A LOOKUP(level, name) over a fixed repository, recording its calls."""

    def __init__(self, *items):
        self.items = items
        self.calls = []

    def __call__(self, level, name):
        self.calls.append((level, name))
        return next((item for item in self.items if item["name"] == name and item["level"] == level), None)


class FakeClient:
    """The list route of the announcement repository, recording each call."""

    org_id = None

    def __init__(self, *items):
        self.items = items
        self.calls = []

    def get_all(self, path, item_key, params=None):
        assert path == "/telephony/config/announcements" and item_key == "announcements"
        self.calls.append(dict(params))
        return [
            item
            for item in self.items
            if params["name"].lower() in item["name"].lower()
            and (item["level"] == "LOCATION") == bool(params.get("locationId"))
        ]


class FakeService:
    def __init__(self, client):
        self.client = client

    def list(self, name=None, page_size=None):
        raise AssertionError("no attendant is referred to")
