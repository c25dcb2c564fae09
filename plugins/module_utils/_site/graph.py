# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The order of a site's writes, pure: steps, the steps each one needs first, and the waves they run in.

A step is one object's write (create, update or delete). The rules (clarifications of the site engine):
- a target is written before its referrers: schedules and greetings before the attendants that name them, an attendant
  before the attendants that transfer to it (when it is new or the number that reaches it changes), an attendant
  before its forwarding;
- a cycle of such attendants is broken at its first member, written first without the keys that name the others and
  again, whole, once they exist (a second pass);
- every delete comes after every create and update, so that referrers are rewritten first: attendants first, then
  the greetings and schedules nothing plays or names any more; but a delete that frees what a write takes (an
  extension or number a new attendant gets, a rename through purge) comes first, before that write;
- a step whose dependency failed is not attempted.
"""

from __future__ import annotations

WRITE_ORDER = ("schedules", "announcements", "auto_attendants", "forwarding")
DELETE_ORDER = ("auto_attendants", "announcements", "schedules")


class Step:
    """One write: the object's KEY, its KIND and ACTION, the keys of the steps it NEEDS first, and for an attendant in
    a cycle the target keys it leaves out (DEFERRED) and whether it is the second, whole pass (SECOND)."""

    def __init__(self, key, kind, action, needs=(), deferred=frozenset(), second=False):
        self.key = key
        self.kind = kind
        self.action = action
        self.needs = set(needs)
        self.deferred = frozenset(deferred)
        self.second = second
        self.level = 0

    @property
    def id(self):
        return (self.key, self.second)

    def __repr__(self):
        return "Step(%r, %s%s, level %d)" % (self.key, self.action, " second pass" if self.second else "", self.level)


def _cycles_broken(keys, refers):
    """{key: deferred target keys} for the attendants written in a first pass without some references.

    KEYS: the attendant keys written, in declaration order; REFERS: {key: set of keys among KEYS it needs first}.
    Declaration order is kept wherever the references allow it; a cycle is broken at its first member.
    """
    done, deferred, remaining = set(), {}, list(keys)
    while remaining:
        ready = [key for key in remaining if refers[key] - {key} <= done]
        if ready:
            key = ready[0]
        else:
            key = next(key for key in remaining if _on_cycle(key, refers, done))
            deferred[key] = frozenset(refers[key] - done - {key})
        done.add(key)
        remaining.remove(key)
    return deferred


def _on_cycle(start, refers, done):
    seen, stack = set(), list(refers[start] - done)
    while stack:
        key = stack.pop()
        if key == start:
            return True
        if key not in seen:
            seen.add(key)
            stack.extend(refers.get(key, set()) - done)
    return False


def order(writes, deletes, needs):
    """The steps of a site, each with its level (the wave it runs in: every step of a wave may run at once).

    WRITES: (key, kind, action) of the creates and updates, in declaration order, kinds in WRITE_ORDER; DELETES: the
    same for the deletes. NEEDS: {key: keys it needs written first} (an attendant's needs on other attendants may form
    cycles; a write that needs a delete gets that delete early). Returns the steps in execution order.
    """
    written = {key for key, _kind, _action in writes}
    early = {key for key, _kind, _action in deletes if any(key in needs.get(other, ()) for other in written)}
    steps, by_key = [], {}
    attendants = [key for key, kind, _action in writes if kind == "auto_attendants"]
    attendant_refers = {key: {need for need in needs.get(key, ()) if need in set(attendants)} for key in attendants}
    deferred = _cycles_broken(attendants, attendant_refers)
    for key, kind, action in deletes:
        if key in early:  # first: nothing it frees can be taken before it is gone
            step = Step(key, kind, action)
            steps.append(step)
            by_key[key] = step
    for key, kind, action in writes:
        wanted = {need for need in needs.get(key, ()) if (need in written or need in early) and need != key}
        step = Step(key, kind, action, wanted)
        if key in deferred:
            step.deferred = deferred[key]
            step.needs -= deferred[key]
        steps.append(step)
        by_key[key] = step
    seconds = [
        Step(key, "auto_attendants", by_key[key].action, set(deferred[key]) | {key}, second=True) for key in deferred
    ]
    _levels(steps, by_key)
    for step in seconds:
        step.level = 1 + max(by_key[need].level for need in step.needs)
    last_write = max([step.level for step in steps + seconds] or [-1])
    delete_steps = []
    for rank, kind in enumerate(DELETE_ORDER):
        for key, step_kind, action in deletes:
            if step_kind == kind and key not in early:
                step = Step(key, kind, action, set(needs.get(key, ())) & written)
                step.level = last_write + 1 + rank
                delete_steps.append(step)
    return sorted(steps + seconds, key=_execution_rank) + delete_steps


def _levels(steps, by_key):
    """Each write step's level: one more than the highest level of what it needs (cycles are already broken)."""
    settled = {}

    def level(step, path=()):
        if step.key in settled:
            return settled[step.key]
        if step.key in path:  # cannot happen once cycles are broken; fail loudly rather than loop
            raise ValueError("dependency cycle through %r" % (step.key,))
        value = 1 + max([level(by_key[need], path + (step.key,)) for need in step.needs if need in by_key] or [-1])
        settled[step.key] = value
        return value

    for step in steps:
        step.level = level(step)


def _execution_rank(step):
    return (step.level, step.action != "delete", WRITE_ORDER.index(step.kind), step.second)


def waves(steps):
    """STEPS grouped by level, in order: [[step, ...], ...]."""
    grouped = {}
    for step in steps:
        grouped.setdefault(step.level, []).append(step)
    return [grouped[level] for level in sorted(grouped)]
