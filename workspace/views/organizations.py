"""Organizations, their members and invitations, and the curator log for admins."""

from allauth.account.decorators import reauthentication_required, verified_email_required
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from portal.roles import is_curator
from standards.services import peer_fte_needed
from workspace import data_export, invitations, permissions, retention, selectors, services
from workspace.forms import InvitationForm, OrganizationDeleteForm, OrganizationForm, RoleForm
from workspace.views.common import ACTIVE_ORGANIZATION, found, require
from workspace.views.invitations import accept_url_for, tell_delivery


@verified_email_required
def index(request):
    memberships = list(selectors.memberships_of(request.user))
    pending = list(selectors.invitations_for(request.user))
    if not pending:  # pending invitations are never skipped past
        active_id = request.session.get(ACTIVE_ORGANIZATION)
        for membership in memberships:
            if membership.organization_id == active_id:
                return redirect(membership.organization)
        if len(memberships) == 1:
            return redirect(memberships[0].organization)
    return render(request, "workspace/index.html", {
        "memberships": memberships, "invitations": pending,
        "is_curator": is_curator(request.user),  # a curator's sign-in lands here too
    })


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
def organization_edit(request, pk):
    organization = found(selectors.organization_for(request.user, pk))
    require(permissions.may_manage(request.user, organization))
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        services.organization_update(organization=organization, **form.cleaned_data)
        messages.success(request, "The organization's details were saved.")
        return redirect(organization)
    return render(request, "workspace/organization_form.html", {
        "form": form, "organization": organization,
    })


@verified_email_required
def organization(request, pk):
    organization = found(selectors.organization_for(request.user, pk))
    membership = permissions.membership_of(request.user, organization)
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
        "retention_days": settings.ARCHIVED_RETENTION_DAYS,
        "other_memberships": [
            m for m in selectors.memberships_of(request.user) if m.organization_id != pk
        ],
    })


@verified_email_required
def members(request, pk):
    organization = found(selectors.organization_for(request.user, pk))
    membership = found(permissions.membership_of(request.user, organization))
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        require(membership.is_admin)
        if form.is_valid():
            try:
                invitation = invitations.invitation_create(
                    organization=organization, invited_by=request.user,
                    accept_url_for=accept_url_for(request), **form.cleaned_data,
                )
            except services.WorkspaceError as error:
                form.add_error("email", error.message)
            else:
                tell_delivery(request, invitation)
                return redirect("workspace:members", pk=organization.pk)
    return render(request, "workspace/members.html", {
        "organization": organization,
        "membership": membership,
        "members": organization.memberships.select_related("user"),
        "invitations": selectors.open_invitations_of(organization),
        "form": form,
        "role_choices": RoleForm.base_fields["role"].choices,
    })


@require_POST
@verified_email_required
@reauthentication_required
def member_role(request, pk, member_pk):
    organization = found(selectors.organization_for(request.user, pk))
    require(permissions.may_manage(request.user, organization))
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
    organization = found(selectors.organization_for(request.user, pk))
    own = permissions.membership_of(request.user, organization)
    target = get_object_or_404(organization.memberships, pk=member_pk)
    require(permissions.may_remove(own, target))
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


@verified_email_required
def curator_reads(request, pk):
    """For the organization's admins: which curator read which submission, and when."""
    organization = found(selectors.organization_for(request.user, pk))
    require(permissions.may_manage(request.user, organization))
    page = Paginator(selectors.curator_reads_of(organization), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "workspace/curator_reads.html", {
        "organization": organization, "page": page,
    })


@verified_email_required
def organization_export(request, pk):
    """For the organization's admins: all of its data as a zip of JSON and PDF reports."""
    organization = found(selectors.organization_for(request.user, pk))
    require(permissions.may_manage(request.user, organization))
    response = HttpResponse(
        data_export.organization_archive(organization, request.user),
        content_type="application/zip",
    )
    filename = f"{slugify(organization.name)[:60] or 'organization'}-data.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@verified_email_required
@reauthentication_required(allow_get=True)  # the confirmation page; deleting asks again
def organization_delete(request, pk):
    """For the organization's admins: a confirmation page, then everything goes."""
    organization = found(selectors.organization_for(request.user, pk))
    require(permissions.may_manage(request.user, organization))
    form = OrganizationDeleteForm(request.POST or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        name = organization.name
        retention.organization_delete(organization=organization)
        request.session.pop(ACTIVE_ORGANIZATION, None)
        messages.success(request, f"{name} and all of its job descriptions were deleted.")
        return redirect("workspace:index")
    return render(request, "workspace/organization_delete.html", {
        "organization": organization,
        "form": form,
        "job_description_count": organization.job_descriptions.count(),
        "member_count": organization.memberships.count(),
    })
