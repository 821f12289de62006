"""The one seeding command: loads the portal's content from its sources.

Idempotent: records are created or updated by slug, and a record a curator has
edited is never overwritten. Each app contributes a `seed` module with a
`run(stdout)` function; this command calls them in dependency order.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

SEEDERS = ["standards.seed", "toolkit.seed", "portal.seed", "readiness.seed"]


class Command(BaseCommand):
    help = "Create or update the portal's seeded content (safe to run any time)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module_name in SEEDERS:
                import_module(module_name).run(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Seeding complete."))
