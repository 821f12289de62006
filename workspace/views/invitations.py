"""Invitations: the emailed link, the workspace's list of pending ones, and an admin's
resend and withdraw.

Someone who opens the link signed out keeps it in their session while they sign up,
confirm their address and sign in (`portal.accounts.AccountAdapter` brings them back
to it); the workspace also lists every open invitation to their verified addresses,
so one opened in another browser is not lost either.
"""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from workspace import invitations, permissions, selectors, services
from workspace.views.common import ACTIVE_ORGANIZATION, PENDING_INVITATION, found, require


def accept_url_for(request):
    """Builds the absolute link of an invitation's email from its token."""
    return lambda token: request.build_absolute_uri(
        reverse("workspace:invitation_accept", args=[token])
    )


def invitation_accept(request, token):
    """The emailed link: offers the invitation, and accepts it when posted."""
    user = request.user if request.user.is_authenticated else None
    try:
        invitation = invitations.invitation_from_token(token, user)
    except services.WorkspaceError as error:
        request.session.pop(PENDING_INVITATION, None)
        return render(request, "workspace/invitation.html", {"error": error.message}, status=400)
    if user is None:
        request.session[PENDING_INVITATION] = token
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        return _accept(request, invitation)
    return render(request, "workspace/invitation.html", {"invitation": invitation})


@require_POST
@login_required
def invitation_join(request, pk):
    """Accept from the workspace's list of pending invitations."""
    return _accept(request, found(selectors.invitation_to(request.user, pk)))


@require_POST
@login_required
def invitation_decline(request, pk):
    invitation = found(selectors.invitation_to(request.user, pk))
    request.session.pop(PENDING_INVITATION, None)
    try:
        invitations.invitation_decline(invitation=invitation, user=request.user)
    except services.WorkspaceError as error:
        return _refused(request, invitation, error)
    messages.success(request, f"You declined the invitation to join {invitation.organization.name}.")
    return redirect("workspace:index")


def _accept(request, invitation):
    request.session.pop(PENDING_INVITATION, None)
    try:
        membership = invitations.invitation_accept(invitation=invitation, user=request.user)
    except services.WorkspaceError as error:
        return _refused(request, invitation, error)
    request.session[ACTIVE_ORGANIZATION] = membership.organization_id
    messages.success(request, f"Welcome to {membership.organization.name}.")
    return redirect(membership.organization)


def _refused(request, invitation, error):
    return render(request, "workspace/invitation.html",
                  {"error": error.message, "invitation": invitation}, status=400)


def _admins_invitation(request, pk, invitation_pk):
    organization = found(selectors.organization_for(request.user, pk))
    require(permissions.may_manage(request.user, organization))
    return get_object_or_404(selectors.open_invitations_of(organization), pk=invitation_pk)


@require_POST
@verified_email_required
def invitation_resend(request, pk, invitation_pk):
    invitation = _admins_invitation(request, pk, invitation_pk)
    try:
        invitation = invitations.invitation_resend(
            invitation=invitation, accept_url_for=accept_url_for(request)
        )
    except services.WorkspaceError as error:
        messages.error(request, error.message)
    else:
        tell_delivery(request, invitation)
    return redirect("workspace:members", pk=pk)


@require_POST
@verified_email_required
def invitation_withdraw(request, pk, invitation_pk):
    invitation = _admins_invitation(request, pk, invitation_pk)
    try:
        invitations.invitation_withdraw(invitation=invitation)
    except services.WorkspaceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, f"The invitation for {invitation.email} was withdrawn; its link no longer works."
        )
    return redirect("workspace:members", pk=pk)


def tell_delivery(request, invitation):
    """The message after sending (or sending again) an invitation email."""
    if invitation.email_delivery.failed:
        messages.warning(
            request, f"The invitation for {invitation.email} was saved, but the email could "
            "not be sent. Check the address, or send it again later."
        )
    elif invitation.resent:
        messages.success(
            request, f"The invitation for {invitation.email} was sent again, with a new link; "
            "the link in the earlier email no longer works."
        )
    else:
        messages.success(request, f"Invitation sent to {invitation.email}.")
