"""Provider readiness in Chromium: an admin takes the assessment with a colleague's
answers beside theirs, submits it, reads the result and its plan, and gets the PDF;
at a desktop width and on a 360 px phone."""

import re

import pytest
from playwright.sync_api import expect

from readiness import services as readiness_services
from readiness.models import Rating, Statement
from tests.browser.helpers import JOB_DESCRIPTION, add_session, heading, message
from tests.conftest import make_user
from workspace import services
from workspace.models import Membership

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
def test_admin_takes_the_readiness_assessment_and_gets_a_plan(
    seeded, live_server, contexts, screenshot, viewport
):
    admin = make_user("admin@acme.example")
    colleague = make_user("colleague@acme.example")
    organization = services.organization_create(
        user=admin, name="Acme Recovery Learning Community", setting_type="residential",
        region="western", people_served=45, peer_fte=1,
    )
    Membership.objects.create(organization=organization, user=colleague)
    services.job_description_create(
        organization=organization, title="Residential Peer Specialist", setting_type="",
        text=JOB_DESCRIPTION, original_filename="", user=admin,
    )
    page = contexts.new_page(viewport=viewport)
    add_session(page, live_server.url, admin)
    page.goto(organization.get_absolute_url())
    page.get_by_role("link", name="Provider readiness").click()
    page.get_by_role("button", name="Start an assessment").click()
    expect(heading(page)).to_have_text("Your readiness answers")

    # The portal proposes what the organization's data answer, and preselects it.
    ratio = page.get_by_role("group", name=re.compile("^We have at least 1 full-time"))
    expect(ratio).to_contain_text("Proposed from your data: Partly in place.")
    expect(ratio.get_by_label("Partly in place")).to_be_checked()
    tasks = page.get_by_role("group", name=re.compile("^None of our peer job descriptions"))
    expect(tasks).to_contain_text("Proposed from your data: Not in place.")
    expect(tasks.get_by_role("link", name="Residential Peer Specialist")).to_be_visible()

    # The admin overrides one proposal without a note: the form says what to do.
    tasks.get_by_label("Fully in place").check()
    page.get_by_role("button", name="Save my answers").click()
    note = page.get_by_role("group", name=re.compile("^None of our peer job descriptions")) \
        .get_by_label("Evidence note (optional)")
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Add a note saying why")).to_be_visible()
    page.get_by_role("group", name=re.compile("^None of our peer job descriptions")) \
        .get_by_label("Not in place").check()

    # Every other statement, by keyboard: focus its first rating and move to "Fully".
    for fieldset in page.locator("fieldset.readiness-statement").all():
        if fieldset.locator("input:checked").count():
            continue
        fieldset.get_by_label("Not in place").focus()
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        expect(fieldset.get_by_label("Fully in place")).to_be_checked()
    page.get_by_role("button", name="Save my answers").click()
    expect(message(page)).to_contain_text("17 of 17 statements rated")

    # A colleague saw it differently; the admin sees that before submitting.
    statement = Statement.objects.get(slug="peer-input-into-policy")
    readiness_services.answers_save(
        assessment=organization.assessments.get(), member=colleague,
        answers={statement: (Rating.NOT_IN_PLACE, "Not asked last year.", "")},
    )
    page.reload()
    disagreements = page.locator("section", has=page.get_by_role("heading",
                                                                 name="Where members disagree"))
    expect(disagreements).to_contain_text("colleague@acme.example: Not in place")
    page.get_by_role("button", name="Submit the assessment").click()

    expect(heading(page)).to_have_text("Readiness of Acme Recovery Learning Community")
    chart = page.get_by_role("img", name="Readiness scores by section")
    expect(chart).to_be_visible()
    scores = page.get_by_role("table", name="Scores and ratings by section")
    expect(scores.get_by_role("row", name=re.compile("^Staffing"))).to_contain_text("75%")
    expect(scores.get_by_role("row", name=re.compile("^The role"))).to_contain_text("67%")
    plan = page.locator("ol.readiness-plan > li")
    expect(plan).to_have_count(2)
    expect(plan.first).to_contain_text("None of our peer job descriptions")
    expect(plan.nth(1)).to_contain_text("We have at least 1 full-time")
    plan.first.get_by_role("link", name="The tasks that undermine the peer role").focus()
    expect(plan.first.get_by_role("link", name="The tasks that undermine the peer role")) \
        .to_be_focused()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the result scrolls sideways: {width}px"
    screenshot(page, f"readiness_result_{viewport['width']}")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as PDF").click()
    assert download.value.suggested_filename.startswith("readiness-")
    page.get_by_role("link", name="Printable view").click()
    expect(page.get_by_role("heading", name="Action plan")).to_be_visible()
