"""Job descriptions: submit, read, revise, archive."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.shortcuts import redirect, render

from workspace import permissions, selectors, services
from workspace.checking import check_text
from workspace.forms import JobDescriptionForm, SubmissionForm
from workspace.report import quick_report, report_of_review
from workspace.views.common import bound, found, limit_checks, refused, require


@verified_email_required
@limit_checks
def job_description_create(request, pk):
    organization = found(selectors.organization_for(request.user, pk))
    require(permissions.may_dispute(request.user, organization))
    form = JobDescriptionForm(*bound(request), request=request)
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
    job_description = found(selectors.job_description_for(request.user, pk))
    membership = permissions.membership_of(request.user, job_description.organization)
    return render(request, "workspace/job_description.html", {
        "job_description": job_description,
        "organization": job_description.organization,
        "membership": membership,
        "versions": job_description.versions.select_related("submitted_by").order_by("-number"),
    })


@verified_email_required
@limit_checks
def job_description_revise(request, pk):
    """Edit the text beside its findings; "Check again" checks the edit without saving,
    the submit button saves it as a new version."""
    job_description = found(selectors.job_description_for(request.user, pk))
    require(permissions.may_dispute(request.user, job_description.organization))
    try:
        services.job_description_open(job_description)
    except services.WorkspaceError as error:
        return refused(request, error, job_description)
    latest = job_description.versions.order_by("-number").first()
    form = SubmissionForm(*bound(request), request=request, initial={"text": latest.text})
    context = {"form": form, "job_description": job_description,
               "organization": job_description.organization, "latest": latest}
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        if "check" in request.POST:
            if form.original_filename:  # the file's text goes into the box, to edit on
                data = request.POST.copy()
                data["text"] = text
                context["form"] = SubmissionForm(data, request=request)
            context.update(quick_report(text, check_text(text)), checked_now=True)
            return render(request, "workspace/revise.html", context)
        try:
            version = services.version_submit(
                job_description=job_description, text=text,
                original_filename=form.original_filename, user=request.user,
                submission_token=form.cleaned_data["submission_token"],
            )
        except services.WorkspaceError as error:  # archived meanwhile
            return refused(request, error, job_description)
        messages.success(request, f"Version {version.number} was checked.")
        return redirect(version)
    review = selectors.latest_review(latest)
    if review:
        context.update(report_of_review(latest, review))
    return render(request, "workspace/revise.html", context)


@verified_email_required
def job_description_archive(request, pk):
    """Archiving asks first: a page that says what it does, and archives only when its
    form is posted. Restoring (from the dashboard) needs no confirmation."""
    job_description = found(selectors.job_description_for(request.user, pk))
    require(permissions.may_manage(request.user, job_description.organization))
    if request.method == "POST" and request.POST.get("restore"):
        services.job_description_restore(job_description=job_description)
        messages.success(request, f"“{job_description.title}” was restored.")
        return redirect(job_description.organization)
    if request.method == "POST" and request.POST.get("confirm"):
        services.job_description_archive(job_description=job_description)
        messages.success(
            request, f"“{job_description.title}” was archived. An admin can restore it."
        )
        return redirect(job_description.organization)
    return render(request, "workspace/archive_confirm.html", {
        "job_description": job_description, "organization": job_description.organization,
    })
