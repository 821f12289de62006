import io

import pytest
from django.core.management import call_command

from toolkit import seed
from toolkit.models import Document, Topic

pytestmark = pytest.mark.django_db

GUIDES = {
    "writing-a-peer-job-description",
    "supervising-peer-specialists",
    "where-peer-roles-succeed",
    "pay-and-the-career-ladder",
    "continuing-education-and-training-time",
    "universal-human-resource-design",
    "funding-peer-support",
    "preparing-an-organization-before-hiring",
}


@pytest.fixture
def seeded():
    call_command("seed", stdout=io.StringIO())  # the standards first: a document lists tasks


def test_the_eight_guides_and_the_model_job_description_are_seeded(seeded):
    guides = set(Document.objects.filter(kind="guide").values_list("slug", flat=True))
    assert guides == GUIDES
    assert Document.objects.get(slug="model-peer-specialist-job-description").kind == "template"


def test_every_seeded_document_cites_its_sources_and_has_a_topic(seeded):
    for document in Document.objects.all():
        assert document.sources.strip(), document.slug
        assert document.topics.exists(), document.slug
        assert document.audiences.exists(), document.slug


def test_guides_cite_the_seed_documents_they_draw_on_by_title(seeded):
    guide = Document.objects.get(slug="where-peer-roles-succeed")
    assert (
        "Massachusetts peer support community, *Collective response of the Massachusetts peer "
        "support community to a DMH RFI (Community Based Flexible Supports replacement)* (2017)"
    ) in guide.sources
    assert "004_24d69d2ab747aade.txt" not in guide.sources


def test_reading_list_entries_have_publisher_and_mark_the_archived_naps_link(seeded):
    resources = Document.objects.filter(kind="resource")
    assert resources.count() >= 15
    philadelphia = resources.get(slug="philadelphia-peer-support-toolkit")
    assert (philadelphia.publisher, philadelphia.year) == (
        "Philadelphia Department of Behavioral Health and Intellectual disAbility Services",
        2017,
    )
    assert philadelphia.external_url == "https://dbhids.org/peer-support-toolkit/"
    naps = resources.get(slug="naps-national-practice-guidelines")
    assert naps.link_status == Document.LinkStatus.ARCHIVED
    assert naps.year == 2013
    assert set(resources.exclude(pk=naps.pk).values_list("link_status", flat=True)) == {"ok"}


def test_seeding_twice_changes_nothing(seeded):
    before = list(Document.objects.values_list("slug", "updated_at"))
    output = io.StringIO()
    seed.run(stdout=output)
    assert list(Document.objects.values_list("slug", "updated_at")) == before
    assert "created" not in output.getvalue() and "updated" not in output.getvalue()


def test_a_curator_edit_survives_reseeding(seeded):
    guide = Document.objects.get(slug="funding-peer-support")
    guide.summary = "Curator's own summary."
    guide.edited_by_curator = True
    guide.save()
    guide.topics.clear()
    topic = Topic.objects.get(slug="funding")
    topic.description = "Curator's topic description."
    topic.edited_by_curator = True
    topic.save()

    seed.run(stdout=io.StringIO())
    guide.refresh_from_db()
    topic.refresh_from_db()
    assert guide.summary == "Curator's own summary."
    assert not guide.topics.exists()
    assert topic.description == "Curator's topic description."


def test_seeded_guides_render_with_a_table_of_contents(client, seeded):
    response = client.get("/toolkit/documents/supervising-peer-specialists/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<h2 id="toc-heading">Contents</h2>' in content
    assert '<a href="#section-who-should-supervise">Who should supervise</a>' in content


def test_every_related_standard_link_leads_to_a_standards_page(client):
    call_command("seed", stdout=io.StringIO())
    paths = {
        reference["path"]
        for references in Document.objects.values_list("related_standards", flat=True)
        for reference in references
    }
    assert paths
    for path in sorted(paths):
        assert client.get(path).status_code == 200, path
