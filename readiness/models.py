"""Provider readiness: the self-assessment instrument (curated content) and each
organization's assessments of itself against it (private to the organization).

Visibility lives in `AssessmentQuerySet.visible_to`: members see their
organization's assessments; curators see one only once it is submitted and its
admin has shared it with them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from portal.content import PublishedContent
from portal.roles import is_curator
from standards.models import Cited, RoleStandard


class Section(PublishedContent):
    """A part of the instrument. Its order is also the action plan's: what the
    sources weigh most (the role and its prohibited tasks, then supervision) first."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    guides = models.ManyToManyField(
        "toolkit.Document", blank=True, related_name="+",
        help_text="Toolkit documents that help close a gap in this section.",
    )

    history = HistoricalRecords(m2m_fields=[guides])

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title


class Proposal(models.TextChoices):
    """What the portal can propose from an organization's own data (readiness.proposals)."""

    NONE = "", "Nothing (members answer)"
    STAFFING_RATIO = "staffing_ratio", "Staffing ratio from the organization's figures"
    PROHIBITED_TASKS = "prohibited_tasks", "Prohibited tasks from the latest reviews"
    PAY = "pay", "Pay from the latest reviews"
    PEER_SUPERVISION = "peer_supervision", "Peer supervision from the latest reviews"


class Statement(Cited, PublishedContent):
    """One thing an organization rates itself on, in the portal's words, with the
    source passage it rests on and the standard or task it concerns."""

    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="statements")
    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    wording = models.TextField(help_text="The statement as members rate it.")
    source_quote = models.TextField(help_text="The passage of the source it rests on.")
    role_standard = models.ForeignKey(
        RoleStandard, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    prohibited_tasks = models.BooleanField(
        default=False, help_text="Concerns the prohibited tasks (the action plan links to them)."
    )
    proposal = models.CharField(max_length=20, choices=Proposal.choices, blank=True)
    # What each rating looks like, only where the source says; otherwise left for curators.
    level_not_in_place = models.TextField("what “not in place” looks like", blank=True)
    level_partly = models.TextField("what “partly” looks like", blank=True)
    level_fully = models.TextField("what “fully” looks like", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["section__order", "order"]

    def __str__(self):
        return self.wording

    def get_absolute_url(self):
        # Statements have no page of their own; the standard they rest on has.
        return self.role_standard.get_absolute_url() if self.role_standard else None


class Rating(models.TextChoices):
    NOT_IN_PLACE = "not_in_place", "Not in place"
    PARTLY = "partly", "Partly in place"
    FULLY = "fully", "Fully in place"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


# Points per rating for the scores; "not applicable" counts for nothing either way.
POINTS = {Rating.NOT_IN_PLACE: 0, Rating.PARTLY: 1, Rating.FULLY: 2}
MOST_POINTS = 2


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        mine = Q(organization__memberships__user=user)
        if is_curator(user):
            mine |= Q(status=Assessment.Status.SUBMITTED, shared_with_curators=True)
        return self.filter(mine).distinct()

    def submitted(self):
        return self.filter(status=Assessment.Status.SUBMITTED)


class Assessment(models.Model):
    """One round of an organization's self-assessment: started and submitted by an admin."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    organization = models.ForeignKey(
        "workspace.Organization", on_delete=models.CASCADE, related_name="assessments"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", help_text="Whose answers are the organization's result.",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    shared_with_curators = models.BooleanField(default=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"], condition=Q(status="draft"),
                name="one_draft_assessment_per_organization",
            )
        ]

    def __str__(self):
        return f"Readiness of {self.organization} ({self.started_at:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("readiness:assessment", args=[self.pk])

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    """One member's rating of one statement in one assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    rating = models.CharField(max_length=20, choices=Rating.choices)
    proposed_rating = models.CharField(
        max_length=20, choices=Rating.choices, blank=True,
        help_text="What the portal proposed from the organization's data when this was saved.",
    )
    note = models.TextField("evidence note", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["statement__section__order", "statement__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "statement", "member"], name="one_answer_per_member"
            )
        ]

    def __str__(self):
        return f"{self.member} on {self.statement.slug}: {self.rating}"

    @property
    def overrides_proposal(self) -> bool:
        return bool(self.proposed_rating) and self.rating != self.proposed_rating
