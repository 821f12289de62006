"""Reads for workspace views. Every object comes through a `visible_to` queryset."""

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from workspace.models import (
    CuratorRead,
    Finding,
    FindingDispute,
    JobDescription,
    JobDescriptionVersion,
    Membership,
    Organization,
    Review,
)


def organization_for(user, pk) -> Organization:
    return get_object_or_404(Organization.objects.visible_to(user), pk=pk)


def membership_in(user, organization, *, admin: bool = False) -> Membership:
    """The user's membership, or 404: curators may read but only members act."""
    membership = Membership.objects.filter(organization=organization, user=user).first()
    if membership is None or (admin and not membership.is_admin):
        raise Http404("Not a member with that role")
    return membership


def curator_reads_of(organization):
    """Curators' reads of the organization's submissions, newest first."""
    return CuratorRead.objects.filter(
        version__job_description__organization=organization
    ).select_related("version__job_description", "compared_with")


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("organization").order_by(
        "organization__name"
    )


def job_description_for(user, pk) -> JobDescription:
    return get_object_or_404(
        JobDescription.objects.visible_to(user).select_related("organization"), pk=pk
    )


def version_for(user, pk) -> JobDescriptionVersion:
    return get_object_or_404(
        JobDescriptionVersion.objects.visible_to(user).select_related(
            "job_description__organization", "submitted_by"
        ),
        pk=pk,
    )


def _findings_prefetch() -> Prefetch:
    """Findings in reading order with their disputes and verdict, in constant queries."""
    return Prefetch(
        "findings",
        queryset=Finding.objects.order_by("position").select_related("verdict").prefetch_related(
            Prefetch("disputes", queryset=FindingDispute.objects.select_related("raised_by"))
        ),
    )


def review_for(user, pk) -> Review:
    return get_object_or_404(
        Review.objects.visible_to(user).select_related(
            "version__job_description__organization", "version__submitted_by"
        ).prefetch_related(_findings_prefetch()),
        pk=pk,
    )


def latest_review(version) -> Review | None:
    return version.reviews.latest_first().prefetch_related(
        _findings_prefetch()
    ).first()


def finding_for(user, pk) -> Finding:
    return get_object_or_404(
        Finding.objects.visible_to(user).select_related(
            "review__version__job_description__organization"
        ),
        pk=pk,
    )


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
