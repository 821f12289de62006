"""Accessibility in the browser: axe-core (WCAG 2.1 A/AA), the keyboard, and 360 px phones.

Every page type a visitor, an employer or a curator meets is checked (Django's
admin is excluded). A page that fails is fixed in its template or in
static/css/portal.css, not by switching an axe rule off.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    JOB_DESCRIPTION,
    MANY_FINDINGS_DESCRIPTION,
    add_session,
    heading,
    make_curator,
)
from tests.conftest import make_user
from toolkit.models import Document
from workspace import invitations, services
from workspace.models import CuratorRead

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
BLOCKING_IMPACTS = {"serious", "critical"}
PHONE = {"width": 360, "height": 740}
AXE = Axe()


@dataclass
class Site:
    """Seeded content plus an employer's organization with a job description in two versions."""

    employer: object
    curator: object
    organization: object
    job_description: object
    first: object
    second: object
    document: object
    base_url: str


@pytest.fixture
def site(seeded, live_server):
    employer = make_user("admin@acme.example")
    curator = make_curator("curator@transcom.example")
    TOTP.activate(curator, generate_totp_secret())
    organization = services.organization_create(
        user=employer, name="Acme Recovery Learning Community", setting_type="residential",
        region="western", people_served=45, peer_fte=1,
    )
    job_description, first = services.job_description_create(
        organization=organization, title="Residential Peer Specialist", setting_type="",
        text=MANY_FINDINGS_DESCRIPTION, original_filename="", user=employer,
    )
    second = services.version_submit(
        job_description=job_description, text=JOB_DESCRIPTION, original_filename="",
        user=employer,
    )
    CuratorRead.objects.create(
        version=first, kind=CuratorRead.Kind.PDF, curator=curator, curator_email=curator.email
    )
    # An invitation from another organization waits in the employer's workspace.
    other_admin = make_user("admin@harbor.example")
    harbor = services.organization_create(
        user=other_admin, name="Harbor Peer Center", setting_type="recovery_center",
        region="southeast",
    )
    invitations.invitation_create(organization=harbor, email=employer.email, role="member",
                               invited_by=other_admin, accept_url_for=lambda token: token)
    document = Document.objects.published().order_by("title").first()
    return Site(
        employer, curator, organization, job_description, first, second, document, live_server.url
    )


def readiness_assessments(site: Site) -> dict:
    """A submitted readiness assessment (shared with curators), then a draft with two
    members' differing answers; made once per test, when a readiness page asks."""
    if not hasattr(site, "readiness"):
        from readiness import services as readiness
        from readiness.models import Rating, Statement
        from workspace.models import Membership

        colleague = make_user("colleague@acme.example")
        Membership.objects.create(organization=site.organization, user=colleague)
        statements = list(Statement.objects.published())

        def rate(assessment, member, rating):
            answers = {statement: (rating, "Our policy says so.", "") for statement in statements}
            readiness.answers_save(assessment=assessment, member=member, answers=answers)

        first = readiness.assessment_start(organization=site.organization, user=site.employer)
        rate(first, site.employer, Rating.PARTLY)
        first = readiness.assessment_submit(assessment=first, user=site.employer)
        second = readiness.assessment_start(organization=site.organization, user=site.employer)
        rate(second, site.employer, Rating.FULLY)
        second = readiness.assessment_submit(assessment=second, user=site.employer)
        readiness.assessment_share(assessment=second, share=True)
        draft = readiness.assessment_start(organization=site.organization, user=site.employer)
        rate(draft, site.employer, Rating.FULLY)
        rate(draft, colleague, Rating.NOT_IN_PLACE)
        site.readiness = {"submitted": second, "draft": draft}
    return site.readiness


def readiness_form_with_errors(page: Page, site: Site) -> None:
    """The answer form after overriding a proposal without a note."""
    page.goto(f"/workspace/readiness/{readiness_assessments(site)['draft'].pk}/answer/")
    proposed = page.locator("fieldset.readiness-statement", has_text="Proposed from your data")
    proposed.first.get_by_label("Not applicable").check()
    proposed.first.get_by_label("Evidence note (optional)").fill("")
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Add a note saying why").first).to_be_visible()


def submit_quick_check(page: Page, text: str = MANY_FINDINGS_DESCRIPTION) -> None:
    page.goto("/check/")
    page.get_by_label("Paste the job description").fill(text)
    page.get_by_role("button", name="Check the description").click()
    expect(page.locator(".summary-line")).to_be_visible()


def open_quick_check_print(page: Page) -> None:
    submit_quick_check(page)
    page.get_by_role("button", name="Print view").click()


