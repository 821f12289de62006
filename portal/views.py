from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from portal.models import SitePage
from standards.models import SourceDocument
from toolkit.rendering import render_markdown

# The site's own pages, linked from every page's footer, and what each adds to its
# curated text from the settings and the database, so that no figure is typed twice.
SITE_PAGES = {
    "about": "portal/pages/_sources.html",
    "privacy": "portal/pages/_retention.html",
    "accessibility": "portal/pages/_contact.html",
    "contact": "portal/pages/_contact.html",
    "help": None,
}


def home(request):
    return render(request, "portal/home.html")


def site_page(request, slug):
    page = get_object_or_404(SitePage.objects.visible_to(request.user), slug=slug)
    return render(request, "portal/site_page.html", {
        "page": page,
        "body": render_markdown(page.body),
        "facts": SITE_PAGES[slug],
        "contact_email": settings.PORTAL_CONTACT_EMAIL,
        "retention_days": settings.ARCHIVED_RETENTION_DAYS,
        "sources": SourceDocument.objects.order_by("publisher", "year", "title"),  # lazy
    })


@never_cache
def healthz(request):
    """Liveness and readiness in one: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request, exception):
    """Over-large or malformed requests: say what the limits are, not a bare 400."""
    too_large = isinstance(exception, (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent))
    return render(request, "400.html", {
        "too_large": too_large,
        "upload_megabytes": settings.MAX_UPLOAD_BYTES // (1024 * 1024),
        "max_characters": getattr(settings, "CHECK_MAX_CHARS", 50_000),
    }, status=400)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def server_error(request):
    return render(request, "500.html", status=500)
