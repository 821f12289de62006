"""The statewide picture's tables: the one shape the curator view, its CSV, its charts and
published snapshots share. A figure built from too few organizations is a suppressed cell:
it keeps no value, so nothing downstream can leak it."""

from dataclasses import dataclass, field

SUPPRESSED = "fewer than {threshold}"


@dataclass(frozen=True)
class Cell:
    display: str  # what people read: "42%", "12", "$18.50" or the suppression wording
    value: float | None = None  # None when suppressed or not applicable
    suppressed: bool = False

    def to_dict(self):
        return {"display": self.display, "value": self.value, "suppressed": self.suppressed}

    @classmethod
    def from_dict(cls, data):
        return cls(data["display"], data["value"], data["suppressed"])


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]

    def to_dict(self):
        return {"label": self.label, "cells": [cell.to_dict() for cell in self.cells]}

    @classmethod
    def from_dict(cls, data):
        return cls(data["label"], tuple(Cell.from_dict(cell) for cell in data["cells"]))


@dataclass(frozen=True)
class Table:
    key: str  # a stable slug, chosen by curators when publishing
    title: str
    description: str  # one or two sentences: what is counted, and over what
    columns: tuple[str, ...]  # headings of the value columns; the row label column is first
    rows: tuple[Row, ...]
    chart: str = ""  # "bar", "series", "distribution" or "" for a table only
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self):
        return {
            "key": self.key, "title": self.title, "description": self.description,
            "columns": list(self.columns), "rows": [row.to_dict() for row in self.rows],
            "chart": self.chart, "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data):
        return cls(
            data["key"], data["title"], data["description"], tuple(data["columns"]),
            tuple(Row.from_dict(row) for row in data["rows"]), data["chart"],
            tuple(data["notes"]),
        )
