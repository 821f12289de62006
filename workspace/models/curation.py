"""What curators record: decisions on a review, verdicts on findings, and their reads."""


from django.conf import settings
from django.db import models

from workspace.models.submissions import Finding, JobDescriptionVersion, Review


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
