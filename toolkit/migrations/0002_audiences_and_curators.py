"""The fixed list of audiences, and the Curators group's rights over the toolkit."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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


def grant_curators(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now so a
    # fresh database gets a complete group.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    curators, _ = Group.objects.get_or_create(name="Curators")
    curators.permissions.add(*Permission.objects.filter(content_type__app_label="toolkit"))


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_audiences, migrations.RunPython.noop),
        migrations.RunPython(grant_curators, migrations.RunPython.noop),
    ]
