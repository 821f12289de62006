"""No inline script or style in our templates: the CSP forbids them, so they would break."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Template tags and variables are replaced by a placeholder, so the parser reads the markup.
TEMPLATE_SYNTAX = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.DOTALL)


class InlineCode(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        line = self.getpos()[0]
        if tag == "script" and "src" not in attributes:
            if attributes.get("type") != "application/json":
                self.problems.append(f"line {line}: inline <script>")
        if tag == "style":
            self.problems.append(f"line {line}: <style> block")
        for name in attributes:
            if name == "style":
                self.problems.append(f"line {line}: style= attribute on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"line {line}: inline event handler {name}= on <{tag}>")


def inline_code(markup: str) -> list[str]:
    parser = InlineCode()
    parser.feed(TEMPLATE_SYNTAX.sub(" ", markup))
    parser.close()
    return parser.problems


HTML_TEMPLATES = sorted(TEMPLATES.rglob("*.html"))


def test_the_scan_finds_templates():
    assert len(HTML_TEMPLATES) > 20


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        '<p style="color: red">x</p>',
        "<style>p { color: red }</style>",
        '<button onclick="go()">Go</button>',
        '<div {% if a %}style="display:none"{% endif %}>x</div>',
    ],
)
def test_the_scan_catches_inline_code(markup):
    assert inline_code(markup)


@pytest.mark.parametrize(
    "markup",
    [
        '<script src="/static/js/app.js"></script>',
        '<script type="application/json" id="data">{"a": 1}</script>',
        '<p class="styled">style= in text is fine</p>',
    ],
)
def test_the_scan_allows_external_scripts_and_json_data(markup):
    assert inline_code(markup) == []


@pytest.mark.parametrize("template", HTML_TEMPLATES, ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_has_no_inline_script_or_style(template):
    assert inline_code(template.read_text(encoding="utf-8")) == []
