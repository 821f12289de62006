from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from portal import views
from portal.search import search_page
from workspace.views.quick import quick_check, quick_check_export

# Admin sign-in goes through allauth, so its rate limits and MFA apply there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "CPS Standards Portal — curation"
admin.site.site_title = "CPS Standards Portal curation"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", search_page, name="search"),
    path("standards/statewide/", include("statewide.public_urls")),
    path("standards/", include("standards.urls")),
    path("toolkit/", include("toolkit.urls")),
    path("workspace/", include("workspace.urls")),
    path("workspace/", include("readiness.urls")),
    path("workspace/curation/statewide/", include("statewide.urls")),
    path("check/", quick_check, name="quick_check"),
    path("check/export/", quick_check_export, name="quick_check_export"),
    path("accounts/", include("allauth.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    *(path(f"{slug}/", views.site_page, {"slug": slug}, name=f"site_{slug}")
      for slug in views.SITE_PAGES),
]

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
