"""What the workspace views share: 404 for "not found or not yours", rate limits, reads."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from portal.ratelimit import allow, rate_words, retry_after, wait_words
from workspace import services

ACTIVE_ORGANIZATION = "active_organization"
# The token of an invitation opened while signed out, kept through sign-up and sign-in.
PENDING_INVITATION = "pending_invitation"


def found(obj):
    """The object a selector returned, or 404: not found and not yours look the same."""
    if obj is None:
        raise Http404
    return obj


def require(allowed: bool) -> None:
    """404 unless a permission allows the action (never a 403 that confirms it exists)."""
    if not allowed:
        raise Http404


def bound(request) -> tuple:
    """Form data for a POST even when it arrived empty (an oversize upload was dropped)."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def too_many(request, rate, template, context):
    """The page that says a rate limit was reached and how long to wait (status 429)."""
    context["wait"] = wait_words(rate)
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(retry_after(rate))
    return response


def limit_checks(view):
    """Submissions, revisions and re-checks each run the checker: a limit per person."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        rate = settings.WORKSPACE_CHECK_RATE_LIMIT
        if request.method == "POST" and not allow("workspace_check", rate, f"user:{request.user.pk}"):
            return too_many(request, rate, "429.html", {"limit": rate_words(rate)})
        return view(request, *args, **kwargs)

    return limited


def refused(request, error, job_description):
    messages.error(request, error.message)
    return redirect(job_description)


def note_curator_read(request, version, kind, compared_with=None):
    services.curator_read_record(
        reader=request.user, version=version, kind=kind, compared_with=compared_with
    )
