"""Who reaches which readiness page: the access matrix, as tests/workspace/test_access.py.

Members see their organization's assessments; admins start, submit and share them.
Curators see none of an organization's answers until its admin shares a submitted
assessment. Everyone else gets 404 (never 403); visitors are sent to sign in.
"""

import pytest
from django.urls import reverse

from readiness import services
from tests.conftest import sign_in
from tests.readiness.conftest import answer_all

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ORGANIZATION_PAGES = {"overview", "draft", "answer"}
RESULT_PAGES = {"result", "print", "pdf"}
CURATOR_PAGES = {"shared"}
EVERY_PAGE = ORGANIZATION_PAGES | RESULT_PAGES | CURATOR_PAGES


def answers(*cells):
    expected = dict.fromkeys(EVERY_PAGE, 404)
    for pages, answer in cells:
        expected.update(dict.fromkeys(pages, answer))
    return expected


EXPECTED = {
    "member": answers((ORGANIZATION_PAGES | RESULT_PAGES, 200)),
    "admin": answers((ORGANIZATION_PAGES | RESULT_PAGES, 200)),
    "curator": answers((CURATOR_PAGES, 200)),
    "curator_after_share": answers((CURATOR_PAGES | RESULT_PAGES, 200)),
    "outsider": answers(),
    "former_member": answers(),
}


@pytest.fixture
def assessments(seeded, organization, admin_user):
    """A submitted assessment and, after it, a draft being taken again."""
    submitted = services.assessment_start(organization=organization, user=admin_user)
    answer_all(submitted, admin_user)
    submitted = services.assessment_submit(assessment=submitted, user=admin_user)
    draft = services.assessment_start(organization=organization, user=admin_user)
    answer_all(draft, admin_user)
    return submitted, draft


@pytest.fixture
def readiness_urls(assessments, organization):
    submitted, draft = assessments
    return {
        "overview": reverse("readiness:overview", args=[organization.pk]),
        "draft": reverse("readiness:assessment", args=[draft.pk]),
        "answer": reverse("readiness:answer", args=[draft.pk]),
        "result": reverse("readiness:assessment", args=[submitted.pk]),
        "print": reverse("readiness:print", args=[submitted.pk]),
        "pdf": reverse("readiness:pdf", args=[submitted.pk]),
        "shared": reverse("readiness:shared"),
    }


@pytest.fixture
def signed_in(client, admin_user, member_user, curator, outsider, former_member, assessments):
    people = {
        "admin": (admin_user, False), "member": (member_user, False),
        "curator": (curator, True), "curator_after_share": (curator, True),
        "outsider": (outsider, False), "former_member": (former_member, False),
    }

    def sign_in_as(role):
        if role == "curator_after_share":
            services.assessment_share(assessment=assessments[0], share=True)
        user, second_factor = people[role]
        sign_in(client, user, second_factor=second_factor)
        return client

    return sign_in_as


def test_the_matrix_covers_every_page(readiness_urls):
    assert set(readiness_urls) == EVERY_PAGE


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_access_matrix(signed_in, readiness_urls, role):
    client = signed_in(role)
    for page, url in readiness_urls.items():
        response = client.get(url)
        assert response.status_code == EXPECTED[role][page], (role, page, url)
        if response.status_code != 200:
            assert "Acme Recovery" not in response.content.decode(), (role, page)
    if role == "curator_after_share":
        shared = client.get(readiness_urls["shared"]).content.decode()
        assert "Acme Recovery" in shared


def test_anonymous_visitors_are_sent_to_sign_in(client, readiness_urls):
    for page, url in readiness_urls.items():
        response = client.get(url)
        assert response.status_code == 302, page
        assert response.url.startswith(LOGIN), page


def test_curators_see_the_shared_result_but_not_members_individual_answers(
    client, seeded, organization, admin_user, member_user, curator
):
    assessment = services.assessment_start(organization=organization, user=admin_user)
    answer_all(assessment, member_user, rating="partly")
    answer_all(assessment, admin_user)
    assessment = services.assessment_submit(assessment=assessment, user=admin_user)
    services.assessment_share(assessment=assessment, share=True)
    sign_in(client, curator)
    html = client.get(assessment.get_absolute_url()).content.decode()
    assert "Your organization scored 100% overall" in html
    assert "member@acme.example" not in html and "Evidence for partly" not in html
    assert 'action="/workspace/readiness/' not in html  # no share or submit form


def test_unsharing_hides_it_from_curators_again(client, assessments, admin_user, curator):
    submitted, _ = assessments
    sign_in(client, admin_user, second_factor=False)
    share = reverse("readiness:share", args=[submitted.pk])
    assert client.post(share, {"share": "1"}).status_code == 302
    sign_in(client, curator)
    assert client.get(submitted.get_absolute_url()).status_code == 200
    sign_in(client, admin_user, second_factor=False)
    client.post(share, {"share": "0"})
    sign_in(client, curator)
    assert client.get(submitted.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", ["member", "outsider", "curator"])
def test_only_admins_start_submit_and_share(
    client, assessments, organization, member_user, outsider, curator, role
):
    submitted, draft = assessments
    services.assessment_share(assessment=submitted, share=True)
    user = {"member": member_user, "outsider": outsider, "curator": curator}[role]
    sign_in(client, user, second_factor=role == "curator")
    posts = [
        reverse("readiness:start", args=[organization.pk]),
        reverse("readiness:submit", args=[draft.pk]),
        reverse("readiness:share", args=[submitted.pk]),
    ]
    assert [client.post(url, {"share": "0"}).status_code for url in posts] == [404, 404, 404]
    submitted.refresh_from_db()
    draft.refresh_from_db()
    assert submitted.shared_with_curators and not draft.is_submitted
    assert organization.assessments.count() == 2


def test_a_non_member_cannot_post_answers(client, assessments, outsider):
    _, draft = assessments
    sign_in(client, outsider, second_factor=False)
    response = client.post(reverse("readiness:answer", args=[draft.pk]), {})
    assert response.status_code == 404
    assert not draft.answers.filter(member=outsider).exists()


def test_readiness_pages_are_never_cached(client, readiness_urls, admin_user):
    sign_in(client, admin_user, second_factor=False)
    for page in ORGANIZATION_PAGES | RESULT_PAGES:
        assert "no-store" in client.get(readiness_urls[page])["Cache-Control"], page
