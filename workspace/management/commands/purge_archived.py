"""Delete archived job descriptions once ARCHIVED_RETENTION_DAYS have passed (run daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from workspace.retention import archived_purge


class Command(BaseCommand):
    help = (
        "Delete job descriptions (with their versions and reviews) archived more than "
        "ARCHIVED_RETENTION_DAYS days ago."
    )

    def handle(self, *args, **options):
        count = archived_purge()
        self.stdout.write(
            f"Deleted {count} job description{'' if count == 1 else 's'} archived more than "
            f"{settings.ARCHIVED_RETENTION_DAYS} days ago."
        )
