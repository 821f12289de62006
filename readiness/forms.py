"""A member's answers: a rating and an optional evidence note per statement."""

from django import forms

from readiness.models import Rating

NOTE_MAX = 2000
OVERRIDE_NEEDS_NOTE = (
    "You rated this differently from what your organization's data propose "
    "({proposed}). Add a note saying why, or choose the proposed rating."
)


class AnswersForm(forms.Form):
    """Fields `rating-<id>` and `note-<id>` per statement; `proposals` maps a statement's
    proposal kind to readiness.proposals.Proposed."""

    def __init__(self, *args, statements, proposals, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = []
        for statement in statements:
            answer = answers.get(statement.pk)
            proposed = proposals.get(statement.proposal) if statement.proposal else None
            initial_rating = answer.rating if answer else (proposed.rating if proposed else "")
            self.fields[f"rating-{statement.pk}"] = forms.ChoiceField(
                label=statement.wording, choices=Rating.choices, required=False,
                widget=forms.RadioSelect, initial=initial_rating,
            )
            self.fields[f"note-{statement.pk}"] = forms.CharField(
                label="Evidence note (optional)", required=False, max_length=NOTE_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=answer.note if answer else "",
            )
            self.items.append((statement, proposed))

    def clean(self):
        data = super().clean()
        for statement, proposed in self.items:
            rating = data.get(f"rating-{statement.pk}")
            note = (data.get(f"note-{statement.pk}") or "").strip()
            if proposed and rating and rating != proposed.rating and not note:
                self.add_error(f"note-{statement.pk}",
                               OVERRIDE_NEEDS_NOTE.format(proposed=proposed.rating_label))
        return data

    def answers(self) -> dict:
        """{statement: (rating, note, proposed rating)} for services.answers_save."""
        return {
            statement: (
                self.cleaned_data.get(f"rating-{statement.pk}") or "",
                (self.cleaned_data.get(f"note-{statement.pk}") or "").strip(),
                proposed.rating if proposed else "",
            )
            for statement, proposed in self.items
        }

    def rows(self):
        """(statement, proposed, rating field, note field) for the template, by section."""
        return [
            (statement, proposed, self[f"rating-{statement.pk}"], self[f"note-{statement.pk}"])
            for statement, proposed in self.items
        ]
