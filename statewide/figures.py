"""Every table of the statewide picture, built from the population's rows and shown
only as the suppression rule allows (statewide.suppression). No organization's name is
ever read: organizations are known here by id only."""

import math
from collections import Counter, defaultdict
from statistics import median

from readiness.models import MOST_POINTS, POINTS, Rating
from standards.selectors import minimum_hourly_pay, ratio_figures
from statewide.population import population
from statewide.suppression import (
    Tally,
    count_cell,
    protect_lines,
    share_cell,
    value_cell,
)
from statewide.tables import Row, Table
from workspace.checking import task_titles
from workspace.models import PayVerdict, Region, SettingType

ELEMENTS = {
    "peer_supervision": "Supervision by a peer (CPS) supervisor stated",
    "lived_experience": "Lived experience required",
    "paid_training": "Paid training or continuing education time",
    "cps_credential": "CPS credential asked for",
}
PAY_BANDS = ((None, 15, "Under $15.00"), (15, 18, "$15.00 to $17.99"), (18, 20, "$18.00 to $19.99"),
             (20, 23, "$20.00 to $22.99"), (23, None, "$23.00 or more"))
CURRENT = "Counts the latest reviewed version of each active job description."


def statewide_tables(now=None) -> list[Table]:
    people = population(now)
    titles = task_titles()
    return [
        _tasks(people, titles), *_tasks_by(people, titles), _tasks_by_quarter(people),
        _resolution(people, titles), _disputes(people, titles), _pay_bands(people),
        _pay_verdicts(people), _elements(people), _staffing(people), _readiness(people),
    ]


def _table(key, title, description, columns, labels, cells, chart="", notes=()):
    rows = tuple(Row(label, tuple(row)) for label, row in zip(labels, cells, strict=True))
    return Table(key, title, description, tuple(columns), rows, chart, tuple(notes))


def _protected(tallies, lines):
    cells = [[share_cell(tally) for tally in row] for row in tallies]
    sizes = [[tally.size for tally in row] for row in tallies]
    return protect_lines(cells, sizes, lines)


def _task_tallies(people, titles, keep=lambda description: True):
    organizations = {slug: Tally() for slug in titles}
    descriptions = {slug: Tally() for slug in titles}
    by_organization = defaultdict(set)
    for description, review in people.current():
        if keep(description):
            by_organization[description.organization] |= review["tasks"]
            for slug in titles:
                descriptions[slug].add(description.organization, counted=slug in review["tasks"])
    for organization, found in by_organization.items():
        for slug in titles:
            organizations[slug].add(organization, counted=slug in found)
    return organizations, descriptions


def _tasks(people, titles):
    organizations, descriptions = _task_tallies(people, titles)
    cells = [[share_cell(organizations[slug]), share_cell(descriptions[slug])] for slug in titles]
    return _table(
        "prohibited-tasks", "Prohibited tasks in job descriptions",
        "Share of organizations with at least one active job description naming each "
        "prohibited task, and share of active job descriptions naming it. " + CURRENT,
        ["Organizations", "Job descriptions"], titles.values(), cells, chart="bar",
    )


def _tasks_by(people, titles):
    tables = []
    for key, name, groups, group_of in (
        ("setting", "setting", SettingType, lambda d: d.setting),
        ("region", "DMH region", Region,
         lambda d: people.organizations[d.organization]["region"]),
    ):
        present = [g for g in groups if any(group_of(d) == g for d, _ in people.current())]
        by_group = [_task_tallies(people, titles, lambda d, g=g, f=group_of: f(d) == g)[1]
                    for g in present]
        tallies = [[group[slug] for group in by_group] for slug in titles]
        lines = [[(r, c) for c in range(len(present))] for r in range(len(titles))]
        tables.append(_table(
            f"prohibited-tasks-by-{key}", f"Prohibited tasks by {name}",
            f"Share of active job descriptions in each {name} naming each task. " + CURRENT,
            [g.label for g in present], titles.values(), _protected(tallies, lines),
        ))
    return tables


def _quarter(moment):
    return f"{moment.year} Q{(moment.month - 1) // 3 + 1}"


def _tasks_by_quarter(people):
    quarters = defaultdict(Tally)
    for description in people.descriptions.values():
        if description.versions:
            number, submitted_at, review = description.versions[0]
            if number == 1:
                quarters[_quarter(submitted_at)].add(description.organization,
                                                     counted=bool(review["tasks"]))
    labels = sorted(quarters)
    return _table(
        "prohibited-tasks-by-quarter", "Job descriptions naming a prohibited task, by quarter",
        "Share of job descriptions whose first version, by the quarter it was submitted in, "
        "named at least one prohibited task. Counts every job description, archived ones too.",
        ["First versions naming a task"], labels, [[share_cell(quarters[q])] for q in labels],
        chart="series",
    )


def _resolution(people, titles):
    resolved = {slug: Tally() for slug in titles}
    days = defaultdict(list)
    spans = {slug: Counter() for slug in titles}
    for description in people.descriptions.values():
        for slug in titles:
            flagged = next((v for v in description.versions if slug in v[2]["tasks"]), None)
            if flagged is None:
                continue
            later = [v for v in description.versions if v[0] > flagged[0]]
            fixed = next((v for v in later if slug not in v[2]["tasks"]), None)
            if later:  # only a finding with a later version could have been resolved
                resolved[slug].add(description.organization, counted=fixed is not None)
            if fixed is not None:
                days[slug].append((fixed[1] - flagged[1]).total_seconds() / 86400)
                spans[slug][description.organization] += 1
    cells = [[share_cell(resolved[slug]),
              value_cell(spans[slug], median(days[slug]) if days[slug] else None,
                         unit=" days", round_to=5)]
             for slug in titles]
    return _table(
        "findings-resolved", "Findings resolved in a later version",
        "Of job descriptions that named a task and were revised, the share whose later "
        "version no longer names it, and the median days from the first version naming it "
        "to the first one that does not (rounded to 5 days). Counts every version's review.",
        ["Resolved", "Median time to resolution"], titles.values(), cells,
    )


