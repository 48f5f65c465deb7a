from django import template

from maillage.plan.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """`{{ body|markdown }}`: staff-written Markdown as sanitised HTML."""
    return render_markdown(text)
