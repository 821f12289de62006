"""Organizations, their members, and the job descriptions they submit for review.

Visibility lives in one place: `MemberScopedQuerySet.visible_to(user)` below.
Every workspace view fetches objects through them, so a non-member gets a 404
for another organization's objects, never a 403 that confirms they exist.
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from portal.roles import is_curator


class Region(models.TextChoices):
    # The Department of Mental Health's five areas, plus statewide programs.
    CENTRAL = "central", "Central Massachusetts"
    METRO_BOSTON = "metro_boston", "Metro Boston"
    NORTHEAST = "northeast", "Northeast"
    SOUTHEAST = "southeast", "Southeast"
    WESTERN = "western", "Western Massachusetts"
    STATEWIDE = "statewide", "Statewide"


class SettingType(models.TextChoices):
    INPATIENT = "inpatient", "Inpatient"
    CRISIS = "crisis", "Crisis or emergency services"
    EMERGENCY_DEPARTMENT = "emergency_department", "Emergency department"
    COMMUNITY_TEAM = "community_team", "Community team (ACT, PACT, ACCS)"
    RESIDENTIAL = "residential", "Residential"
    RECOVERY_CENTER = "recovery_center", "Recovery Learning Community or peer-run program"
    YOUNG_ADULT = "young_adult", "Young adult program"
    OUTPATIENT = "outpatient", "Outpatient clinic"
    OTHER = "other", "Other"


class MemberScopedQuerySet(models.QuerySet):
    """Rows a user may see: curators see all, members their organizations', others none.

    `organization_path` is the lookup from the model to its Organization ("" for
    Organization itself).
    """

    organization_path = ""

    def visible_to(self, user):
        if is_curator(user):
            return self
        if not user.is_authenticated:
            return self.none()
        prefix = f"{self.organization_path}__" if self.organization_path else ""
        return self.filter(**{f"{prefix}memberships__user": user})


class OrganizationQuerySet(MemberScopedQuerySet):
    organization_path = ""


# Bounds on the staffing figures: far above any real organization, so that only a typing
# error (or a negative) is refused.
MAX_PEOPLE_SERVED = 100_000
MAX_PEER_FTE = 1_000
PEOPLE_SERVED_TOO_FEW = f"Enter a number from 1 to {MAX_PEOPLE_SERVED:,}, or leave it empty."


class Organization(models.Model):
    name = models.CharField(max_length=200)
    setting_type = models.CharField(max_length=30, choices=SettingType.choices)
    region = models.CharField("Massachusetts region", max_length=20, choices=Region.choices)
    people_served = models.PositiveIntegerField(
        null=True, blank=True,
        help_text=f"How many people your peer roles serve (optional, 1 to {MAX_PEOPLE_SERVED:,}).",
        validators=[
            MinValueValidator(1, PEOPLE_SERVED_TOO_FEW),
            MaxValueValidator(
                MAX_PEOPLE_SERVED,
                f"Enter at most {MAX_PEOPLE_SERVED:,} people served: more than any one "
                "organization's peer roles serve. Check for a typing error.",
            ),
        ],
    )
    peer_fte = models.DecimalField(
        "peer FTE", max_digits=6, decimal_places=2, null=True, blank=True,
        help_text=f"Full-time equivalents in peer roles (optional, 0 to {MAX_PEER_FTE:,}; "
        "e.g. 2.5).",
        validators=[
            MinValueValidator(0, "Peer FTE can't be negative: enter 0 or more, or leave it empty."),
            MaxValueValidator(
                MAX_PEER_FTE,
                f"Enter at most {MAX_PEER_FTE:,} peer FTE. Check for a typing error.",
            ),
        ],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workspace:organization", args=[self.pk])


INVITATION_MAX_AGE = 60 * 60 * 24 * 7  # an invitation's link works for a week after sending


class Role(models.TextChoices):
    ADMIN = "admin", "Admin"
    MEMBER = "member", "Member"


class Membership(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="one_membership_per_org")
        ]
        ordering = ["user__email"]

    def __str__(self):
        return f"{self.user} in {self.organization} ({self.role})"

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Not yet accepted, declined or withdrawn (possibly expired)."""
        return self.filter(
            accepted_at__isnull=True, declined_at__isnull=True, withdrawn_at__isnull=True
        )


class Invitation(models.Model):
    """An emailed invitation; the link carries a signed, expiring token for its id and key.

    Sending it again gives it a new key, so only the latest email's link works.
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    key = models.CharField(max_length=32, blank=True, editable=False)
    sent_at = models.DateTimeField(default=timezone.now, help_text="When it was last emailed.")
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation of {self.email} to {self.organization}"

    @property
    def expires_at(self):
        return self.sent_at + timedelta(seconds=INVITATION_MAX_AGE)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at


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


class Outcome(models.TextChoices):
    CONSISTENT = "consistent", "Consistent with the role"
    CHANGES_RECOMMENDED = "changes_recommended", "Changes recommended"


class CuratorDecision(models.Model):
    """A curator's decision on a submitted version, shown on the organization's report."""

    version = models.ForeignKey(
        JobDescriptionVersion, on_delete=models.CASCADE, related_name="decisions"
    )
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    comments = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"

    def __str__(self):
        return f"{self.get_outcome_display()} on {self.version}"


class Verdict(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    DISMISSED = "dismissed", "Dismissed"


class FindingVerdict(models.Model):
    """A curator confirms or dismisses one finding, with a reason."""

    finding = models.OneToOneField(Finding, on_delete=models.CASCADE, related_name="verdict")
    decision = models.ForeignKey(
        CuratorDecision, on_delete=models.CASCADE, related_name="verdicts"
    )
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    reason = models.TextField(blank=True)

    def __str__(self):
        return f"{self.get_verdict_display()}: {self.finding}"


class CuratorRead(models.Model):
    """A curator read one of an organization's submissions: a page or an export.

    The organization's admins see these, so that reading their job descriptions by
    curator powers is never silent. A member's own reads are not recorded.
    """

    class Kind(models.TextChoices):
        VERSION = "version", "Report"
        REVIEW = "review", "Earlier review"
        PRINT = "print", "Print view"
        PDF = "pdf", "PDF export"
        DOCX = "docx", "Word export"
        COMPARE = "compare", "Comparison of versions"
        CURATION = "curation", "Curators' review page"

    version = models.ForeignKey(
        JobDescriptionVersion, on_delete=models.CASCADE, related_name="curator_reads"
    )
    compared_with = models.ForeignKey(
        JobDescriptionVersion, on_delete=models.CASCADE, null=True, blank=True,
        related_name="+", help_text="The other version, when the read was a comparison.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    curator_email = models.EmailField(help_text="Kept when the curator's account is deleted.")
    read_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-read_at", "-pk"]

    def __str__(self):
        return f"{self.curator_email} read {self.version} ({self.get_kind_display()})"
