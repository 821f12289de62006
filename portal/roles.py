"""Who is a curator: one definition for every app."""

CURATORS_GROUP = "Curators"


def is_curator(user) -> bool:
    """Transcom staff who curate content and review submissions."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=CURATORS_GROUP).exists()
