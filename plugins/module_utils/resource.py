# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The skeleton every resource shares: paths, exact lookup, create once, delete, the plan, read-back and the runner.

A resource is a package (_schedule/, _announcement/, _forwarding/, _auto_attendant/) with one anatomy: options.py
(argument_spec, validate_options, check_options), compare.py (desired state, normalise, compare, plan; pure),
service.py (the only code that knows the resource's API paths, built on the helpers here) and converge.py
(converge() and the module's run()). A module's main() is one call of run_module(). The data path of every module:

    options -> validate_options() -> (resolve location) -> lookup (find_one) -> details -> plan()
            -> check mode stops here -> write (create_once / client.put / delete) -> read back (verify) -> result

A write that may have taken is never reported unchanged: writes_reported() watches what the client sends (a module's
whole run in module_result(), each object's write in the site engine) and marks any failure after such a write as
changed, naming the writes and the step that failed after them.
"""

from __future__ import annotations

import copy
import re
from urllib.parse import quote

from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

NAME_MAX_LENGTH = 80
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class ResourceError(Exception):
    """A problem found while converging that is not an HTTP error (duplicates, missing options, in use).

    CHANGED tells whether the service may have been changed before the problem was found.
    """

    def __init__(self, message, changed=False):
        super().__init__(message)
        self.changed = changed


class AmbiguousName(ResourceError):
    """More than one object has the name that is to identify one (the service does not keep names unique)."""


class WriteNotApplied(ResourceError):
    """The service answered 2xx to a write but does not store what was sent (2xx means accepted, not applied).

    FIELDS: what did not take, as option paths; an empty list means the object itself was not created.
    """

    def __init__(self, what, fields, tracking_id=None):
        if fields:
            text = "the service answered 2xx but did not apply %s of %s" % (", ".join(fields), what)
        else:
            text = "the service answered 2xx but %s was not created: it cannot be read back" % what
        if tracking_id:
            text += " (trackingId %s)" % tracking_id
        super().__init__(text, changed=True)
        self.fields = list(fields)
        self.tracking_id = tracking_id


class DeleteNotApplied(WriteNotApplied):
    """A delete the service answered, whose object a follow-up read still finds (changed: the DELETE was sent)."""

    def __init__(self, what, tracking_id=None):
        text = "the service answered the DELETE of %s, but it is still there: the delete did not take" % what
        if tracking_id:
            text += " (trackingId %s)" % tracking_id
        ResourceError.__init__(self, text, changed=True)  # pylint: disable=non-parent-init-called
        self.fields = ["delete"]
        self.tracking_id = tracking_id


# -- small pure helpers ----------------------------------------------------------------------------------------------


def without_none(value):
    """VALUE with every None dropped from its dicts, at any depth (unset options are left alone, never sent)."""
    if isinstance(value, dict):
        return {key: without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_none(item) for item in value]
    return value


def name_problem(value, max_length=NAME_MAX_LENGTH):
    """Why VALUE cannot be the name of a Webex object, or None."""
    if not isinstance(value, str) or not value.strip():
        return "must not be empty"
    if len(value) > max_length:
        return "%d characters, the maximum is %d" % (len(value), max_length)
    if CONTROL_CHARACTERS.search(value):
        return "must not contain control characters"
    return None


def text_problem(option, value):
    """Why VALUE, given for OPTION, is not text (YAML read an unquoted value as a number or boolean), or None."""
    if value is None or isinstance(value, str):
        return None
    example = option.rsplit(".", 1)[-1].split(" ", 1)[0]
    if isinstance(value, bool):
        return (
            "%s: is the boolean %s, not text (YAML reads an unquoted yes, no, on, off, true or false as a boolean); "
            'quote it, for example %s: "no"' % (option, str(value).lower(), example)
        )
    if isinstance(value, (int, float)):
        return (
            "%s: is the number %s, not text (YAML reads unquoted digits as a number: 0100 becomes 64, 1_000 becomes "
            '1000); quote it, for example %s: "0100"' % (option, value, example)
        )
    return "%s: must be text, got %s" % (option, type(value).__name__)


def api_path(template, *ids):
    """TEMPLATE with each id as one quoted path segment: Webex ids are base64 and may hold "/", "+" or "="."""
    return template % tuple(quote(str(value), safe="") for value in ids)


# -- the plan ----------------------------------------------------------------------------------------------------


class Plan:
    """What to do (create, update, delete or nothing), the request body, and the before/after for diff.

    TO_SNAKE turns an API object into the module's snake_case form for the diff. FIELDS: what differs, as option
    paths, when the resource tells (an update's differing fields). Resources that write in several calls subclass it
    (schedules: the rename and the event calls; forwarding: the rule calls).
    """

    ACTIONS = ("create", "update", "delete", "nothing")

    def __init__(self, action, body=None, before=None, after=None, to_snake=None, fields=None):
        if action not in self.ACTIONS:
            raise ValueError("unknown plan action %r" % action)
        self.action = action
        self.body = body or {}
        self.before = before or {}
        self.after = after or {}
        self.fields = list(fields or [])
        self._to_snake = to_snake or (lambda value: value)

    @property
    def changed(self):
        return self.action != "nothing"

    def diff(self):
        return dict(before=self._to_snake(self.before), after=self._to_snake(self.after))


# -- HTTP patterns every resource uses ----------------------------------------------------------------------------


def find_exact(client, path, item_key, params, match):
    """Every list item for which MATCH(item) is true, over every page.

    Webex list filters (name=) match any name that *contains* the value, in any case: the exact match is MATCH's.
    """
    return [item for item in client.get_all(path, item_key, params=params) if match(item)]


def find_one(
    client, path, item_key, params, match, what, name, where="in this location", advice="remove the duplicates first"
):
    """The one list item for which MATCH(item) is true, over every page, or None; two or more raise AmbiguousName.

    WHAT (plural noun: "auto attendants"), NAME, WHERE and ADVICE make the one message every look-up refuses with:
    "2 auto attendants are called 'Main' in this location (ids: A, B); remove the duplicates first".
    """
    matches = find_exact(client, path, item_key, params, match)
    if len(matches) > 1:
        raise AmbiguousName(
            "%d %s are called %r %s (ids: %s); %s"
            % (len(matches), what, name, where, ", ".join(str(item.get("id")) for item in matches), advice)
        )
    return matches[0] if matches else None


def _after_write(step, call):
    """CALL(), a read that follows a write: a failure of it is tagged with STEP for the message writes_reported()
    makes ("the read-back failed: ...")."""
    try:
        return call()
    except WebexApiError as error:
        error.step = error.step or step
        raise


def create_once(client, path, body, lookup):
    """POST BODY to PATH and return the new id, never creating a duplicate.

    A POST is never replayed blindly: after an ambiguous failure (no answer, 5xx) LOOKUP() (the object as the name
    finds it, or None) decides. Found: the POST was carried out. Not found: it is sent once more, and after a second
    ambiguous failure LOOKUP() decides again; when the outcome stays unknown the error says so (changed: the POST may
    have been carried out all the same).
    """
    last_error = None
    for _attempt in range(2):
        try:
            answer = client.post(path, json=body)
        except WebexApiError as error:
            if not error.ambiguous:
                raise
            last_error = error
            found = _after_write("the look-up after it", lookup)
            if found:
                return found["id"]
            continue
        if not isinstance(answer, dict) or not answer.get("id"):
            raise ResourceError(
                "POST %s answered without the id of the new object; it may have been created: "
                "run again to find it by name" % path.split("?", 1)[0],
                changed=True,
            )
        return answer["id"]
    raise ResourceError(
        "%s; it was looked up by name after each attempt and not found, so it was most likely not created, but the "
        "outcome is not certain (it may have taken: run again to converge)" % last_error,
        changed=True,
    )


def delete(client, path, missing_ok=True):
    """DELETE PATH; with MISSING_OK a 404 means already gone (deleted meanwhile, or a retried DELETE that went through)."""
    try:
        client.delete(path)
    except WebexApiError as error:
        if not (missing_ok and error.status == 404):
            raise
        return False
    return True


def delete_confirmed(client, what, path, read=None):
    """DELETE PATH (a 404: already gone) and read it back: READ() (default: GET PATH) must answer 404.

    An object the read still finds raises DeleteNotApplied naming WHAT: a DELETE answered 2xx means accepted, not done.
    Returns whether the DELETE found the object (False: it was gone already).
    """
    deleted = delete(client, path)
    tracking_id = client.last_tracking_id
    try:
        _after_write("the read-back", read or (lambda: client.get(path)))
    except WebexApiError as error:
        if error.status != 404:
            raise
        return deleted
    raise DeleteNotApplied(what, tracking_id)


def read_back(client, what, read, differences):
    """Verify a write: READ() the object again and raise WriteNotApplied unless DIFFERENCES(stored) is empty.

    READ: the stored object (a 404 means it is not there). DIFFERENCES(stored): the option paths whose wanted value the
    stored object does not show, compared exactly as the plan compares. Returns the stored object.
    """
    tracking_id = client.last_tracking_id
    try:
        stored = _after_write("the read-back", read)
    except WebexApiError as error:
        if error.status != 404:
            raise
        raise WriteNotApplied(what, [], tracking_id) from error
    fields = differences(stored)
    if fields:
        raise WriteNotApplied(what, fields, tracking_id)
    return stored


# -- a write that may have taken -------------------------------------------------------------------------------------


SHOWN_WRITES = 5


def sent_text(sent):
    """The writes SENT (SentWrite records, oldest first) as a message says them: each request once, its last outcome."""
    last = {}
    for write in sent:
        last.pop((write.method, write.path), None)
        last[(write.method, write.path)] = write
    writes = list(last.values())
    if len(writes) == 1:
        return "%s %s was sent (%s)" % (writes[0].method, writes[0].path, writes[0].outcome)
    shown = ", ".join(str(write) for write in writes[-SHOWN_WRITES:])
    if len(writes) > SHOWN_WRITES:
        shown = "the last %d: %s" % (SHOWN_WRITES, shown)
    return "%d writes were sent (%s)" % (len(writes), shown)


def mark_may_have_taken(error, sent):
    """Mark ERROR, raised after the writes SENT (not empty), as changed, its message naming them and the step that
    failed after them. An error that already reports a change (WriteNotApplied, DeleteNotApplied...) says so itself."""
    if isinstance(error, ResourceError) and error.changed:
        return
    try:
        error.changed = True
    except AttributeError:  # pragma: no cover - an exception type that takes no attributes
        return
    writes = sent_text(sent)
    last = sent[-1]
    it_them = "it" if len({(write.method, write.path) for write in sent}) == 1 else "they"
    if isinstance(error, WebexApiError):
        if error.step:
            what = "%s failed: " % error.step
        elif (error.method, error.path) == (last.method, last.path):
            what = "its outcome is not known: "
        else:
            what = "then "
        error.preface = "%s; %s" % (writes, what)
        error.afterword = "; %s may have taken: run the task again to converge" % it_them
    elif isinstance(error, ResourceError):
        error.args = ("%s; then %s; %s may have taken: run the task again to converge" % (writes, error, it_them),)


class writes_reported:  # noqa: N801 - used as a function: with writes_reported(client) as writes
    """Within it, a failure after a write that may have taken is marked changed (mark_may_have_taken); .sent holds the
    writes CLIENT sent from this thread meanwhile, for a result that succeeds after them."""

    def __init__(self, client):
        self._record = client.writes_sent() if hasattr(client, "writes_sent") else []
        self._start = len(self._record)

    @property
    def sent(self):
        return self._record[self._start :]

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, Exception) and self.sent:
            mark_may_have_taken(error, self.sent)
        return False


# -- options ------------------------------------------------------------------------------------------------------


def checked_options(argument_spec, validate, options):
    """(OPTIONS as a module with ARGUMENT_SPEC would see them: types and defaults applied, problems); the problems are
    argument_spec's, then (only when it has none) VALIDATE(params)'s: [] when the module would accept OPTIONS."""
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

    result = ArgumentSpecValidator(argument_spec).validate(copy.deepcopy(options))
    problems = list(result.error_messages)
    if not problems:
        problems = validate(result.validated_parameters)
    return result.validated_parameters, problems


def check_options(argument_spec, validate, options):
    """Why a module with ARGUMENT_SPEC and VALIDATE would refuse OPTIONS; [] when it accepts them."""
    return checked_options(argument_spec, validate, options)[1]


# -- the module runner ---------------------------------------------------------------------------------------------


def module_result(run, module, client):
    """(failed, result) of RUN(module, client), as a module reports it.

    WebexApiError becomes msg + api_error; ResourceError becomes msg (+ not_applied); both with the truthful changed:
    true whenever a write may have taken before the failure (writes_reported), and then the message names it. A run
    that succeeds after a write that may have taken is changed too.
    """
    try:
        with writes_reported(client) as writes:
            result = run(module, client)
    except WebexApiError as error:
        return True, dict(msg=str(error), api_error=error.as_dict(), changed=bool(error.changed))
    except ResourceError as error:
        extra = {"not_applied": error.fields} if isinstance(error, WriteNotApplied) else {}
        return True, dict(msg=str(error), changed=error.changed, **extra)
    if writes.sent and not result.get("changed"):
        result = dict(result, changed=True)
    return False, result


def run_module(argument_spec, run, validate=None, **module_kwargs):
    """The whole main() of a module: options -> VALIDATE -> client -> RUN(module, client) -> exit or fail.

    ARGUMENT_SPEC: the resource options (the connection options are added here). VALIDATE(params): the problems
    argument_spec cannot see, each naming its option. RUN returns the result dict (changed, the resource, diff);
    module_result() turns it, or the error it raised, into what the module reports.
    """
    from ansible.module_utils.basic import AnsibleModule

    from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient, webex_argument_spec

    spec = dict(argument_spec)
    spec.update(webex_argument_spec())
    module_kwargs.setdefault("supports_check_mode", True)
    module = AnsibleModule(argument_spec=spec, **module_kwargs)
    if validate is not None:
        errors = validate(module.params)
        if errors:
            module.fail_json(msg="Invalid options: " + "; ".join(errors), errors=errors)
    client = WebexClient.from_module(module)
    failed, result = module_result(run, module, client)
    if failed:
        module.fail_json(**result)
    module.exit_json(**result)