def record_a_dispute(page: Page, site: Site) -> None:
    page.goto(site.first.get_absolute_url())
    finding = page.locator("li.finding").first
    finding.get_by_text("We disagree with this finding").click()
    finding.get_by_label("Why does this duty fit the peer role?").fill("Our peers do this.")
    finding.get_by_role("button", name="Record our disagreement").click()
    expect(page.locator(".finding-notice")).to_be_visible()


def check_a_revision(page: Page, site: Site) -> None:
    page.goto(f"/workspace/job-descriptions/{site.job_description.pk}/revise/")
    page.get_by_role("button", name="Check again (nothing is saved)").click()
    expect(page.get_by_role("heading", name="Findings in your edited text")).to_be_visible()


@dataclass
class PageType:
    """How to reach one kind of page: a path (given the site data) or steps, and as whom."""

    path: Callable[[Site], str] | None = None
    steps: Callable[[Page, Site], None] | None = None
    as_user: str | None = None  # "employer" or "curator"
    expect_heading: str | re.Pattern = field(default=re.compile(".+"))

    def open(self, page: Page, site: Site) -> None:
        if self.as_user:
            add_session(page, site.base_url, getattr(site, self.as_user))
        if self.steps:
            self.steps(page, site)
        else:
            response = page.goto(self.path(site))
            assert response.ok, f"{response.status} for {response.url}"
        expect(heading(page)).to_have_text(self.expect_heading)


PAGE_TYPES = {
    "home": PageType(lambda s: "/"),
    "standards-home": PageType(lambda s: "/standards/", expect_heading="Certified Peer Specialist standards"),
    "code-of-ethics": PageType(lambda s: "/standards/code-of-ethics/"),
    "competencies": PageType(lambda s: "/standards/competencies/"),
    "competency-framework": PageType(lambda s: "/standards/competencies/samhsa-core-competencies/"),
    "competencies-compare": PageType(lambda s: "/standards/competencies/compare/"),
    "role-standards": PageType(lambda s: "/standards/role/"),
    "role-standard": PageType(lambda s: "/standards/role/ratio/"),
    "tasks": PageType(lambda s: "/standards/tasks/"),
    "task": PageType(lambda s: "/standards/tasks/representative_payee/", expect_heading="Representative payee"),
    "toolkit-home": PageType(lambda s: "/toolkit/"),
    "toolkit-list": PageType(lambda s: "/toolkit/documents/"),
    "toolkit-document": PageType(lambda s: s.document.get_absolute_url()),
    "search-results": PageType(lambda s: "/search/?q=payee", expect_heading="Search the portal"),
    "quick-check-results": PageType(steps=lambda p, s: submit_quick_check(p)),
    "quick-check-print": PageType(steps=lambda p, s: open_quick_check_print(p),
                                  expect_heading="Quick check of a job description"),
    "not-found": PageType(steps=lambda p, s: p.goto("/no-such-page/")),
    "site-page": PageType(lambda s: "/privacy/", expect_heading="Privacy"),
    "site-page-sources": PageType(lambda s: "/about/", expect_heading="About the portal"),
    "login": PageType(lambda s: "/accounts/login/", expect_heading="Sign in"),
    "signup": PageType(lambda s: "/accounts/signup/", expect_heading="Create an account"),
    "password-reset": PageType(lambda s: "/accounts/password/reset/"),
    "account-email": PageType(lambda s: "/accounts/email/", as_user="employer"),
    "workspace-dashboard": PageType(
        lambda s: s.organization.get_absolute_url(), as_user="employer",
        expect_heading="Acme Recovery Learning Community",
    ),
    "organization-create": PageType(lambda s: "/workspace/organizations/new/", as_user="employer"),
    "members": PageType(lambda s: f"/workspace/organizations/{s.organization.pk}/members/",
                        as_user="employer"),
    "curator-reads": PageType(
        lambda s: f"/workspace/organizations/{s.organization.pk}/curator-reads/",
        as_user="employer", expect_heading="Curators' reads of your submissions",
    ),
    "organization-delete": PageType(
        lambda s: f"/workspace/organizations/{s.organization.pk}/delete/", as_user="employer",
        expect_heading="Delete Acme Recovery Learning Community?",
    ),
    "account-delete": PageType(lambda s: "/workspace/account/delete/", as_user="employer",
                               expect_heading="Delete your account"),
    "job-description": PageType(lambda s: s.job_description.get_absolute_url(), as_user="employer"),
    "submit-job-description": PageType(
        lambda s: f"/workspace/organizations/{s.organization.pk}/job-descriptions/new/",
        as_user="employer",
    ),
    "revise": PageType(lambda s: f"/workspace/job-descriptions/{s.job_description.pk}/revise/",
                       as_user="employer"),
    "report": PageType(lambda s: s.first.get_absolute_url(), as_user="employer",
                       expect_heading=re.compile("^Review: ")),
    "print-view": PageType(lambda s: f"/workspace/versions/{s.first.pk}/print/", as_user="employer",
                           expect_heading="Review of a peer job description"),
    "report-of-a-revision": PageType(lambda s: s.second.get_absolute_url(), as_user="employer",
                                     expect_heading=re.compile("^Review: .*version 2$")),
    "report-after-a-dispute": PageType(steps=lambda p, s: record_a_dispute(p, s),
                                       as_user="employer", expect_heading=re.compile("^Review: ")),
    "revise-checked": PageType(steps=lambda p, s: check_a_revision(p, s), as_user="employer"),
    "compare": PageType(lambda s: f"/workspace/job-descriptions/{s.job_description.pk}/compare/",
                        as_user="employer", expect_heading="Compare version 1 with version 2"),
    "workspace-home-with-an-invitation": PageType(
        lambda s: "/workspace/", as_user="employer", expect_heading="Your workspace"),
    "organization-edit": PageType(
        lambda s: f"/workspace/organizations/{s.organization.pk}/edit/", as_user="employer"),
    "archive-confirm": PageType(
        lambda s: f"/workspace/job-descriptions/{s.job_description.pk}/archive/",
        as_user="employer"),
    "password-change": PageType(lambda s: "/accounts/password/change/", as_user="employer"),
    "verification-sent": PageType(lambda s: "/accounts/confirm-email/"),
    "curation-queue": PageType(lambda s: "/workspace/curation/", as_user="curator"),
    "curation-decide": PageType(lambda s: f"/workspace/curation/versions/{s.first.pk}/",
                                as_user="curator"),
    "curation-disputes": PageType(lambda s: "/workspace/curation/disputes/", as_user="curator"),
    "statewide-overview": PageType(lambda s: "/workspace/curation/statewide/", as_user="curator",
                                   expect_heading="The statewide picture"),
    "readiness-overview": PageType(
        lambda s: f"/workspace/organizations/{s.organization.pk}/readiness/", as_user="employer",
        expect_heading="Provider readiness",
    ),
    "readiness-draft": PageType(
        lambda s: readiness_assessments(s)["draft"].get_absolute_url(), as_user="employer",
        expect_heading="Readiness assessment in progress",
    ),
    "readiness-answer": PageType(steps=readiness_form_with_errors, as_user="employer",
                                 expect_heading="Your readiness answers"),
    "readiness-result": PageType(
        lambda s: readiness_assessments(s)["submitted"].get_absolute_url(), as_user="employer",
        expect_heading="Readiness of Acme Recovery Learning Community",
    ),
    "readiness-print": PageType(
        lambda s: f"/workspace/readiness/{readiness_assessments(s)['submitted'].pk}/print/",
        as_user="employer", expect_heading="Provider readiness self-assessment",
    ),
    "readiness-shared": PageType(
        lambda s: (readiness_assessments(s), "/workspace/readiness/shared/")[1],
        as_user="curator", expect_heading="Shared readiness assessments",
    ),
    "readiness-result-for-curator": PageType(
        lambda s: readiness_assessments(s)["submitted"].get_absolute_url(), as_user="curator",
        expect_heading="Readiness of Acme Recovery Learning Community",
    ),
}


