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