def _disputes(people, titles):
    disputed = {slug: Counter() for slug in titles}
    for organization, task in people.disputed:
        if task in disputed:
            disputed[task][organization] += 1
    return _table(
        "disputed-tasks", "Findings employers dispute, by task",
        "How many findings members said they disagree with, rounded to a multiple of 5.",
        ["Disputed findings"], titles.values(), [[count_cell(disputed[s])] for s in titles],
        chart="bar", notes=("Per pattern, with the sentences: the curators' dispute table.",),
    )


def _pay_bands(people):
    bands = [Tally() for _ in PAY_BANDS]
    for description, review in people.current():
        pay = review["elements"].get("hourly_pay")
        if pay is not None:
            for tally, (low, high, _) in zip(bands, PAY_BANDS, strict=True):
                tally.add(description.organization,
                          counted=(low is None or pay >= low) and (high is None or pay < high))
    return _table(
        "hourly-pay", "Stated hourly pay",
        f"Share of active job descriptions stating an hourly pay, by band. The pay standard's "
        f"minimum is ${minimum_hourly_pay():.2f}. " + CURRENT,
        ["Job descriptions"], [label for *_, label in PAY_BANDS],
        _protected([[tally] for tally in bands], [[(r, 0) for r in range(len(bands))]]),
        chart="distribution",
    )


def _grouped(people, counted_as):
    """Rows: statewide, each setting, each region; a tally per column of `counted_as`."""
    groups = [("Statewide", lambda d: True)]
    for choices, group_of in ((SettingType, lambda d: d.setting),
                              (Region, lambda d: people.organizations[d.organization]["region"])):
        present = {group_of(d) for d, _ in people.current()}
        groups += [(g.label, lambda d, g=g, f=group_of: f(d) == g) for g in choices if g in present]
    tallies = [[Tally() for _ in counted_as] for _ in groups]
    for description, review in people.current():
        for row, (_, keep) in zip(tallies, groups, strict=True):
            if keep(description):
                for tally, counted in zip(row, counted_as, strict=True):
                    tally.add(description.organization, counted=counted(review))
    return [label for label, _ in groups], tallies


def _pay_verdicts(people):
    labels, tallies = _grouped(people, [
        lambda r: r["pay_verdict"] == PayVerdict.BELOW,
        lambda r: r["pay_verdict"] == PayVerdict.NOT_STATED,
    ])
    settings_rows = [r for r, label in enumerate(labels) if label in SettingType.labels]
    region_rows = [r for r, label in enumerate(labels) if label in Region.labels]
    lines = [[(r, c) for r in rows] for rows in (settings_rows, region_rows) for c in (0, 1)]
    return _table(
        "pay-verdicts", "Pay against the standard",
        "Share of active job descriptions whose stated pay was below the pay standard when "
        "checked, and share stating no hourly pay, statewide, by setting and by DMH region. "
        + CURRENT, ["Below the minimum", "No hourly pay stated"], labels,
        _protected(tallies, lines),
    )


def _elements(people):
    tallies = {name: Tally() for name in ELEMENTS}
    for description, review in people.current():
        for name, tally in tallies.items():
            tally.add(description.organization, counted=bool(review["elements"].get(name)))
    return _table(
        "role-elements", "Role elements stated",
        "Share of active job descriptions stating each element of the role. " + CURRENT,
        ["Job descriptions"], ELEMENTS.values(), [[share_cell(t)] for t in tallies.values()],
        chart="bar",
    )


def _staffing(people):
    per_fte = ratio_figures()["people_served_per_fte"]
    meets = Tally()
    for organization, row in people.organizations.items():
        if row["people_served"] and row["peer_fte"] is not None:
            needed = math.ceil(row["people_served"] / per_fte)
            meets.add(organization, counted=float(row["peer_fte"]) >= needed)
    return _table(
        "staffing-ratio", "Peer staffing against the ratio standard",
        f"Share of organizations that gave their staffing figures whose peer FTE meets the "
        f"ratio standard (1 peer FTE per {per_fte} people served, rounded up).",
        ["Organizations"], ["Meets the ratio standard"], [[share_cell(meets)]],
    )


def _readiness(people):
    sections = defaultdict(lambda: defaultdict(lambda: [0, 0]))  # title -> org -> [points, max]
    order = {}
    for organization, section_order, title, rating in people.readiness:
        order[title] = section_order
        if rating != Rating.NOT_APPLICABLE:
            sections[title][organization][0] += POINTS[rating]
            sections[title][organization][1] += MOST_POINTS
    labels = sorted(sections, key=lambda title: (order[title], title))
    cells = []
    for title in labels:
        scores = {o: 100 * p / m for o, (p, m) in sections[title].items() if m}
        part = Counter(dict.fromkeys(scores, 1))
        mean = sum(scores.values()) / len(scores) if scores else None
        cells.append([value_cell(part, mean, unit="%", round_to=5)])
    return _table(
        "readiness-sections", "Readiness self-assessment, by section",
        "Mean section score of organizations' latest submitted self-assessments that they "
        "shared with curators.", ["Mean score"], labels, cells, chart="bar",
    )
