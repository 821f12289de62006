import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.search import search, snippet
from standards.models import ProhibitedTask, SourceDocument

pytestmark = pytest.mark.django_db
PAYEE_URL = "/standards/tasks/representative_payee/"


def test_search_finds_payee_on_the_representative_payee_task(seeded):
    hits = search("payee", AnonymousUser())
    assert hits, "no hits"
    assert hits[0].url == PAYEE_URL
    assert hits[0].kind == "Task that undermines the role"


def test_search_page_lists_results_with_highlighted_snippets(client, seeded):
    response = client.get("/search/", {"q": "payee"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Search the portal</h1>" in html
    assert '<label for="search-page-q"' in html
    assert f'href="{PAYEE_URL}"' in html
    assert "result" in html and "for <q>payee</q>" in html
    assert "<mark>" in html


def test_search_page_helps_when_nothing_matches(client, seeded):
    html = client.get("/search/", {"q": "zebra"}).content.decode()
    assert "0 results" in html
    assert "Nothing matched" in html


def test_title_matches_rank_above_body_matches(seeded):
    hits = search("supervision", AnonymousUser())
    assert hits[0].url == "/standards/role/supervision/"


def test_drafts_are_found_by_curators_only(seeded, curator_client):
    ProhibitedTask.objects.filter(slug="representative_payee").update(status="draft")
    assert PAYEE_URL not in [hit.url for hit in search("payee", AnonymousUser())]
    page = curator_client.get("/search/", {"q": "payee"}).content.decode()
    assert f'href="{PAYEE_URL}"' in page


def test_snippets_escape_stored_text_and_mark_only_the_query_words():
    html = snippet("Never <script>alert(1)</script> a payee; payees too.", "payee")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<mark>") == 2


def test_stored_markup_in_a_record_is_escaped_in_results(client, seeded):
    ProhibitedTask.objects.filter(slug="custodial_care").update(
        covers='Housekeeping <img src=x onerror="alert(1)">'
    )
    html = client.get("/search/", {"q": "housekeeping"}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img" in html


def test_empty_or_operator_only_query_returns_nothing(seeded):
    assert search("   ", AnonymousUser()) == []
    assert search("or", AnonymousUser()) == []


def test_search_makes_the_same_number_of_queries_however_many_records(
    client, seeded, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as before:
        client.get("/search/", {"q": "peer"})
    source = SourceDocument.objects.get(key="004")
    for n in range(10):
        ProhibitedTask.objects.create(
            slug=f"peer_{n}", title=f"Peer task {n}", covers="peer work", source_document=source
        )
    with django_assert_num_queries(len(before)):
        response = client.get("/search/", {"q": "peer"})
    assert len(response.context["hits"]) > 10


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text index is PostgreSQL only")
def test_full_text_search_can_use_the_gin_index(seeded):
    from django.contrib.postgres.search import SearchQuery

    from portal.search import search_vector
    from standards.search import TASK_FIELDS

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    matching = ProhibitedTask.objects.annotate(document=search_vector(TASK_FIELDS)).filter(
        document=SearchQuery("payee", search_type="websearch", config="english")
    )
    assert "std_prohibitedtask_fts" in matching.explain()


@pytest.fixture
def whole_site_seeded(db):
    """Standards and toolkit, as `manage.py seed` loads them."""
    from io import StringIO

    from django.core.management import call_command

    call_command("seed", stdout=StringIO())


def urls_of(query):
    return [hit.url for hit in search(query, AnonymousUser())]


def test_a_standard_ranks_above_an_external_resource_with_the_same_word_in_its_title(
    whole_site_seeded,
):
    for query, standard, resource in [
        ("supervision", "/standards/role/supervision/",
         "/toolkit/documents/enhancing-the-peer-provider-workforce/"),
        ("ethics", "/standards/role/code-of-ethics/",
         "/toolkit/documents/massachusetts-cps-code-of-ethics-kiva-centers/"),
    ]:
        urls = urls_of(query)
        assert urls[0] == standard, (query, urls[:3])
        assert urls.index(resource) > urls.index(standard), query


def test_payee_returns_the_payee_task_before_pages_that_only_mention_payees(whole_site_seeded):
    urls = urls_of("payee")
    assert urls[0] == PAYEE_URL
    mentions = [url for url in urls if "clerical" in url or "custodial" in url]
    assert mentions and all(urls.index(url) > 0 for url in mentions)


def test_pay_finds_the_pay_standard_before_the_payee_task(whole_site_seeded):
    urls = urls_of("pay")
    assert urls[0] == "/standards/role/pay/"
    # The word-by-word fallback finds "pay" inside "payee"; PostgreSQL's stemmer does not.
    if PAYEE_URL in urls:
        assert urls.index(PAYEE_URL) > urls.index("/toolkit/documents/pay-and-the-career-ladder/")


def test_a_title_match_outranks_a_higher_text_rank_and_standards_come_before_resources():
    """PostgreSQL's text rank grows with repeats in the body; the title still decides."""
    from portal.search import SearchHit, Tier, ordered

    def hit(title, rank, tier=Tier.STANDARD):
        return SearchHit(title=title, url=title, snippet="", kind="", rank=rank, tier=tier)

    hits = [
        hit("Clerical duties", 0.9),  # says "payee" many times in its body
        hit("Representative payee programs", 0.99, Tier.RESOURCE),
        hit("Representative payee", 0.3),
        hit("Payee guide", 0.5, Tier.GUIDE),
    ]
    assert [h.title for h in ordered(hits, ["payee"])] == [
        "Representative payee", "Payee guide", "Representative payee programs", "Clerical duties",
    ]
