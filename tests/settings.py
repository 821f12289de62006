"""Test settings: the production settings module with test-only conveniences."""

import os

os.environ.setdefault("SECRET_KEY", "insecure-key-for-tests-only-" + "x" * 32)

from portal.settings import *  # noqa: E402,F403

# allauth's rate limits are off except in the tests of the limits themselves.
ACCOUNT_RATE_LIMITS = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# The quick check's own limit is tested with override_settings where it matters.
QUICK_CHECK_RATE_LIMIT = "10000/m"
# Tests see every change at once; tests/portal/test_page_cache.py turns the cache on.
PUBLIC_PAGE_CACHE_SECONDS = 0
