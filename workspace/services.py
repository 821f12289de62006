"""Workspace business rules: organizations, members, invitations, submissions.

Views call these functions; they raise WorkspaceError with a message for the
person when a rule refuses the action.
"""

from django.core import signing
from django.db import transaction
from django.utils import timezone

from workspace.checking import check_text
from workspace.compare import finding_key
from workspace.emails import send_on_commit
from workspace.models import (
    Finding,
    FindingDispute,
    Invitation,
    JobDescription,
    JobDescriptionVersion,
    Membership,
    Organization,
    Review,
    Role,
)

INVITATION_SALT = "workspace.invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 7  # a week


class WorkspaceError(Exception):
    """A workspace rule refused the action; `message` says why, for the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- Organizations and members ---


@transaction.atomic
def organization_create(*, user, name, setting_type, region, people_served=None, peer_fte=None):
    organization = Organization.objects.create(
        name=name, setting_type=setting_type, region=region,
        people_served=people_served, peer_fte=peer_fte, created_by=user,
    )
    Membership.objects.create(organization=organization, user=user, role=Role.ADMIN)
    return organization


def _admin_count(organization) -> int:
    return organization.memberships.filter(role=Role.ADMIN).count()


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str):
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.ADMIN and role != Role.ADMIN:
        if _admin_count(membership.organization) <= 1:
            raise WorkspaceError(
                "An organization needs at least one admin. Make someone else an admin first."
            )
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership):
    """Remove a member (or let a member leave); the last admin cannot go."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.ADMIN and _admin_count(membership.organization) <= 1:
        raise WorkspaceError(
            "The last admin cannot leave or be removed. Make someone else an admin first."
        )
    membership.delete()


# --- Invitations ---


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT)


@transaction.atomic
def invitation_create(*, organization, email, role, invited_by, accept_url_for):
    """Invite someone by email. `accept_url_for(token)` builds the absolute link.

    The email goes out once the invitation is committed; `invitation.email_delivery`
    says whether it was sent.
    """
    email = email.strip().lower()
    if organization.memberships.filter(user__email__iexact=email).exists():
        raise WorkspaceError(f"{email} is already a member of {organization.name}.")
    invitation = Invitation.objects.create(
        organization=organization, email=email, role=role, invited_by=invited_by
    )
    link = accept_url_for(invitation_token(invitation))
    invitation.email_delivery = send_on_commit(
        subject=f"Join {organization.name}",
        template="workspace/email/invitation.txt",
        context={"invitation": invitation, "link": link, "days": INVITATION_MAX_AGE // 86400},
        recipients=[email],
        kind="invitation",
    )
    return invitation


def invitation_from_token(token: str) -> Invitation:
    """The open invitation a token stands for, or WorkspaceError saying what is wrong."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired:
        raise WorkspaceError(
            "This invitation has expired. Ask your organization's admin to invite you again."
        ) from None
    except signing.BadSignature:
        raise WorkspaceError("This invitation link is not valid. Check that it was copied whole.") from None
    invitation = Invitation.objects.select_related("organization").filter(
        pk=payload.get("invitation")
    ).first()
    if invitation is None:
        raise WorkspaceError("This invitation no longer exists.")
    if invitation.accepted_at is not None:
        raise WorkspaceError("This invitation has already been used.")
    return invitation


def _user_has_verified_email(user, email: str) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


@transaction.atomic
def invitation_accept(*, token: str, user) -> Membership:
    invitation = invitation_from_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise WorkspaceError("This invitation has already been used.")
    if not _user_has_verified_email(user, invitation.email):
        raise WorkspaceError(
            f"This invitation was sent to {invitation.email}. Sign in with that address "
            "(and confirm it) to accept it."
        )
    membership, _ = Membership.objects.get_or_create(
        organization=invitation.organization, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


# --- Job descriptions, versions and reviews ---


@transaction.atomic
def review_create(*, version: JobDescriptionVersion) -> Review:
    """Check a version with the current rules and store the result (old reviews stay)."""
    result = check_text(version.text)
    review = Review.objects.create(
        version=version,
        ruleset_version=result["ruleset_version"],
        elements=result["elements"],
        advisories=result["advisories"],
    )
    Finding.objects.bulk_create(
        Finding(
            review=review, position=position, task=f["task"], severity=f["severity"],
            start=f["start"], end=f["end"], sentence=f["sentence"], matched=f["matched"],
            pattern=f.get("pattern", ""), reason=f["reason"], ethics=f["ethics"],
            suggestion=f["suggestion"],
        )
        for position, f in enumerate(result["findings"])
    )
    _carry_disputes(review)
    return review


def _carry_disputes(review: Review) -> None:
    """Carry "we disagree" marks from the previous review's matching findings."""
    previous = (
        Review.objects.filter(version__job_description_id=review.version.job_description_id)
        .exclude(pk=review.pk)
        .order_by("-version__number", "-created_at", "-pk")
        .first()
    )
    if previous is None:
        return
    earlier = {}
    for dispute in FindingDispute.objects.filter(finding__review=previous).select_related(
        "finding"
    ):
        earlier.setdefault(finding_key(dispute.finding.task, dispute.finding.sentence), dispute)
    if not earlier:
        return
    FindingDispute.objects.bulk_create(
        FindingDispute(
            finding=finding, raised_by=source.raised_by, comment=source.comment,
            carried_from=source,
        )
        for finding in review.findings.all()
        if (source := earlier.get(finding_key(finding.task, finding.sentence)))
    )


def finding_dispute(*, finding: Finding, user, comment: str) -> FindingDispute:
    """A member marks a finding "we disagree", with a comment."""
    comment = comment.strip()
    if not comment:
        raise WorkspaceError("Say briefly why you disagree, so a curator can look at it.")
    return FindingDispute.objects.create(finding=finding, raised_by=user, comment=comment)


@transaction.atomic
def version_submit(*, job_description, text, original_filename="", user) -> JobDescriptionVersion:
    job_description = JobDescription.objects.select_for_update().get(pk=job_description.pk)
    last = job_description.versions.order_by("-number").first()
    version = JobDescriptionVersion.objects.create(
        job_description=job_description,
        number=(last.number + 1) if last else 1,
        text=text,
        original_filename=original_filename,
        submitted_by=user,
    )
    review_create(version=version)
    return version


@transaction.atomic
def job_description_create(*, organization, title, setting_type, text, original_filename, user):
    job_description = JobDescription.objects.create(
        organization=organization, title=title, setting_type=setting_type, created_by=user
    )
    version = version_submit(
        job_description=job_description, text=text, original_filename=original_filename, user=user
    )
    return job_description, version


def job_description_archive(*, job_description):
    job_description.archived_at = timezone.now()
    job_description.save(update_fields=["archived_at"])


def job_description_restore(*, job_description):
    job_description.archived_at = None
    job_description.save(update_fields=["archived_at"])
