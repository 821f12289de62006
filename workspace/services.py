"""Workspace business rules: organizations, members, submissions (invitations are
in workspace.invitations).

Views call these functions; they raise WorkspaceError with a message for the
person when a rule refuses the action.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

import jdcheck
from portal.roles import is_curator
from workspace.checking import check_text
from workspace.compare import finding_key
from workspace.models import (
    CuratorRead,
    Finding,
    FindingDispute,
    JobDescription,
    JobDescriptionVersion,
    Membership,
    Organization,
    Review,
    Role,
)
from workspace.pay import pay_decision


class WorkspaceError(Exception):
    """A workspace rule refused the action; `message` says why, for the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- Organizations and members ---


@transaction.atomic
def organization_create(*, user, name, setting_type, region, people_served=None, peer_fte=None,
                        statewide_opt_out=False):
    organization = Organization.objects.create(
        name=name, setting_type=setting_type, region=region,
        people_served=people_served, peer_fte=peer_fte, created_by=user,
        statewide_opt_out=statewide_opt_out,
        statewide_opt_out_at=timezone.now() if statewide_opt_out else None,
    )
    Membership.objects.create(organization=organization, user=user, role=Role.ADMIN)
    return organization


def organization_update(*, organization, name, setting_type, region, people_served=None,
                        peer_fte=None, statewide_opt_out=None):
    """An admin corrects the organization's details (the form has validated them), and
    may leave the statewide picture or rejoin it (when it was switched is kept)."""
    organization.name, organization.setting_type, organization.region = name, setting_type, region
    organization.people_served, organization.peer_fte = people_served, peer_fte
    if statewide_opt_out is not None:  # (a bound form has already set the flag itself)
        organization.statewide_opt_out = statewide_opt_out
        if not statewide_opt_out:
            organization.statewide_opt_out_at = None
        elif organization.statewide_opt_out_at is None:
            organization.statewide_opt_out_at = timezone.now()
    organization.save(update_fields=[
        "name", "setting_type", "region", "people_served", "peer_fte", "statewide_opt_out",
        "statewide_opt_out_at",
    ])
    return organization


def _admin_count(organization) -> int:
    return organization.memberships.filter(role=Role.ADMIN).count()


def _locked_membership(membership: Membership) -> Membership:
    """The membership read again under a lock on its organization's row.

    Every change that can take away an admin takes this lock first, so two admins
    demoting or removing each other at once are served one after the other and the
    second sees the first's change; a lock on one membership row would not do.
    """
    Organization.objects.select_for_update().get(pk=membership.organization_id)
    current = Membership.objects.filter(pk=membership.pk).select_related("organization").first()
    if current is None:
        raise WorkspaceError("That person is no longer a member.")
    return current


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str):
    membership = _locked_membership(membership)
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
    membership = _locked_membership(membership)
    if membership.role == Role.ADMIN and _admin_count(membership.organization) <= 1:
        raise WorkspaceError(
            "The last admin cannot leave or be removed. Make someone else an admin first."
        )
    membership.delete()


# --- Job descriptions, versions and reviews ---


def review_create(*, version: JobDescriptionVersion) -> Review:
    """Check a version with the current rules and store the result (old reviews stay).

    The check runs before the transaction: no row is locked while it works.
    """
    return _review_store(version=version, result=check_text(version.text))


@transaction.atomic
def _review_store(*, version: JobDescriptionVersion, result: jdcheck.CheckResult) -> Review:
    pay_verdict, minimum_hourly_pay = pay_decision(result)
    review = Review.objects.create(
        version=version,
        ruleset_version=result.ruleset_version,
        complete=result.complete,
        elements=result.elements.to_dict(),
        advisories=[advisory.to_dict() for advisory in result.advisories],
        pay_verdict=pay_verdict,
        minimum_hourly_pay=minimum_hourly_pay,
    )
    review.store_findings(result.findings)
    _carry_disputes(review)
    return review


