from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.shortcuts import redirect


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response, and the admin's narrower CSP exception.

    Django's admin still uses inline style attributes, so its pages (and only
    them) may use inline styles; scripts stay limited to our own files.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(self.admin_prefix):
            response._csp_update = {"style-src": [UNSAFE_INLINE]}
        return response


class StaffMustEnrolMFAMiddleware:
    """Staff reach the admin only after enrolling an authenticator app (TOTP).

    Curators can publish content and read every organization's submissions, so a
    password alone is not enough for them.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(self.admin_prefix)
            and user.is_authenticated
            and user.is_staff
            and not user_has_totp(user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def user_has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
