"""The portal's one entry point to the checker engine.

The rules are the active database rules with the pay threshold from the role
standard (standards.rules.ruleset_data). Caching, so that an edit reaches every
worker at once and each worker compiles each ruleset version once:

- The shared cache holds a *rules revision*: a random token replaced whenever a
  rule, a task or a role standard is saved or deleted (`rules_changed`, after
  the transaction commits). The ruleset data built from the database is cached
  under the revision, so workers share one build per revision.
- Each worker keeps the Ruleset of the revision it saw last; the engine keeps
  the compiled patterns by rules hash (jdcheck.get_compiled), so a revision
  that leaves the rules as they were costs no compiling.
"""

from __future__ import annotations

from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

import jdcheck
from standards.rules import ruleset_data

REVISION_KEY = "checker:rules-revision"
DATA_KEY = "checker:rules:{revision}"
DATA_TIMEOUT = 24 * 60 * 60  # a revision's data is never stale, only unused

_current: tuple[str, jdcheck.Ruleset] | None = None  # (revision, ruleset) in this worker


def rules_revision() -> str:
    """The current rules revision (a new one when the cache has none)."""
    revision = cache.get(REVISION_KEY)
    if revision is None:
        revision = uuid4().hex
        if not cache.add(REVISION_KEY, revision, timeout=None):
            revision = cache.get(REVISION_KEY, revision)
    return revision


def rules_changed(**signal_kwargs) -> None:
    """Signal receiver: start a new revision once the change is committed.

    After the commit, not before: a worker that rebuilt in between would cache
    the old rows under the new revision.
    """
    transaction.on_commit(lambda: cache.set(REVISION_KEY, uuid4().hex, timeout=None))


def current_ruleset() -> jdcheck.Ruleset:
    """The rules the portal checks with now."""
    global _current
    revision = rules_revision()
    if _current is None or _current[0] != revision:
        _current = (revision, jdcheck.Ruleset.from_dict(_ruleset_data(revision)))
    return _current[1]


def _ruleset_data(revision: str) -> dict:
    key = DATA_KEY.format(revision=revision)
    data = cache.get(key)
    if data is None:
        data = ruleset_data()
        cache.set(key, data, DATA_TIMEOUT)
    return data


def check_text(text: str) -> dict:
    """Run the checker on a job description with the portal's current rules, within
    the work budget (``complete`` says whether it checked the whole text).

    Call it outside any transaction: it holds no lock and no connection state.
    """
    work = jdcheck.Work(budget=settings.CHECK_WORK_BUDGET)
    return jdcheck.check(text, current_ruleset(), work=work)


def task_titles() -> dict[str, str]:
    """Each task's title, by slug, from the current rules (cached with them: no query)."""
    return {slug: task.title for slug, task in current_ruleset().tasks.items()}
