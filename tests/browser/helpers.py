"""Steps the browser journeys and page checks share."""

import re
from io import BytesIO

from django.conf import settings
from django.core import mail
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD

# A description with one duty that conflicts with the role (the medication pass)
# and the elements the checker looks for; revising it drops the medication line.
CONFLICTING_DUTY = "Pass medications to residents during the evening med pass."
JOB_DESCRIPTION = f"""Peer Specialist

Responsibilities:
- Share lived experience of recovery to inspire hope.
- {CONFLICTING_DUTY}
- Co-facilitate peer support groups.

Pay: $22.00 per hour. Supervised by a Certified Peer Specialist supervisor.
"""
# Three conflicting duties, for the report's marks and findings.
MANY_FINDINGS_DESCRIPTION = JOB_DESCRIPTION.replace(
    "- Co-facilitate",
    "- Serve as representative payee and deliver residents' weekly spending money.\n"
    "- Write progress notes in the EHR after each contact.\n"
    "- Co-facilitate",
)


def without_line(text: str, fragment: str) -> str:
    """`text` without the lines that contain `fragment`, as a person would edit it."""
    return "\n".join(line for line in text.splitlines() if fragment not in line)


def docx_bytes(text: str) -> bytes:
    """A Word file with one paragraph per line of `text`."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def add_session(page: Page, base_url: str, user) -> None:
    """Sign `user` in to the page's browser context by giving it a session cookie,
    recorded as allauth records a sign-in: with the authenticator code for someone
    who enrolled one (curators).

    For tests about pages, not about signing in (the journeys sign in through the form).
    """
    from allauth.mfa.models import Authenticator
    from django.test import Client

    from tests.conftest import sign_in

    client = Client()
    sign_in(client, user, second_factor=Authenticator.objects.filter(user=user).exists())
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
    )


def make_curator(email: str):
    """A staff member in the Curators group, with the rights its data migrations grant.

    Browser tests run in transactions that are flushed, which removes the group the
    migrations created, so it is made again here.
    """
    from django.contrib.auth.models import Group, Permission

    from portal.roles import CURATORS_GROUP
    from tests.conftest import make_user

    curators, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    curators.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["standards", "toolkit"])
    )
    curator = make_user(email, staff=True)
    curator.groups.add(curators)
    return curator


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill allauth's sign-in form on the current page (the login page, or one it redirected to)."""
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Sign in$", re.IGNORECASE))
    page.get_by_label("Email").fill(email)
    page.get_by_label(re.compile(r"^\s*Password\W*$")).fill(password)
    page.get_by_role("button", name="Sign in").click()


def sign_up_and_confirm(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill the sign-up form on the current page, then confirm the address from its email
    (the journey continues on the sign-in page)."""
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    page.get_by_label("Email").fill(email)
    page.get_by_label(re.compile(r"^\s*Password\W*$")).fill(password)
    page.get_by_label("Password (again)").fill(password)
    page.get_by_role("button", name="Create the account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email address")
    page.goto(link_in_last_email(email, "/accounts/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator(".messages")).to_contain_text(f"You have confirmed {email}")


def link_in_last_email(to: str, path_fragment: str) -> str:
    """The first link containing `path_fragment` in the latest email sent to `to`."""
    messages = [message for message in mail.outbox if to in message.to]
    assert messages, f"no email was sent to {to}"
    match = re.search(rf"https?://\S*{re.escape(path_fragment)}\S*", messages[-1].body)
    assert match, f"no {path_fragment} link in: {messages[-1].body}"
    return match.group(0)


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def message(page: Page):
    """The flash messages at the top of the page."""
    return page.locator(".messages")