# Pages that answer a form's POST: reached again by posting, not by reloading.
POST_RESULTS = {"quick-check-results", "quick-check-print", "revise-checked"}


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .slice(0, 8)
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
              + (typeof e.className === 'string' && e.className.trim()
                 ? '.' + e.className.trim().split(/ +/).join('.') : '')
              + ' right=' + Math.round(e.getBoundingClientRect().right));
}"""


def axe_problems(page: Page) -> list[str]:
    results = AXE.run(page, options=WCAG_21_AA)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if not blocking:
        return []
    return [f"axe at {page.viewport_size['width']}px on {page.url}:\n{describe(blocking)}"]


# Text drawn over other text (say, by a Bootstrap class that positions children absolutely):
# each visible line of text belongs to its nearest block; lines of unrelated blocks must not
# intersect.
OVERLAPPING = """() => {
  const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, th, td, dt, dd, label, legend, blockquote, '
    + 'summary, .btn, figcaption, caption';
  const hidden = e => !e.checkVisibility({visibilityProperty: true, opacityProperty: true})
    || e.closest('.visually-hidden, .visually-hidden-focusable:not(:focus-within)');
  const lines = new Map();
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || hidden(node.parentElement)) continue;
    const block = node.parentElement.closest(BLOCKS);
    if (!block) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 1 && r.height > 1);
    lines.set(block, [...(lines.get(block) || []), ...rects]);
  }
  const blocks = [...lines.keys()];
  const overlaps = [];
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      if (blocks[i].contains(blocks[j]) || blocks[j].contains(blocks[i])) continue;
      const hit = lines.get(blocks[i]).some(a => lines.get(blocks[j]).some(b =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2
        && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2));
      if (hit) overlaps.push(blocks[i].textContent.trim().slice(0, 40) + ' / '
                             + blocks[j].textContent.trim().slice(0, 40));
    }
  }
  return overlaps.slice(0, 5);
}"""


def overlap_problems(page: Page) -> list[str]:
    overlaps = page.evaluate(OVERLAPPING)
    if not overlaps:
        return []
    return [f"text drawn over other text at {page.viewport_size['width']}px on {page.url}: "
            f"{overlaps}"]


def overflow_problems(page: Page) -> list[str]:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width <= PHONE["width"]:
        return []
    return [f"{page.url} is {scroll_width}px wide at {PHONE['width']}px (it scrolls sideways); "
            f"overflowing: {page.evaluate(OVERFLOWING)}"]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_serious_wcag21_aa_violation_and_fits_a_360px_phone(page_type, site, page):
    """axe-core finds no serious or critical WCAG 2.1 A/AA violation and no text block is
    drawn over another, on the desktop page and at 360×740, where the page must not scroll
    sideways either."""
    PAGE_TYPES[page_type].open(page, site)
    problems = axe_problems(page) + overlap_problems(page)
    page.set_viewport_size(PHONE)
    if page_type in POST_RESULTS:
        PAGE_TYPES[page_type].open(page, site)  # posts the form again
    else:
        page.reload()
    expect(heading(page)).to_be_visible()
    problems += overflow_problems(page) + overlap_problems(page) + axe_problems(page)
    assert not problems, "\n".join(problems)


FOCUSED = """() => {
  const e = document.activeElement;
  return {
    tag: e.tagName.toLowerCase(),
    href: e.getAttribute('href'),
    text: e.textContent.trim().slice(0, 80),
    focusVisible: e.matches(':focus-visible'),
    outline: getComputedStyle(e).outlineStyle,
  };
}"""


def tab_through(page: Page, limit: int = 400) -> list[dict]:
    """Press Tab from the top of the page until focus leaves the document's last element."""
    page.locator("body").focus()
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop["tag"] == "body" or (stops and stop == stops[0]):
            break
        stops.append(stop)
    return stops


