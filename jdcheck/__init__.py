"""Checks peer job descriptions for duties that conflict with the CPS role.

    from jdcheck import check, load_ruleset
    result = check(text)                      # default rules: a CheckResult
    result = check(text, ruleset.with_parameters(minimum_hourly_pay=16.5))

Pure Python, no Django: the portal turns its rule records into a Ruleset
(``Ruleset.from_dict``) and hands it to ``check``.
"""

from .engine import CAUTION, VIOLATION, Work, check, default_ruleset, get_compiled
from .patterns import PatternError
from .phraseset import compile_pattern
from .result import Advisory, CheckResult, Elements, Finding
from .ruleset import (
    BEHAVIOUR_FIELDS,
    CATEGORIES,
    Ruleset,
    RulesetError,
    Task,
    load_ruleset,
    task_limit_errors,
)

__all__ = [
    "Advisory",
    "CheckResult",
    "Elements",
    "Finding",
    "BEHAVIOUR_FIELDS",
    "CATEGORIES",
    "CAUTION",
    "VIOLATION",
    "PatternError",
    "Ruleset",
    "RulesetError",
    "Task",
    "Work",
    "check",
    "compile_pattern",
    "default_ruleset",
    "get_compiled",
    "load_ruleset",
    "task_limit_errors",
]
