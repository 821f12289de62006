from functools import wraps

from allauth.account.decorators import reauthentication_required, verified_email_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.ratelimit import allow, client_address, rate_words, retry_after, wait_words
from standards.services import peer_fte_needed
from workspace import exports, selectors, services
from workspace.checking import check_text, task_titles
from workspace.compare import classify_findings, text_diff
from workspace.forms import (
    DescriptionTextForm,
    DisputeForm,
    InvitationForm,
    JobDescriptionForm,
    OrganizationForm,
    RoleForm,
    SubmissionForm,
)
from workspace.models import CuratorRead, Membership
from workspace.report import FINDINGS_LISTED, quick_report, review_report, task_title

ACTIVE_ORGANIZATION = "active_organization"


def _bound(request) -> tuple:
    """Form data for a POST even when it arrived empty (an oversize upload was dropped)."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _too_many(request, rate, template, context):
    """The page that says a rate limit was reached and how long to wait (status 429)."""
    context["wait"] = wait_words(rate)
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(retry_after(rate))
    return response


# --- Quick check: public, stores nothing ---


@never_cache
def quick_check(request):
    form = DescriptionTextForm(request=request)
    context = {"form": form}
    if request.method == "POST":
        rate = settings.QUICK_CHECK_RATE_LIMIT
        if not allow("quick_check", rate, client_address(request)):
            context["rate_limited"] = True
            return _too_many(request, rate, "workspace/quick_check.html", context)
        form = DescriptionTextForm(request.POST, request.FILES, request=request)
        context["form"] = form
        if form.is_valid():
            text = form.cleaned_data["text"]
            result = check_text(text)
            context.update(quick_report(text, result))
            context["text"] = text
            context["ruleset_version"] = result.ruleset_version
            context["checked"] = True
    return render(request, "workspace/quick_check.html", context)


# --- Organizations ---


@verified_email_required
def index(request):
    memberships = list(selectors.memberships_of(request.user))
    active_id = request.session.get(ACTIVE_ORGANIZATION)
    for membership in memberships:
        if membership.organization_id == active_id:
            return redirect(membership.organization)
    if len(memberships) == 1:
        return redirect(memberships[0].organization)
    return render(request, "workspace/index.html", {"memberships": memberships})


@verified_email_required
def organization_create(request):
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organization = services.organization_create(user=request.user, **form.cleaned_data)
        request.session[ACTIVE_ORGANIZATION] = organization.pk
        messages.success(request, f"{organization.name} is ready. You are its admin.")
        return redirect(organization)
    return render(request, "workspace/organization_form.html", {"form": form})


@verified_email_required
def organization(request, pk):
    organization = selectors.organization_for(request.user, pk)
    membership = Membership.objects.filter(organization=organization, user=request.user).first()
    if membership:
        request.session[ACTIVE_ORGANIZATION] = organization.pk
    ratio = None
    if organization.people_served:
        ratio = peer_fte_needed(organization.people_served)
    return render(request, "workspace/organization.html", {
        "organization": organization,
        "membership": membership,
        "job_descriptions": selectors.job_descriptions_with_status(organization),
        "archived": selectors.job_descriptions_with_status(organization, archived=True),
        "ratio": ratio,
        "other_memberships": [
            m for m in selectors.memberships_of(request.user) if m.organization_id != pk
        ],
    })


@verified_email_required
def members(request, pk):
    organization = selectors.organization_for(request.user, pk)
    membership = selectors.membership_in(request.user, organization)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not membership.is_admin:
            raise Http404
        if form.is_valid():
            try:
                invitation = services.invitation_create(
                    organization=organization, invited_by=request.user,
                    accept_url_for=lambda token: request.build_absolute_uri(
                        reverse("workspace:invitation_accept", args=[token])
                    ),
                    **form.cleaned_data,
                )
            except services.WorkspaceError as error:
                form.add_error("email", error.message)
            else:
                if invitation.email_delivery.failed:
                    messages.warning(
                        request, f"The invitation for {invitation.email} was saved, but the "
                        "email could not be sent. Check the address, or invite them again later."
                    )
                else:
                    messages.success(request, f"Invitation sent to {invitation.email}.")
                return redirect("workspace:members", pk=organization.pk)
    return render(request, "workspace/members.html", {
        "organization": organization,
        "membership": membership,
        "members": organization.memberships.select_related("user"),
        "invitations": organization.invitations.filter(accepted_at__isnull=True),
        "form": form,
        "role_choices": RoleForm.base_fields["role"].choices,
    })


@require_POST
@verified_email_required
@reauthentication_required
def member_role(request, pk, member_pk):
    organization = selectors.organization_for(request.user, pk)
    selectors.membership_in(request.user, organization, admin=True)
    target = get_object_or_404(organization.memberships, pk=member_pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            changed = services.membership_change_role(
                membership=target, role=form.cleaned_data["role"]
            )
        except services.WorkspaceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"{changed.user.email} is now {changed.get_role_display()}.")
    return redirect("workspace:members", pk=organization.pk)


@require_POST
@verified_email_required
@reauthentication_required
def member_remove(request, pk, member_pk):
    organization = selectors.organization_for(request.user, pk)
    own = selectors.membership_in(request.user, organization)
    target = get_object_or_404(organization.memberships, pk=member_pk)
    if target.pk != own.pk and not own.is_admin:
        raise Http404
    try:
        services.membership_remove(membership=target)
    except services.WorkspaceError as error:
        messages.error(request, error.message)
        return redirect("workspace:members", pk=organization.pk)
    if target.pk == own.pk:
        messages.success(request, f"You have left {organization.name}.")
        request.session.pop(ACTIVE_ORGANIZATION, None)
        return redirect("workspace:index")
    messages.success(request, f"{target.user.email} was removed.")
    return redirect("workspace:members", pk=organization.pk)


@login_required
def invitation_accept(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except services.WorkspaceError as error:
        return render(request, "workspace/invitation.html", {"error": error.message}, status=400)
    if request.method == "POST":
        try:
            membership = services.invitation_accept(token=token, user=request.user)
        except services.WorkspaceError as error:
            return render(
                request, "workspace/invitation.html",
                {"error": error.message, "invitation": invitation}, status=400,
            )
        request.session[ACTIVE_ORGANIZATION] = membership.organization_id
        messages.success(request, f"Welcome to {membership.organization.name}.")
        return redirect(membership.organization)
    return render(request, "workspace/invitation.html", {"invitation": invitation})


@verified_email_required
def curator_reads(request, pk):
    """For the organization's admins: which curator read which submission, and when."""
    organization = selectors.organization_for(request.user, pk)
    selectors.membership_in(request.user, organization, admin=True)
    page = Paginator(selectors.curator_reads_of(organization), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "workspace/curator_reads.html", {
        "organization": organization, "page": page,
    })


