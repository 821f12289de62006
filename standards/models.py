"""The standards of the CPS role: sources, Code of Ethics items, competency
frameworks, role (fidelity) standards and the tasks that undermine the role."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from portal.content import PublishedContent


class SourceDocument(models.Model):
    """A document the portal's content is drawn from; every record cites one."""

    key = models.SlugField(unique=True, help_text="Short stable name, e.g. 004 or samhsa-2015.")
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    file_name = models.CharField(max_length=100, blank=True, help_text="File in the seeds folder.")
    url = models.URLField(blank=True)
    note = models.CharField(max_length=300, blank=True, help_text="E.g. where an archived copy is.")
    edited_by_curator = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return f"{self.title} ({self.year})" if self.year else self.title


class Cited(models.Model):
    """Where a record's content comes from."""

    source_document = models.ForeignKey(SourceDocument, on_delete=models.PROTECT)
    source_section = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True


class EthicsPrinciple(Cited, PublishedContent):
    """An item of the Massachusetts CPS Code of Ethics."""

    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="Plain-language summary.")
    body = models.TextField(blank=True)
    verified = models.BooleanField(
        default=False,
        help_text="Set once the number and title are checked against the official text.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"#{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("standards:code_of_ethics") + "#" + self.anchor

    @property
    def anchor(self):
        return f"item-{self.number}"


class CompetencyFramework(Cited, PublishedContent):
    """A published set of peer competencies, values or domains."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=300)
    short_name = models.CharField(max_length=60)
    publisher = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("standards:framework", args=[self.slug])


class Competency(models.Model):
    """One category, value, domain or principle of a framework, in the framework's order."""

    class Kind(models.TextChoices):
        CATEGORY = "category", "Category"
        PRINCIPLE = "principle", "Foundational principle"
        VALUE = "value", "Core value"
        DOMAIN = "domain", "Domain"

    framework = models.ForeignKey(
        CompetencyFramework, on_delete=models.CASCADE, related_name="competencies"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(help_text="Position in the framework's own list.")
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    edited_by_curator = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework__order", "kind", "number"]
        verbose_name_plural = "competencies"
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "kind", "number"], name="unique_competency_position"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.framework.get_absolute_url() + "#" + self.anchor

    @property
    def anchor(self):
        return f"{self.kind}-{self.number}"

    @property
    def kind_heading(self):
        return KIND_HEADINGS[self.kind]


KIND_HEADINGS = {
    Competency.Kind.CATEGORY: "Categories",
    Competency.Kind.PRINCIPLE: "Foundational principles",
    Competency.Kind.VALUE: "Core values",
    Competency.Kind.DOMAIN: "Domains",
}


class RoleStandard(Cited, PublishedContent):
    """A fidelity standard of the role, with its figures as fields."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    source_quote = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    figure_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year the figures below were set."
    )
    people_served_per_fte = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="People receiving supports per peer FTE."
    )
    networking_time_below_fte = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Below this many peer FTE, paid networking time is required.",
    )
    minimum_hourly_pay = models.DecimalField(
        max_digits=6, decimal_places=2, null=True, blank=True, help_text="US dollars per hour."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("standards:role_standard", args=[self.slug])


class ProhibitedTask(Cited, PublishedContent):
    """A task that undermines the peer role; its slug is the checker's category."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    covers = models.TextField(blank=True, help_text="What the task covers.")
    job_description_examples = models.TextField(
        blank=True, help_text="How it looks in a job description: one example per line."
    )
    why_it_conflicts = models.TextField(blank=True)
    permitted_instead = models.TextField(blank=True)
    ethics = models.ManyToManyField(EthicsPrinciple, blank=True, related_name="prohibited_tasks")
    source_quote = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords(m2m_fields=[ethics])

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("standards:task", args=[self.slug])

    @property
    def examples(self):
        return [line.strip() for line in self.job_description_examples.splitlines() if line.strip()]

    @property
    def reason_line(self) -> str:
        """Why it conflicts, in one line: the first sentence of `why_it_conflicts`, so that
        a curator's edit of the reason is the list's line too."""
        return _SENTENCE_END.split(self.why_it_conflicts.strip(), maxsplit=1)[0]


# A sentence ends at . ! or ? followed by space and a capital (or an opening quote).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"(])")


class TaskRule(models.Model):
    """The checker's rule for a prohibited task: the task's table of the ruleset file.

    The task supplies the slug and title; everything else the checker reads is
    here. Patterns are in the phrase language (jdcheck.patterns); the examples
    run as tests on every save. Only active rules reach the checker.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        DRAFT = "draft", "Draft (not used by the checker)"

    task = models.OneToOneField(ProhibitedTask, on_delete=models.CASCADE, related_name="rule")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    triggers = models.JSONField(default=list, help_text="Phrases that flag the task.")
    permitted = models.JSONField(
        default=list, blank=True, help_text="Contexts that make the duty a permitted peer activity."
    )
    must_flag = models.JSONField(default=list, blank=True)
    must_not_flag = models.JSONField(default=list, blank=True)
    reason = models.TextField(help_text="Why the duty conflicts with the role (shown in findings).")
    suggestion = models.TextField(blank=True, help_text="What the peer can do instead.")
    ethics = models.JSONField(default=list, blank=True, help_text="Code of Ethics item numbers.")
    source = models.TextField(blank=True, help_text="Where the rule comes from, as cited in the file.")
    source_quote = models.TextField(blank=True)
    # How the task's matches behave among the others (jdcheck.ruleset.BEHAVIOUR_FIELDS).
    governs = models.JSONField(
        default=list, blank=True,
        help_text="Tasks whose later match in the same clause names this duty's object, "
        "not a duty of its own (\u201cReviews progress notes\u201d: the notes are read).",
    )
    governs_purpose = models.BooleanField(
        default=False,
        help_text="It governs only a purpose it states (\u201ca huddle to review the census\u201d).",
    )
    object_is_people = models.BooleanField(
        default=False,
        help_text="Its patterns end on the people acted upon; a possessor there "
        "(\u201cresidents\u2019 rooms\u201d) means the object is something else.",
    )
    flag_in_qualifications = models.BooleanField(
        default=False,
        help_text="Flagged even where the text asks for it as a qualification "
        "(\u201cMAP certification required\u201d).",
    )
    edited_by_curator = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The change note goes into history_change_reason; notes run longer than its default 100.
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ["task__order", "task__title"]
        verbose_name = "checker rule"

    def __str__(self):
        return f"Checker rule for {self.task}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class EmployerQuestion(Cited, PublishedContent):
    """A question a peer specialist offered a job could ask the employer, shown on a quick
    check's result when the check finds the question's task or misses its role element.
    Each restates a standard of a source, in plain words, and cites it."""

    class Element(models.TextChoices):
        # The checker's role elements (jdcheck.Elements) a question can be about.
        HOURLY_PAY = "hourly_pay", "Pay per hour at or above the minimum"
        PEER_SUPERVISION = "peer_supervision", "Supervision by someone trained in peer support"
        PAID_TRAINING = "paid_training", "Paid time for training or networking"

    slug = models.SlugField(unique=True)
    question = models.TextField(help_text="What to ask, in the peer specialist's words.")
    standard = models.TextField(help_text="The standard the question rests on, in plain words.")
    task = models.ForeignKey(
        ProhibitedTask, on_delete=models.CASCADE, null=True, blank=True,
        related_name="employer_questions", help_text="Asked when the check finds this task.",
    )
    element = models.CharField(
        max_length=20, choices=Element.choices, blank=True,
        help_text="Asked when the description misses this role element.",
    )
    role_standard = models.ForeignKey(
        RoleStandard, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="The role standard to link to (a task question links to its task).",
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(task__isnull=False) & models.Q(element=""))
                | (models.Q(task__isnull=True) & ~models.Q(element="")),
                name="employer_question_asked_for_a_task_or_an_element",
            )
        ]

    def __str__(self):
        return self.question

    def clean(self):
        if bool(self.task_id) == bool(self.element):
            raise ValidationError("Choose either a task or a role element the question is about.")

    @property
    def standard_url(self) -> str:
        standard = self.task or self.role_standard
        return standard.get_absolute_url() if standard else ""
