"""What the privacy page promises about deleting: an organization, an account, and
archived job descriptions once the retention period (ARCHIVED_RETENTION_DAYS) is over.

Deleting cascades through the models: an organization takes its memberships,
invitations and job descriptions with it, and a job description its versions,
reviews, findings, disagreements, curator decisions and curators' reads.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from workspace.models import JobDescription, Organization, Role
from workspace.services import WorkspaceError


def organization_delete(*, organization: Organization) -> None:
    organization.delete()


def organizations_only_admin_of(user) -> list[Organization]:
    """The organizations that would be left without an admin if `user` went."""
    organizations = Organization.objects.filter(
        memberships__user=user, memberships__role=Role.ADMIN
    )
    return [
        organization for organization in organizations.order_by("name")
        if organization.memberships.filter(role=Role.ADMIN).count() == 1
    ]


@transaction.atomic
def account_delete(*, user) -> None:
    """Delete a person's account and memberships; what they submitted stays with the
    organization, without their name. Refused while an organization has no other admin."""
    admin_of = Organization.objects.filter(memberships__user=user, memberships__role=Role.ADMIN)
    # Locked as membership changes lock them (services._locked_membership), so another
    # admin cannot step down while this account goes.
    list(Organization.objects.select_for_update().filter(pk__in=admin_of.values("pk")))
    only_admin = organizations_only_admin_of(user)
    if only_admin:
        names = ", ".join(organization.name for organization in only_admin)
        raise WorkspaceError(
            f"You are the only admin of {names}. Make another member an admin on the "
            "organization's Members page, or delete the organization, then delete your account."
        )
    user.delete()


def archived_purge(*, now=None) -> int:
    """Delete the job descriptions archived longer ago than the retention period;
    returns how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ARCHIVED_RETENTION_DAYS)
    expired = JobDescription.objects.filter(archived_at__lt=cutoff)
    count = expired.count()
    expired.delete()
    return count
