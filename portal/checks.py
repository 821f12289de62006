"""System checks: the portal never serves without a real SECRET_KEY, nor with a
text cap that file extraction cannot honour.

Settings load without a SECRET_KEY, so that commands which sign nothing
(makemigrations, collectstatic) run anywhere; the serving entry points and
`check --deploy` refuse instead.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from jdcheck.extract import MAX_TEXT_CHARS

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


@register()
def check_text_cap(app_configs, **kwargs):
    """CHECK_MAX_CHARS within what extraction reads: beyond it, longer files would be cut."""
    if not 1 <= settings.CHECK_MAX_CHARS <= MAX_TEXT_CHARS:
        return [Error(f"CHECK_MAX_CHARS must be between 1 and {MAX_TEXT_CHARS:,}.",
                      id="portal.E002")]
    return []
