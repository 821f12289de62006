"""How allauth fits the portal: people named by email, the site's own name in emails,
and where a sign-in lands."""

from allauth.account import forms as allauth_forms
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse

from workspace.views.common import PENDING_INVITATION


def user_display(user) -> str:
    """How the portal names a person: by email address, never by the internal username."""
    return user.email or "your account"


class AccountAdapter(DefaultAccountAdapter):
    def render_mail(self, template_prefix, email, context, headers=None):
        # The site's name, not the request's host ("Hello from 127.0.0.1").
        context = {**context, "site_name": settings.SITE_NAME}
        return super().render_mail(template_prefix, email, context, headers=headers)

    def get_login_redirect_url(self, request):
        """Back to an invitation opened while signed out; otherwise the workspace."""
        token = request.session.get(PENDING_INVITATION)
        if token:
            return reverse("workspace:invitation_accept", args=[token])
        return super().get_login_redirect_url(request)


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this computer"
