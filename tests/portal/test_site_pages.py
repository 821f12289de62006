"""The site's own pages: linked from every page's footer, curated text, settings for facts."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from portal.models import SitePage
from portal.views import SITE_PAGES

pytestmark = pytest.mark.django_db

FOOTER_LINKS = {
    "/about/": "About the portal", "/help/": "Help for employers", "/privacy/": "Privacy",
    "/accessibility/": "Accessibility", "/contact/": "Contact",
}


@pytest.fixture
def site_pages(db):
    call_command("seed", stdout=StringIO())


def test_every_kind_of_page_has_the_footer_links(client, site_pages, user):
    for url in ["/", "/standards/tasks/", "/check/", "/no-such-page/", "/about/"]:
        html = client.get(url).content.decode()
        footer = html[html.index('<footer'):]
        for href, label in FOOTER_LINKS.items():
            assert f'<a href="{href}">{label}</a>' in footer, (url, href)
    client.force_login(user)
    footer = client.get("/accounts/email/").content.decode().split("<footer")[1]
    assert '<a href="/privacy/">Privacy</a>' in footer


def test_each_footer_link_opens_its_page(client, site_pages):
    assert set(FOOTER_LINKS) == {f"/{slug}/" for slug in SITE_PAGES}
    for href in FOOTER_LINKS:
        response = client.get(href)
        page = SitePage.objects.get(slug=href.strip("/"))
        assert response.status_code == 200, href
        assert f"<h1>{page.title}</h1>" in response.content.decode()


def test_contact_details_come_from_the_settings_never_invented(client, site_pages):
    with override_settings(PORTAL_CONTACT_EMAIL=""):
        for url in ["/contact/", "/accessibility/"]:
            html = client.get(url).content.decode()
            assert "Contact details are not yet published" in html
            assert "mailto:" not in html
    with override_settings(PORTAL_CONTACT_EMAIL="portal@transcom.example"):
        html = client.get("/contact/").content.decode()
        assert '<a href="mailto:portal@transcom.example">portal@transcom.example</a>' in html
        assert "not yet published" not in html


def test_privacy_page_states_the_retention_setting(client, site_pages):
    with override_settings(ARCHIVED_RETENTION_DAYS=90):
        html = client.get("/privacy/").content.decode()
    assert "Archived job descriptions are deleted 90 days after they were archived." in html
    assert "The quick check stores nothing" in html


def test_about_page_lists_the_sources_by_title_publisher_and_year(client, site_pages):
    html = client.get("/about/").content.decode()
    assert "Transcom, <cite>Transcom Appeal To Policy Leaders</cite> (2017)" in html
    assert "SAMHSA, <cite>Core Competencies for Peer Workers in Behavioral Health Services</cite> (2015)" in html


def test_a_curators_edit_is_rendered_safely_and_survives_reseeding(client, site_pages):
    page = SitePage.objects.get(slug="help")
    page.body = "## Asked often\n\nIs it **free**? <script>alert(1)</script>"
    page.edited_by_curator = True
    page.save()
    call_command("seed", stdout=StringIO())
    html = client.get("/help/").content.decode()
    assert '<h2 id="section-asked-often">Asked often</h2>' in html
    assert "<strong>free</strong>" in html and "<script>alert" not in html


def test_seeding_twice_changes_nothing(site_pages):
    output = StringIO()
    call_command("seed", stdout=output)
    assert "Site pages: 5 unchanged" in output.getvalue()


def test_a_draft_page_is_for_curators_only(client, site_pages, curator_client):
    SitePage.objects.filter(slug="about").update(status="draft")
    assert curator_client.get("/about/").status_code == 200
    curator_client.logout()
    assert client.get("/about/").status_code == 404


def test_curators_edit_site_pages_in_the_admin(curator_client, site_pages):
    from django.conf import settings

    page = SitePage.objects.get(slug="privacy")
    response = curator_client.get(f"/{settings.ADMIN_URL}portal/sitepage/{page.pk}/change/")
    assert response.status_code == 200
    assert "Markdown" in response.content.decode()
