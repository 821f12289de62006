"""The model job description must pass the checker: no findings, every role element present."""

import io
import zipfile

import docx
import pytest
from django.core.management import call_command

from jdcheck import check, load_ruleset
from standards.models import ProhibitedTask
from toolkit import seed
from toolkit.models import Document
from toolkit.rendering import plain_text

pytestmark = pytest.mark.django_db
SLUG = "model-peer-specialist-job-description"


@pytest.fixture
def model_job_description():
    call_command("seed", stdout=io.StringIO())
    return Document.objects.get(slug=SLUG)


def test_the_model_job_description_passes_the_checker(model_job_description):
    result = check(model_job_description.body, load_ruleset())
    assert result.findings == ()
    assert result.advisories == ()
    elements = result.elements
    assert elements.hourly_pay is not None and elements.hourly_pay >= 15.00
    assert elements.peer_supervision
    assert elements.lived_experience
    assert elements.paid_training
    assert elements.cps_credential


def test_the_word_version_is_generated_from_the_same_text(client, model_job_description):
    response = client.get(f"/toolkit/documents/{SLUG}/word/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{SLUG}.docx"'
    assert response["X-Content-Type-Options"] == "nosniff"
    word = docx.Document(io.BytesIO(response.content))
    paragraphs = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Title", model_job_description.title) in paragraphs
    assert ("Heading 1", "Responsibilities") in paragraphs
    bullets = [text for style, text in paragraphs if style == "List Bullet"]
    assert "Starting pay of at least $15.00 per hour" in " ".join(bullets)
    # Every duty on the page is in the file, and nothing else of the page (sources, links).
    page_text = plain_text(model_job_description.body)
    for text in bullets:
        assert text.split(",")[0] in page_text
    assert "Sources" not in [text for _, text in paragraphs]


def test_only_templates_have_a_word_version(client, make_document):
    guide = make_document(kind="guide")
    assert client.get(f"/toolkit/documents/{guide.slug}/word/").status_code == 404


def test_the_word_file_is_a_real_docx(client, model_job_description):
    content = client.get(f"/toolkit/documents/{SLUG}/word/").content
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(content)).namelist()


def test_the_template_page_offers_the_word_download(client, model_job_description):
    content = client.get(model_job_description.get_absolute_url()).content.decode()
    assert f'href="/toolkit/documents/{SLUG}/word/"' in content
    assert 'href="/check/">Check your own job description</a>' in content


def test_what_the_role_does_not_include_lists_every_prohibited_task(client, model_job_description):
    tasks = ProhibitedTask.objects.published()
    assert tasks.count() == 11
    page = client.get(model_job_description.get_absolute_url()).content.decode()
    section = page.split("What this role does not include</h2>")[1].split("<h2")[0]
    for task in tasks:
        assert f'<a href="{task.get_absolute_url()}" rel="noopener">{task.title}</a>' in section
    linked = {reference["path"] for reference in model_job_description.related_standards}
    assert {task.get_absolute_url() for task in tasks} <= linked


def test_the_list_follows_the_published_tasks(model_job_description):
    task = ProhibitedTask.objects.get(slug="clerical_duties")
    task.title = "Office work for other staff"
    task.save()
    seed.run(stdout=io.StringIO())
    model_job_description.refresh_from_db()
    assert "Not part of this role: [Office work for other staff]" in model_job_description.body
    assert "{{ prohibited tasks }}" not in model_job_description.body


def test_the_marker_needs_the_standards_seeded_first(db):
    with pytest.raises(ValueError, match="seed the standards first"):
        seed.run(stdout=io.StringIO())
