"""The SVG charts: accessible, escaped, and the suppressed bars labelled."""

from statewide.charts import chart_svg
from statewide.suppression import suppressed_cell
from statewide.tables import Cell, Row, Table


def test_a_chart_has_its_title_description_and_every_figure(settings):
    settings.STATEWIDE_MIN_ORGANIZATIONS = 5
    tbl = Table("tasks", "Tasks <b>", "What", ("Share",), (
        Row("Med <pass>", (Cell("40%", 40.0),)), Row("Restraint", (suppressed_cell(),)),
    ), chart="bar")
    svg = chart_svg(tbl)
    assert svg.startswith("<svg") and 'role="img"' in svg and 'width="100%"' in svg
    assert "<title" in svg and "<desc" in svg and "viewBox" in svg
    assert "Med &lt;pass&gt;" in svg and "<pass>" not in svg and "Tasks &lt;b&gt;" in svg
    assert "fewer than 5" in svg and 'fill="url(#sw-tasks-hatch)"' in svg
    assert "40%" in svg


def test_a_table_without_a_chart_draws_none():
    assert chart_svg(Table("t", "T", "d", ("A",), (Row("r", (Cell("1", 1.0),)),))) == ""


def test_a_title_that_looks_like_a_formula_is_inert_in_the_csv():
    from statewide.views import _inert

    assert _inert("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _inert("Med pass") == "Med pass"
