import secrets

from django import forms

from jdcheck.extract import ACCEPTED_EXTENSIONS, MAX_TEXT_CHARS, ExtractionError, extract_text
from workspace.models import Invitation, JobDescription, Organization, Role

UPLOAD_HELP = (
    "A .docx, .pdf or .txt file of at most 5 MB. Leave names and details of people "
    "served out of it: the portal never needs personal health information."
)


class DescriptionTextForm(forms.Form):
    """A job description pasted or uploaded; `cleaned_data["text"]` is the text either way.

    Extraction errors and oversize uploads become form errors that say what to do.
    """

    text = forms.CharField(
        label="Paste the job description",
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        max_length=MAX_TEXT_CHARS,
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

    def clean(self):
        cleaned = super().clean()
        if self.request is not None and getattr(self.request, "upload_too_large", False):
            raise forms.ValidationError(
                "The file is larger than 5 MB. Save a smaller copy (text only) or paste the text."
            )
        upload = cleaned.get("file")
        # Browsers submit a textarea's lines with CRLF; store \n like extracted files, so a
        # revision pasted or edited in the page compares word for word with the last version.
        text = (cleaned.get("text") or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        if upload and text:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if upload:
            try:
                text = extract_text(upload.read(), upload.name)
            except ExtractionError as error:
                self.add_error("file", error.message)
                return cleaned
            self.original_filename = upload.name[:255]
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
    title = forms.CharField(label="Job title", max_length=200)
    setting_type = forms.ChoiceField(
        label="Setting of this role",
        choices=[("", "Same as the organization")] + list(JobDescription._meta.get_field(
            "setting_type").choices),
        required=False,
    )
    field_order = ["title", "setting_type", "text", "file"]


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "setting_type", "region", "people_served", "peer_fte"]
        labels = {"name": "Organization name", "setting_type": "Main setting"}


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]
        labels = {"email": "Colleague's email address"}


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=Role.choices)
