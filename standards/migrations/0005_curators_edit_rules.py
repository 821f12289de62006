"""Curators edit the checker rules (inline on the prohibited tasks)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ["add", "change", "delete", "view"]


def grant_curators(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so
    # this works on a fresh database.
    app_config = apps.get_app_config("standards")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    curators, _ = Group.objects.get_or_create(name="Curators")
    curators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="standards",
            codename__in=[f"{action}_taskrule" for action in ACTIONS],
        )
    )


def revoke_curators(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    curators = Group.objects.filter(name="Curators").first()
    if curators:
        curators.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="standards", codename__endswith="_taskrule"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("standards", "0004_task_rule")]

    operations = [migrations.RunPython(grant_curators, revoke_curators)]
