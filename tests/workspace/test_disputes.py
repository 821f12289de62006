""""We disagree": recorded, edited and withdrawn, and the page comes back to the finding."""

import html
import re

import pytest
from django.urls import reverse

from workspace import services
from workspace.models import FindingDispute
from workspace.selectors import finding_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def notes(submission):
    return submission.reviews.get().findings.get(task="routine_notes")


def finding_item(page: str, number: int) -> str:
    return page.split(f'<li id="finding-{number}"')[1].split("</li>")[0]


def post_and_follow(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302
    return response.url, client.get(response.url).content.decode()


def test_recording_returns_to_the_same_page_at_the_finding_with_the_notice_there(
    client, submission, notes, admin_user
):
    client.force_login(admin_user)
    number = finding_number(notes)
    url, page = post_and_follow(client, reverse("workspace:finding_dispute", args=[notes.pk]), {
        "comment": "Peers co-write these notes with the person.",
        "return_to": submission.get_absolute_url(),
    })
    assert url == f"{submission.get_absolute_url()}#finding-{number}"
    item = finding_item(page, number)
    assert re.search(r'<p class="alert alert-success finding-notice" role="status">'
                     r"Your disagreement was recorded; curators will see it.</p>", item)
    assert "Your disagreement was recorded" not in page.split('<main')[1].split("<h1")[0]
    # The form is closed after use: no <details> on the page is open, and the new-dispute
    # form has given way to the edit form of one's own disagreement.
    assert "<details open" not in page and " open>" not in item
    assert "We disagree with this finding" not in item
    assert "Edit or withdraw your disagreement" in item
    # The notice is shown once: the next visit has none.
    assert "finding-notice" not in client.get(submission.get_absolute_url()).content.decode()


def test_an_empty_comment_is_refused_at_the_finding_with_what_to_do(client, submission, notes,
                                                                     admin_user):
    client.force_login(admin_user)
    _, page = post_and_follow(client, reverse("workspace:finding_dispute", args=[notes.pk]),
                              {"comment": "  ", "return_to": submission.get_absolute_url()})
    item = html.unescape(finding_item(page, finding_number(notes)))
    assert "alert-danger finding-notice" in item and "Say briefly why you disagree" in item
    assert not FindingDispute.objects.exists()


def test_a_forged_return_address_falls_back_to_the_review(client, notes, admin_user):
    client.force_login(admin_user)
    response = client.post(reverse("workspace:finding_dispute", args=[notes.pk]),
                           {"comment": "Ours.", "return_to": "https://evil.example/"})
    assert response.url == f"{notes.review.get_absolute_url()}#finding-{finding_number(notes)}"


def test_one_can_edit_ones_own_disagreement_and_the_report_shows_the_new_wording(
    client, submission, notes, admin_user
):
    dispute = services.finding_dispute(finding=notes, user=admin_user, comment="First try.")
    client.force_login(admin_user)
    assert "First try." in client.get(submission.get_absolute_url()).content.decode()  # cached
    _, page = post_and_follow(client, reverse("workspace:dispute_change", args=[dispute.pk]), {
        "action": "save", "comment": "Notes are the person's own.",
        "return_to": submission.get_absolute_url(),
    })
    item = html.unescape(finding_item(page, finding_number(notes)))
    assert "Notes are the person's own." in item and "First try." not in item
    assert "Your disagreement was updated" in item
    dispute.refresh_from_db()
    assert dispute.comment == "Notes are the person's own."


def test_saying_we_disagree_again_replaces_ones_earlier_comment(notes, admin_user):
    services.finding_dispute(finding=notes, user=admin_user, comment="One.")
    services.finding_dispute(finding=notes, user=admin_user, comment="Two.")
    assert list(notes.disputes.values_list("comment", flat=True)) == ["Two."]


def test_one_can_withdraw_ones_own_disagreement(client, submission, notes, admin_user):
    dispute = services.finding_dispute(finding=notes, user=admin_user, comment="Mistaken.")
    client.force_login(admin_user)
    _, page = post_and_follow(client, reverse("workspace:dispute_change", args=[dispute.pk]), {
        "action": "withdraw", "comment": "", "return_to": submission.get_absolute_url(),
    })
    item = finding_item(page, finding_number(notes))
    assert "Your disagreement was withdrawn." in item and "Mistaken." not in item
    assert "We disagree with this finding" in item
    assert not FindingDispute.objects.exists()


def test_a_colleagues_disagreement_shows_without_edit_forms(client, submission, notes,
                                                             admin_user, member_user):
    dispute = services.finding_dispute(finding=notes, user=admin_user, comment="Admin's view.")
    client.force_login(member_user)
    item = html.unescape(finding_item(client.get(submission.get_absolute_url()).content.decode(),
                                      finding_number(notes)))
    assert "Admin's view." in item
    assert "Edit or withdraw" not in item and "We disagree with this finding" in item
    response = client.post(reverse("workspace:dispute_change", args=[dispute.pk]),
                           {"action": "withdraw"})
    assert response.status_code == 404
    assert FindingDispute.objects.filter(pk=dispute.pk).exists()
