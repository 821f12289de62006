"""Creates the database cache table, so `migrate` alone prepares a fresh database.

The cache backs allauth's rate limits and the compiled checker rules, shared by
every worker. createcachetable is idempotent and skips a Redis configuration.
"""

from io import StringIO

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0,
                 stdout=StringIO())


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
