"""Prints, as JSON, the headers and cookies the production settings give a few pages.

Run by test_headers.py in a subprocess with the production variables set
(DJANGO_SETTINGS_MODULE=portal.settings, DEBUG unset), so what it reads is what
production sends. Requests go through Django's test client as HTTPS to an
allowed host; the database is a throwaway SQLite file.
"""

import json
import sys

import django
from django.conf import settings

# Only difference from production: static files are not collected here, so the
# templates' {% static %} must not need the manifest. Headers do not depend on it.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from tests.conftest import sign_in  # noqa: E402
from workspace import services  # noqa: E402

HOST = "portal.example.org"
PASSWORD = "a production-strength passphrase 42"


def user(email, **extra):
    account = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD, **extra
    )
    EmailAddress.objects.create(user=account, email=email, primary=True, verified=True)
    return account


def describe(response):
    return {
        "status": response.status_code,
        "location": response.get("Location", ""),
        "headers": dict(response.headers),
        "cookies": {
            name: {
                "secure": bool(morsel["secure"]),
                "httponly": bool(morsel["httponly"]),
                "samesite": morsel["samesite"],
                "max-age": morsel["max-age"],
            }
            for name, morsel in response.cookies.items()
        },
    }


def main():
    call_command("migrate", interactive=False, verbosity=0)
    member = user("member@example.org")
    staff = user("curator@example.org", is_staff=True)
    TOTP.activate(staff, generate_totp_secret())
    organization = services.organization_create(
        user=member, name="Probe Org", setting_type="residential", region="western"
    )
    _, version = services.job_description_create(
        organization=organization, title="Peer Specialist", setting_type="",
        text="Share lived experience. Pass medications at the evening med pass.",
        original_filename="", user=member,
    )
    pages = {}
    visitor = Client(HTTP_HOST=HOST)
    pages["plain_http"] = describe(visitor.get("/"))
    for name, url in {
        "home": "/", "standards": "/standards/", "quick_check": "/check/",
        "search": "/search/?q=payee", "login": "/accounts/login/",
    }.items():
        pages[name] = describe(visitor.get(url, secure=True))

    signed_in = Client(HTTP_HOST=HOST)
    signed_in.get("/accounts/login/", secure=True)
    pages["login_post"] = describe(signed_in.post(
        "/accounts/login/", {"login": member.email, "password": PASSWORD}, secure=True
    ))
    pages["organization"] = describe(signed_in.get(organization.get_absolute_url(), secure=True))
    pages["report"] = describe(signed_in.get(version.get_absolute_url(), secure=True))

    curator = Client(HTTP_HOST=HOST)
    sign_in(curator, staff)  # with the authenticator code, as the admin asks
    pages["admin"] = describe(curator.get("/" + settings.ADMIN_URL, secure=True))
    json.dump(pages, sys.stdout)


if __name__ == "__main__":
    main()
