"""The report body (highlighted description, findings, role elements) rendered once
per review and cached.

A review's findings never change; what the body shows beside them does: members'
disagreements, curators' verdicts and the task titles of the current rules. The
cache key holds all three (the dispute count and latest time, the latest
decision, the rules revision), so a new dispute or decision is a new key and the
old entry simply expires. The dispute form's CSRF token is per visitor: the
cached HTML holds a placeholder that each request fills in.
"""

from django.core.cache import cache
from django.db.models import Count, Max
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from workspace.checking import rules_revision
from workspace.models import Review
from workspace.report import report_of_review

TIMEOUT = 24 * 60 * 60
CSRF_PLACEHOLDER = "__report-body-csrf-token__"


def report_body(request, context: dict, *, dispute_forms: bool) -> str:
    """The rendered _report_body.html for context["review"], from the cache when it can."""
    review = context["review"]
    dispute_forms = dispute_forms and context["membership"] is not None
    key = _key(review, dispute_forms)
    html = cache.get(key)
    if html is None:
        body = {**context, **report_of_review(context["version"], review)}
        body.update(show_dispute_forms=dispute_forms, csrf_token=CSRF_PLACEHOLDER)
        html = render_to_string("workspace/_report_body.html", body)
        cache.set(key, html, TIMEOUT)
    if dispute_forms:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(html)  # rendered by the template engine, which escaped it


def _key(review, dispute_forms: bool) -> str:
    shown = Review.objects.filter(pk=review.pk).aggregate(
        disputes=Count("findings__disputes", distinct=True),
        last_dispute=Max("findings__disputes__created_at"),
        last_decision=Max("decisions__pk"),
    )
    last = shown["last_dispute"].timestamp() if shown["last_dispute"] else 0
    return (f"report-body:{review.pk}:{int(dispute_forms)}:{rules_revision()}:"
            f"{shown['disputes']}:{last}:{shown['last_decision']}")
