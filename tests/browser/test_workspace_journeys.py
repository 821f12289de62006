"""The moments that lost people (issue 16): where the quick check's result lands, an
invitation that survives signing up, and workspace tables on a phone."""


import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    JOB_DESCRIPTION,
    MANY_FINDINGS_DESCRIPTION,
    add_session,
    heading,
    link_in_last_email,
    message,
    sign_in,
    sign_up_and_confirm,
)
from tests.conftest import make_user
from workspace import invitations, services
from workspace.models import Membership

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
def test_quick_check_result_takes_the_focus_and_its_summary_is_in_view(
    seeded, contexts, viewport
):
    page = contexts.new_page(viewport=viewport)
    page.goto("/check/")
    page.get_by_label("Paste the job description").fill(MANY_FINDINGS_DESCRIPTION * 6)
    page.get_by_role("button", name="Check the description").click()

    result = page.get_by_role("heading", name="Result of your check")
    expect(result).to_be_focused()
    expect(result).to_be_in_viewport()
    expect(page.locator(".summary-line")).to_be_in_viewport()
    # The first Tab from the result reaches the result's own links, not the form's.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('#result') !== null")
    assert focused


FITS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = [...document.querySelectorAll('main, main *')]
    .filter(e => e.clientWidth > 1  // not a visually hidden label
                 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
    .map(e => e.tagName.toLowerCase() + '.' + e.className);
  const offscreen = [...document.querySelectorAll('main a, main button, main select')]
    .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > width + 1; })
    .map(e => e.textContent.trim().slice(0, 40));
  return {pageWidth: document.documentElement.scrollWidth, width, scrolls, offscreen};
}"""


def test_members_page_and_dashboard_fit_a_360px_phone_with_every_action_on_screen(
    seeded, contexts, live_server, screenshot
):
    admin = make_user("program.director.long.name@acme-recovery-learning.example")
    organization = services.organization_create(
        user=admin, name="Acme Recovery Learning Community", setting_type="residential",
        region="western",
    )
    for email in ("peer.supervisor.with.a.long.address@acme-recovery-learning.example",
                  "hr@acme.example"):
        Membership.objects.create(organization=organization, user=make_user(email))
    invitations.invitation_create(
        organization=organization, email="new.colleague.long.address@acme-recovery.example",
        role="member", invited_by=admin, accept_url_for=lambda token: f"/{token}/",
    )
    services.job_description_create(
        organization=organization, title="Residential Peer Specialist (evening shift)",
        setting_type="", text=JOB_DESCRIPTION, original_filename="", user=admin,
    )
    page = contexts.new_page(viewport=PHONE)
    add_session(page, live_server.url, admin)
    for path, name in [(f"/workspace/organizations/{organization.pk}/members/", "members"),
                       (organization.get_absolute_url(), "dashboard")]:
        page.goto(path)
        fit = page.evaluate(FITS)
        assert fit["pageWidth"] <= fit["width"], (name, fit)
        assert fit["scrolls"] == [] and fit["offscreen"] == [], (name, fit)
        screenshot(page, f"phone-{name}")
    # Every member's actions are there, one card per member.
    page.goto(f"/workspace/organizations/{organization.pk}/members/")
    expect(page.get_by_role("button", name="Change role")).to_have_count(3)
    expect(page.get_by_role("button", name="Remove hr@acme.example")).to_be_visible()
    expect(page.get_by_role("button", name="Withdraw the invitation of")).to_be_visible()


def test_a_colleague_new_to_the_site_keeps_the_invitation_through_sign_up_and_sign_in(
    seeded, contexts, page, screenshot
):
    admin = make_user("admin@acme.example")
    organization = services.organization_create(
        user=admin, name="Acme Recovery", setting_type="residential", region="western"
    )
    colleague = "new.colleague@acme.example"
    invitations.invitation_create(
        organization=organization, email=colleague, role="member", invited_by=admin,
        accept_url_for=lambda token: f"{contexts.base_url}/workspace/invitations/{token}/",
    )

    # Signed out, the link leads to the sign-in page, which says why.
    page.goto(link_in_last_email(colleague, "/workspace/invitations/"))
    expect(heading(page)).to_have_text("Sign in")
    notice = page.locator(".invitation-notice")
    expect(notice).to_contain_text("You have been invited to join Acme Recovery")
    page.get_by_role("link", name="Create an account").click()
    expect(page.locator(".invitation-notice")).to_contain_text("Acme Recovery")
    # Sign up, confirm the address from its email, sign in: the invitation is offered.
    sign_up_and_confirm(page, colleague)
    sign_in(page, colleague)
    expect(heading(page)).to_have_text("Invitation to a workspace")
    page.get_by_role("button", name="Join Acme Recovery").click()
    expect(heading(page)).to_have_text("Acme Recovery")
    expect(message(page)).to_contain_text("Welcome to Acme Recovery.")
    assert Membership.objects.get(user__email=colleague).organization == organization
    screenshot(page, "invited-colleague-joins")


def test_an_invitation_waits_in_the_workspace_when_the_link_was_opened_elsewhere(
    seeded, contexts, page
):
    admin = make_user("admin@acme.example")
    organization = services.organization_create(
        user=admin, name="Acme Recovery", setting_type="residential", region="western"
    )
    colleague = make_user("colleague@acme.example")
    invitations.invitation_create(organization=organization, email=colleague.email, role="member",
                               invited_by=admin, accept_url_for=lambda token: token)

    page.goto("/workspace/")
    expect(page.get_by_text("Your organization's workspace is where you submit")).to_be_visible()
    sign_in(page, colleague.email)
    expect(heading(page)).to_have_text("Your workspace")
    waiting = page.get_by_role("region", name="Invitations waiting for you")
    expect(waiting).to_contain_text("Acme Recovery invites colleague@acme.example")
    waiting.get_by_role("button", name="Join Acme Recovery").click()
    expect(message(page)).to_contain_text("Welcome to Acme Recovery.")
