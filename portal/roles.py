"""Who is a curator: one definition for every app."""

CURATORS_GROUP = "Curators"


def is_curator(user) -> bool:
    """Transcom staff who curate content and review submissions."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=CURATORS_GROUP).exists()


def grant_curators(apps, app_label: str, models: list[str] | None = None) -> None:
    """For data migrations: give the Curators group every right on an app's models
    (or on the named ones).

    Permissions are normally created after all migrations have run; they are
    created here so that a fresh database gets a complete group.
    """
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    curators, _ = apps.get_model("auth", "Group").objects.get_or_create(name=CURATORS_GROUP)
    curators.permissions.add(*_permissions(apps, app_label, models))


def revoke_curators(apps, app_label: str, models: list[str] | None = None) -> None:
    """The reverse of grant_curators, for migrating backwards."""
    curators = apps.get_model("auth", "Group").objects.filter(name=CURATORS_GROUP).first()
    if curators:
        curators.permissions.remove(*_permissions(apps, app_label, models))


def _permissions(apps, app_label, models):
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label=app_label
    )
    return permissions.filter(content_type__model__in=models) if models else permissions
