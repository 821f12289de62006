"""Invitations: sent by email, sent again or withdrawn by an admin, accepted or declined
by the invited person, and only with a verified address they were sent to.

Views call these functions; they raise WorkspaceError with a message for the person
when a rule refuses the action.
"""

import secrets

from django.core import signing
from django.db import transaction
from django.utils import timezone

from workspace.emails import send_on_commit
from workspace.models import INVITATION_MAX_AGE, Invitation, Membership, Organization
from workspace.selectors import verified_emails
from workspace.services import WorkspaceError

INVITATION_SALT = "workspace.invitation"
EXPIRED = "This invitation has expired. Ask your organization's admin to invite you again."


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk, "key": invitation.key}, salt=INVITATION_SALT)


def _invitation_send(invitation: Invitation, accept_url_for) -> Invitation:
    """Email the invitation with a new key: the link of any earlier email stops working.

    The email goes out once the transaction commits; `invitation.email_delivery`
    says whether it was sent.
    """
    invitation.key = secrets.token_urlsafe(16)
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["key", "sent_at", "role"])
    organization = invitation.organization
    invitation.email_delivery = send_on_commit(
        subject=f"Join {organization.name}",
        template="workspace/email/invitation.txt",
        context={
            "invitation": invitation, "link": accept_url_for(invitation_token(invitation)),
            "days": INVITATION_MAX_AGE // 86400,
        },
        recipients=[invitation.email],
        kind="invitation",
    )
    return invitation


@transaction.atomic
def invitation_create(*, organization, email, role, invited_by, accept_url_for):
    """Invite someone by email. `accept_url_for(token)` builds the absolute link.

    Inviting an address that already has an open invitation sends that one again
    (with the role now given), so there is never a second invitation to accept;
    `invitation.resent` says which happened.
    """
    email = email.strip().lower()
    # Serialises invitations to one organization: two at once cannot both be new.
    Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.memberships.filter(user__email__iexact=email).exists():
        raise WorkspaceError(f"{email} is already a member of {organization.name}.")
    invitation = organization.invitations.open().filter(email__iexact=email).first()
    resent = invitation is not None
    if invitation is None:
        invitation = Invitation.objects.create(
            organization=organization, email=email, role=role, invited_by=invited_by
        )
    invitation.role = role
    _invitation_send(invitation, accept_url_for)
    invitation.resent = resent
    return invitation


def _open_invitation_locked(invitation: Invitation) -> Invitation:
    """The invitation read again under a row lock, refused if it was answered meanwhile."""
    invitation = Invitation.objects.select_for_update().select_related("organization").get(
        pk=invitation.pk
    )
    _refuse_if_answered(invitation)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, accept_url_for) -> Invitation:
    """An admin sends an open invitation again: a new link, valid for another week."""
    invitation = _invitation_send(_open_invitation_locked(invitation), accept_url_for)
    invitation.resent = True
    return invitation


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation) -> Invitation:
    """An admin withdraws an open invitation: its link stops working."""
    invitation = _open_invitation_locked(invitation)
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    return invitation


def _refuse_if_answered(invitation: Invitation, user=None) -> None:
    """WorkspaceError saying why, if the invitation was accepted, withdrawn or declined."""
    name = invitation.organization.name
    if invitation.accepted_at is not None:
        if user is not None and invitation.accepted_by_id == user.pk:
            raise WorkspaceError(f"You have already accepted this invitation: you are a member of {name}.")
        raise WorkspaceError("This invitation has already been used.")
    if invitation.withdrawn_at is not None:
        raise WorkspaceError(
            f"{name} withdrew this invitation. Ask its admin to invite you again if you "
            "should join."
        )
    if invitation.declined_at is not None:
        raise WorkspaceError(
            f"This invitation was declined. Ask {name}'s admin to invite you again if you "
            "want to join."
        )


def _refuse_if_expired(invitation: Invitation) -> None:
    if invitation.is_expired:
        raise WorkspaceError(EXPIRED)


def invitation_from_token(token: str, user=None) -> Invitation:
    """The open invitation a token stands for, or WorkspaceError saying what is wrong."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired:
        raise WorkspaceError(EXPIRED) from None
    except signing.BadSignature:
        raise WorkspaceError("This invitation link is not valid. Check that it was copied whole.") from None
    invitation = Invitation.objects.select_related("organization").filter(
        pk=payload.get("invitation")
    ).first()
    if invitation is None:
        raise WorkspaceError("This invitation no longer exists.")
    _refuse_if_answered(invitation, user)
    _refuse_if_expired(invitation)
    if payload.get("key", "") != invitation.key:
        raise WorkspaceError(
            "This invitation was sent again, and only the newest email's link works. "
            "Open the link in the latest invitation email."
        )
    return invitation


def _refuse_unless_invited(invitation: Invitation, user) -> None:
    if invitation.email.lower() not in verified_emails(user):
        # Never the invited address: whoever holds the link may be someone else.
        raise WorkspaceError(
            "This invitation is for another email address. Sign in with the address it "
            "was sent to (and confirm it) to accept it."
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """The invited person joins; only with a verified address the invitation was sent to."""
    locked = Invitation.objects.select_for_update().select_related("organization").get(
        pk=invitation.pk
    )
    _refuse_if_answered(locked, user)
    _refuse_if_expired(locked)
    if locked.key != invitation.key:  # sent again since this one was read
        raise WorkspaceError("Open the link in the latest invitation email.")
    _refuse_unless_invited(locked, user)
    membership, _ = Membership.objects.get_or_create(
        organization=locked.organization, user=user, defaults={"role": locked.role}
    )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user) -> Invitation:
    invitation = _open_invitation_locked(invitation)
    _refuse_unless_invited(invitation, user)
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    return invitation
