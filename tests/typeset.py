"""The text a page shows once French typography is applied (maillage.web.typography): a
non-breaking space before « : ; ! ? » and inside « guillemets ». Tests write expected text with
ordinary spaces, as people type it, and compare it through `french`, which makes the spaces the
page must have non-breaking. Written apart from the product's formatter, so that a formatter
bug cannot make both sides agree."""

import re

NBSP = "\u00a0"


def french(text: str) -> str:
    text = re.sub(r" ([:;!?»])", NBSP + r"\1", text)
    return re.sub(r"« ", "«" + NBSP, text)
