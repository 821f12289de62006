"""Site-wide details a visitor notices: the favicon, the header search at phone and
desktop widths, the organization links in one line."""

import pytest
from playwright.sync_api import Page

from tests.browser.helpers import add_session
from tests.conftest import make_user
from workspace import services

pytestmark = pytest.mark.usefixtures("seeded")
WIDTHS = [360, 1280]

# How wide the placeholder's text is drawn, against the room the input gives it.
PLACEHOLDER_ROOM = """e => {
  const style = getComputedStyle(e);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {text: context.measureText(e.placeholder).width, room: room};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_header_search_placeholder_is_not_cut_off(page: Page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    search = page.locator("#site-search-q")
    assert search.get_attribute("placeholder")
    measured = search.evaluate(PLACEHOLDER_ROOM)
    assert measured["text"] <= measured["room"], measured


def test_every_page_has_a_favicon_the_browser_can_load(page: Page):
    page.goto("/standards/")
    href = page.locator('link[rel="icon"]').get_attribute("href")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"].startswith("image/svg+xml")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_organization_links_sit_on_one_line_with_the_submit_button(page: Page, live_server,
                                                                       width):
    employer = make_user("admin@acme.example")
    organization = services.organization_create(
        user=employer, name="Acme Recovery", setting_type="residential", region="western",
    )
    add_session(page, live_server.url, employer)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(organization.get_absolute_url())
    nav = page.get_by_role("navigation", name="Organization")
    button = nav.get_by_role("link", name="Submit a job description").bounding_box()
    members = nav.get_by_role("link", name="Members").bounding_box()
    button_middle = button["y"] + button["height"] / 2
    members_middle = members["y"] + members["height"] / 2
    assert abs(button_middle - members_middle) <= 2, (button, members)
