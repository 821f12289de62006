"""Every rule's own examples: must_flag sentences flag that task, must_not_flag ones do not."""

import pytest

from jdcheck import check, load_ruleset

RULESET = load_ruleset()
FLAG = [(slug, s) for slug, task in RULESET.tasks.items() for s in task.must_flag]
NOT_FLAG = [(slug, s) for slug, task in RULESET.tasks.items() for s in task.must_not_flag]


def tasks_found(sentence: str) -> set[str]:
    return {f.task for f in check(sentence, RULESET).findings}


@pytest.mark.parametrize("slug, sentence", FLAG, ids=[f"{s}:{t[:40]}" for s, t in FLAG])
def test_must_flag(slug, sentence):
    assert slug in tasks_found(sentence)


@pytest.mark.parametrize("slug, sentence", NOT_FLAG, ids=[f"{s}:{t[:40]}" for s, t in NOT_FLAG])
def test_must_not_flag(slug, sentence):
    assert slug not in tasks_found(sentence)


@pytest.mark.parametrize("slug", sorted(RULESET.tasks))
def test_every_rule_has_enough_examples_and_sources(slug):
    task = RULESET.tasks[slug]
    assert len(task.must_flag) >= 6 and len(task.must_not_flag) >= 6
    assert task.source and task.source_quote and task.reason and task.suggestion


def test_source_quotes_are_verbatim_from_the_seeds():
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("seed documents not available")
    from standards.seed_content import SOURCES

    for task in RULESET.tasks.values():
        (file_name,) = [s["file_name"] for s in SOURCES if s["title"] in task.source]
        document = (seeds / file_name).read_text(encoding="utf-8")
        flat = " ".join(document.split())
        for part in task.source_quote.split(" ... "):
            assert " ".join(part.split()) in flat, (task.slug, part)