def assert_every_finding_reached_with_visible_focus(page: Page) -> None:
    expected = set(page.locator("a.mark-label").evaluate_all("els => els.map(e => e.getAttribute('href'))"))
    expected |= set(page.get_by_role("link", name="Show in the text").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    ))
    assert len(expected) >= 6, f"the description should give at least 3 findings: {expected}"
    stops = tab_through(page)
    reached = {stop["href"]: stop for stop in stops if stop["href"] in expected}
    assert set(reached) == expected, f"never reached by Tab: {sorted(expected - set(reached))}"
    hidden = [stop for stop in reached.values()
              if not stop["focusVisible"] or stop["outline"] == "none"]
    assert not hidden, f"focus not visible on: {hidden}"
    unfocused = [stop for stop in stops if not stop["focusVisible"] or stop["outline"] == "none"]
    assert not unfocused, f"focus not visible on: {unfocused}"


def test_keyboard_reaches_every_finding_of_the_quick_check_with_visible_focus(seeded, page):
    submit_quick_check(page)
    assert_every_finding_reached_with_visible_focus(page)


def test_keyboard_reaches_every_finding_of_the_report_with_visible_focus(site, page):
    PAGE_TYPES["report"].open(page, site)
    assert_every_finding_reached_with_visible_focus(page)


def test_the_print_views_button_prints_by_keyboard(site, page):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    PAGE_TYPES["print-view"].open(page, site)
    expect(page.get_by_text("use your browser's Print command")).to_be_hidden()
    button = page.get_by_role("button", name="Print this page")
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    expect(button).to_be_hidden()
    expect(page.get_by_text("CPS Standards Portal · printed")).to_be_visible()


def test_the_quick_check_result_downloads_as_a_pdf_by_keyboard(seeded, page):
    submit_quick_check(page)
    page.get_by_role("button", name="Download PDF").focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "quick-check.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")


def test_a_curator_opens_the_statewide_picture_and_downloads_a_table(site, page):
    """From the review queue to the statewide picture, then one table's CSV, by keyboard."""
    PAGE_TYPES["curation-queue"].open(page, site)
    page.get_by_role("link", name="the statewide picture").click()
    expect(heading(page)).to_have_text("The statewide picture")
    expect(page.get_by_role("img", name=re.compile("Prohibited tasks in job descriptions"))).to_be_visible()
    link = page.get_by_role("link", name="Download “Role elements stated” (CSV)")
    link.focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.startswith("table,title,row,column,figure")
    assert "Lived experience required" in text and "Acme" not in text
