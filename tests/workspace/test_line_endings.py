from workspace.forms import DescriptionTextForm


def test_pasted_text_is_stored_with_unix_line_endings_as_browsers_send_crlf():
    form = DescriptionTextForm({"text": "Peer Specialist\r\n\r\n- Share lived experience.\r\n"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["text"] == "Peer Specialist\n\n- Share lived experience."
