from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from maillage.plan.markdown import render_markdown

ATTACKS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="#" onclick="alert(1)">lien</a>',
        '<div onmouseover="alert(1)">x</div>',
        "[lien](javascript:alert(1))",
        '<p style="color:red">x</p>',
        '<iframe src="https://exemple.org"></iframe>',
    ]
)


def test_markdown_renders_headings_lists_and_emphasis():
    html = render_markdown("### Titre\n\n- **un**\n- deux")
    assert html == "<h3>Titre</h3>\n<ul>\n<li><strong>un</strong></li>\n<li>deux</li>\n</ul>"


def test_links_keep_their_address_and_open_safely():
    html = render_markdown("[CADES](https://cades.example)")
    assert '<a href="https://cades.example" rel="noopener noreferrer">CADES</a>' in html


# Surrounding text without "=" or ":" so that it cannot spell an attribute or a scheme itself.
SURROUNDING = st.text(alphabet=st.characters(blacklist_characters="=:"), max_size=40)


@given(before=SURROUNDING, attack=ATTACKS, after=SURROUNDING)
def test_scripts_event_handlers_and_dangerous_links_never_survive(before, attack, after):
    html = render_markdown(f"{before}\n\n{attack}\n\n{after}").lower()
    assert "<script" not in html
    assert "javascript:" not in html
    for handler in ("onerror=", "onclick=", "onmouseover=", "style=", "<iframe"):
        assert handler not in html


def test_the_template_filter_renders_sanitised_markdown():
    template = Template("{% load rich_text %}{{ body|markdown }}")
    html = template.render(Context({"body": "**gras** <script>alert(1)</script>"}))
    assert html == "<p><strong>gras</strong> </p>"
