"""The fixed list of audiences, and the Curators group's rights over the toolkit."""

from django.db import migrations

from portal.roles import grant_curators, revoke_curators

AUDIENCES = [
    ("peer-specialists", "Peer specialists", 1),
    ("employers", "Employers and HR", 2),
    ("supervisors", "Supervisors", 3),
    ("policymakers", "Policymakers and funders", 4),
]


def add_audiences(apps, schema_editor):
    Audience = apps.get_model("toolkit", "Audience")
    for slug, name, order in AUDIENCES:
        Audience.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_audiences, migrations.RunPython.noop),
        migrations.RunPython(
            lambda apps, schema_editor: grant_curators(apps, "toolkit"),
            lambda apps, schema_editor: revoke_curators(apps, "toolkit"),
        ),
    ]
