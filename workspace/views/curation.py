"""Curator pages in the portal: the review queue, decisions and the dispute table.

Only curators reach them (`portal.roles.curator_required`); for anyone else they
do not exist (404).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from portal.roles import curator_required
from portal.text_input import posted_text
from standards.models import ProhibitedTask
from workspace import review_flow, selectors
from workspace.checking import task_titles
from workspace.models import (
    CuratorRead,
    JobDescriptionVersion,
    Organization,
    Outcome,
    Review,
    ReviewStatus,
    Verdict,
)
from workspace.report import review_report
from workspace.services import WorkspaceError, curator_read_record
from workspace.views.common import found


@curator_required
def queue(request):
    """Submitted versions across organizations, filtered by organization, status and task."""
    latest_review = Review.objects.filter(version=OuterRef("pk")).latest_first()
    versions = (
        JobDescriptionVersion.objects.select_related("job_description__organization")
        .annotate(finding_count=Subquery(
            latest_review.annotate(n=Count("findings")).values("n")[:1]
        ))
        .order_by("-submitted_at")
    )
    filters = {
        "organization": request.GET.get("organization", ""),
        "status": request.GET.get("status", ""),
        "task": request.GET.get("task", ""),
    }
    if filters["organization"].isdigit():
        versions = versions.filter(job_description__organization_id=filters["organization"])
    if filters["status"] in ReviewStatus.values:
        versions = versions.filter(review_status=filters["status"])
    if filters["task"]:
        versions = versions.filter(reviews__findings__task=filters["task"]).distinct()
    page = Paginator(versions, 50).get_page(request.GET.get("page"))
    return render(request, "workspace/curation/queue.html", {
        "page": page,
        "filters": filters,
        "organizations": Organization.objects.order_by("name").only("pk", "name"),
        "statuses": ReviewStatus.choices,
        "tasks": sorted(task_titles().items(), key=lambda item: item[1]),
    })


@curator_required
def decide(request, pk):
    version = found(selectors.version_for(request.user, pk))
    review = selectors.latest_review(version)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "start":
                review_flow.review_start(version=version)
                messages.success(request, "The version is now in review.")
            else:
                decision = _record_decision(request, version, review)
                if decision.email_delivery.failed:
                    messages.warning(request, "Decision recorded, but the email to the "
                                     "organization's admins could not be sent; they will see "
                                     "the decision on the report.")
                else:
                    messages.success(
                        request, "Decision recorded; the organization's admins were emailed."
                    )
                return redirect("workspace:curation_queue")
        except WorkspaceError as error:
            messages.error(request, error.message)
        return redirect("workspace:curation_decide", pk=version.pk)
    curator_read_record(reader=request.user, version=version, kind=CuratorRead.Kind.CURATION)
    context = review_report(version, review, request.user)
    context.update({"outcomes": Outcome.choices, "verdicts": Verdict.choices})
    return render(request, "workspace/curation/decide.html", context)


def _record_decision(request, version, review):
    outcome = request.POST.get("outcome")
    if outcome not in Outcome.values:
        raise WorkspaceError("Choose a decision: consistent with the role, or changes recommended.")
    if review is None:
        raise WorkspaceError("This version has no review to decide on.")
    verdicts = {}
    for finding in review.findings.all():
        verdict = request.POST.get(f"verdict-{finding.pk}", "")
        reason = posted_text(request.POST, f"reason-{finding.pk}")
        if verdict in Verdict.values:
            if verdict == Verdict.DISMISSED and not reason:
                raise WorkspaceError(
                    f"Give a reason for dismissing finding {selectors.finding_number(finding)}."
                )
            verdicts[finding.pk] = (verdict, reason)
    return review_flow.decision_record(
        version=version, review=review, curator=request.user, outcome=outcome,
        comments=posted_text(request.POST, "comments"), verdicts=verdicts,
    )


@curator_required
def disputes(request):
    task_ids = dict(ProhibitedTask.objects.values_list("slug", "pk"))
    titles = task_titles()
    rows = selectors.dispute_table()
    for row in rows:
        row["title"] = titles.get(row["task"], row["task"])
        try:
            row["admin_url"] = reverse(
                "admin:standards_prohibitedtask_change", args=[task_ids[row["task"]]]
            )
        except (KeyError, NoReverseMatch):
            row["admin_url"] = None
    return render(request, "workspace/curation/disputes.html", {"rows": rows})
