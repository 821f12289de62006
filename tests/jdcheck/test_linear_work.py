"""The checker's work is linear in the length of the text, for every input.

Work is counted (words scanned by phrase searches, matches tried, contexts
built), not timed, so these tests reproduce attacks that once took minutes
(32 KB of "... are reviewed by the peer specialist and ..." took 38 s, 200 KB
about 25 minutes) in a few seconds, and fail if any shape grows faster than
the text. Timings per size are printed by `make bench`.
"""

import time

import pytest

from jdcheck import Work, check
from tests.jdcheck.adversarial import FAMILIES, SIZES

# Far above any real description's cost per character (a 600-word description
# costs about 2), far below what a quadratic shape reaches at 16 KB.
MAX_WORK_PER_CHAR = 20
HANG_GUARD_SECONDS = 120  # only catches a hang; speed is measured in bench/


def work_per_char(text: str) -> tuple[float, Work]:
    work = Work()
    started = time.monotonic()
    check(text, work=work)
    assert time.monotonic() - started < HANG_GUARD_SECONDS
    return work.spent / len(text), work


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_work_grows_linearly_with_the_text(family):
    per_char = {}
    for size in SIZES:
        text = FAMILIES[family](size)
        per_char[size], work = work_per_char(text)
        assert per_char[size] <= MAX_WORK_PER_CHAR, (family, size, dict(work.counts))
        words = len(text.split())
        assert work.counts["contexts_built"] <= words
        assert work.counts["matches_tried"] <= words
    small, large = per_char[SIZES[0]], per_char[SIZES[-1]]
    # 12.5 times the text may cost at most a little over 12.5 times the work
    assert large <= small * 1.2 + 0.05, (family, per_char)


def test_a_long_lead_in_is_read_once_for_all_its_items():
    lead = "The peer specialist " + "supports members in the community " * 300 + "and will: "
    few, _ = work_per_char(lead + "pass medications to residents; " * 10)
    many, _ = work_per_char(lead + "pass medications to residents; " * 1000)
    assert many <= few * 1.2 + 0.05


def test_a_run_on_clause_is_cut_so_a_negation_reaches_no_further():
    negated = "The peer specialist does not " + "support members and " * 40
    text = negated + "administer medications to residents"
    assert any(f.task == "medication_administration" for f in check(text).findings)
    short = "The peer specialist does not support members and administer medications to residents"
    assert not check(short).findings


def test_a_budget_stops_the_check_early_and_says_so():
    text = "• Transport members to medical appointments\n" * 2000
    result = check(text, work=Work(budget=2_000))
    assert result.complete is False
    assert 0 < len(result.findings)
    assert all(f.start < len(text) // 2 for f in result.findings)
    # counted, not timed: the same text and budget always stop at the same place
    assert check(text, work=Work(budget=2_000)) == result
    assert check(text, work=Work(budget=10_000_000)).complete is True


def test_without_a_budget_the_check_is_complete():
    assert check(FAMILIES["peer_passives"](64_000)).complete is True
