from toolkit.rendering import render_markdown

HOSTILE = """
## Section

Hello <script>alert("x")</script> world.

[click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)

<a href="https://example.org" onclick="steal()">fine link</a>
<img src="x.png" onerror="steal()">
<p onmouseover="steal()">hover</p>
"""


def test_script_elements_and_their_content_are_removed():
    html = render_markdown(HOSTILE).html
    assert "<script" not in html
    assert "alert" not in html


def test_javascript_and_data_links_lose_their_target():
    html = render_markdown(HOSTILE).html
    assert "javascript:" not in html
    assert "data:" not in html
    assert "click me" in html


def test_event_handler_attributes_are_removed():
    html = render_markdown(HOSTILE).html
    assert "onclick" not in html
    assert "onerror" not in html
    assert "onmouseover" not in html
    assert "steal" not in html


def test_links_keep_their_address_and_get_rel_noopener():
    html = render_markdown("[Transcom](https://example.org/transcom)").html
    assert '<a href="https://example.org/transcom" rel="noopener">Transcom</a>' in html


def test_headings_lists_and_tables_survive():
    text = "## Heading\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    html = render_markdown(text).html
    assert '<h2 id="section-heading">Heading</h2>' in html
    assert "<li>one</li>" in html
    assert "<table>" in html and "<td>1</td>" in html


def test_a_level_one_heading_is_demoted_so_the_page_keeps_one_h1():
    html = render_markdown("# Pasted title\n\ntext").html
    assert "<h1" not in html
    assert "<h2" in html


def test_long_guides_get_a_table_of_contents_and_short_ones_do_not():
    long_guide = render_markdown("## One\n\n## Two\n\n### Two a\n\n## Three\n")
    assert long_guide.show_toc
    assert [entry["id"] for entry in long_guide.toc] == [
        "section-one",
        "section-two",
        "section-three",
    ]
    assert not render_markdown("## Only one\n\ntext").show_toc
