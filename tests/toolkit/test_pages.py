import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.content import Status
from toolkit.models import Document

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def library(make_document, topic, other_topic, supervisors, employers):
    make_document(title="Supervision guide", kind="guide", topics=[topic], audiences=[supervisors])
    make_document(
        title="Supervision checklist", kind="checklist", topics=[topic], audiences=[employers]
    )
    make_document(
        title="Funding guide", kind="guide", topics=[other_topic], audiences=[supervisors]
    )
    make_document(title="Reading list entry", kind="resource", topics=[topic, other_topic])


def titles(response):
    return [document.title for document in response.context["page"].object_list]


def test_without_filters_every_published_document_is_listed(client, library):
    assert len(titles(client.get("/toolkit/documents/"))) == 4


def test_each_filter_narrows_the_list(client, library):
    assert set(titles(client.get("/toolkit/documents/?topic=supervision"))) == {
        "Supervision guide",
        "Supervision checklist",
        "Reading list entry",
    }
    assert set(titles(client.get("/toolkit/documents/?audience=supervisors"))) == {
        "Supervision guide",
        "Funding guide",
    }
    assert titles(client.get("/toolkit/documents/?kind=resource")) == ["Reading list entry"]


def test_filters_combine(client, library):
    response = client.get("/toolkit/documents/?topic=supervision&audience=supervisors&kind=guide")
    assert titles(response) == ["Supervision guide"]
    response = client.get("/toolkit/documents/?topic=funding&kind=guide")
    assert titles(response) == ["Funding guide"]


def test_a_document_in_two_topics_is_listed_once(client, library):
    assert titles(client.get("/toolkit/documents/?kind=resource")).count("Reading list entry") == 1


def test_no_results_explain_and_offer_ways_out(client, library):
    response = client.get("/toolkit/documents/?topic=funding&audience=employers")
    content = response.content.decode()
    assert titles(response) == []
    assert "No documents match all of these filters together." in content
    assert "topic “Funding” and written for “Employers and HR”" in content
    assert 'href="?audience=employers">Remove the topic filter' in content
    assert 'href="?topic=funding">Remove the audience filter' in content


def test_an_unknown_filter_value_is_reported_and_ignored(client, library):
    response = client.get("/toolkit/documents/?topic=nonexistent&kind=guide")
    assert set(titles(response)) == {"Supervision guide", "Funding guide"}
    assert "Some filters were not recognised" in response.content.decode()


def test_every_filter_has_a_label(client, library):
    content = client.get("/toolkit/documents/").content.decode()
    for name in ("topic", "audience", "kind"):
        assert f'<label for="id_{name}"' in content


def test_pagination_keeps_the_filters(client, make_document, topic):
    for _ in range(25):
        make_document(topics=[topic])
    response = client.get("/toolkit/documents/?topic=supervision")
    assert len(titles(response)) == 20
    assert 'href="?topic=supervision&amp;page=2"' in response.content.decode()
    assert len(titles(client.get("/toolkit/documents/?topic=supervision&page=2"))) == 5


def test_home_shows_topics_with_counts_newest_and_recently_reviewed(client, library):
    response = client.get("/toolkit/")
    content = response.content.decode()
    counts = [(topic.slug, topic.document_count) for topic in response.context["topics"]]
    assert counts == [("supervision", 3), ("funding", 2)]  # curators' order, not alphabetical
    assert "(3 documents)" in content
    assert len(response.context["newest"]) == 4
    assert "Recently reviewed" in content


def test_document_page_shows_body_sources_review_date_and_related(client, make_document, topic):
    guide = make_document(
        title="Supervising peer specialists",
        body="## One\n\ntext\n\n## Two\n\n## Three\n",
        sources="- Transcom, *Brief* (2019), `001.txt`, Future.",
        topics=[topic],
        related_standards=[{"title": "Code of Ethics", "path": "/standards/code-of-ethics/"}],
    )
    make_document(title="Peer supervisor resources", kind="resource", topics=[topic])
    content = client.get(guide.get_absolute_url()).content.decode()
    assert content.count("<h1") == 1
    assert '<a href="#section-two">Two</a>' in content  # table of contents
    assert "Last reviewed" in content
    assert "<code>001.txt</code>" in content
    assert '<a href="/standards/code-of-ethics/">Code of Ethics</a>' in content
    assert "Peer supervisor resources" in content


def test_an_archived_resource_points_to_saved_copies(client, make_document):
    resource = make_document(
        kind="resource",
        external_url="https://example.org/guidelines.pdf",
        link_status=Document.LinkStatus.ARCHIVED,
    )
    content = client.get(resource.get_absolute_url()).content.decode()
    assert "https://web.archive.org/web/*/https://example.org/guidelines.pdf" in content


def test_feed_is_atom_with_an_entry_per_published_document(client, library, draft):
    response = client.get("/toolkit/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 4
    for entry in entries:
        assert entry.find(f"{ATOM}title").text
        assert (
            entry.find(f"{ATOM}link").get("href").startswith("http://testserver/toolkit/documents/")
        )
        assert entry.find(f"{ATOM}updated").text
        assert entry.find(f"{ATOM}id").text


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    ["/toolkit/", "/toolkit/documents/", "/toolkit/documents/?topic=supervision", "/toolkit/feed/"],
)
def test_list_pages_use_a_constant_number_of_queries(
    client, make_document, topic, supervisors, url, django_assert_num_queries
):
    for _ in range(3):
        make_document(topics=[topic], audiences=[supervisors])
    with_three = count_queries(client, url)
    for _ in range(27):
        make_document(topics=[topic], audiences=[supervisors])
    with django_assert_num_queries(with_three):
        client.get(url)


def test_unpublishing_keeps_the_first_publish_date(make_document):
    document = make_document()
    first = document.published_at
    document.status = Status.DRAFT
    document.save()
    document.status = Status.PUBLISHED
    document.save()
    assert document.published_at == first
