"""The portal never serves without a real SECRET_KEY.

Settings load without one, so that commands which sign nothing (makemigrations,
collectstatic) run anywhere; the serving entry points and `check --deploy`
refuse instead.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET_KEY = "Set SECRET_KEY (or DEBUG=1 for local development)."


def secret_key_missing() -> bool:
    try:
        return not settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        return True


def require_secret_key() -> None:
    """For portal.wsgi and portal.asgi: refuse to start serving without a key."""
    if secret_key_missing():
        raise ImproperlyConfigured(MISSING_SECRET_KEY)


@register(Tags.security, deploy=True)
def check_secret_key_is_set(app_configs, **kwargs):
    return [Error(MISSING_SECRET_KEY, id="portal.E001")] if secret_key_missing() else []
