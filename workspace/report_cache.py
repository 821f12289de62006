"""The report body (highlighted description, findings, role elements) rendered once
per review and cached.

A review's findings never change; what the body shows beside them does: members'
disagreements, curators' verdicts and the task titles of the current rules. The
cache key holds all three (the dispute count and latest time, the latest
decision, the rules revision), so a new dispute or decision is a new key and the
old entry simply expires. The dispute form's CSRF token and the page to return
to are per visitor: the cached HTML holds placeholders that each request fills
in, as it does the notice after a member's own "we disagree" (shown at the
finding, where the page lands). A member's own disagreements have edit forms, so
a member who has any gets a body of their own.
"""

import re

from django.contrib import messages
from django.core.cache import cache
from django.db.models import Count, Max
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from workspace.checking import rules_revision
from workspace.models import FindingDispute, Review
from workspace.report import report_of_review

TIMEOUT = 24 * 60 * 60
CSRF_PLACEHOLDER = "__report-body-csrf-token__"
RETURN_PLACEHOLDER = "__report-body-return-to__"
NOTICE_PLACEHOLDER = "<!--finding-notice-{pk}-->"
NOTICE_PLACEHOLDERS = re.compile(r"<!--finding-notice-\d+-->")
NOTICE_TAG = "finding-notice-"  # and the finding's pk


def report_body(request, context: dict, *, dispute_forms: bool) -> str:
    """The rendered _report_body.html for context["review"], from the cache when it can."""
    review = context["review"]
    dispute_forms = dispute_forms and context["membership"] is not None
    own_findings = set(FindingDispute.objects.filter(
        finding__review=review, raised_by=request.user
    ).values_list("finding_id", flat=True)) if dispute_forms else set()
    key = _key(review, dispute_forms, request.user.pk if own_findings else None)
    html = cache.get(key)
    if html is None:
        body = {**context, **report_of_review(context["version"], review)}
        body.update(show_dispute_forms=dispute_forms, csrf_token=CSRF_PLACEHOLDER,
                    return_to=RETURN_PLACEHOLDER, own_findings=own_findings)
        html = render_to_string("workspace/_report_body.html", body)
        cache.set(key, html, TIMEOUT)
    if dispute_forms:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
        html = html.replace(RETURN_PLACEHOLDER, escape(request.path))
    for message in messages.get_messages(request):
        finding_pk = _notice_finding(message)
        if finding_pk:
            html = html.replace(NOTICE_PLACEHOLDER.format(pk=finding_pk), format_html(
                '<p class="alert alert-{} finding-notice" role="status">{}</p>',
                "danger" if message.level == messages.ERROR else "success", message.message,
            ))
    html = NOTICE_PLACEHOLDERS.sub("", html)
    return mark_safe(html)  # rendered by the template engine, which escaped it


def add_finding_notice(request, finding, text: str, level=messages.SUCCESS) -> None:
    """A message shown at the finding (base.html leaves messages tagged so to the report)."""
    messages.add_message(request, level, text, extra_tags=f"{NOTICE_TAG}{finding.pk}")


def _notice_finding(message) -> str | None:
    return next((tag.removeprefix(NOTICE_TAG) for tag in message.extra_tags.split()
                 if tag.startswith(NOTICE_TAG)), None)


def _key(review, dispute_forms: bool, owner: int | None) -> str:
    shown = Review.objects.filter(pk=review.pk).aggregate(
        disputes=Count("findings__disputes", distinct=True),
        last_dispute=Max("findings__disputes__updated_at"),
        last_decision=Max("decisions__pk"),
    )
    last = shown["last_dispute"].timestamp() if shown["last_dispute"] else 0
    return (f"report-body:{review.pk}:{int(dispute_forms)}:{owner or ''}:{rules_revision()}:"
            f"{shown['disputes']}:{last}:{shown['last_decision']}")
