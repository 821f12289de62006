"""The rows the statewide figures are built from, read in a fixed number of aggregate
queries whatever the number of organizations. Opted-out organizations are never read."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Q
from django.utils import timezone

from readiness.models import Answer, Assessment
from workspace.models import Finding, JobDescription, Organization, Review


@dataclass
class Description:
    """A job description with the reviews of its versions, oldest version first."""

    organization: int
    setting: str
    active: bool
    versions: list = field(default_factory=list)  # (number, submitted_at, review), reviewed ones


@dataclass
class Population:
    organizations: dict  # id -> {"setting_type", "region", "people_served", "peer_fte"}
    descriptions: dict  # id -> Description
    disputed: list  # (organization, task) per disputed finding
    readiness: list  # (organization, section order, section title, rating)

    def current(self):
        """(description, review) for the latest reviewed version of each active one."""
        for description in self.descriptions.values():
            if description.active and description.versions:
                yield description, description.versions[-1][2]


def population(now=None) -> Population:
    """As of `now` (default: everything so far): later organizations, descriptions and
    versions are left out, so a snapshot can be rebuilt for its date."""
    now = now or timezone.now()
    organizations = {
        row.pop("pk"): row for row in Organization.objects.filter(_taking_part("", now)).values(
            "pk", "setting_type", "region", "people_served", "peer_fte"
        )
    }
    descriptions = {
        row["pk"]: Description(
            row["organization_id"], row["setting_type"] or row["organization__setting_type"],
            row["archived_at"] is None or row["archived_at"] > now,
        )
        for row in JobDescription.objects.filter(
            _taking_part("organization__", now), created_at__lte=now
        ).values(
            "pk", "organization_id", "setting_type", "organization__setting_type", "archived_at"
        )
    }
    tasks = defaultdict(set)
    for review, task in Finding.objects.filter(
        _taking_part("review__version__job_description__organization__", now)
    ).values_list("review_id", "task").distinct():
        tasks[review].add(task)
    latest = {}  # version -> its latest review
    for row in Review.objects.filter(
        _taking_part("version__job_description__organization__", now),
        version__job_description__created_at__lte=now, version__submitted_at__lte=now,
    ).values(
        "pk", "version_id", "version__number", "version__submitted_at",
        "version__job_description_id", "pay_verdict", "elements",
    ).order_by("created_at", "pk"):
        row["tasks"] = tasks.get(row["pk"], set())
        latest[row["version_id"]] = row
    for row in sorted(latest.values(), key=lambda row: row["version__number"]):
        descriptions[row["version__job_description_id"]].versions.append(
            (row["version__number"], row["version__submitted_at"], row)
        )
    disputed = list(Finding.objects.filter(
        _taking_part("review__version__job_description__organization__", now),
        disputes__isnull=False, review__version__submitted_at__lte=now,
    ).distinct().values_list("review__version__job_description__organization_id", "task"))
    return Population(organizations, descriptions, disputed, _readiness(now))


def _taking_part(path, now) -> Q:
    """Organizations in the picture: not opted out, and existing at `now`."""
    return Q(**{f"{path}statewide_opt_out": False, f"{path}created_at__lte": now})


def _readiness(now) -> list:
    """The result (the submitting admin's answers) of each organization's latest
    submitted assessment that it shared with curators."""
    shared = Assessment.objects.submitted().filter(
        _taking_part("organization__", now), shared_with_curators=True, submitted_at__lte=now,
    ).order_by("organization_id", "-submitted_at").values_list("organization_id", "pk")
    latest = {}
    for organization, assessment in shared:
        latest.setdefault(organization, assessment)
    return list(Answer.objects.filter(
        assessment__in=latest.values(), member=F("assessment__submitted_by")
    ).values_list(
        "assessment__organization_id", "statement__section__order", "statement__section__title",
        "rating",
    ))