def _carry_disputes(review: Review) -> None:
    """Carry "we disagree" marks from the previous review's matching findings."""
    previous = (
        Review.objects.filter(version__job_description_id=review.version.job_description_id)
        .exclude(pk=review.pk)
        .latest_first(within="-version__number")
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


def _dispute_comment(comment: str) -> str:
    comment = comment.strip()
    if not comment:
        raise WorkspaceError("Say briefly why you disagree, so a curator can look at it.")
    return comment


def finding_dispute(*, finding: Finding, user, comment: str) -> FindingDispute:
    """A member marks a finding "we disagree", with a comment; saying it again replaces
    their earlier comment on that finding rather than adding a second one."""
    comment = _dispute_comment(comment)
    own = finding.disputes.filter(raised_by=user).first()
    if own:
        return dispute_edit(dispute=own, comment=comment)
    return FindingDispute.objects.create(finding=finding, raised_by=user, comment=comment)


def dispute_edit(*, dispute: FindingDispute, comment: str) -> FindingDispute:
    dispute.comment = _dispute_comment(comment)
    dispute.save(update_fields=["comment", "updated_at"])
    return dispute


def dispute_withdraw(*, dispute: FindingDispute) -> None:
    """Take back one's disagreement; copies already carried to later versions stay."""
    dispute.delete()


def job_description_open(job_description) -> None:
    """Refuse to add versions or reviews to an archived job description."""
    if job_description.is_archived:
        raise WorkspaceError(
            f"“{job_description.title}” is archived, so it can't be revised or checked again. "
            "An admin of your organization can restore it first."
        )


def version_recheck(*, version: JobDescriptionVersion) -> Review:
    """Check a version again with the current rules; its earlier reviews stay."""
    job_description_open(version.job_description)
    return review_create(version=version)


def _earlier_submission(*, user, submission_token, **scope):
    """The version an earlier post of the same form (same one-time token) created, if any."""
    if not submission_token:
        return None
    return (
        JobDescriptionVersion.objects.filter(
            submitted_by=user, submission_token=submission_token, **scope
        ).select_related("job_description").first()
    )


def version_submit(
    *, job_description, text, original_filename="", user, submission_token="", result=None
) -> JobDescriptionVersion:
    """Add and check a new version. Posting the same form again returns the version it made.

    The text is checked first, outside the transaction, so the row lock below is
    held only for the writes.
    """
    job_description_open(job_description)
    scope = {"job_description": job_description}
    earlier = _earlier_submission(user=user, submission_token=submission_token, **scope)
    if earlier:
        return earlier
    result = result or check_text(text)
    with transaction.atomic():
        return _version_store(
            job_description=job_description, text=text, original_filename=original_filename,
            user=user, submission_token=submission_token, result=result,
        )


def _version_store(*, job_description, text, original_filename, user, submission_token, result):
    # The row lock serialises revisions, so a repeated post finds the first one's version.
    job_description = JobDescription.objects.select_for_update().get(pk=job_description.pk)
    job_description_open(job_description)
    earlier = _earlier_submission(
        user=user, submission_token=submission_token, job_description=job_description
    )
    if earlier:
        return earlier
    last = job_description.versions.order_by("-number").first()
    version = JobDescriptionVersion.objects.create(
        job_description=job_description,
        number=(last.number + 1) if last else 1,
        text=text,
        original_filename=original_filename,
        submitted_by=user,
        submission_token=submission_token,
    )
    _review_store(version=version, result=result)
    return version


def job_description_create(
    *, organization, title, setting_type, text, original_filename, user, submission_token=""
):
    """Create a job description and check its first version.

    Posting the same form again (a double click, a reload) returns what the first
    post created: the token is unique per person, so of two parallel posts one
    fails on the constraint and finds the other's.
    """
    scope = {"job_description__organization": organization}
    earlier = _earlier_submission(user=user, submission_token=submission_token, **scope)
    if earlier is None:
        result = check_text(text)  # before the transaction: nothing is locked meanwhile
        try:
            with transaction.atomic():
                job_description = JobDescription.objects.create(
                    organization=organization, title=title, setting_type=setting_type,
                    created_by=user,
                )
                version = version_submit(
                    job_description=job_description, text=text,
                    original_filename=original_filename, user=user,
                    submission_token=submission_token, result=result,
                )
            return job_description, version
        except IntegrityError:
            earlier = _earlier_submission(user=user, submission_token=submission_token, **scope)
            if earlier is None:
                raise
    return earlier.job_description, earlier


def job_description_archive(*, job_description):
    job_description.archived_at = timezone.now()
    job_description.save(update_fields=["archived_at"])


def job_description_restore(*, job_description):
    job_description.archived_at = None
    job_description.save(update_fields=["archived_at"])


# --- Curators' reads ---


def curator_read_record(*, reader, version, kind, compared_with=None) -> CuratorRead | None:
    """Write down that a curator read an organization's submission (a page or an
    export), for the organization's admins to see. A member's own reads are not."""
    organization = version.job_description.organization
    if not is_curator(reader) or organization.memberships.filter(user=reader).exists():
        return None
    return CuratorRead.objects.create(
        version=version, compared_with=compared_with, kind=kind,
        curator=reader, curator_email=reader.email,
    )
