"""What the statewide figures count: current shares, opt-out, archived descriptions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from statewide.figures import statewide_tables
from tests.statewide.conftest import CLEAN, MEDICATION, row, table
from workspace import services
from workspace.checking import task_titles

pytestmark = pytest.mark.django_db


def medication_row(tables):
    return row(table(tables, "prohibited-tasks"), task_titles()["medication_administration"])


def test_every_table_has_a_row_per_label_and_a_cell_per_column(build):
    build(6)
    for tbl in statewide_tables():
        for line in tbl.rows:
            assert len(line.cells) == len(tbl.columns), tbl.key


def test_a_task_in_every_description_is_shown_as_all_of_them(build):
    build(6)
    organizations, descriptions = medication_row(statewide_tables()).cells
    assert (organizations.display, descriptions.display) == ("100%", "100%")


def test_organization_names_appear_in_no_table(build):
    build(6)
    text = str([t.to_dict() for t in statewide_tables()])
    assert "Secret Name" not in text


def test_an_opted_out_organization_is_left_out_of_every_figure(build):
    build(5)
    leaver = build(1, region="central", texts=(CLEAN,), prefix="Out")[0]
    by_region = table(statewide_tables(), "prohibited-tasks-by-region")
    assert "Central Massachusetts" in by_region.columns
    services.organization_update(
        organization=leaver, name=leaver.name, setting_type=leaver.setting_type,
        region=leaver.region, statewide_opt_out=True,
    )
    leaver.refresh_from_db()
    assert leaver.statewide_opt_out_at is not None
    opted_out = [t.to_dict() for t in statewide_tables()]
    assert "Central Massachusetts" not in table(statewide_tables(), "prohibited-tasks-by-region").columns
    leaver.delete()
    assert opted_out == [t.to_dict() for t in statewide_tables()]  # as if it never took part


def test_archived_descriptions_drop_out_of_current_shares(build):
    organizations = build(5, texts=(MEDICATION, CLEAN))
    assert medication_row(statewide_tables()).cells[1].value < 100
    for organization in organizations:
        organization.job_descriptions.filter(title="Peer 1").update(archived_at=timezone.now())
    assert medication_row(statewide_tables()).cells[1].display == "100%"


def test_a_later_version_without_the_task_counts_as_resolved(build):
    organizations = build(5)
    for organization in organizations:
        services.version_submit(
            job_description=organization.job_descriptions.get(), user=organization.created_by,
            text=f"Peer Specialist\n\n- {CLEAN}\n\nPay: $18.50 per hour.\n",
        )
    resolved = row(table(statewide_tables(), "findings-resolved"),
                   task_titles()["medication_administration"])
    assert resolved.cells[0].display == "100%"
    assert resolved.cells[1].display == "0 days"  # revised the same day
    current = medication_row(statewide_tables())
    assert current.cells[1].display == "0%"  # the current version no longer names it


def _count_queries():
    with CaptureQueriesContext(connection) as queries:
        statewide_tables()
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_organizations(build):
    build(5)
    few = _count_queries()
    build(195)
    assert _count_queries() == few


def test_the_curators_page_shows_each_table_with_its_chart_and_csv(build, curator_client):
    from django.urls import reverse

    build(6)
    html = curator_client.get(reverse("statewide:overview")).content.decode()
    for tbl in statewide_tables():
        assert f'id="table-{tbl.key}"' in html or not tbl.rows
        if tbl.chart and tbl.rows:
            assert f'id="sw-{tbl.key}-title"' in html
    assert 'role="img"' in html and "<script" not in html.split("<main")[-1].split("</main>")[0]
    response = curator_client.get(reverse("statewide:table_csv", args=["role-elements"]))
    assert response["Content-Type"].startswith("text/csv")
    assert "Lived experience required" in response.content.decode()
    assert curator_client.get(reverse("statewide:table_csv", args=["nope"])).status_code == 404


def test_the_queue_links_to_the_statewide_picture(curator_client):
    from django.urls import reverse

    html = curator_client.get(reverse("workspace:curation_queue")).content.decode()
    assert reverse("statewide:overview") in html


def test_figures_as_of_a_date_leave_out_later_organizations(build):
    build(5)
    earlier = timezone.now()
    build(1, region="central", texts=(CLEAN,))
    assert "Central Massachusetts" in table(statewide_tables(), "prohibited-tasks-by-region").columns
    as_of = table(statewide_tables(now=earlier), "prohibited-tasks-by-region")
    assert "Central Massachusetts" not in as_of.columns
