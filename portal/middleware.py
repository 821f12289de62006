from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.utils.cache import patch_cache_control

from portal.roles import second_factor_step


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


class AdminNeedsSecondFactorMiddleware:
    """Staff reach the admin only in a session signed in with the second factor (TOTP).

    Curators can publish content and read every organization's submissions, so a
    password alone is not enough for them: the admin asks for the same thing as
    curator powers anywhere on the site (`portal.roles.is_curator`).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix):
            step = second_factor_step(request)
            if step:
                return step
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Private pages and their exports are never kept by a browser or proxy cache.

    The URL families: the workspace (organizations, submissions, reports and their
    exports, invitations, curation), provider readiness and the curators' rules page.
    """

    PRIVATE_NAMESPACES = {"workspace", "readiness", "statewide"}
    PRIVATE_VIEWS = {"standards:rules"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match and (
            match.namespace in self.PRIVATE_NAMESPACES or match.view_name in self.PRIVATE_VIEWS
        ):
            patch_cache_control(response, private=True, no_store=True)
        return response
