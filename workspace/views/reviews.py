"""Versions and their reviews: the report, print view, files, compare, dispute, re-check."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from workspace import exports, permissions, selectors, services
from workspace.checking import task_titles
from workspace.compare import classify_findings, text_diff
from workspace.forms import DisputeForm
from workspace.models import CuratorRead
from workspace.report import FINDINGS_LISTED, changes_since_previous, review_report, task_title
from workspace.report_cache import add_finding_notice, report_body
from workspace.views.common import found, limit_checks, note_curator_read, refused, require


def _render_review(request, version, review, template="workspace/report.html", *,
                   dispute_forms=True):
    context = review_report(version, review, request.user, body=False)
    if review:
        context["report_body"] = report_body(request, context, dispute_forms=dispute_forms)
        context["changes"] = changes_since_previous(version, review)
    context["other_reviews"] = version.reviews.latest_first().only(
        "pk", "created_at", "ruleset_version", "version_id"
    )
    context["other_versions"] = version.job_description.versions.exclude(pk=version.pk).only(
        "pk", "number", "job_description_id"
    )
    return render(request, template, context)


@verified_email_required
def version(request, pk):
    version = found(selectors.version_for(request.user, pk))
    note_curator_read(request, version, CuratorRead.Kind.VERSION)
    return _render_review(request, version, selectors.latest_review(version))


@verified_email_required
def review(request, pk):
    review = found(selectors.review_for(request.user, pk))
    note_curator_read(request, review.version, CuratorRead.Kind.REVIEW)
    return _render_review(request, review.version, review)


@verified_email_required
def version_print(request, pk):
    version = found(selectors.version_for(request.user, pk))
    note_curator_read(request, version, CuratorRead.Kind.PRINT)
    return _render_review(
        request, version, selectors.latest_review(version), "workspace/report_print.html",
        dispute_forms=False,
    )


def _download(request, pk, make, extension, content_type):
    version = found(selectors.version_for(request.user, pk))
    review = selectors.latest_review(version)
    if review is None:
        raise Http404("Not checked yet")
    note_curator_read(request, version, CuratorRead.Kind(extension))
    data = make(review_report(version, review, request.user))
    response = HttpResponse(data, content_type=content_type)
    filename = f"review-{slugify(version.job_description.title)[:60] or 'job'}-v{version.number}"
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


@verified_email_required
def version_pdf(request, pk):
    return _download(request, pk, exports.report_pdf, "pdf", "application/pdf")


@verified_email_required
def version_docx(request, pk):
    return _download(
        request, pk, exports.report_docx, "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@verified_email_required
def compare(request, pk):
    job_description = found(selectors.job_description_for(request.user, pk))
    versions = list(job_description.versions.order_by("number"))
    if len(versions) < 2:
        messages.info(request, "There is only one version so far; revise it to compare.")
        return redirect(job_description)
    by_number = {v.number: v for v in versions}
    try:
        old = by_number[int(request.GET.get("from", versions[-2].number))]
        new = by_number[int(request.GET.get("to", versions[-1].number))]
    except (KeyError, ValueError):
        raise Http404("No such version") from None
    note_curator_read(request, new, CuratorRead.Kind.COMPARE, compared_with=old)
    old_review, new_review = selectors.latest_review(old), selectors.latest_review(new)
    findings = classify_findings(
        list(selectors.findings_of(old_review)) if old_review else [],
        list(selectors.findings_of(new_review)) if new_review else [],
    )
    titles = task_titles()
    finding_lists = []
    for label, group in findings.items():
        listed = group[:FINDINGS_LISTED]
        for finding in listed:
            finding.title = task_title(titles, finding.task)
        finding_lists.append((label, len(group), listed, len(group) - len(listed)))
    return render(request, "workspace/compare.html", {
        "job_description": job_description,
        "organization": job_description.organization,
        "versions": versions,
        "old": old,
        "new": new,
        "diff": text_diff(old.text, new.text),
        "findings": findings,
        "finding_lists": finding_lists,
    })


@require_POST
@verified_email_required
def finding_dispute(request, pk):
    finding = found(selectors.finding_for(request.user, pk))
    require(permissions.may_dispute(request.user, finding.review.version.job_description.organization))
    return _dispute_saved(request, finding, lambda comment: services.finding_dispute(
        finding=finding, user=request.user, comment=comment
    ), "Your disagreement was recorded; curators will see it.")


@require_POST
@verified_email_required
def dispute_change(request, pk):
    """Edit or withdraw one's own disagreement."""
    dispute = found(selectors.own_dispute_for(request.user, pk))
    finding = dispute.finding
    require(permissions.may_dispute(request.user, finding.review.version.job_description.organization))
    if request.POST.get("action") == "withdraw":
        services.dispute_withdraw(dispute=dispute)
        add_finding_notice(request, finding, "Your disagreement was withdrawn.")
        return _back_to_finding(request, finding)
    return _dispute_saved(request, finding, lambda comment: services.dispute_edit(
        dispute=dispute, comment=comment
    ), "Your disagreement was updated; curators will see the new wording.")


def _dispute_saved(request, finding, save, done: str):
    form = DisputeForm(request.POST)
    try:
        if not form.is_valid():
            raise services.WorkspaceError(" ".join(form.errors["comment"]))
        save(form.cleaned_data["comment"])
    except services.WorkspaceError as error:
        add_finding_notice(request, finding, error.message, messages.ERROR)
    else:
        add_finding_notice(request, finding, done)
    return _back_to_finding(request, finding)


def _back_to_finding(request, finding):
    """Back to the page the form was on (the version's page or the review's), at the finding."""
    review = finding.review
    pages = {review.get_absolute_url()}
    if selectors.latest_review(review.version).pk == review.pk:
        pages.add(review.version.get_absolute_url())
    page = request.POST.get("return_to")
    if page not in pages:
        page = review.get_absolute_url()
    return redirect(f"{page}#finding-{selectors.finding_number(finding)}")


@require_POST
@verified_email_required
@limit_checks
def version_recheck(request, pk):
    version = found(selectors.version_for(request.user, pk))
    require(permissions.may_dispute(request.user, version.job_description.organization))
    try:
        services.version_recheck(version=version)
    except services.WorkspaceError as error:
        return refused(request, error, version.job_description)
    messages.success(request, "Checked again with the current rules. Earlier reviews are kept.")
    return redirect(version)
