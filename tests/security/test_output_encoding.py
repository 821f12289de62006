"""Hostile text in names, descriptions and comments is shown as text, never run.

Every page that shows an organization name, a job description's title or text,
a dispute comment or a curator's comments is rendered with payloads in them and
parsed: no script element, no event-handler attribute and no javascript: link
may appear, and each payload must be shown intact as text (so the page really
displayed it, escaped).
"""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user, sign_in
from tests.workspace.conftest import SAMPLE_JD
from workspace import review_flow, services
from workspace.models import Outcome, Verdict

pytestmark = pytest.mark.django_db

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)"]


def hostile(label: str) -> str:
    return f"{label} " + " ".join(PAYLOADS)


ORG, TITLE, SENTENCE, COMMENT, DECISION = (
    hostile(label) for label in ("Org", "Title", "Duty", "Comment", "Decision")
)
HOSTILE_JD = SAMPLE_JD.replace(
    "- Pass medications to residents during the evening med pass.",
    f"- Pass medications to residents during the evening med pass, {SENTENCE}.",
)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class Page(HTMLParser):
    """What a browser would run from a page, and the text it would show."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.scripts, self.handlers, self.script_urls, self.shown = [], [], [], []
        self.feed(html)
        self.close()
        self.text = "".join(self.shown)

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(attrs)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
            if name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.script_urls.append((tag, name, value))
            if name in {"value", "title", "aria-label", "placeholder"}:
                self.shown.append(" " + value + " ")

    def handle_data(self, data):
        self.shown.append(data)


def assert_inert(html: str, expected: list[str]):
    page = Page(html)
    # The portal's own static files may load (the revise form's); nothing else is a script.
    assert [attrs for attrs in page.scripts
            if not dict(attrs).get("src", "").startswith("/static/js/")] == []
    assert page.handlers == []
    assert page.script_urls == []
    text = " ".join(page.text.split())
    missing = [label for label in expected if label not in text]
    assert missing == [], "not shown intact as text"


@pytest.fixture
def hostile_workspace(db, curator):
    owner = make_user("owner@hostile.example")
    organization = services.organization_create(
        user=owner, name=ORG, setting_type="residential", region="western"
    )
    job_description, first = services.job_description_create(
        organization=organization, title=TITLE, setting_type="", text=HOSTILE_JD,
        original_filename="", user=owner,
    )
    review = first.reviews.get()
    finding = next(f for f in review.findings.all() if f.task == "medication_administration")
    services.finding_dispute(finding=finding, user=owner, comment=COMMENT)
    review_flow.decision_record(
        version=first, review=review, curator=curator, outcome=Outcome.CHANGES_RECOMMENDED,
        comments=DECISION, verdicts={finding.pk: (Verdict.DISMISSED, DECISION)},
    )
    second = services.version_submit(
        job_description=job_description, text=HOSTILE_JD + "\nA new closing line.\n", user=owner,
    )
    return {"owner": owner, "organization": organization, "job_description": job_description,
            "first": first, "second": second, "review": review, "curator": curator}


def member_pages(data):
    organization, job_description = data["organization"], data["job_description"]
    first = data["first"]
    return {
        "dashboard": (organization.get_absolute_url(), [ORG, TITLE]),
        "members": (reverse("workspace:members", args=[organization.pk]), [ORG]),
        "job description": (job_description.get_absolute_url(), [ORG, TITLE]),
        "report": (first.get_absolute_url(), [ORG, TITLE, SENTENCE, COMMENT, DECISION]),
        "review": (data["review"].get_absolute_url(),
                   [ORG, TITLE, SENTENCE, COMMENT, DECISION]),
        "print view": (reverse("workspace:version_print", args=[first.pk]),
                       [ORG, TITLE, SENTENCE, DECISION]),
        "compare": (reverse("workspace:compare", args=[job_description.pk]),
                    [TITLE, SENTENCE]),
        "revise": (reverse("workspace:job_description_revise", args=[job_description.pk]),
                   [TITLE, SENTENCE]),
    }


def curator_pages(data):
    return {
        "curator queue": (reverse("workspace:curation_queue"), [ORG, TITLE]),
        "decision page": (reverse("workspace:curation_decide", args=[data["first"].pk]),
                          [ORG, TITLE, SENTENCE, COMMENT, DECISION]),
        "dispute table": (reverse("workspace:curation_disputes"), [SENTENCE]),
    }


def test_the_check_sees_a_live_payload():
    with pytest.raises(AssertionError):
        assert_inert('<p>x</p><img src=x onerror=alert(1)>', [])
    with pytest.raises(AssertionError):
        assert_inert('<a href=" javascript:alert(1)">x</a>', [])
    with pytest.raises(AssertionError):
        assert_inert("<script>alert(1)</script>", [])


@pytest.mark.parametrize("page", [
    "dashboard", "members", "job description", "report", "review", "print view", "compare",
    "revise",
])
def test_member_pages_render_payloads_inert(client, hostile_workspace, page):
    client.force_login(hostile_workspace["owner"])
    url, expected = member_pages(hostile_workspace)[page]
    response = client.get(url)
    assert response.status_code == 200
    assert_inert(response.content.decode(), expected)


@pytest.mark.parametrize("page", ["curator queue", "decision page", "dispute table"])
def test_curator_pages_render_payloads_inert(client, hostile_workspace, page):
    sign_in(client, hostile_workspace["curator"])
    url, expected = curator_pages(hostile_workspace)[page]
    response = client.get(url)
    assert response.status_code == 200
    assert_inert(response.content.decode(), expected)


def test_quick_check_renders_a_hostile_description_inert():
    response = Client().post(reverse("quick_check"), {"text": HOSTILE_JD})
    assert "duties conflict with the CPS role" in response.content.decode()
    assert_inert(response.content.decode(), [SENTENCE])


def test_search_renders_a_hostile_query_inert(client):
    response = client.get(reverse("search"), {"q": SENTENCE})
    assert response.status_code == 200
    assert_inert(response.content.decode(), [SENTENCE])
