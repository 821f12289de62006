"""The prohibited-task rules: loading, validation, versioning.

A ruleset is the parsed TOML structure of ``rules/default.toml``. The Django
side builds the same dictionary from database rows and passes it to
``Ruleset.from_dict``, so the file and the database go through one path.
"""

import copy
import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path(__file__).parent / "rules" / "default.toml"


TEXT_FIELDS = ("title", "source", "source_quote", "reason", "suggestion")
LIST_FIELDS = ("triggers", "permitted", "must_flag", "must_not_flag")
# How a task's matches behave among the others: what is special about a task is
# data in its rule, never a slug in the engine.
BEHAVIOUR_FIELDS = {
    # tasks whose later match in the same clause names this duty's object, not a
    # duty of its own ("Reviews progress notes": the notes are read, not written)
    "governs": (),
    # it governs only a purpose it states ("a huddle to review the census")
    "governs_purpose": False,
    # its patterns end on the people acted upon ("drive residents"): when that word
    # is a possessor ("residents' rooms") the object is something else
    "object_is_people": False,
    # flagged even where the text asks for it as a qualification ("MAP
    # certification required"): the sources rule out any part of it
    "flag_in_qualifications": False,
}

# Shared phrase lists in [common]; every one is optional.
COMMON_FIELDS = (
    "permitted",  # contexts that make any task permitted (at the person's request)
    "negations",  # cues before a duty that negate it (does not, never, will not be asked to)
    "not_negations",  # look like negations but are not (not limited to, not only)
    "negations_after",  # cues after a duty that negate it (is not part of this role)
    "other_roles",  # people other than the peer worker (nurses, case managers)
    "handed_over",  # passive hand-over after a duty (is provided by, is the role of)
    "self_roles",  # the peer worker (peer specialist, you, this position)
    "organization",  # the organization describing itself (our clinic offers)
    "hedges",  # make a finding a caution (may occasionally, as needed)
    "uncertain",  # a finding whose evidence lies inside one is a caution (a bare "team meeting")
    "assisting",  # helping verbs: a caution when they come before the duty (assist with)
    "duty_headings",  # headings after which text describes the peer's duties
    "other_headings",  # headings after which text is not the peer's duties (about us)
)

# Bounds on one task's rule, so that a rule stays cheap to check with and to
# save (each example is checked on every save). Patterns have their own bounds
# (patterns.MAX_PATTERN_*).
MAX_TASK_PATTERNS = 150  # triggers and permitted contexts together
MAX_TASK_PATTERN_CHARS = 15_000
MAX_TASK_ALTERNATIVES = 1_200
MAX_TASK_GAPS = 100
MAX_EXAMPLES = 100  # in each of must_flag and must_not_flag
MAX_EXAMPLE_CHARS = 500


def task_limit_errors(table: dict) -> dict[str, list[str]]:
    """What in a task's table is over the bounds, by field ("triggers", "must_flag" ...)."""
    errors: dict[str, list[str]] = {}
    patterns = list(table.get("triggers", [])) + list(table.get("permitted", []))
    totals = [
        (len(patterns), MAX_TASK_PATTERNS, "patterns"),
        (sum(len(p) for p in patterns), MAX_TASK_PATTERN_CHARS, "characters of patterns"),
        (sum(p.count("|") for p in patterns), MAX_TASK_ALTERNATIVES, "alternatives ('|')"),
        (sum(p.count("*") for p in patterns), MAX_TASK_GAPS, "'*' gaps"),
    ]
    for count, limit, what in totals:
        if count > limit:
            errors.setdefault("triggers", []).append(
                f"A task's triggers and permitted contexts can have at most {limit:,} {what} "
                f"together (these have {count:,})."
            )
    for name in ("must_flag", "must_not_flag"):
        examples = list(table.get(name, []))
        if len(examples) > MAX_EXAMPLES:
            errors.setdefault(name, []).append(
                f"At most {MAX_EXAMPLES} examples (these are {len(examples)})."
            )
        for number, example in enumerate(examples, start=1):
            if len(example) > MAX_EXAMPLE_CHARS:
                errors.setdefault(name, []).append(
                    f"Line {number}: an example can be at most {MAX_EXAMPLE_CHARS} characters "
                    f"(this one has {len(example):,}); use one sentence."
                )
    return errors


DEFAULT_PARAMETERS = {"minimum_hourly_pay": 15.00, "hours_per_year": 2080}


class RulesetError(ValueError):
    """The rules data is malformed; the message names the table and key."""


@dataclass(frozen=True)
class Task:
    """One prohibited task area, with its explanation and phrase patterns."""

    slug: str
    title: str
    ethics: tuple[int, ...]
    source: str
    source_quote: str
    reason: str
    suggestion: str
    triggers: tuple[str, ...]
    permitted: tuple[str, ...]
    must_flag: tuple[str, ...]
    must_not_flag: tuple[str, ...]
    governs: tuple[str, ...] = ()
    governs_purpose: bool = False
    object_is_people: bool = False
    flag_in_qualifications: bool = False

    def to_dict(self) -> dict:
        data = {name: getattr(self, name) for name in TEXT_FIELDS}
        data["ethics"] = list(self.ethics)
        data.update({name: list(getattr(self, name)) for name in LIST_FIELDS})
        data["governs"] = list(self.governs)
        data.update({name: getattr(self, name) for name in BEHAVIOUR_FIELDS if name != "governs"})
        return data


