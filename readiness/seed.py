"""Seeds the readiness instrument (readiness.seed_content); called by `manage.py seed`
after the standards and the toolkit, whose records it links to.

Idempotent, and a record a curator has edited is left as it is
(portal.content.upsert_seeded).
"""

from collections import Counter

from portal.content import upsert_seeded
from readiness import seed_content
from readiness.models import Section, Statement
from standards.models import RoleStandard, SourceDocument
from toolkit.models import Document

# Fields a statement may leave out, so that dropping one from the content clears it.
STATEMENT_DEFAULTS = {
    "prohibited_tasks": False, "proposal": "",
    "level_not_in_place": "", "level_partly": "", "level_fully": "",
}


def run(stdout):
    outcomes = Counter()
    sections = {}
    for order, item in enumerate(seed_content.SECTIONS, start=1):
        values = dict(item)
        slug, guides = values.pop("slug"), values.pop("guides")
        section, outcome = upsert_seeded(Section, {"slug": slug}, {**values, "order": order})
        outcomes[outcome] += 1
        if outcome != "kept curator edit":
            documents = list(Document.objects.filter(slug__in=guides))
            if missing := set(guides) - {document.slug for document in documents}:
                raise ValueError(f"Readiness section {slug!r} names unknown guides: {missing}")
            section.guides.set(documents)
        sections[slug] = section
    sources = {source.key: source for source in SourceDocument.objects.all()}
    standards = {standard.slug: standard for standard in RoleStandard.objects.all()}
    orders = Counter()
    for item in seed_content.STATEMENTS:
        values = {**STATEMENT_DEFAULTS, **item}
        slug, section = values.pop("slug"), sections[values.pop("section")]
        orders[section.slug] += 1
        values.update(
            section=section,
            order=orders[section.slug],
            source_document=sources[values.pop("source")],
            role_standard=standards.get(values.pop("role_standard", None)),
        )
        outcomes[upsert_seeded(Statement, {"slug": slug}, values)[1]] += 1
    summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
    stdout.write(f"readiness: {summary}.")
