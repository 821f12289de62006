"""Job descriptions, their versions, the review of each version and its findings."""


from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse

from workspace.models.organizations import MemberScopedQuerySet, Organization, SettingType


class JobDescriptionQuerySet(MemberScopedQuerySet):
    organization_path = "organization"

    def active(self):
        return self.filter(archived_at__isnull=True)


class JobDescription(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="job_descriptions"
    )
    title = models.CharField(max_length=200)
    setting_type = models.CharField(
        max_length=30, choices=SettingType.choices, blank=True,
        help_text="Where this role works, if different from the organization's setting.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = JobDescriptionQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workspace:job_description", args=[self.pk])

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class VersionQuerySet(MemberScopedQuerySet):
    organization_path = "job_description__organization"


class ReviewStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    IN_REVIEW = "in_review", "In review"
    DECIDED = "decided", "Decided"


class JobDescriptionVersion(models.Model):
    """One submitted text. Immutable: a revision is a new version."""

    job_description = models.ForeignKey(
        JobDescription, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    text = models.TextField()
    original_filename = models.CharField(max_length=255, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    review_status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.SUBMITTED
    )
    submission_token = models.CharField(
        max_length=64, blank=True, editable=False,
        help_text="The submitting form's one-time token: posting that form again finds this "
        "version instead of adding another.",
    )

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["job_description", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["job_description", "number"], name="one_number_per_version"
            ),
            models.UniqueConstraint(
                fields=["submitted_by", "submission_token"],
                condition=~models.Q(submission_token=""),
                name="one_version_per_submission_token",
            ),
        ]

    def __str__(self):
        return f"{self.job_description} v{self.number}"

    def save(self, *args, **kwargs):
        # The submitted text never changes; only the review status moves on.
        update_fields = kwargs.get("update_fields")
        if self.pk and not (update_fields and set(update_fields) <= {"review_status"}):
            raise ValueError("A job description version is immutable; submit a new version.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("workspace:version", args=[self.pk])


class ReviewQuerySet(MemberScopedQuerySet):
    organization_path = "version__job_description__organization"

    def latest_first(self, within: str | None = None):
        """Newest review first (the pk breaks ties between reviews made in one instant),
        within the ordering `within` when given (e.g. "-version__number")."""
        return self.order_by(*([within] if within else []), "-created_at", "-pk")

    def latest_per_job_description(self):
        """Of these reviews, only each job description's newest (of its newest version that
        has one): one query whatever the number of job descriptions."""
        newest = (
            Review.objects.filter(version__job_description=OuterRef("version__job_description"))
            .order_by("-version__number", "-created_at", "-pk")
            .values("pk")[:1]
        )
        return self.filter(pk=Subquery(newest))


class PayVerdict(models.TextChoices):
    MEETS = "meets", "Meets the minimum"
    BELOW = "below", "Below the minimum"
    NOT_STATED = "not_stated", "No hourly pay stated"


class Review(models.Model):
    """The checker's result for one version with the rules of one ruleset version."""

    version = models.ForeignKey(
        JobDescriptionVersion, on_delete=models.CASCADE, related_name="reviews"
    )
    ruleset_version = models.CharField(max_length=80)
    complete = models.BooleanField(
        default=True, help_text="False when the checker stopped at its work budget."
    )
    elements = models.JSONField(default=dict)
    advisories = models.JSONField(default=list)
    # Decided once, at check time, from the pay standard in force then.
    minimum_hourly_pay = models.DecimalField(max_digits=7, decimal_places=2, null=True)
    pay_verdict = models.CharField(
        max_length=10, choices=PayVerdict.choices, default=PayVerdict.NOT_STATED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["version", "-created_at"]
        get_latest_by = "created_at"

    def __str__(self):
        return f"Review of {self.version} ({self.ruleset_version})"

    def get_absolute_url(self):
        return reverse("workspace:review", args=[self.pk])

    def store_findings(self, findings) -> None:
        """Rows for the checker's findings (jdcheck.Finding), in reading order."""
        Finding.objects.bulk_create(
            Finding(review=self, position=position, **{
                name: list(value) if name == "ethics" else value
                for name, value in finding.to_dict().items()
            })
            for position, finding in enumerate(findings)
        )


class Severity(models.TextChoices):
    """A finding's severity; its label is what every view of a report says (page, print,
    PDF, Word). A caution is a hedged duty ("may occasionally", "assist with")."""

    VIOLATION = "violation", "Conflicts with the role"
    CAUTION = "caution", "Conflicts with the role, even as an occasional or helping duty"


class FindingQuerySet(MemberScopedQuerySet):
    organization_path = "review__version__job_description__organization"


class Finding(models.Model):
    """One duty that conflicts with the peer role, with its evidence in the text."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveIntegerField(help_text="Reading order within the review.")
    task = models.CharField(max_length=40)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence = models.TextField()
    matched = models.TextField()
    pattern = models.TextField(blank=True)  # the rule's pattern; some run past 300 characters
    reason = models.TextField()
    ethics = models.JSONField(default=list)
    suggestion = models.TextField()

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["review", "position"]

    def __str__(self):
        return f"{self.task}: {self.matched}"


class FindingDispute(models.Model):
    """A member's "we disagree" on a finding, carried to matching findings of later versions."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="disputes")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    comment = models.TextField()
    carried_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="The dispute on an earlier version's matching finding this one continues.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # an edit shows at once on a cached report

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Dispute on {self.finding}"