class Ruleset:
    """Tasks, shared phrase lists and parameters, with a content-derived version."""

    def __init__(self, label: str, tasks: dict[str, Task], common: dict, parameters: dict):
        self.label = label
        self.tasks = dict(tasks)
        self.common = {name: tuple(common.get(name, ())) for name in COMMON_FIELDS}
        self.parameters = {**DEFAULT_PARAMETERS, **parameters}
        self.patterns_hash = self.rules_hash()  # what compiled patterns are cached by
        self.version = f"{label}+{self.rules_hash(include_parameters=True)}"

    @classmethod
    def from_dict(cls, data: dict) -> "Ruleset":
        """Build a ruleset from the parsed-TOML structure (or the same from the database)."""
        if not isinstance(data, dict):
            raise RulesetError("The ruleset must be a table")
        label = data.get("version")
        if not isinstance(label, str) or not label:
            raise RulesetError("The ruleset needs a 'version' string")
        parameters = data.get("parameters", {})
        if not isinstance(parameters, dict):
            raise RulesetError("[parameters] must be a table")
        for name, value in parameters.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise RulesetError(f"parameters.{name} must be a number")
        tasks_data = data.get("tasks", {})
        if not isinstance(tasks_data, dict) or not tasks_data:
            raise RulesetError("The ruleset needs at least one [tasks.<slug>] table")
        tasks = {slug: _task(slug, body) for slug, body in tasks_data.items()}
        for slug, task in tasks.items():
            unknown = set(task.governs) - set(tasks)
            if unknown:
                raise RulesetError(f"tasks.{slug}.governs names no task: {sorted(unknown)[0]}")
        common = data.get("common", {})
        if not isinstance(common, dict):
            raise RulesetError("[common] must be a table")
        for name, value in common.items():
            if name not in COMMON_FIELDS:
                raise RulesetError(f"Unknown key common.{name}")
            _string_list(f"common.{name}", value)
        return cls(label, tasks, common, dict(parameters))

    def to_dict(self) -> dict:
        """The parsed-TOML structure this ruleset was built from."""
        return {
            "version": self.label,
            "parameters": dict(self.parameters),
            "common": {name: list(value) for name, value in self.common.items() if value},
            "tasks": {slug: task.to_dict() for slug, task in self.tasks.items()},
        }

    def with_parameters(self, **overrides) -> "Ruleset":
        """A copy with some parameters replaced (e.g. the pay threshold from the database)."""
        data = self.to_dict()
        data["parameters"].update(overrides)
        return Ruleset.from_dict(data)

    def rules_hash(self, include_parameters: bool = False) -> str:
        """A short hash of the effective rules (and, if asked, the parameters)."""
        data = copy.deepcopy(self.to_dict())
        del data["version"]
        if not include_parameters:
            del data["parameters"]
        canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:10]

    def __repr__(self) -> str:
        return f"<Ruleset {self.version} ({len(self.tasks)} tasks)>"


def load_ruleset(path: str | Path | None = None) -> Ruleset:
    """Load a ruleset file (the default rules when no path is given)."""
    path = Path(path) if path else DEFAULT_PATH
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise RulesetError(f"{path.name}: {error}") from error
    return Ruleset.from_dict(data)


def _task(slug: str, body) -> Task:
    where = f"tasks.{slug}"
    if not isinstance(body, dict):
        raise RulesetError(f"[{where}] must be a table")
    unknown = set(body) - set(TEXT_FIELDS) - set(LIST_FIELDS) - set(BEHAVIOUR_FIELDS) - {"ethics"}
    if unknown:
        raise RulesetError(f"Unknown key {where}.{sorted(unknown)[0]}")
    for name in TEXT_FIELDS:
        if not isinstance(body.get(name, ""), str):
            raise RulesetError(f"{where}.{name} must be a string")
    ethics = body.get("ethics", [])
    if not isinstance(ethics, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in ethics
    ):
        raise RulesetError(f"{where}.ethics must be a list of item numbers")
    if not body.get("triggers"):
        raise RulesetError(f"{where}.triggers must list at least one pattern")
    for field, messages in task_limit_errors(body).items():
        raise RulesetError(f"{where}.{field}: {messages[0]}")
    for name, default in BEHAVIOUR_FIELDS.items():
        if name != "governs" and not isinstance(body.get(name, default), bool):
            raise RulesetError(f"{where}.{name} must be true or false")
    return Task(
        slug=slug,
        ethics=tuple(ethics),
        governs=tuple(_string_list(f"{where}.governs", body.get("governs", []))),
        **{name: body.get(name, default) for name, default in BEHAVIOUR_FIELDS.items()
           if name != "governs"},
        **{name: body.get(name, "") for name in TEXT_FIELDS},
        **{name: tuple(_string_list(f"{where}.{name}", body.get(name, []))) for name in LIST_FIELDS},
    )


def _string_list(where: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesetError(f"{where} must be a list of strings")
    return value


CATEGORIES = tuple(load_ruleset().tasks)  # the shipped rules' task slugs, in file order
