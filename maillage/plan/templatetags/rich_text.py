from django import template

from maillage.core.plain_text import render_plain_text
from maillage.plan.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """`{{ body|markdown }}`: staff-written Markdown as sanitised HTML."""
    return render_markdown(text)


@register.filter(name="plain_text")
def plain_text_filter(text: str):
    """`{{ description|plain_text }}`: paragraphs and links of a plain text, escaped."""
    return render_plain_text(text)
