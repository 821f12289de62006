"""Server-rendered, accessible SVG charts of a statewide Table.

Each row is a label above its bars (one per column), so the chart stays legible when a
phone scales it down; a suppressed figure is an empty hatched bar with the suppression
wording. Every string comes from the table and is escaped by format_html. Values are
percentages or counts: bars are scaled to 100 for shares, to the largest value else.
"""

from django.utils.html import format_html, format_html_join

BAR_WIDTH, ROW, BAR_HEIGHT, VALUE_ROOM, LABEL_ROOM = 300, 22, 14, 120, 20
FILLS = ("#1f5f8b", "#7a4b94")  # AA contrast against white, told apart by the legend too
KIND_WORDS = {"bar": "Bar chart", "series": "Bars by quarter", "distribution": "Distribution"}


def _scale(table) -> float:
    values = [cell.value for row in table.rows for cell in row.cells if cell.value is not None]
    shares = all(cell.display.endswith("%") or cell.suppressed
                 for row in table.rows for cell in row.cells)
    return 100.0 if shares else max(values + [1.0])


def chart_svg(table) -> str:
    """The SVG element for `table`, or "" when it has no chart or no rows."""
    if not table.chart or not table.rows:
        return ""
    scale, columns = _scale(table), len(table.columns)
    pieces, y = [], 0
    for row in table.rows:
        pieces.append(format_html('<text x="0" y="{}" class="sw-label">{}</text>', y + 14, row.label))
        y += LABEL_ROOM
        for index, (column, cell) in enumerate(zip(table.columns, row.cells, strict=True)):
            words = f"{column}: {cell.display}" if columns > 1 else cell.display
            if cell.suppressed:
                pieces.append(format_html(
                    '<rect x="0" y="{}" width="{}" height="{}" fill="url(#sw-{}-hatch)" '
                    'stroke="#555"/><text x="{}" y="{}" class="sw-value">{}</text>',
                    y, BAR_WIDTH // 4, BAR_HEIGHT, table.key, BAR_WIDTH // 4 + 6, y + 11, words))
            else:
                width = round(BAR_WIDTH * (cell.value or 0) / scale)
                pieces.append(format_html(
                    '<rect x="0" y="{}" width="{}" height="{}" fill="{}"/>'
                    '<text x="{}" y="{}" class="sw-value">{}</text>',
                    y, width, BAR_HEIGHT, FILLS[index % len(FILLS)], width + 6, y + 11, words))
            y += ROW
        y += 6
    summary = "; ".join(
        f"{row.label}: " + ", ".join(cell.display for cell in row.cells) for row in table.rows
    )
    return format_html(
        '<svg role="img" aria-labelledby="sw-{key}-title sw-{key}-desc" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" class="statewide-chart">'
        '<title id="sw-{key}-title">{kind}: {title}</title><desc id="sw-{key}-desc">{desc}</desc>'
        '<defs><pattern id="sw-{key}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#555" '
        'stroke-width="2"/></pattern></defs>'
        '{bars}</svg>',
        key=table.key, w=BAR_WIDTH + VALUE_ROOM, h=y, kind=KIND_WORDS[table.chart],
        title=table.title, desc=summary, bars=format_html_join("", "{}", ((p,) for p in pieces)),
    )
