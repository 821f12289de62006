import re

import pytest
from django.conf import settings
from django.core.management import call_command

from readiness import seed_content
from readiness.models import Section, Statement

pytestmark = pytest.mark.django_db
ADMIN = "/" + settings.ADMIN_URL
SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"


def snapshot():
    return (
        list(Section.objects.order_by("pk").values()),
        list(Statement.objects.order_by("pk").values()),
        list(Section.guides.through.objects.order_by("pk").values_list("section_id", "document_id")),
        Statement.history.count(),
    )


def test_every_statement_rests_on_a_passage_of_its_source(seeded):
    """The quoted passage is in the source document the record names (the seeds as
    they are, whitespace aside), and a section is named."""
    statements = list(Statement.objects.select_related("source_document", "section"))
    assert len(statements) == len(seed_content.STATEMENTS) == 17
    if not SEEDS.exists():
        pytest.skip("seed documents not available")
    for statement in statements:
        document = statement.source_document
        text = " ".join((SEEDS / document.file_name).read_text("utf-8").split())
        text = text.replace("\\$", "$")
        for part in re.split(r"\s*\[\.\.\.\]\s*", statement.source_quote):
            assert part in text, (statement.slug, part)
        assert statement.source_section, statement.slug
        assert statement.wording and statement.wording != statement.source_quote


def test_every_section_of_the_issue_has_statements_and_guides(seeded):
    sections = Section.objects.prefetch_related("statements", "guides")
    assert [section.slug for section in sections] == [
        "role", "supervision", "staffing", "pay", "training", "integration",
    ]
    for section in sections:
        assert section.statements.exists() and section.guides.exists(), section.slug


def test_statements_link_to_the_standards_they_concern(seeded):
    ratio = Statement.objects.get(slug="staffing-ratio")
    assert ratio.role_standard.slug == "ratio" and ratio.proposal == "staffing_ratio"
    tasks = Statement.objects.get(slug="job-descriptions-free-of-prohibited-tasks")
    assert tasks.prohibited_tasks and tasks.role_standard.slug == "job-descriptions"
    assert set(Statement.objects.exclude(proposal="").values_list("proposal", flat=True)) == {
        "staffing_ratio", "prohibited_tasks", "pay", "peer_supervision",
    }


def test_rating_levels_are_left_blank_where_the_source_gives_no_test(seeded):
    described = set(Statement.objects.exclude(level_fully="").values_list("slug", flat=True))
    assert described == {
        "job-descriptions-free-of-prohibited-tasks", "staffing-ratio",
        "starting-pay-at-or-above-the-standard",
    }
    assert not Statement.objects.exclude(level_partly="").exists()
    assert not Statement.objects.exclude(level_not_in_place="").exists()


def test_seeding_twice_changes_nothing(seeded):
    before = snapshot()
    call_command("seed", verbosity=0, stdout=open("/dev/null", "w"))
    assert snapshot() == before


def test_a_curators_admin_edit_survives_reseeding(seeded, curator_client):
    statement = Statement.objects.get(slug="staffing-ratio")
    url = f"{ADMIN}readiness/statement/{statement.pk}/change/"
    page = curator_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(
        section=statement.section_id, source_document=statement.source_document_id,
        role_standard=statement.role_standard_id, prohibited_tasks="",
        wording="We staff peer roles at the ratio the standard sets.",
    )
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    call_command("seed", verbosity=0, stdout=open("/dev/null", "w"))
    statement.refresh_from_db()
    assert statement.wording == "We staff peer roles at the ratio the standard sets."
    assert statement.edited_by_curator


def test_curators_may_edit_the_instrument_but_not_see_assessments_in_admin(
    seeded, curator_client
):
    assert curator_client.get(f"{ADMIN}readiness/statement/").status_code == 200
    assert curator_client.get(f"{ADMIN}readiness/section/").status_code == 200
    assert curator_client.get(f"{ADMIN}readiness/assessment/").status_code == 404
    assert curator_client.get(f"{ADMIN}readiness/answer/").status_code == 404


def test_sources_are_cited_by_title_never_by_file_name(seeded):
    for statement in Statement.objects.select_related("source_document"):
        shown = statement.source_section + statement.wording + statement.source_document.title
        assert not re.search(r"\d{3}_[0-9a-f]{16}", shown), statement.slug
