"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

The browser is never downloaded: it is the `chromium` Debian package, which
`bin/install-system-test-deps` installs under CI. Without it the tests skip
locally and fail under CI. They run on one database only (SQLite): on
PostgreSQL they are skipped, since they test the pages, not the database.
"""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
HERE = Path(__file__).resolve().parent
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
CSP_MESSAGE = re.compile(r"Content Security Policy", re.IGNORECASE)


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium against the live server")


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="browser tests run once, on SQLite")
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)
            if ON_POSTGRES:
                item.add_marker(skip)


def _unavailable(message: str):
    """Missing browser tooling skips a local run and fails a CI run."""
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{message} (CI must run the browser tests: run bin/install-system-test-deps)")
    pytest.skip(f"{message}; install it with: sudo apt-get install chromium")


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for all the browser tests.

    While Playwright's sync API is alive the main thread has a running event
    loop, so Django would refuse ORM calls from the tests; the flag allows them
    for this package only and is restored afterwards.
    """
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is missing")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class ContextFactory:
    """New browser contexts (separate cookie jars) that record CSP violations."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.contexts = []
        self.csp_violations = []

    def new_page(self, **context_options):
        context = self.browser.new_context(base_url=self.base_url, **context_options)
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        page = context.new_page()
        page.on("console", self._console)
        return page

    def _console(self, message):
        if message.type == "error" and CSP_MESSAGE.search(message.text):
            self.csp_violations.append(message.text)

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def contexts(browser, live_server):
    factory = ContextFactory(browser, live_server.url)
    yield factory
    factory.close()
    assert not factory.csp_violations, "Content Security Policy violations:\n" + "\n".join(
        factory.csp_violations
    )


@pytest.fixture
def page(contexts):
    """A page in a fresh context (no cookies) on the live server, at 1280×900."""
    return contexts.new_page(viewport={"width": 1280, "height": 900})


@pytest.fixture
def seeded(transactional_db):
    """The standards and toolkit content, as `manage.py seed` creates it."""
    call_command("seed", verbosity=0)


@pytest.fixture
def screenshot(request):
    """`screenshot(page)` saves the page as test-results/<name>.png for a person to look at."""

    def save(page, name: str | None = None):
        RESULTS.mkdir(exist_ok=True)
        name = name or request.node.name.removeprefix("test_")
        page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)

    return save
