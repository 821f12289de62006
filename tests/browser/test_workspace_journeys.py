"""The moments that lost people (issue 16): where the quick check's result lands, an
invitation that survives signing up, and workspace tables on a phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import MANY_FINDINGS_DESCRIPTION

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
def test_quick_check_result_takes_the_focus_and_its_summary_is_in_view(
    seeded, contexts, screenshot, viewport
):
    page = contexts.new_page(viewport=viewport)
    page.goto("/check/")
    page.get_by_label("Paste the job description").fill(MANY_FINDINGS_DESCRIPTION * 8)
    page.get_by_role("button", name="Check the description").click()

    result = page.get_by_role("heading", name="Result of your check")
    expect(result).to_be_focused()
    expect(result).to_be_in_viewport()
    expect(page.locator(".summary-line")).to_be_in_viewport()
    # The first Tab from the result reaches the result's own links, not the form's.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('#result') !== null")
    assert focused
    screenshot(page, f"quick-check-result-{viewport['width']}")


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
    from tests.browser.helpers import JOB_DESCRIPTION, add_session
    from tests.conftest import make_user
    from workspace import services
    from workspace.models import Membership

    admin = make_user("program.director.long.name@acme-recovery-learning.example")
    organization = services.organization_create(
        user=admin, name="Acme Recovery Learning Community", setting_type="residential",
        region="western",
    )
    for email in ("peer.supervisor.with.a.long.address@acme-recovery-learning.example",
                  "hr@acme.example"):
        Membership.objects.create(organization=organization, user=make_user(email))
    services.invitation_create(
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
