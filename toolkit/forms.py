from django import forms

from toolkit.models import Audience, Document, Topic


class DocumentFilterForm(forms.Form):
    """GET filters for the document list; they combine, and the URL can be shared."""

    topic = forms.ModelChoiceField(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All topics",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    audience = forms.ModelChoiceField(
        queryset=Audience.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Everyone",
        label="Written for",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    kind = forms.ChoiceField(
        choices=[("", "All kinds"), *Document.Kind.choices],
        required=False,
        label="Kind",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def filter(self, documents):
        """Apply every filter that is valid; an unknown value is reported, not fatal."""
        self.is_valid()
        values = getattr(self, "cleaned_data", {})
        if values.get("topic"):
            documents = documents.filter(topics=values["topic"])
        if values.get("audience"):
            documents = documents.filter(audiences=values["audience"])
        if values.get("kind"):
            documents = documents.filter(kind=values["kind"])
        return documents

    def active_filters(self):
        """(label, value) pairs of the filters in use, for the "no results" advice."""
        values = getattr(self, "cleaned_data", {})
        return [
            (self.fields[name].label or name.title(), self._display(name, values[name]))
            for name in ("topic", "audience", "kind")
            if values.get(name)
        ]

    def _display(self, name, value):
        return Document.Kind(value).label if name == "kind" else str(value)
