from django.db import models


class RateCounter(models.Model):
    """Requests of one action from one client in one time window (portal/ratelimit.py)."""

    key = models.CharField(max_length=200, primary_key=True)
    hits = models.PositiveIntegerField()
    expires_at = models.PositiveBigIntegerField(
        db_index=True, help_text="Unix time at which the window ends and the row can go."
    )

    def __str__(self):
        return f"{self.key}: {self.hits}"
