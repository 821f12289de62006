"""The Curators group edits the instrument; assessments stay the organizations' own."""

from django.db import migrations

from portal.roles import grant_curators, revoke_curators

INSTRUMENT = ["section", "statement"]


class Migration(migrations.Migration):
    dependencies = [
        ("readiness", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant_curators(apps, "readiness", INSTRUMENT),
            lambda apps, schema_editor: revoke_curators(apps, "readiness", INSTRUMENT),
        ),
    ]
