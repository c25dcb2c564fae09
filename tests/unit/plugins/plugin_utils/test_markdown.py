"""Names from the service as Markdown text: shown literally by a CommonMark renderer, never markup."""

import pytest

from ansible_collections.wxc.calling.plugins.plugin_utils.markdown import markdown_text


@pytest.mark.parametrize(
    "name,escaped",
    [
        ("Headquarters", "Headquarters"),
        ("<img src=x onerror=alert(1)>", "&lt;img src\\=x onerror\\=alert\\(1\\)&gt;"),
        ("[click](https://evil.test)", "\\[click\\]\\(https\\://evil\\.test\\)"),
        ("Sales | Support", "Sales \\| Support"),
        ("Line one\nline two\r\u2028three", "Line one line two  three"),
        ("a & b", "a &amp; b"),
        ("*bold* _it_ `code` # ~x~ !", "\\*bold\\* \\_it\\_ \\`code\\` \\# \\~x\\~ \\!"),
        ("back\\slash", "back\\\\slash"),
        (None, ""),
        (True, "true"),
        (2100, "2100"),
    ],
)
def test_markdown_text(name, escaped):
    assert markdown_text(name) == escaped


def test_a_commonmark_renderer_shows_the_name_and_runs_nothing():
    markdown = pytest.importorskip("markdown_it", reason="markdown-it-py renders CommonMark here when installed")
    hostile = "<img src=x onerror=alert(1)>](javascript:x) | `x`"
    html = markdown.MarkdownIt("commonmark").render("| %s |" % markdown_text(hostile))
    assert "<img" not in html and "<a " not in html and "onerror" in html
