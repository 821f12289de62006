"""Scores, the summary, the action plan and the comparison of an assessment's result.

A section's score is the share of the points its rated statements could earn
(fully 2, partly 1, not in place 0); "not applicable" is left out of both. The
overall score counts every rated statement alike.
"""

from dataclasses import dataclass, field

from readiness.models import MOST_POINTS, POINTS, Rating


@dataclass
class Score:
    title: str
    points: int = 0
    possible: int = 0
    not_applicable: int = 0
    counts: dict = field(default_factory=lambda: dict.fromkeys(POINTS, 0))

    def add(self, rating: str) -> None:
        if rating == Rating.NOT_APPLICABLE:
            self.not_applicable += 1
            return
        self.points += POINTS[rating]
        self.possible += MOST_POINTS
        self.counts[rating] += 1

    @property
    def percent(self) -> int | None:
        """Rounded to whole percent; None when nothing in it applies."""
        return round(100 * self.points / self.possible) if self.possible else None

    @property
    def rated(self) -> int:
        return self.possible // MOST_POINTS


def scores(answers) -> tuple[list[Score], Score]:
    """Per section in instrument order, and overall."""
    sections, overall = {}, Score("Overall")
    for answer in answers:
        section = answer.statement.section
        sections.setdefault(section.pk, Score(section.title)).add(answer.rating)
        overall.add(answer.rating)
    return list(sections.values()), overall


def summary(section_scores, overall) -> str:
    """A plain-language paragraph of the result."""
    if overall.percent is None:
        return "No statement applies to your organization, so there is no score."
    words = [
        f"Your organization scored {overall.percent}% overall on {overall.rated} statements "
        f"that apply to it: {overall.counts[Rating.FULLY]} fully in place, "
        f"{overall.counts[Rating.PARTLY]} partly and {overall.counts[Rating.NOT_IN_PLACE]} not "
        "in place."
    ]
    scored = [score for score in section_scores if score.percent is not None]
    best = max(scored, key=lambda score: score.percent)
    worst = min(scored, key=lambda score: score.percent)
    if best.percent != worst.percent:
        words.append(f"Strongest: {best.title} ({best.percent}%). Most to do: {worst.title} "
                     f"({worst.percent}%).")
    gaps = overall.counts[Rating.PARTLY] + overall.counts[Rating.NOT_IN_PLACE]
    words.append(f"The action plan below lists the {gaps} gap{'' if gaps == 1 else 's'}, the "
                 "most important first." if gaps else "There are no gaps to plan for.")
    return " ".join(words)


def action_plan(answers) -> list:
    """The answers that are gaps (not in place first, then partly), in the instrument's
    order: sections come in the order the sources weigh them, prohibited tasks and
    supervision first."""
    gaps = [answer for answer in answers if answer.rating in (Rating.NOT_IN_PLACE, Rating.PARTLY)]
    return sorted(gaps, key=lambda answer: (
        answer.statement.section.order, answer.rating != Rating.NOT_IN_PLACE,
        answer.statement.order,
    ))


@dataclass(frozen=True)
class Change:
    title: str
    before: int | None
    now: int | None

    @property
    def difference(self) -> int | None:
        if self.before is None or self.now is None:
            return None
        return self.now - self.before


def comparison(section_scores, overall, earlier_scores, earlier_overall) -> list[Change]:
    """Section by section (by title, so a renamed section shows as new), then overall."""
    before = {score.title: score.percent for score in earlier_scores}
    rows = [Change(score.title, before.get(score.title), score.percent) for score in section_scores]
    return rows + [Change("Overall", earlier_overall.percent, overall.percent)]


def disagreements(statements, team_answers: dict) -> list[tuple]:
    """(statement, answers) where members who answered rated it differently."""
    return [
        (statement, team_answers[statement.pk]) for statement in statements
        if len({answer.rating for answer in team_answers.get(statement.pk, [])}) > 1
    ]


# The bar chart's geometry (SVG user units): each row a label above its bar, so that
# the chart stays legible when a phone scales it down.
CHART_BAR_WIDTH, CHART_ROW, CHART_VALUE_ROOM = 330, 48, 56


def chart(section_scores, overall) -> dict:
    """Bars for the server-rendered SVG chart: one per section, then overall."""
    bars = []
    for row, score in enumerate([*section_scores, overall]):
        width = round(CHART_BAR_WIDTH * (score.percent or 0) / 100)
        top = row * CHART_ROW
        bars.append({
            "title": score.title, "percent": score.percent, "width": width,
            "label_y": top + 16, "bar_y": top + 22, "value_y": top + 37, "value_x": width + 6,
        })
    return {
        "bars": bars, "track_width": CHART_BAR_WIDTH,
        "width": CHART_BAR_WIDTH + CHART_VALUE_ROOM, "height": len(bars) * CHART_ROW,
    }


def result_of(assessment, answers, earlier=None, earlier_answers=()) -> dict:
    """Everything the result page, the print view and the PDF show, in one place."""
    section_scores, overall = scores(answers)
    result = {
        "assessment": assessment,
        "answers": answers,
        "section_scores": section_scores,
        "overall": overall,
        "summary": summary(section_scores, overall),
        "plan": action_plan(answers),
        "chart": chart(section_scores, overall),
        "earlier": earlier,
        "changes": None,
    }
    if earlier:
        result["changes"] = comparison(section_scores, overall, *scores(earlier_answers))
    return result
