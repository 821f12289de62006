"""Search provider for the standards (see portal.search)."""

from portal.search import SearchHit, ranked, snippet
from standards.models import (
    Competency,
    CompetencyFramework,
    EthicsPrinciple,
    ProhibitedTask,
    RoleStandard,
)

# Weighted fields per model: A title, B summary, C body. The PostgreSQL GIN
# indexes in migrations/0003_search_indexes.py are built on these same vectors.
TASK_FIELDS = {
    "A": ("title",),
    "B": ("covers",),
    "C": ("why_it_conflicts", "permitted_instead", "job_description_examples", "source_quote"),
}
ETHICS_FIELDS = {"A": ("title",), "B": ("summary",), "C": ("body",)}
STANDARD_FIELDS = {"A": ("title",), "B": ("summary",), "C": ("body", "source_quote")}
FRAMEWORK_FIELDS = {"A": ("name", "short_name"), "B": ("description",)}
COMPETENCY_FIELDS = {"A": ("name",), "B": ("description",)}


def search(query: str, user) -> list[SearchHit]:
    hits = []
    tasks = ProhibitedTask.objects.visible_to(user)
    for task, rank in ranked(tasks, TASK_FIELDS, query):
        text = " ".join(
            [task.covers, task.why_it_conflicts, task.permitted_instead, task.source_quote]
        )
        hits.append(_hit(task.title, task, text, query, "Task that undermines the role", rank))

    for principle, rank in ranked(EthicsPrinciple.objects.visible_to(user), ETHICS_FIELDS, query):
        title = f"Code of Ethics #{principle.number}: {principle.title}"
        text = " ".join([principle.summary, principle.body])
        hits.append(_hit(title, principle, text, query, "Code of Ethics", rank))

    for standard, rank in ranked(RoleStandard.objects.visible_to(user), STANDARD_FIELDS, query):
        text = " ".join([standard.summary, standard.body])
        hits.append(_hit(standard.title, standard, text, query, "Role standard", rank))

    frameworks = CompetencyFramework.objects.visible_to(user)
    for framework, rank in ranked(frameworks, FRAMEWORK_FIELDS, query):
        hits.append(
            _hit(
                framework.name,
                framework,
                framework.description,
                query,
                "Competency framework",
                rank,
            )
        )

    competencies = Competency.objects.filter(framework__in=frameworks).select_related("framework")
    for competency, rank in ranked(competencies, COMPETENCY_FIELDS, query):
        text = competency.description or competency.framework.name
        hits.append(_hit(competency.name, competency, text, query, "Competency", rank))
    return hits


def _hit(title, record, text, query, kind, rank) -> SearchHit:
    return SearchHit(
        title=title,
        url=record.get_absolute_url(),
        snippet=snippet(text, query),
        kind=kind,
        rank=rank,
        slug=getattr(record, "slug", ""),
    )
