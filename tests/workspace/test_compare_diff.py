"""The compare view's text diff: lines first, then words inside reworded lines."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from workspace import services
from workspace.compare import text_diff

OLD = ("Duties:\n"
       "- Drive members to appointments.\n"
       "- Pass medications during the evening med pass.\n"
       "- Write progress notes in the EHR after each contact.\n"
       "- Share lived experience of recovery.\n")


def changes(old, new):
    return [(chunk.kind, chunk.text) for chunk in text_diff(old, new) if chunk.kind != "equal"]


def test_deleting_a_whole_bullet_strikes_that_bullet_alone():
    new = OLD.replace("- Pass medications during the evening med pass.\n", "").replace(
        "- Write progress notes in the EHR", "- Write notes with the person")
    assert changes(OLD, new) == [
        ("delete", "- Pass medications during the evening med pass.\n"),
        ("delete", "progress "), ("delete", "in "), ("insert", "with "),
        ("delete", "EHR "), ("insert", "person "),
    ]


def test_a_reworded_line_is_compared_with_its_new_wording_word_by_word():
    new = OLD.replace("- Pass medications during the evening med pass.",
                      "- Support members during the evening routine.").replace(
        "- Share lived", "- Answer phones at the front desk.\n- Share lived")
    diff = text_diff(OLD, new)
    # The reworded line keeps its shared words in place, on its own line...
    rendered = "".join(
        {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}[chunk.kind].format(chunk.text)
        for chunk in diff
    )
    assert "- [-Pass medications -]{+Support members +}during the evening [-med pass.-]" \
           "{+routine.+}\n" in rendered
    # ...and the added bullet is inserted whole.
    assert "{+- Answer phones at the front desk.\n+}- Share lived" in rendered


def test_a_line_replaced_by_unlike_lines_is_deleted_and_the_new_ones_inserted_whole():
    old = "- Pass medications.\n- Chart.\n"
    new = "- Lead a recovery group.\n- Support people to find housing.\n- Chart.\n"
    assert changes(old, new) == [
        ("delete", "- Pass medications.\n"),
        ("insert", "- Lead a recovery group.\n- Support people to find housing.\n"),
    ]


LINES = st.lists(st.sampled_from(["- a b c", "- a b d", "- x y", "", "- x y z w"]), max_size=8)


@given(LINES, LINES)
def test_a_change_that_spans_a_line_break_is_made_of_whole_lines(old_lines, new_lines):
    old, new = ("".join(f"{line}\n" for line in lines) for lines in (old_lines, new_lines))
    chunks = text_diff(old, new)
    assert "".join(c.text for c in chunks if c.kind != "insert") == old
    assert "".join(c.text for c in chunks if c.kind != "delete") == new
    at = {"delete": 0, "insert": 0}
    for chunk in chunks:
        for kind, text in (("delete", old), ("insert", new)):
            if chunk.kind in (kind, "equal"):
                start = at[kind]
                at[kind] += len(chunk.text)
                if chunk.kind == kind and "\n" in chunk.text.rstrip("\n"):
                    assert start == 0 or text[start - 1] == "\n", (chunk, old, new)


@pytest.mark.django_db
def test_the_compare_page_strikes_the_deleted_bullet_and_not_the_next(client, submission,
                                                                       admin_user):
    job_description = submission.job_description
    version_1 = services.version_submit(job_description=job_description, user=admin_user,
                                        text=OLD)
    services.version_submit(job_description=job_description, user=admin_user, text=OLD.replace(
        "- Pass medications during the evening med pass.\n", ""
    ).replace("after each contact", "after each visit"))
    client.force_login(admin_user)
    page = client.get(reverse("workspace:compare", args=[job_description.pk])
                      + f"?from={version_1.number}&to={version_1.number + 1}").content.decode()
    diff = page.split('class="jd-text diff">')[1].split("</div>")[0]
    assert ('<del><span class="visually-hidden">removed: </span>- Pass medications during the '
            'evening med pass.\n</del>- Write progress notes in the EHR after each ') in diff
