"""The Curators group: edits the standards content in admin."""

from django.db import migrations

from portal.roles import grant_curators, revoke_curators


class Migration(migrations.Migration):
    dependencies = [
        ("standards", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant_curators(apps, "standards"),
            lambda apps, schema_editor: revoke_curators(apps, "standards"),
        )
    ]
