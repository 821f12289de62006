"""Seeds the standards from their sources; called by `manage.py seed`.

Idempotent, and a record a curator has edited is left as it is
(see portal.content.upsert_seeded).
"""

import re
from collections import Counter
from decimal import Decimal

import jdcheck
from portal.content import upsert_seeded
from standards import seed_content, seed_questions
from standards.models import (
    Competency,
    CompetencyFramework,
    EmployerQuestion,
    EthicsPrinciple,
    ProhibitedTask,
    RoleStandard,
    SourceDocument,
    TaskRule,
)
from standards.rules import rule_values

# How many of a task's must_flag sentences its page shows as job-description examples.
EXAMPLES_SHOWN = 4

# The year or "undated" that follows a document's title in a ruleset `source`.
_CITED_YEAR = re.compile(r"\s*\((?:\d{4}|undated)\)")


def run(stdout, *, ruleset_path=None):
    outcomes = Counter()
    sources = seed_sources(outcomes)
    seed_ethics(sources, outcomes)
    seed_frameworks(sources, outcomes)
    seed_role_standards(sources, outcomes)
    # jdcheck's own loader: the file is read and validated in one place
    seed_prohibited_tasks(jdcheck.load_ruleset(ruleset_path).to_dict(), sources, outcomes)
    seed_employer_questions(sources, outcomes)
    summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
    stdout.write(f"standards: {summary}.")


def _upsert(outcomes, model, lookup, values):
    record, outcome = upsert_seeded(model, lookup, values)
    outcomes[outcome] += 1
    return record, outcome


def seed_sources(outcomes) -> dict[str, SourceDocument]:
    sources = {}
    for item in seed_content.SOURCES:
        values = {"note": "", "file_name": "", **item}
        key = values.pop("key")
        sources[key], _ = _upsert(outcomes, SourceDocument, {"key": key}, values)
    return sources


def _cited(item: dict, sources) -> dict:
    """The item's fields, with its source key turned into the record's foreign key."""
    values = dict(item)
    values["source_document_id"] = sources[values.pop("source")].pk
    return values


def seed_ethics(sources, outcomes):
    for item in seed_content.ETHICS_PRINCIPLES:
        values = _cited(item, sources)
        number = values.pop("number")
        _upsert(outcomes, EthicsPrinciple, {"number": number}, values)


def seed_frameworks(sources, outcomes):
    for item in seed_content.FRAMEWORKS:
        values = _cited(item, sources)
        slug = values.pop("slug")
        competencies = values.pop("competencies")
        framework, _ = _upsert(outcomes, CompetencyFramework, {"slug": slug}, values)
        for kind, names in competencies.items():
            for number, name in enumerate(names, start=1):
                _upsert(
                    outcomes,
                    Competency,
                    {"framework": framework, "kind": kind, "number": number},
                    {"name": name},
                )


def seed_role_standards(sources, outcomes):
    for order, item in enumerate(seed_content.ROLE_STANDARDS, start=1):
        values = _cited(item, sources)
        slug = values.pop("slug")
        if "minimum_hourly_pay" in values:
            values["minimum_hourly_pay"] = Decimal(values["minimum_hourly_pay"])
        _upsert(outcomes, RoleStandard, {"slug": slug}, {**values, "order": order})


def source_of(citation: str, sources) -> tuple[SourceDocument, str]:
    """Split a ruleset `source` into document and section.

    A source cites its document as a reader would, "Publisher, Title (year), section"
    (e.g. "Transcom, Transcom Brief: Certified Peer Specialists (2019), Certified Peer
    Specialist Role and Settings"); the document is the one whose seeded title it
    names (a curator's later edit of the title does not change which one it is).
    """
    items = sorted(seed_content.SOURCES, key=lambda item: len(item["title"]), reverse=True)
    for item in items:
        at = citation.find(item["title"])
        if at < 0:
            continue
        rest = citation[at + len(item["title"]) :]
        if year := _CITED_YEAR.match(rest):
            rest = rest[year.end() :]
        return sources[item["key"]], rest.strip(" ,;:-–—")
    raise ValueError(
        f"ruleset source names no source document by its title: {citation!r} "
        '(write it as "Publisher, Title (year), section")'
    )


def seed_prohibited_tasks(ruleset: dict, sources, outcomes):
    ethics_by_number = {principle.number: principle for principle in EthicsPrinciple.objects.all()}
    for order, (slug, rule) in enumerate(ruleset.get("tasks", {}).items(), start=1):
        document, section = source_of(rule.get("source", ""), sources)
        values = {
            "title": rule["title"],
            "job_description_examples": "\n".join(rule.get("must_flag", [])[:EXAMPLES_SHOWN]),
            "why_it_conflicts": rule.get("reason", ""),
            "permitted_instead": rule.get("suggestion", ""),
            "source_document_id": document.pk,
            "source_section": section,
            "source_quote": rule.get("source_quote", ""),
            "order": order,
        }
        if "covers" in rule:
            values["covers"] = rule["covers"]
        task, outcome = _upsert(outcomes, ProhibitedTask, {"slug": slug}, values)
        if outcome != "kept curator edit":
            # Items not yet in the database (curators add them) are simply absent.
            task.ethics.set(
                [ethics_by_number[n] for n in rule.get("ethics", []) if n in ethics_by_number]
            )
        # The checker's rule is a record of its own: a curator may have edited
        # the rule and not the task, or the other way round.
        _upsert(
            outcomes,
            TaskRule,
            {"task": task},
            {**rule_values(rule), "status": TaskRule.Status.ACTIVE},
        )


def seed_employer_questions(sources, outcomes):
    """The questions, each tied to its task or role standard; a question whose task the
    ruleset does not have (a test ruleset, a task curators removed) is left out."""
    tasks = {task.slug: task for task in ProhibitedTask.objects.all()}
    standards = {standard.slug: standard for standard in RoleStandard.objects.all()}
    for order, item in enumerate(seed_questions.EMPLOYER_QUESTIONS, start=1):
        values = _cited(item, sources)
        slug, task_slug = values.pop("slug"), values.pop("task", None)
        if task_slug is not None and task_slug not in tasks:
            continue
        values["task"] = tasks.get(task_slug)
        values["role_standard"] = standards.get(values.pop("role_standard", None))
        values.setdefault("element", "")
        _upsert(outcomes, EmployerQuestion, {"slug": slug}, {**values, "order": order})
