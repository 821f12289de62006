"""The security headers and cookie flags of production-settings responses."""

import json
import subprocess
import sys

import pytest

from tests.portal.test_deploy import ROOT, production_env

PUBLIC_AND_WORKSPACE = ["home", "standards", "quick_check", "search", "login", "organization",
                        "report"]
ONE_YEAR = 60 * 60 * 24 * 365


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("probe")
    env = production_env(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'probe.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "-m", "tests.security.production_probe"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def csp(page) -> dict[str, list[str]]:
    directives = {}
    for part in page["headers"]["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_the_probed_pages_rendered(pages):
    for name in PUBLIC_AND_WORKSPACE + ["admin"]:
        assert pages[name]["status"] == 200, (name, pages[name]["location"])
    assert pages["login_post"]["status"] == 302


def test_plain_http_is_redirected_to_https(pages):
    assert pages["plain_http"]["status"] == 301
    assert pages["plain_http"]["location"].startswith("https://")


@pytest.mark.parametrize("name", PUBLIC_AND_WORKSPACE)
def test_csp_allows_no_inline_script_or_style_on_public_and_workspace_pages(pages, name):
    policy = csp(pages[name])
    for directive in ("default-src", "script-src", "style-src"):
        assert policy[directive] == ["'self'"], (directive, policy[directive])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_admin_exception_is_inline_styles_only(pages):
    policy = csp(pages["admin"])
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-eval'" not in " ".join(sum(policy.values(), []))


@pytest.mark.parametrize("name", PUBLIC_AND_WORKSPACE + ["admin"])
def test_every_page_sends_the_security_headers(pages, name):
    headers = pages[name]["headers"]
    hsts = [item.strip() for item in headers["Strict-Transport-Security"].split(";")]
    assert int(hsts[0].removeprefix("max-age=")) >= ONE_YEAR
    assert "includeSubDomains" in hsts
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_session_cookie_is_secure_httponly_samesite_and_expires(pages):
    session = pages["login_post"]["cookies"]["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"
    # Without "remember me" the cookie ends with the browser session; with it, in two weeks.
    assert session["max-age"] == "" or 0 < int(session["max-age"]) <= 60 * 60 * 24 * 14


def test_csrf_cookie_is_secure_and_samesite(pages):
    csrf = pages["login"]["cookies"]["csrftoken"]
    assert csrf["secure"]
    assert csrf["samesite"] == "Lax"


@pytest.mark.parametrize("name", ["organization", "report"])
def test_private_pages_are_never_stored_in_production(pages, name):
    directives = {part.strip() for part in pages[name]["headers"]["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
