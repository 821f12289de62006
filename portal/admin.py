from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.content import CuratedAdmin
from portal.models import SitePage


@admin.register(SitePage)
class SitePageAdmin(CuratedAdmin, SimpleHistoryAdmin):
    list_display = ("title", "slug", "status", "last_reviewed", "view_on_site_link")
    list_filter = ("status",)
    search_fields = ("title", "body")
    fields = ("title", "slug", "summary", "body", "status", "last_reviewed",
              *CuratedAdmin.readonly_fields)

    def get_readonly_fields(self, request, obj=None):
        # The slug is the page's address and footer link: fixed once the page exists.
        return (*super().get_readonly_fields(request, obj), *(("slug",) if obj else ()))
