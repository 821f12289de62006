"""CSRF protection on every URL: a POST without the token is refused, wherever it goes."""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from tests.workspace.conftest import SAMPLE_JD

pytestmark = pytest.mark.django_db

CSRF_FAILURE = "CSRF verification failed"
# Values for the URL parameters. The CSRF check runs before the view, so the
# objects need not exist; the path only has to resolve to the pattern.
CONVERTER_VALUES = {"int": "1", "slug": "x", "str": "x", "path": "x", "uuid": "0" * 32}
REGEX_GROUP_VALUES = {"uidb36": "1a", "key": "abc", "app_label": "auth", "url": "x"}
ROUTE_PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")
REGEX_GROUP = re.compile(r"\((?:\?P<(\w+)>)?[^()]*\)")


def every_pattern(patterns=None, prefix=""):
    """The full pattern of every URL the project serves, walking includes."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from every_pattern(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def concrete_path(pattern: str) -> str:
    path = REGEX_GROUP.sub(lambda m: REGEX_GROUP_VALUES.get(m.group(1), "1"), pattern)
    path = ROUTE_PARAMETER.sub(lambda m: CONVERTER_VALUES[m.group(1) or "str"], path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


def concrete_paths():
    paths, unresolved = {}, []
    for pattern in every_pattern():
        path = concrete_path(pattern)
        try:
            match = resolve(path)
        except Resolver404:
            unresolved.append(pattern)
            continue
        if match.route.replace("^", "") == pattern.replace("^", ""):
            paths[path] = pattern
        else:
            unresolved.append(pattern)
    return paths, unresolved


def test_every_url_pattern_is_probed():
    paths, unresolved = concrete_paths()
    assert unresolved == []
    # The ones that matter most are in the set: workspace, quick check, accounts, admin.
    probed = set(paths.values())
    for expected in ("check/", "accounts/login/", "accounts/signup/", "accounts/logout/",
                     "accounts/password/reset/", "workspace/findings/<int:pk>/dispute/",
                     "workspace/curation/versions/<int:pk>/"):
        assert expected in probed
    assert any(pattern.startswith("curate/") for pattern in probed)


def test_post_without_a_csrf_token_is_refused_everywhere(member_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_user)  # a signed-in victim, as in a real CSRF attack
    paths, _ = concrete_paths()
    accepted = []
    for path, pattern in paths.items():
        response = client.post(path, {"text": "x", "comment": "x", "email": "a@example.org"})
        if response.status_code != 403 or CSRF_FAILURE not in response.content.decode():
            accepted.append((pattern, response.status_code))
    assert accepted == []


def token_client(url, user=None) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    if user:
        client.force_login(user)
    client.get(url)
    return client, client.cookies["csrftoken"].value


def test_quick_check_post_with_the_token_goes_through():
    client, token = token_client("/check/")
    response = client.post("/check/", {"text": SAMPLE_JD, "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "duties conflict with the CPS role" in response.content.decode()


def test_workspace_post_with_the_token_goes_through(submission, admin_user):
    finding = submission.reviews.get().findings.first()
    client, token = token_client(submission.get_absolute_url(), admin_user)
    response = client.post(
        f"/workspace/findings/{finding.pk}/dispute/",
        {"comment": "Our notes are co-written.", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert finding.disputes.count() == 1
