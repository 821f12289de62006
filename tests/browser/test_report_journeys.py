"""The report, revising and "we disagree" in Chromium, as an employer meets them."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    CONFLICTING_DUTY,
    MANY_FINDINGS_DESCRIPTION,
    add_session,
    heading,
    without_line,
)
from tests.conftest import make_user
from workspace import services

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def employer_report(seeded, live_server):
    employer = make_user("admin@acme.example")
    organization = services.organization_create(
        user=employer, name="Acme Recovery", setting_type="residential", region="western",
    )
    job_description, version = services.job_description_create(
        organization=organization, title="Peer Specialist", setting_type="",
        text=MANY_FINDINGS_DESCRIPTION, original_filename="", user=employer,
    )
    return employer, job_description, version, live_server.url


def test_marks_label_after_the_phrase_and_version_2_says_what_changed(employer_report, page):
    employer, job_description, version, base_url = employer_report
    add_session(page, base_url, employer)
    page.goto(version.get_absolute_url())
    text = page.locator(".jd-text").inner_text()
    assert "representative payee [" in text, text  # never "representative [n] payee"
    numbers = [int(n) for n in re.findall(r"(\d+): ", text)]
    assert numbers == sorted(numbers) and numbers[0] == 1

    page.get_by_role("link", name="Revise this description").click()
    page.get_by_label("Paste the job description").fill(
        without_line(MANY_FINDINGS_DESCRIPTION, CONFLICTING_DUTY))
    page.get_by_role("button", name="Submit the new version").click()
    expect(heading(page)).to_have_text(re.compile(r"version 2$"))
    changes = page.locator(".changes-since")
    expect(changes.get_by_role("heading", name="Since version 1")).to_be_visible()
    expect(changes).to_contain_text("1 finding resolved, 0 new, 2 unchanged.")
    changes.get_by_role("link", name="Compare version 1 with version 2").click()
    expect(heading(page)).to_have_text("Compare version 1 with version 2")


def test_we_disagree_comes_back_to_the_finding_on_a_phone_and_can_be_edited_and_withdrawn(
    employer_report, contexts
):
    employer, _, version, base_url = employer_report
    page = contexts.new_page(viewport=PHONE)
    add_session(page, base_url, employer)
    page.goto(version.get_absolute_url())
    finding = page.locator("#finding-2")
    finding.get_by_text("We disagree with this finding").click()
    finding.get_by_label("Why does this duty fit the peer role?").fill("Peers never hold money here.")
    finding.get_by_role("button", name="Record our disagreement").click()

    expect(page).to_have_url(re.compile(rf"{version.get_absolute_url()}#finding-2$"))
    notice = page.locator("#finding-2 .finding-notice")
    expect(notice).to_have_text("Your disagreement was recorded; curators will see it.")
    expect(notice).to_be_in_viewport()
    expect(page.locator("#finding-2 details[open]")).to_have_count(0)  # closed after use
    expect(finding.locator(".dispute")).to_contain_text("Peers never hold money here.")

    finding.get_by_text("Edit or withdraw your disagreement").click()
    finding.get_by_label("Why does this duty fit the peer role?").fill("Only with the person.")
    finding.get_by_role("button", name="Save the new wording").click()
    expect(page.locator("#finding-2 .finding-notice")).to_be_in_viewport()
    expect(finding.locator(".dispute")).to_have_text(re.compile("Only with the person."))

    finding.get_by_text("Edit or withdraw your disagreement").click()
    finding.get_by_role("button", name="Withdraw your disagreement").click()
    expect(page.locator("#finding-2 .finding-notice")).to_have_text(
        "Your disagreement was withdrawn.")
    expect(finding.locator(".dispute")).to_have_count(0)
    expect(finding.get_by_text("We disagree with this finding")).to_be_visible()


def test_revise_findings_update_when_typing_pauses_and_nothing_is_saved(employer_report, page):
    employer, job_description, version, base_url = employer_report
    add_session(page, base_url, employer)
    page.goto(f"/workspace/job-descriptions/{job_description.pk}/revise/")
    form, panel = page.locator("#revise-form"), page.locator(".revise-findings")
    expect(panel.get_by_role("heading", name="Findings in version 1")).to_be_visible()
    expect(panel).to_contain_text("Medication administration")
    # Beside the text at 1280 px: the findings start level with the form, to its right.
    form_box, panel_box = form.bounding_box(), panel.bounding_box()
    assert panel_box["x"] >= form_box["x"] + form_box["width"]
    assert abs(panel_box["y"] - form_box["y"]) < 40

    page.get_by_label("Paste the job description").fill(
        without_line(MANY_FINDINGS_DESCRIPTION, CONFLICTING_DUTY))
    expect(panel.get_by_role("heading", name="Findings in your edited text")).to_be_visible()
    expect(panel).not_to_contain_text("Medication administration")
    expect(page.locator("#check-status")).to_contain_text("Findings updated.")
    assert job_description.versions.count() == 1


def test_check_again_works_without_javascript(employer_report, contexts):
    employer, job_description, version, base_url = employer_report
    page = contexts.new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    add_session(page, base_url, employer)
    page.goto(f"/workspace/job-descriptions/{job_description.pk}/revise/")
    page.get_by_label("Paste the job description").fill(
        without_line(MANY_FINDINGS_DESCRIPTION, CONFLICTING_DUTY))
    page.get_by_role("button", name="Check again (nothing is saved)").click()
    panel = page.locator(".revise-findings")
    expect(panel.get_by_role("heading", name="Findings in your edited text")).to_be_visible()
    expect(panel).not_to_contain_text("Medication administration")
    expect(page.get_by_label("Paste the job description")).not_to_contain_text(CONFLICTING_DUTY)
    assert job_description.versions.count() == 1
