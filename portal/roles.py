"""Who is a curator: one definition for every app, and the gate of curator pages."""

from functools import wraps

from allauth.account.authentication import get_authentication_records
from allauth.core import context
from allauth.mfa.models import Authenticator
from django.contrib.auth.management import create_permissions
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

CURATORS_GROUP = "Curators"


def is_curator(user) -> bool:
    """Transcom staff who curate content and review submissions, acting in a session
    that was signed in with the second factor.

    The session is the current request's, which allauth keeps for the duration of
    each request: outside a request nobody holds curator powers.
    """
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if not signed_in_with_second_factor(context.request, user):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=CURATORS_GROUP).exists()


def signed_in_with_second_factor(request, user) -> bool:
    """Whether this session's sign-in included the second factor (an authenticator app
    code or a recovery code), as allauth records each step of it in the session.

    An enrolled authenticator is not enough: a session that signed in (or enrolled)
    with a password alone has no such record until its owner confirms a code.
    """
    if request is None or not hasattr(request, "session"):
        return False
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


def second_factor_step(request):
    """A redirect to what a staff member must do before curator powers this session
    (enrol an authenticator app, or confirm a code from it), or None if nothing."""
    user = request.user
    if not (user.is_authenticated and user.is_staff):
        return None
    if signed_in_with_second_factor(request, user):
        return None
    if not _has_totp(user):
        return redirect("mfa_activate_totp")
    return redirect_to_login(request.get_full_path(), login_url=reverse("mfa_reauthenticate"))


def _has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def curator_required(view):
    """Curator pages: visitors sign in, staff complete the second factor, and for
    anyone else the page does not exist (404)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_curator(request.user):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            step = second_factor_step(request)
            if step:
                return step
            raise Http404("Curators only")
        return view(request, *args, **kwargs)

    return wrapped


def grant_curators(apps, app_label: str, models: list[str] | None = None) -> None:
    """For data migrations: give the Curators group every right on an app's models
    (or on the named ones).

    Permissions are normally created after all migrations have run; they are
    created here so that a fresh database gets a complete group.
    """
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
