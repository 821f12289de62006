"""The Curators group: edits the standards content in admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED_MODELS = [
    "sourcedocument",
    "ethicsprinciple",
    "competencyframework",
    "competency",
    "rolestandard",
    "prohibitedtask",
]
ACTIONS = ["add", "change", "delete", "view"]


def grant_curators(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so
    # this works on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    curators, _ = Group.objects.get_or_create(name="Curators")
    codenames = [f"{action}_{model}" for model in CURATED_MODELS for action in ACTIONS]
    curators.permissions.add(
        *Permission.objects.filter(content_type__app_label="standards", codename__in=codenames)
    )


def revoke_curators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    curators = Group.objects.filter(name="Curators").first()
    if curators:
        curators.permissions.remove(
            *Permission.objects.filter(content_type__app_label="standards")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("standards", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_curators, revoke_curators)]
