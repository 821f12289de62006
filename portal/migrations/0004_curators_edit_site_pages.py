"""Curators edit the site's own pages (about, privacy...)."""

from django.db import migrations

from portal.roles import grant_curators, revoke_curators

MODELS = ["sitepage", "historicalsitepage"]


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_site_page"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant_curators(apps, "portal", MODELS),
            lambda apps, schema_editor: revoke_curators(apps, "portal", MODELS),
        )
    ]
