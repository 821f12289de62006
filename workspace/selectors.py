"""Reads for workspace views. Every object comes through a `visible_to` queryset.

A read of one object returns it, or None when it does not exist or the user may
not see it; the view turns None into a 404.
"""

from collections import defaultdict
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from workspace.models import (
    INVITATION_MAX_AGE,
    CuratorRead,
    Finding,
    FindingDispute,
    Invitation,
    JobDescription,
    JobDescriptionVersion,
    Membership,
    Organization,
    Review,
    Verdict,
)


def organization_for(user, pk) -> Organization | None:
    return Organization.objects.visible_to(user).filter(pk=pk).first()


def curator_reads_of(organization):
    """Curators' reads of the organization's submissions, newest first."""
    return CuratorRead.objects.filter(
        version__job_description__organization=organization
    ).select_related("version__job_description", "compared_with")


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("organization").order_by(
        "organization__name"
    )


def verified_emails(user) -> list[str]:
    """The user's verified addresses, lower-cased as invitations store them."""
    return [
        email.lower() for email in
        EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    ]


def invitations_for(user):
    """Open, unexpired invitations to the user's verified addresses, for organizations
    the user is not already in: what their workspace offers to accept or decline."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    return Invitation.objects.open().filter(
        email__in=verified_emails(user),
        sent_at__gt=timezone.now() - timedelta(seconds=INVITATION_MAX_AGE),
    ).exclude(organization__memberships__user=user).select_related("organization")


def invitation_to(user, pk) -> Invitation | None:
    """An invitation sent to one of the user's verified addresses, whatever became of it
    (so that accepting twice can say so)."""
    if not user.is_authenticated:
        return None
    return Invitation.objects.select_related("organization").filter(
        pk=pk, email__in=verified_emails(user)
    ).first()


def open_invitations_of(organization):
    """The organization's invitations not yet answered (expired ones too), for its admins."""
    return organization.invitations.open().select_related("invited_by")


def job_description_for(user, pk) -> JobDescription | None:
    return JobDescription.objects.visible_to(user).select_related("organization").filter(
        pk=pk
    ).first()


def version_for(user, pk) -> JobDescriptionVersion | None:
    return JobDescriptionVersion.objects.visible_to(user).select_related(
        "job_description__organization", "submitted_by"
    ).filter(pk=pk).first()


def findings_of(review):
    """The review's findings in reading order with their disputes and verdict, in
    constant queries."""
    return review.findings.order_by("position").select_related("verdict").prefetch_related(
        Prefetch("disputes", queryset=FindingDispute.objects.select_related("raised_by"))
    )


def own_dispute_for(user, pk) -> FindingDispute | None:
    """A disagreement the user raised, on a finding they may still see."""
    return FindingDispute.objects.filter(
        pk=pk, raised_by=user, finding__in=Finding.objects.visible_to(user)
    ).select_related("finding__review__version__job_description__organization").first()


def finding_number(finding) -> int:
    """The finding's number in its report: its place in reading order (where it
    starts, then its stored position), as workspace.report.in_reading_order numbers it."""
    earlier = finding.review.findings.filter(
        Q(start__lt=finding.start) | Q(start=finding.start, position__lt=finding.position)
    )
    return earlier.count() + 1


def review_for(user, pk) -> Review | None:
    return Review.objects.visible_to(user).select_related(
        "version__job_description__organization", "version__submitted_by"
    ).filter(pk=pk).first()


def latest_review(version) -> Review | None:
    return version.reviews.latest_first().first()


def finding_for(user, pk) -> Finding | None:
    return Finding.objects.visible_to(user).select_related(
        "review__version__job_description__organization"
    ).filter(pk=pk).first()


def job_descriptions_with_status(organization, *, archived: bool = False):
    """The organization's job descriptions with their latest version and finding count."""
    latest_version = JobDescriptionVersion.objects.filter(
        job_description=OuterRef("pk")
    ).order_by("-number")
    latest_review = Review.objects.filter(
        version__job_description=OuterRef("pk")
    ).latest_first(within="-version__number")
    return (
        JobDescription.objects.filter(organization=organization, archived_at__isnull=not archived)
        .annotate(
            version_count=Count("versions", distinct=True),
            latest_version_id=Subquery(latest_version.values("pk")[:1]),
            latest_version_number=Subquery(latest_version.values("number")[:1]),
            latest_review_status=Subquery(latest_version.values("review_status")[:1]),
            latest_finding_count=Subquery(
                latest_review.annotate(n=Count("findings")).values("n")[:1]
            ),
        )
        .order_by("title")
    )


def dispute_table() -> list[dict]:
    """Per task and pattern: findings, how many members disputed, how many curators dismissed."""
    rows = (
        Finding.objects.values("task", "pattern")
        .annotate(
            total=Count("pk", distinct=True),
            disputed=Count("pk", filter=Q(disputes__isnull=False), distinct=True),
            dismissed=Count("pk", filter=Q(verdict__verdict=Verdict.DISMISSED), distinct=True),
        )
        .filter(Q(disputed__gt=0) | Q(dismissed__gt=0))
        .order_by("-dismissed", "-disputed", "task", "pattern")
    )
    sentences = defaultdict(list)
    contested = Finding.objects.filter(
        Q(disputes__isnull=False) | Q(verdict__verdict=Verdict.DISMISSED)
    ).distinct().values_list("task", "pattern", "sentence")
    for task, pattern, sentence in contested:
        if sentence not in sentences[task, pattern]:
            sentences[task, pattern].append(sentence)
    return [{**row, "sentences": sentences[row["task"], row["pattern"]]} for row in rows]
