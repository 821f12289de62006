from django.conf import settings
from django.shortcuts import redirect


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