# --- Job descriptions, versions and reports ---


def _limit_checks(view):
    """Submissions, revisions and re-checks each run the checker: a limit per person."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        rate = settings.WORKSPACE_CHECK_RATE_LIMIT
        if request.method == "POST" and not allow("workspace_check", rate, f"user:{request.user.pk}"):
            return _too_many(request, rate, "429.html", {"limit": rate_words(rate)})
        return view(request, *args, **kwargs)

    return limited


def _refused(request, error, job_description):
    messages.error(request, error.message)
    return redirect(job_description)


@verified_email_required
@_limit_checks
def job_description_create(request, pk):
    organization = selectors.organization_for(request.user, pk)
    selectors.membership_in(request.user, organization)
    form = JobDescriptionForm(*_bound(request), request=request)
    if request.method == "POST" and form.is_valid():
        _, version = services.job_description_create(
            organization=organization,
            title=form.cleaned_data["title"],
            setting_type=form.cleaned_data["setting_type"],
            text=form.cleaned_data["text"],
            original_filename=form.original_filename,
            user=request.user,
            submission_token=form.cleaned_data["submission_token"],
        )
        messages.success(request, "Your job description was checked. Here is its review.")
        return redirect(version)
    return render(request, "workspace/job_description_form.html", {
        "form": form, "organization": organization,
    })


@verified_email_required
def job_description(request, pk):
    job_description = selectors.job_description_for(request.user, pk)
    membership = Membership.objects.filter(
        organization=job_description.organization, user=request.user
    ).first()
    return render(request, "workspace/job_description.html", {
        "job_description": job_description,
        "organization": job_description.organization,
        "membership": membership,
        "versions": job_description.versions.select_related("submitted_by").order_by("-number"),
    })


@verified_email_required
@_limit_checks
def job_description_revise(request, pk):
    job_description = selectors.job_description_for(request.user, pk)
    selectors.membership_in(request.user, job_description.organization)
    try:
        services.job_description_open(job_description)
    except services.WorkspaceError as error:
        return _refused(request, error, job_description)
    latest = job_description.versions.order_by("-number").first()
    initial = {"text": latest.text} if latest else {}
    form = SubmissionForm(*_bound(request), request=request, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.version_submit(
                job_description=job_description, text=form.cleaned_data["text"],
                original_filename=form.original_filename, user=request.user,
                submission_token=form.cleaned_data["submission_token"],
            )
        except services.WorkspaceError as error:  # archived meanwhile
            return _refused(request, error, job_description)
        messages.success(request, f"Version {version.number} was checked.")
        return redirect(version)
    return render(request, "workspace/revise.html", {
        "form": form, "job_description": job_description,
        "organization": job_description.organization,
    })


@require_POST
@verified_email_required
def job_description_archive(request, pk):
    job_description = selectors.job_description_for(request.user, pk)
    selectors.membership_in(request.user, job_description.organization, admin=True)
    if request.POST.get("restore"):
        services.job_description_restore(job_description=job_description)
        messages.success(request, f"“{job_description.title}” was restored.")
    else:
        services.job_description_archive(job_description=job_description)
        messages.success(
            request, f"“{job_description.title}” was archived. An admin can restore it."
        )
    return redirect(job_description.organization)


def _note_curator_read(request, version, kind, compared_with=None):
    services.curator_read_record(
        reader=request.user, version=version, kind=kind, compared_with=compared_with
    )


def _render_review(request, version, review, template="workspace/report.html"):
    context = review_report(version, review, request.user)
    context["other_reviews"] = version.reviews.latest_first().only(
        "pk", "created_at", "ruleset_version", "version_id"
    )
    context["other_versions"] = version.job_description.versions.exclude(pk=version.pk).only(
        "pk", "number", "job_description_id"
    )
    return render(request, template, context)


@verified_email_required
def version(request, pk):
    version = selectors.version_for(request.user, pk)
    _note_curator_read(request, version, CuratorRead.Kind.VERSION)
    return _render_review(request, version, selectors.latest_review(version))


@verified_email_required
def review(request, pk):
    review = selectors.review_for(request.user, pk)
    _note_curator_read(request, review.version, CuratorRead.Kind.REVIEW)
    return _render_review(request, review.version, review)


@verified_email_required
def version_print(request, pk):
    version = selectors.version_for(request.user, pk)
    _note_curator_read(request, version, CuratorRead.Kind.PRINT)
    return _render_review(
        request, version, selectors.latest_review(version), "workspace/report_print.html"
    )


def _download(request, pk, make, extension, content_type):
    version = selectors.version_for(request.user, pk)
    review = selectors.latest_review(version)
    if review is None:
        raise Http404("Not checked yet")
    _note_curator_read(request, version, CuratorRead.Kind(extension))
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
    job_description = selectors.job_description_for(request.user, pk)
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
    _note_curator_read(request, new, CuratorRead.Kind.COMPARE, compared_with=old)
    old_review, new_review = selectors.latest_review(old), selectors.latest_review(new)
    findings = classify_findings(
        list(old_review.findings.all()) if old_review else [],
        list(new_review.findings.all()) if new_review else [],
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
    finding = selectors.finding_for(request.user, pk)
    version = finding.review.version
    selectors.membership_in(request.user, version.job_description.organization)
    form = DisputeForm(request.POST)
    try:
        if not form.is_valid():
            raise services.WorkspaceError(" ".join(form.errors["comment"]))
        services.finding_dispute(
            finding=finding, user=request.user, comment=form.cleaned_data["comment"]
        )
    except services.WorkspaceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Your disagreement was recorded; curators will see it.")
    return redirect(reverse("workspace:review", args=[finding.review_id]) + f"#finding-{finding.position + 1}")


@require_POST
@verified_email_required
@_limit_checks
def version_recheck(request, pk):
    version = selectors.version_for(request.user, pk)
    selectors.membership_in(request.user, version.job_description.organization)
    try:
        services.version_recheck(version=version)
    except services.WorkspaceError as error:
        return _refused(request, error, version.job_description)
    messages.success(request, "Checked again with the current rules. Earlier reviews are kept.")
    return redirect(version)
