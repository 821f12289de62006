"""What every curated content record shares: publishing status, review date,
and the mark that protects a curator's edit from re-seeding.

Apps use `PublishedContent` as the base of their content models, `upsert_seeded`
in their `seed.run()` and `CuratedAdmin` in their admin.
"""

import tomllib
from pathlib import Path

from django.contrib import admin
from django.db import models
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.html import format_html

from portal.roles import is_curator


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Drafts are for curators, who may preview them; everyone else sees published."""
        if is_curator(user):
            return self
        return self.published()


class PublishedContent(models.Model):
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    last_reviewed = models.DateField(default=timezone.localdate)
    edited_by_curator = models.BooleanField(
        default=False,
        help_text="Set when a curator saves the record; seeding never overwrites it then.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


def read_front_matter(path: Path) -> dict:
    """A Markdown file with TOML front matter between `+++` lines: its fields and its body."""
    _, front_matter, body = path.read_text("utf-8").split("+++\n", 2)
    return {**tomllib.loads(front_matter), "body": body}


def upsert_seeded(model, lookup: dict, values: dict):
    """Create or update a seeded record; leave it alone if a curator has edited it.

    Returns (record, outcome) where outcome is "created", "updated", "unchanged"
    or "kept curator edit". Only fields that differ are written, so seeding twice
    changes nothing (not even `updated_at`).
    """
    record = model.objects.filter(**lookup).first()
    if record is None:
        return model.objects.create(**lookup, **values), "created"
    if getattr(record, "edited_by_curator", False):
        return record, "kept curator edit"
    changed = [name for name, value in values.items() if getattr(record, name) != value]
    if not changed:
        return record, "unchanged"
    for name in changed:
        setattr(record, name, values[name])
    record.save(update_fields=changed + (["updated_at"] if hasattr(record, "updated_at") else []))
    return record, "updated"


class CuratedAdmin(admin.ModelAdmin):
    """Admin for seeded content: marks curator edits and links to the public page."""

    readonly_fields = ("edited_by_curator", "created_at", "updated_at", "view_on_site_link")

    def save_model(self, request, obj, form, change):
        obj.edited_by_curator = True
        super().save_model(request, obj, form, change)

    @admin.display(description="Public page")
    def view_on_site_link(self, obj):
        try:
            url = obj.get_absolute_url() if obj.pk else None
        except (AttributeError, NoReverseMatch):
            url = None
        if not url:
            return "—"
        label = "View" if obj.is_published else "Preview draft"
        return format_html('<a href="{}">{}</a>', url, label)
