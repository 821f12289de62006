"""The one rule for what the statewide picture may show.

Every figure is built from a tally: how many units (job descriptions, findings, or 1
per organization) each organization adds to the part counted and to the population
it is a share of. From the tally alone this module decides whether the figure is
shown and how precisely.

- Too few: a figure whose population, or whose counted part, comes from fewer than
  `STATEWIDE_MIN_ORGANIZATIONS` organizations is suppressed (an empty part, 0, is
  shown: it says nothing about one organization that it does not say about all).
- Dominance: a figure where one organization adds more than half of the counted part
  or of the population is suppressed, since it would mostly describe that one.
- Complementary suppression: in a line of figures that add up to, or average to, a
  shown figure (the settings or regions of a table beside the statewide figure), one
  suppressed cell could be recovered from the others and the total. So when exactly
  one cell of a line is suppressed, the next smallest shown one is suppressed too.
- Differencing: two snapshots whose populations differ by one organization would
  give that organization's figures by subtraction if figures were exact. So no count
  of organizations is ever shown; shares are rounded to 5 percentage points and
  counts to multiples of 5; and before rounding each counted part (other than none or
  all of its population) is moved by -1, 0 or +1 unit, chosen by a key derived from the exact set of organizations behind it
  and the site's secret ("cell key" perturbation, as statistical agencies' table
  builders do). The same population always gives the same figure, so asking again
  teaches nothing, while a population with one organization more or less gets an
  unrelated key: the difference of the two figures mixes that organization with
  noise and rounding instead of revealing it. Suppression is decided on the exact,
  unperturbed tally.
"""

import hashlib
import hmac
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings

from statewide.tables import SUPPRESSED, Cell

ROUND_SHARE_TO = 5  # percentage points
ROUND_COUNT_TO = 5
DOMINANT_SHARE = 0.5


def threshold() -> int:
    return settings.STATEWIDE_MIN_ORGANIZATIONS


@dataclass
class Tally:
    """Units per organization in the counted part and in its population."""

    part: Counter = field(default_factory=Counter)
    population: Counter = field(default_factory=Counter)

    def add(self, organization, *, counted: bool, units: int = 1) -> None:
        self.population[organization] += units
        if counted:
            self.part[organization] += units

    @property
    def size(self) -> int:
        return sum(self.part.values())


def too_revealing(part: Counter, population: Counter | None = None) -> bool:
    """Whether a figure built from this tally must be suppressed (too few, or dominated)."""
    for units in ([population] if population is not None else []) + [part]:
        total = sum(units.values())
        counted = [organization for organization, n in units.items() if n]
        if units is part and not counted:
            continue
        if len(counted) < threshold() or max(units.values()) > DOMINANT_SHARE * total:
            return True
    return False


def perturbed(part: Counter, whole: int | None = None) -> int:
    """The counted part moved by -1, 0 or +1 by its organizations' cell key, never to 0
    nor past the whole; none and all of a population are shown as they are (a
    neighbouring population's "all" may be its "all but one" moved up, so it stays
    ambiguous)."""
    total = sum(part.values())
    if not total or total == whole:
        return total
    members = ",".join(sorted(str(organization) for organization in part if part[organization]))
    digest = hmac.new(settings.SECRET_KEY.encode(), members.encode(), hashlib.sha256).digest()
    return min(whole or total + 1, max(1, total + digest[0] % 3 - 1))


def suppressed_cell() -> Cell:
    return Cell(SUPPRESSED.format(threshold=threshold()), None, True)


def share_cell(tally: Tally) -> Cell:
    if not tally.population or too_revealing(tally.part, tally.population):
        return suppressed_cell()
    population = sum(tally.population.values())
    percent = 100 * perturbed(tally.part, population) / population
    rounded = ROUND_SHARE_TO * round(percent / ROUND_SHARE_TO)
    return Cell(f"{rounded}%", float(rounded))


def count_cell(part: Counter) -> Cell:
    if too_revealing(part):
        return suppressed_cell()
    rounded = ROUND_COUNT_TO * round(perturbed(part) / ROUND_COUNT_TO)
    return Cell(str(rounded), float(rounded))


def value_cell(part: Counter, value: float | None, *, unit: str, round_to: int) -> Cell:
    """A median or mean over the part's units, rounded to `round_to` of its unit."""
    if value is None or too_revealing(part):
        return suppressed_cell()
    rounded = round_to * round(value / round_to)
    return Cell(f"{rounded}{unit}", float(rounded))


def protect_lines(cells: list[list[Cell]], sizes: list[list[int]], lines: list[list[tuple]]):
    """Complementary suppression: `lines` are lists of (row, column) positions whose
    figures combine into a shown one; where exactly one is suppressed, suppress the
    shown one with the smallest counted part too, until no line has a lone one."""
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [spot for spot in line if cells[spot[0]][spot[1]].suppressed]
            shown = [spot for spot in line if not cells[spot[0]][spot[1]].suppressed]
            if len(hidden) == 1 and shown:
                row, column = min(shown, key=lambda spot: sizes[spot[0]][spot[1]])
                cells[row][column] = suppressed_cell()
                changed = True
    return cells
