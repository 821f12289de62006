import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from standards.models import (
    CompetencyFramework,
    EthicsPrinciple,
    ProhibitedTask,
    RoleStandard,
    SourceDocument,
)

pytestmark = pytest.mark.django_db

PAGES = {
    "/standards/": "Certified Peer Specialist standards",
    "/standards/code-of-ethics/": "The Massachusetts CPS Code of Ethics",
    "/standards/competencies/": "Peer specialist competencies",
    "/standards/competencies/compare/": "Competency frameworks side by side",
    "/standards/competencies/samhsa-core-competencies/": "Core Competencies for Peer Workers in Behavioral Health Services",
    "/standards/role/": "Role standards",
    "/standards/role/ratio/": "Peer staffing ratio",
    "/standards/tasks/": "Tasks that undermine the peer role",
    "/standards/tasks/representative_payee/": "Serving as a representative payee",
}


@pytest.mark.parametrize(("url", "heading"), PAGES.items())
def test_public_page_has_one_heading_a_citation_and_a_review_date(client, seeded, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == [heading]
    assert 'class="source-citation"' in html
    assert "Source: " in html and "<cite>" in html
    assert "Last reviewed:" in html


def test_task_page_speaks_to_both_audiences_and_links_the_ethics_item(client, seeded):
    html = client.get("/standards/tasks/representative_payee/").content.decode()
    for heading in (
        "What this looks like in a job description",
        "Why it conflicts with the role",
        "What a peer specialist can do instead",
    ):
        assert heading in html
    assert "Serves as representative payee for members." in html
    assert 'href="/standards/code-of-ethics/#item-10"' in html
    assert "Collective response of the Massachusetts peer support community to a DMH RFI" in html
    assert "(2017)" in html and "004_24d69d2ab747aade.txt" not in html
    assert "Core Tasks: Participation in a Rep-Payeeship Arrangement" in html
    assert "delivering related daily funds" in html


def test_ethics_page_says_which_items_it_shows_and_where_the_full_text_is(client, seeded):
    html = client.get("/standards/code-of-ethics/").content.decode()
    assert 'id="item-7"' in html and 'id="item-10"' in html
    assert "#7 Respect for Privacy, #10 Dual Roles" in html
    assert "https://kivacenters.org/resources/peer-support-networks/" in html
    assert 'href="/standards/tasks/routine_notes/"' in html


def test_compare_page_shows_all_frameworks(client, seeded):
    html = client.get("/standards/competencies/compare/").content.decode()
    for value in (
        "Helps peers to manage crises",
        "Peer support is person-driven",
        "Advocacy",
        "Trauma-informed",
    ):
        assert value in html


def test_role_standard_shows_figure_year_and_source(client, seeded):
    html = client.get("/standards/role/pay/").content.decode()
    assert "$15.00 an hour" in html
    assert "2017" in html
    assert "Payrate" in html


@pytest.mark.parametrize(
    ("model", "lookup", "url"),
    [
        (
            ProhibitedTask,
            {"slug": "representative_payee"},
            "/standards/tasks/representative_payee/",
        ),
        (RoleStandard, {"slug": "pay"}, "/standards/role/pay/"),
        (
            CompetencyFramework,
            {"slug": "mha-ncps-domains"},
            "/standards/competencies/mha-ncps-domains/",
        ),
    ],
)
def test_drafts_are_hidden_from_the_public_and_previewed_by_curators(
    curator_client, seeded, model, lookup, url
):
    model.objects.filter(**lookup).update(status="draft")
    assert Client().get(url).status_code == 404
    response = curator_client.get(url)
    assert response.status_code == 200
    assert "Draft — not public" in response.content.decode()


def test_draft_items_are_left_out_of_public_lists(client, seeded):
    ProhibitedTask.objects.filter(slug="custodial_care").update(status="draft")
    EthicsPrinciple.objects.filter(number=7).update(status="draft")
    assert "Custodial care" not in client.get("/standards/tasks/").content.decode()
    html = client.get("/standards/code-of-ethics/").content.decode()
    assert 'id="item-7"' not in html and 'id="item-10"' in html


def test_unknown_slug_is_404(client, seeded):
    assert client.get("/standards/tasks/no_such_task/").status_code == 404


def _add_more_records():
    source = SourceDocument.objects.get(key="004")
    for n in range(5):
        ProhibitedTask.objects.create(slug=f"extra_{n}", title=f"Extra {n}", source_document=source)
        RoleStandard.objects.create(slug=f"extra-{n}", title=f"Extra {n}", source_document=source)
        EthicsPrinciple.objects.create(number=20 + n, title=f"Extra {n}", source_document=source)
        framework = CompetencyFramework.objects.create(
            slug=f"extra-{n}",
            name=f"Extra {n}",
            short_name=f"X{n}",
            publisher="X",
            source_document=source,
        )
        framework.competencies.create(kind="domain", number=1, name="Extra")
    for task in ProhibitedTask.objects.filter(slug__startswith="extra_"):
        task.ethics.set(EthicsPrinciple.objects.all())


@pytest.mark.parametrize(
    "url",
    [
        "/standards/code-of-ethics/",
        "/standards/competencies/",
        "/standards/competencies/compare/",
        "/standards/role/?people_served=45",
        "/standards/tasks/",
    ],
)
def test_list_pages_make_the_same_number_of_queries_however_many_records(
    client, seeded, django_assert_num_queries, url
):
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    _add_more_records()
    with django_assert_num_queries(len(before)):
        response = client.get(url)
    assert response.status_code == 200


def test_task_list_gives_each_task_its_one_line_reason(client, seeded):
    html = client.get("/standards/tasks/").content.decode()
    items = html.split('<ul class="task-list">')[1].split("</ul>")[0].split("<li>")[1:]
    tasks = list(ProhibitedTask.objects.all())
    assert len(items) == len(tasks) > 1
    for item, task in zip(items, tasks, strict=True):
        first_sentence = task.why_it_conflicts.split(". ")[0].rstrip(".") + "."
        assert task.title in item
        assert f'<p class="task-reason">{first_sentence}</p>' in item.replace("&#x27;", "'")


def test_the_one_line_reason_follows_a_curators_edit(client, seeded):
    task = ProhibitedTask.objects.get(slug="representative_payee")
    task.why_it_conflicts = "Control over someone's money is a dual role. More follows here."
    task.save()
    html = client.get("/standards/tasks/").content.decode()
    assert "Control over someone&#x27;s money is a dual role.</p>" in html
    assert "More follows here" not in html
