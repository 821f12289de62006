"""The curators' statewide picture: every table with its chart, and their CSV files.
Curators only (portal.roles.curator_required); never cached (PrivatePagesMiddleware)."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render

from portal.roles import curator_required
from statewide.figures import statewide_tables
from statewide.suppression import threshold


@curator_required
def overview(request):
    return render(request, "statewide/overview.html", {
        "tables": statewide_tables(), "threshold": threshold(),
    })


@curator_required
def table_csv(request, key):
    tables = [table for table in statewide_tables() if table.key == key]
    if not tables:
        raise Http404("No such table")
    return _csv(tables, f"statewide-{key}.csv")


@curator_required
def all_csv(request):
    return _csv(statewide_tables(), "statewide-all-tables.csv")


def _csv(tables, filename):
    """One line per figure, the same display text the page shows (suppression words too)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(["table", "title", "row", "column", "figure"])
    for table in tables:
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=True):
                writer.writerow([_inert(text) for text in (
                    table.key, table.title, row.label, column, cell.display
                )])
    return response


def _inert(text: str) -> str:
    """Task titles are curators' text: a spreadsheet must not run one as a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
