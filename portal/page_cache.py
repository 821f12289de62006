"""Whole-page cache for anonymous visitors on the public pages.

Standards, toolkit and search pages are the same for every visitor without an
account, and most traffic is theirs. Rendered pages are kept in each worker's
memory under the current *content revision*, a token in the shared cache that
any save of standards or toolkit content replaces, so an edit or an unpublished
draft is never served from the cache after it is saved.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches

from portal.views import SITE_PAGES

REVISION_KEY = "public-content-revision"
CACHEABLE_PREFIXES = ("/standards/", "/toolkit/", "/search/", *(f"/{slug}/" for slug in SITE_PAGES))
UNCACHEABLE_PREFIXES = ("/standards/rules/",)


def content_revision() -> str:
    shared = caches["default"]
    revision = shared.get(REVISION_KEY)
    if revision is None:
        revision = uuid.uuid4().hex
        shared.add(REVISION_KEY, revision, None)
        revision = shared.get(REVISION_KEY, revision)
    return revision


def content_changed(**kwargs) -> None:
    """Signal receiver: any saved or deleted content makes every cached page stale."""
    caches["default"].set(REVISION_KEY, uuid.uuid4().hex, None)


def _cacheable(request) -> bool:
    path = request.path
    return (
        settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and (path == "/" or path.startswith(CACHEABLE_PREFIXES))
        and not path.startswith(UNCACHEABLE_PREFIXES)
        # A session or pending messages mean this visitor may see something personal.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable(request):
            return self.get_response(request)
        pages = caches["pages"]
        # The absolute URL validates the host against ALLOWED_HOSTS (a foreign host gets
        # Django's 400, never a cached page) and keys each host and scheme apart.
        digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = f"page:{content_revision()}:{digest}"
        response = pages.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if response.status_code == 200 and not response.cookies and not response.streaming:
            pages.set(key, response, settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response
