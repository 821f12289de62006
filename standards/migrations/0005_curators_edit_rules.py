"""Curators edit the checker rules (inline on the prohibited tasks)."""

from django.db import migrations

from portal.roles import grant_curators, revoke_curators


class Migration(migrations.Migration):
    dependencies = [("standards", "0004_task_rule")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant_curators(apps, "standards", ["taskrule"]),
            lambda apps, schema_editor: revoke_curators(apps, "standards", ["taskrule"]),
        )
    ]
