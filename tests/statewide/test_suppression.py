"""Attempts to recover a suppressed figure; none succeeds."""

import csv
import io

import pytest
from django.urls import reverse

from statewide.figures import statewide_tables
from statewide.suppression import (
    Tally,
    protect_lines,
    share_cell,
    suppressed_cell,
    too_revealing,
)
from tests.statewide.conftest import CLEAN, MEDICATION, row, table
from workspace.checking import task_titles

pytestmark = pytest.mark.django_db

MEDICATION_TITLE = "medication_administration"


def by_region(tables):
    tbl = table(tables, "prohibited-tasks-by-region")
    return tbl, row(tbl, task_titles()[MEDICATION_TITLE])


def test_a_region_of_fewer_than_five_organizations_is_suppressed(build):
    build(6, region="western")
    build(2, region="central")
    tbl, line = by_region(statewide_tables())
    central = line.cells[tbl.columns.index("Central Massachusetts")]
    assert central.suppressed and central.value is None
    assert central.display == "fewer than 5"


def test_subtracting_shown_regions_from_the_total_is_prevented(build):
    """With one region suppressed, a second one is too: the statewide share and the one
    other shown region no longer give the small one's share."""
    build(6, region="western")
    build(6, region="northeast", texts=(CLEAN,))
    build(2, region="central")
    tbl, line = by_region(statewide_tables())
    hidden = [cell for cell in line.cells if cell.suppressed]
    assert len(hidden) >= 2


def test_a_line_never_has_exactly_one_suppressed_figure(build):
    build(6, region="western")
    build(5, region="northeast", texts=(CLEAN,))
    build(7, region="southeast", texts=(MEDICATION, CLEAN))
    build(3, region="central")
    for key in ("prohibited-tasks-by-region", "prohibited-tasks-by-setting", "hourly-pay"):
        tbl = table(statewide_tables(), key)
        lines = [r.cells for r in tbl.rows] if key != "hourly-pay" else [
            [r.cells[0] for r in tbl.rows]]
        for cells in lines:
            assert sum(cell.suppressed for cell in cells) != 1, key


def test_one_dominant_organization_is_suppressed():
    tally = Tally()
    tally.add("big", counted=True, units=20)
    for small in range(5):
        tally.add(small, counted=True)
    assert too_revealing(tally.part, tally.population)
    assert share_cell(tally).suppressed


def test_a_dominant_organization_in_the_data_is_suppressed(build):
    build(5, region="western", texts=(CLEAN,))
    build(1, region="western", texts=(MEDICATION,) * 8)
    organizations, descriptions = row(
        table(statewide_tables(), "prohibited-tasks"), task_titles()[MEDICATION_TITLE]
    ).cells
    assert organizations.suppressed and descriptions.suppressed


def test_complementary_suppression_hides_the_smallest_other_cell():
    shown = Tally()
    for organization in range(8):
        shown.add(organization, counted=organization < 6)
    cells = [[share_cell(shown)], [share_cell(shown)], [suppressed_cell()]]
    assert [c[0].suppressed for c in cells] == [False, False, True]
    protected = protect_lines(cells, [[4], [3], [1]], [[(0, 0), (1, 0), (2, 0)]])
    assert [c[0].suppressed for c in protected] == [False, True, True]


def test_the_csv_shows_no_more_than_the_page(build, curator_client):
    build(6, region="western")
    build(2, region="central")
    page = curator_client.get(reverse("statewide:overview")).content.decode()
    response = curator_client.get(reverse("statewide:all_csv"))
    lines = list(csv.DictReader(io.StringIO(response.content.decode())))
    tables = {t.key: t for t in statewide_tables()}
    for line in lines:
        tbl = tables[line["table"]]
        cell = row(tbl, line["row"]).cells[tbl.columns.index(line["column"])]
        assert line["figure"] == cell.display
        assert cell.display in page
    assert "Secret Name" not in page and "Secret Name" not in response.content.decode()


def test_two_snapshots_differing_by_one_organization_do_not_give_it_away(build):
    """An organization joins a region of four (suppressed before, shown after), and the
    statewide figures of both snapshots are compared: the newcomer's own description
    cannot be read off the difference of the shown statewide counts and shares, and the
    four's suppressed figure cannot be read off the newcomer's."""
    build(10, region="western", texts=(MEDICATION, CLEAN))
    build(4, region="central", texts=(MEDICATION, CLEAN, CLEAN))
    before = statewide_tables()
    build(1, region="central", texts=(CLEAN,))
    after = statewide_tables()
    tbl, line = by_region(before)
    assert line.cells[tbl.columns.index("Central Massachusetts")].suppressed
    title = task_titles()[MEDICATION_TITLE]
    share_before = row(table(before, "prohibited-tasks"), title).cells[1].value
    share_after = row(table(after, "prohibited-tasks"), title).cells[1].value
    # Exactly, 14 of 32 then 14 of 33: the newcomer has no such description. Read from
    # the shown, rounded and perturbed shares the two populations give no such answer:
    # the difference is not what the newcomer's single clean description would make.
    exact_difference = 100 * 14 / 32 - 100 * 14 / 33
    assert share_before - share_after != pytest.approx(exact_difference, abs=0.5)
    for shown in (share_before, share_after):
        assert shown % 5 == 0
