"""The checker's rules as curators keep them: database rows <-> ruleset data.

Each prohibited task has one TaskRule; the ruleset file keeps what is not
per task: the version label, the shared phrase lists ([common]) and the
parameters (the pay threshold comes from the role standard). `ruleset_data()`
builds the same structure as jdcheck/rules/default.toml, so file and database
rules both go through `jdcheck.Ruleset.from_dict` and identical rules give an
identical version.
"""

import json
import re

import jdcheck
from standards.models import TaskRule
from standards.selectors import minimum_hourly_pay

# A [tasks.<slug>] table's keys, apart from the title (the task's own).
RULE_FIELDS = (
    "ethics",
    "source",
    "source_quote",
    "reason",
    "suggestion",
    "triggers",
    "permitted",
    "must_flag",
    "must_not_flag",
    *jdcheck.BEHAVIOUR_FIELDS,
)
LIST_FIELDS = ("ethics", "triggers", "permitted", "must_flag", "must_not_flag", "governs")


def task_table(rule: TaskRule) -> dict:
    """A rule as a [tasks.<slug>] table of the ruleset file."""
    return {"title": rule.task.title, **{name: getattr(rule, name) for name in RULE_FIELDS}}


def rule_values(table: dict) -> dict:
    """TaskRule field values from a [tasks.<slug>] table of the ruleset file."""
    defaults = {name: [] if name in LIST_FIELDS else "" for name in RULE_FIELDS}
    defaults.update({k: list(v) if isinstance(v, tuple) else v
                     for k, v in jdcheck.BEHAVIOUR_FIELDS.items()})
    return {name: table.get(name, defaults[name]) for name in RULE_FIELDS}


def ruleset_data() -> dict:
    """The effective rules: the file's label, [common] and parameters; the active
    database rules (the file's tasks while none is active); the role standard's pay."""
    data = jdcheck.default_ruleset().to_dict()
    rules = (
        TaskRule.objects.filter(status=TaskRule.Status.ACTIVE)
        .select_related("task")
        .order_by("task__order", "task__slug")
    )
    tasks = {rule.task.slug: task_table(rule) for rule in rules}
    if tasks:
        data["tasks"] = tasks
    data["parameters"]["minimum_hourly_pay"] = float(minimum_hourly_pay())
    return data


def ruleset_with_task(slug: str, table: dict | None) -> jdcheck.Ruleset:
    """The effective rules with one task's table replaced (or left out when None).

    A task is judged among all the others: the engine settles some sentences
    between tasks (a reading duty governs the notes it reads), so a task alone
    would not behave as it does in the portal.
    """
    data = ruleset_data()
    data["tasks"] = {**data["tasks"], slug: table} if table else {
        other: task for other, task in data["tasks"].items() if other != slug
    }
    return jdcheck.Ruleset.from_dict(data)


# --- The ruleset file format ---------------------------------------------------

TOML_HEADER = """\
# Prohibited-task rules for peer job descriptions, exported from the portal's
# curated database rules by `manage.py export_rules`. Same format as
# jdcheck/rules/default.toml: patterns are in the phrase language, never regexes.
"""
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def ruleset_toml(data: dict) -> str:
    """Ruleset data (as from `Ruleset.to_dict`) written as a ruleset file."""
    lines = [TOML_HEADER, f"version = {_toml_value(data['version'])}", ""]
    tables = [("parameters", data["parameters"])]
    if data.get("common"):
        tables.append(("common", data["common"]))
    tables += [(f"tasks.{_toml_key(slug)}", table) for slug, table in data["tasks"].items()]
    for name, table in tables:
        lines.append(f"[{name}]")
        lines += [f"{_toml_key(key)} = {_toml_value(value)}" for key, value in table.items()]
        lines.append("")
    return "\n".join(lines)


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_string(key)


def _toml_value(value) -> str:
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # also valid TOML for floats: 15.0, 1e+20, inf
    if isinstance(value, list | tuple):
        if not any(isinstance(item, str) for item in value):
            return "[" + ", ".join(_toml_value(item) for item in value) + "]"
        return "[\n" + "".join(f"  {_toml_value(item)},\n" for item in value) + "]"
    raise TypeError(f"No TOML form for {type(value).__name__}")


def _toml_string(text: str) -> str:
    # A JSON string is a TOML basic string, except that TOML also escapes DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
