"""What a curator's edit of a rule must pass, and what it would change.

- `pattern_errors`: every pattern compiles in the phrase language.
- `example_failures`: the rule's own examples still come out right.
- `corpus_effect`: findings gained and lost on the development corpus
  (jdcheck/corpus sentences and descriptions, never the held-back part).

Each judges the edited task among all the other effective rules, as the
portal's checker will run it.
"""

import json
from dataclasses import dataclass

import jdcheck
from jdcheck.evaluate import CORPUS_DIR
from standards.rules import ruleset_with_task


def pattern_errors(patterns: list[str]) -> list[str]:
    """A message for each pattern that does not compile, naming its line."""
    errors = []
    for number, pattern in enumerate(patterns, start=1):
        try:
            jdcheck.compile_pattern(pattern)
        except jdcheck.PatternError as error:
            errors.append(f"Line {number}: {error}")
    return errors


def _flags(text: str, ruleset: jdcheck.Ruleset, slug: str) -> list[dict]:
    return [f for f in jdcheck.check(text, ruleset).findings if f.task == slug]


def example_failures(slug: str, table: dict) -> dict[str, list[str]]:
    """The examples the rule gets wrong: must_flag sentences it no longer flags,
    must_not_flag sentences it flags."""
    ruleset = ruleset_with_task(slug, table)
    return {
        "must_flag": [s for s in table["must_flag"] if not _flags(s, ruleset, slug)],
        "must_not_flag": [s for s in table["must_not_flag"] if _flags(s, ruleset, slug)],
    }


@dataclass(frozen=True)
class Change:
    """A finding gained or lost on a corpus sentence."""

    where: str  # "sentences" or a description's file name
    sentence: str
    labelled: bool  # the corpus says this task is there


def corpus_effect(slug: str, before: dict | None, after: dict) -> dict[str, list[Change]]:
    """Findings of the task gained and lost when its table goes from `before`
    (None: the checker has no rule for it now) to `after`."""
    old = ruleset_with_task(slug, before) if before else None
    new = ruleset_with_task(slug, after)
    gained, lost = [], []
    for where, text, labelled in _corpus_texts(slug):
        was = {f.sentence for f in _flags(text, old, slug)} if old else set()
        now = {f.sentence for f in _flags(text, new, slug)}
        gained += [Change(where, sentence, labelled) for sentence in sorted(now - was)]
        lost += [Change(where, sentence, labelled) for sentence in sorted(was - now)]
    return {"gained": gained, "lost": lost}


def _corpus_texts(slug: str):
    """(where, text, labelled with the task) for each development corpus item."""
    with (CORPUS_DIR / "sentences.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                item = json.loads(line)
                yield "sentences", item["text"], slug in item["labels"]
    jds = CORPUS_DIR / "jds"
    labels = json.loads((jds / "labels.json").read_text(encoding="utf-8"))
    for name, expected in sorted(labels.items()):
        text = (jds / name).read_text(encoding="utf-8")
        yield name, text, slug in expected.get("categories", [])
