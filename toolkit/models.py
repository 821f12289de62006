"""Toolkit content: documents the portal publishes and resources it points to."""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from portal.content import PublishedContent, PublishedQuerySet, Status
from toolkit.attachments import ATTACHMENT_TYPES, validate_attachment

REVIEW_INTERVAL = timedelta(days=365)


class Audience(models.Model):
    """Who a document is written for: a fixed vocabulary, seeded by migration."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Topic(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    edited_by_curator = models.BooleanField(
        default=False,
        help_text="Set when a curator saves the topic; seeding never overwrites it then.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("toolkit:documents") + f"?topic={self.slug}"


class DocumentQuerySet(PublishedQuerySet):
    def for_listing(self):
        return self.prefetch_related("topics", "audiences")

    def review_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(last_reviewed__lt=today - REVIEW_INTERVAL)


class Document(PublishedContent):
    class Kind(models.TextChoices):
        GUIDE = "guide", "Guide"
        TEMPLATE = "template", "Template"
        CHECKLIST = "checklist", "Checklist"
        RESOURCE = "resource", "External resource"

    class LinkStatus(models.TextChoices):
        OK = "ok", "Working"
        ARCHIVED = "archived", "Archived (publisher no longer maintains it)"
        AT_RISK = "at_risk", "At risk (may move or disappear)"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.TextField(max_length=600, help_text="One or two plain sentences.")
    body = models.TextField(
        blank=True,
        help_text="Markdown. Start sections at ## (the title is the page's only level-1 heading). "
        "HTML is cleaned: scripts, event handlers and javascript: links are removed.",
    )
    sources = models.TextField(
        blank=True,
        help_text="Markdown list of the passages this document draws on, cited as a reader "
        "would: publisher, title, year and section (never a file name).",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.GUIDE)
    audiences = models.ManyToManyField(Audience, blank=True, related_name="documents")
    topics = models.ManyToManyField(Topic, blank=True, related_name="documents")
    attachment = models.FileField(
        upload_to="toolkit/attachments/",
        blank=True,
        validators=[validate_attachment],
        help_text="A PDF or Word (.docx) file, at most 20 MB.",
    )
    external_url = models.URLField("external link", max_length=500, blank=True)
    link_status = models.CharField(max_length=10, choices=LinkStatus.choices, default=LinkStatus.OK)
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    related_standards = models.JSONField(
        default=list,
        blank=True,
        help_text='Links into the standards pages, e.g. [{"title": "Routine notes", '
        '"path": "/standards/tasks/routine_notes/"}].',
    )
    history = HistoricalRecords()

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The publish date is the first time a document went public; unpublishing keeps it.
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = [*kwargs["update_fields"], "published_at"]
        super().save(*args, **kwargs)

    def clean(self):
        if self.attachment and self.external_url:
            raise ValidationError("A document has an attachment or an external link, not both.")
        for reference in self.related_standards or []:
            if not (
                isinstance(reference, dict)
                and reference.get("title")
                and str(reference.get("path", "")).startswith("/standards/")
            ):
                raise ValidationError(
                    {
                        "related_standards": 'Each entry needs a "title" and a "path" under /standards/.'
                    }
                )

    def get_absolute_url(self):
        return reverse("toolkit:document", kwargs={"slug": self.slug})

    @property
    def review_overdue(self) -> bool:
        return self.last_reviewed < timezone.localdate() - REVIEW_INTERVAL

    @property
    def attachment_type(self) -> str:
        return ATTACHMENT_TYPES.get(Path(self.attachment.name).suffix.lower(), ("", ""))[0]

    @property
    def attachment_size(self) -> int | None:
        try:
            return self.attachment.size
        except OSError:  # file missing from storage: show the link without a size
            return None

    @property
    def archive_lookup_url(self) -> str:
        """Where to look for saved copies of a link the publisher no longer maintains."""
        return f"https://web.archive.org/web/*/{self.external_url}" if self.external_url else ""
