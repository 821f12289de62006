"""Questions a peer specialist offered a job could ask: seeded content, chosen by the check."""

import io
from io import BytesIO

import pypdf
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from portal.content import Status
from standards.models import EmployerQuestion, ProhibitedTask, RoleStandard
from standards.selectors import questions_to_ask
from tests.workspace.conftest import SAMPLE_JD

pytestmark = pytest.mark.django_db
HEADING = "Questions you could ask the employer"
# The sample finds the medication pass and progress notes, has pay and peer supervision,
# and no paid training time.
OFFERED_JOB = SAMPLE_JD


@pytest.fixture
def seeded_portal():
    call_command("seed", stdout=io.StringIO())


def test_every_seeded_question_cites_its_source_and_links_its_standard(seeded_portal):
    questions = list(EmployerQuestion.objects.select_related("source_document"))
    tasks = ProhibitedTask.objects.count()
    assert len(questions) == tasks + 3  # one per task, and pay, supervision, training time
    for item in questions:
        assert item.question.endswith("?") and item.standard
        assert item.source_document.key in {"001", "002", "004"}, item.slug
        assert item.source_section, item.slug
        assert item.standard_url.startswith("/standards/"), item.slug
    assert {q.element for q in questions if q.element} == {
        "hourly_pay", "peer_supervision", "paid_training"}


def test_seeding_again_keeps_a_curators_edit(seeded_portal):
    item = EmployerQuestion.objects.get(slug="who-supervises")
    item.question, item.edited_by_curator = "Who is my supervisor?", True
    item.save()
    call_command("seed", stdout=io.StringIO())
    assert EmployerQuestion.objects.get(slug="who-supervises").question == "Who is my supervisor?"
    assert EmployerQuestion.objects.count() == ProhibitedTask.objects.count() + 3


def test_the_questions_follow_the_tasks_found_and_the_elements_missed(seeded_portal):
    chosen = questions_to_ask(tasks_found={"representative_payee"},
                              elements_missing={"peer_supervision"})
    assert [q.slug for q in chosen] == ["who-supervises", "money"]
    assert not questions_to_ask(tasks_found=set(), elements_missing=set()).exists()


def test_draft_questions_and_questions_of_draft_tasks_are_not_asked(seeded_portal):
    EmployerQuestion.objects.filter(slug="who-supervises").update(status=Status.DRAFT)
    ProhibitedTask.objects.filter(slug="representative_payee").update(status=Status.DRAFT)
    chosen = questions_to_ask(tasks_found={"representative_payee"},
                              elements_missing={"peer_supervision"})
    assert not chosen.exists()


def test_the_quick_check_asks_about_what_it_found_and_missed(client, seeded_portal):
    page = client.post(reverse("quick_check"), {"text": OFFERED_JOB}).content.decode()
    section = page.split(f'<h2 id="questions-heading">{HEADING}</h2>')[1].split("</section>")[0]
    asked = [q.question.replace("'", "&#x27;") for q in EmployerQuestion.objects.all()
             if q.question.replace("'", "&#x27;") in section]
    assert asked == [
        EmployerQuestion.objects.get(slug=slug).question.replace("'", "&#x27;")
        for slug in ("training-time", "medication", "notes")
    ]
    training = RoleStandard.objects.get(slug="training-and-networking")
    assert f'href="{training.get_absolute_url()}">Read the standard: {training.title}</a>' in section
    assert 'href="/standards/tasks/medication_administration/"' in section
    assert "<cite>Collective response of the Massachusetts peer support community" in section
    assert "(2017), Section I, Supporting Peer Roles: Training." in section
    assert "004_24d69d2ab747aade.txt" not in section


def test_a_description_with_nothing_to_ask_about_shows_no_questions(client, seeded_portal):
    clean = ("Peer Specialist. Share lived experience of recovery. Pay: $18.50 per hour. "
             "Supervised by a Certified Peer Specialist supervisor. Paid time for continuing "
             "education and training.")
    page = client.post(reverse("quick_check"), {"text": clean}).content.decode()
    assert "Summary" in page and HEADING not in page


def test_the_questions_are_in_the_quick_checks_print_view_and_pdf(client, seeded_portal):
    question = EmployerQuestion.objects.get(slug="medication").question
    url = reverse("quick_check_export")
    printed = client.post(url, {"text": OFFERED_JOB, "format": "print"}).content.decode()
    assert HEADING in printed and question in printed
    pdf = client.post(url, {"text": OFFERED_JOB, "format": "pdf"}).content
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(BytesIO(pdf)).pages).split())
    assert HEADING in text and question in text
    assert "Source: Massachusetts peer support community, Collective response" in text


def test_curators_edit_the_questions_in_admin(curator_client, seeded_portal):
    admin = "/" + settings.ADMIN_URL + "standards/employerquestion/"
    assert curator_client.get(admin).status_code == 200
    item = EmployerQuestion.objects.get(slug="notes")
    assert curator_client.get(f"{admin}{item.pk}/change/").status_code == 200
