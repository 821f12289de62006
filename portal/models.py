from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from portal.content import PublishedContent


class RateCounter(models.Model):
    """Requests of one action from one client in one time window (portal/ratelimit.py)."""

    key = models.CharField(max_length=200, primary_key=True)
    hits = models.PositiveIntegerField()
    expires_at = models.PositiveBigIntegerField(
        db_index=True, help_text="Unix time at which the window ends and the row can go."
    )

    def __str__(self):
        return f"{self.key}: {self.hits}"


class SitePage(PublishedContent):
    """One of the portal's own pages (about, privacy...): Markdown that curators edit,
    seeded from portal/site_pages/. Each slug has its own address (portal.urls)."""

    slug = models.SlugField(unique=True, help_text="Fixed: the page's address and footer link.")
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, help_text="One sentence, shown under the title.")
    body = models.TextField(
        help_text="Markdown. Start sections at ## (the title is the page's only level-1 heading). "
        "HTML is cleaned: scripts, event handlers and javascript: links are removed. Contact "
        "details, the list of sources and the retention period are added by the portal."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"site_{self.slug}")
