import secrets

from django import forms
from django.conf import settings

from jdcheck.extract import ACCEPTED_EXTENSIONS, ExtractionError, extract_text, too_long_message
from jdcheck.text import single_line
from portal.text_input import LineField, TextField
from workspace.models import (
    PEOPLE_SERVED_TOO_FEW,
    Invitation,
    JobDescription,
    Organization,
    Role,
)

UPLOAD_HELP = (
    "A .docx, .pdf or .txt file of at most 5 MB. Leave names and details of people "
    "served out of it: the portal never needs personal health information."
)
MAX_COMMENT_CHARS = 5_000


class DescriptionTextForm(forms.Form):
    """A job description pasted or uploaded; `cleaned_data["text"]` is the text either way.

    Both are normalised the same way (jdcheck.text.normalise_text) and capped at
    settings.CHECK_MAX_CHARS. Extraction errors, oversize uploads and over-long
    text become form errors that say what to do.
    """

    text = TextField(
        label="Paste the job description",
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
    )
    file = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text=UPLOAD_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.original_filename = ""
        # No maxlength on the textarea: a browser would cut a long paste without a word.
        self.fields["text"].help_text = (
            f"At most {settings.CHECK_MAX_CHARS:,} characters; a job description is "
            "usually 3,000 to 15,000."
        )

    def clean(self):
        cleaned = super().clean()
        if self.request is not None and getattr(self.request, "upload_too_large", False):
            raise forms.ValidationError(
                "The file is larger than 5 MB. Save a smaller copy (text only) or paste the text."
            )
        upload = cleaned.get("file")
        text = (cleaned.get("text") or "").strip()
        if upload and text:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if upload:
            filename = single_line(upload.name)
            try:
                text = extract_text(upload.read(), filename, max_chars=settings.CHECK_MAX_CHARS)
            except ExtractionError as error:
                self.add_error("file", error.message)
                return cleaned
            self.original_filename = filename[:255]
        elif len(text) > settings.CHECK_MAX_CHARS:
            self.add_error("text", too_long_message(settings.CHECK_MAX_CHARS))
            return cleaned
        if not text.strip():
            if not self.errors:
                raise forms.ValidationError("Paste the job description's text or upload a file.")
            return cleaned
        cleaned["text"] = text
        return cleaned


def new_submission_token() -> str:
    return secrets.token_urlsafe(24)


class SubmissionForm(DescriptionTextForm):
    """A description submitted to the workspace; the hidden one-time token makes a
    repeated post of the same form (a double click, a reload) return the first result."""

    submission_token = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=64, initial=new_submission_token
    )


class JobDescriptionForm(SubmissionForm):
    title = LineField(label="Job title", max_length=200)
    setting_type = forms.ChoiceField(
        label="Setting of this role",
        choices=[("", "Same as the organization")] + list(JobDescription._meta.get_field(
            "setting_type").choices),
        required=False,
    )
    field_order = ["title", "setting_type", "text", "file"]


class OrganizationForm(forms.ModelForm):
    """The organization's details; the staffing figures' bounds are the model's validators."""

    class Meta:
        model = Organization
        fields = ["name", "setting_type", "region", "people_served", "peer_fte",
                  "statewide_opt_out"]
        labels = {"name": "Organization name", "setting_type": "Main setting"}
        field_classes = {"name": LineField}
        # The form's own "not negative" check, in the same words as the model's.
        error_messages = {"people_served": {"min_value": PEOPLE_SERVED_TOO_FEW}}


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]
        labels = {"email": "Colleague's email address"}


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=Role.choices)


class DisputeForm(forms.Form):
    comment = TextField(label="Why does this duty fit the peer role?", required=False,
                        max_length=MAX_COMMENT_CHARS)


class OrganizationDeleteForm(forms.Form):
    """Deleting cannot be undone: the admin types the organization's name to confirm."""

    name = forms.CharField(label="Type the organization's name to confirm", max_length=200)

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization

    def clean_name(self):
        name = self.cleaned_data["name"]
        if " ".join(name.split()).casefold() != " ".join(self.organization.name.split()).casefold():
            raise forms.ValidationError(
                f"That is not the organization's name. Type “{self.organization.name}” "
                "exactly to delete it, or go back to keep it."
            )
        return name
