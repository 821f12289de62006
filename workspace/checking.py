"""The portal's one entry point to the checker engine.

The ruleset is compiled once per ruleset version and reused; the pay threshold
comes from the role standard in the standards app.
"""

from __future__ import annotations

from functools import lru_cache

import jdcheck


@lru_cache(maxsize=8)
def _ruleset_with_pay(minimum_hourly_pay: float) -> jdcheck.Ruleset:
    return jdcheck.load_ruleset().with_parameters(minimum_hourly_pay=minimum_hourly_pay)


def current_ruleset() -> jdcheck.Ruleset:
    from standards.selectors import minimum_hourly_pay

    return _ruleset_with_pay(float(minimum_hourly_pay()))


def check_text(text: str) -> dict:
    """Run the checker on a job description with the portal's current rules."""
    return jdcheck.check(text, current_ruleset())
