"""Staff texts are plain text: what is stored is what people read, with paragraphs and links."""

from maillage.core.plain_text import from_markdown, render_plain_text


def test_markdown_descriptions_become_the_text_a_reader_saw():
    text = (
        "### Programme\n\nUn **atelier** pour _tous_ : [le site](https://exemple.org/a).\n\n"
        "- point un\n- point [deux](mailto:a@exemple.org)\n\n*Données fictives.*"
    )

    assert from_markdown(text) == (
        "Programme\n\nUn atelier pour tous : le site (https://exemple.org/a).\n\n"
        "– point un\n– point deux (a@exemple.org)\n\nDonnées fictives."
    )


def test_a_link_whose_text_is_its_address_is_written_once():
    assert from_markdown("<https://exemple.org>") == "https://exemple.org"


def test_plain_text_is_escaped_with_paragraphs_line_breaks_and_links():
    html = render_plain_text("<b>Un</b>\nligne\n\n  \nVoir https://exemple.org")

    assert html == (
        "<p>&lt;b&gt;Un&lt;/b&gt;<br>ligne</p>"
        '<p>Voir <a href="https://exemple.org" rel="nofollow">https://exemple.org</a></p>'
    )
