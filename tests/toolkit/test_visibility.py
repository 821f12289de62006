import pytest

from toolkit.search import search

pytestmark = pytest.mark.django_db


def test_a_draft_is_not_found_by_the_public(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_is_not_found_by_a_signed_in_member(client, user, draft):
    client.force_login(user)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_staff_outside_the_curators_group_do_not_preview_drafts(staff_client, draft):
    assert staff_client.get(draft.get_absolute_url()).status_code == 404


def test_curators_preview_a_draft_with_a_notice(curator_client, draft):
    response = curator_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft preview: this document is not public yet." in response.content.decode()


def test_drafts_are_left_out_of_lists_home_and_feed(client, draft, make_document):
    make_document(title="Published supervision guide")
    for url in ("/toolkit/", "/toolkit/documents/", "/toolkit/feed/"):
        content = client.get(url).content.decode()
        assert "Published supervision guide" in content, url
        assert "Unreleased supervision guide" not in content, url


def test_search_finds_published_documents_and_never_drafts(draft, make_document, user):
    make_document(title="Published supervision guide", body="Supervision by trained peers.")
    titles = [hit.title for hit in search("supervision", user)]
    assert titles == ["Published supervision guide"]


def test_drafts_stay_out_of_search_even_for_curators(draft, curator_client):
    page = curator_client.get("/search/", {"q": "unreleased"}).content.decode()
    assert "Unreleased supervision guide" not in page
    assert curator_client.get(draft.get_absolute_url()).status_code == 200  # a curator


def test_search_hits_link_to_the_document_with_a_marked_snippet(make_document, user):
    document = make_document(
        title="Pay and the career ladder",
        summary="Starting pay <b>no less</b> than the 2017 floor.",
        body="## Ladder\n\nPeer staff can become supervisors.",
    )
    [hit] = search("ladder", user)
    assert hit.url == document.get_absolute_url()
    assert "<mark>ladder</mark>" in hit.snippet.lower()
    assert "<b>" not in hit.snippet  # stored text is escaped, never passed through
    assert hit.rank > 0


def test_a_title_match_ranks_above_a_body_match(make_document, user):
    make_document(title="Something else", body="A note on funding.")
    make_document(title="Funding peer support", body="Medicaid.")
    assert [hit.title for hit in search("funding", user)][0] == "Funding peer support"


def test_published_documents_appear_in_the_site_search_page(client, draft, make_document):
    make_document(title="Published supervision guide")
    content = client.get("/search/?q=supervision").content.decode()
    assert "Published supervision guide" in content
    assert "Unreleased supervision guide" not in content
