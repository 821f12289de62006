"""Settings for the CPS Standards Portal, read from the environment.

Development defaults are safe: DEBUG is off unless asked for, the database is
a local SQLite file and email goes to the console. Production sets
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and the EMAIL_* variables.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

# Without DEBUG there is no default key: the serving entry points and
# `check --deploy` refuse to run without one (portal/checks.py).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    # A fresh key per process is fine in development: sessions just don't survive restarts.
    SECRET_KEY = "dev-" + secrets.token_urlsafe(40)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "simple_history",
    "csp",
    "portal",
    "standards",
    "toolkit",
    "workspace",
    "readiness",
    "statewide",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "portal.middleware.PrivatePagesMiddleware",
    "portal.text_input.QueryTextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.AdminNeedsSecondFactorMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache that every worker shares: allauth's rate limits count in it.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }

# Rendered public pages for anonymous visitors, in each worker's memory
# (portal/page_cache.py); 0 turns the page cache off.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "public-pages",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True
# One date format site-wide: portal/formats/en/formats.py.
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# --- Accounts (django-allauth) ---
SITE_NAME = "CPS Standards Portal"
LOGIN_URL = "account_login"
# Accounts are for employers: a sign-in lands in the workspace (or on an invitation
# opened before signing in: portal.accounts.AccountAdapter).
LOGIN_REDIRECT_URL = "workspace:index"
ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"
ACCOUNT_FORMS = {"login": "portal.accounts.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
# People are known by their email address; the username allauth generates stays internal.
ACCOUNT_USER_DISPLAY = "portal.accounts.user_display"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[CPS Standards Portal] "
# allauth's default rate limits (login, failed login, signup, password reset)
# stay on; they count in the shared cache above. Tests switch them off except
# in the tests of the limits themselves.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "0"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME

ADMIN_URL = os.environ.get("ADMIN_URL", "curate/").strip("/") + "/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Email ---
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CPS Standards Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The site's own pages (about, privacy, contact...): where people write to. Empty means
# the pages say contact details are not yet published; never a made-up address.
PORTAL_CONTACT_EMAIL = os.environ.get("PORTAL_CONTACT_EMAIL", "").strip()

# Archived job descriptions (all their versions and reviews) are deleted this many days
# after they were archived, by `manage.py purge_archived` (run it daily); the privacy
# page states the figure.
ARCHIVED_RETENTION_DAYS = int(os.environ.get("ARCHIVED_RETENTION_DAYS", "365"))
# The statewide picture shows no figure built from fewer organizations than this.
STATEWIDE_MIN_ORGANIZATIONS = max(2, int(os.environ.get("STATEWIDE_MIN_ORGANIZATIONS", "5")))

# --- Security ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# The public quick check, per client address (raise it for load tests).
QUICK_CHECK_RATE_LIMIT = os.environ.get("QUICK_CHECK_RATE_LIMIT", "20/m")
# Workspace submissions, revisions and re-checks together, per signed-in person.
WORKSPACE_CHECK_RATE_LIMIT = os.environ.get("WORKSPACE_CHECK_RATE_LIMIT", "30/h")
# The checker's work budget per check, in counted units of work (jdcheck.Work), not
# seconds, so a stored review never depends on machine load. A real description
# costs about 2 units a character; the worst hostile text at the length cap about
# 3; 1,000,000 units take about 2 s.
CHECK_WORK_BUDGET = int(os.environ.get("CHECK_WORK_BUDGET", "1000000"))

# The longest job description the portal checks, pasted or uploaded. A real one is
# 3,000-15,000 characters; the cap bounds the checker, the diff, the exports and the page.
# At most jdcheck.extract.MAX_TEXT_CHARS (200,000), where file parsing stops.
CHECK_MAX_CHARS = int(os.environ.get("CHECK_MAX_CHARS", "50000"))

# Content Security Policy: no inline script or style on public and workspace
# pages. The admin gets a narrower exception (inline styles) in
# portal.middleware.SecurityHeadersMiddleware.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# Uploads: files are streamed to a handler that refuses anything over the cap.
FILE_UPLOAD_HANDLERS = ["portal.uploads.CappedMemoryUploadHandler"]
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies are never logged: a job description could hold anything.
        "django.request": {"handlers": ["stdout"], "level": "ERROR", "propagate": False},
    },
}
