"""Phone numbers in the form each reader expects: « 02 99 71 00 00 » for people and spreadsheets
(a leading « + » would be read as a formula and escaped), « +33299710000 » (E.164) for programs.

Numbers are read as French first, then as numbers of the overseas départements, whose national
form (« 0262 … ») is ambiguous without them. What cannot be read is kept as written."""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat

REGIONS = ("FR", "RE", "GP", "MQ", "GF", "YT", "PM", "NC", "PF")
FRANCE_AND_OVERSEAS = frozenset({33, 262, 590, 594, 596, 508, 687, 689})


def _parse(text: str) -> PhoneNumber | None:
    for region in REGIONS:
        try:
            number = phonenumbers.parse(text, region)
        except NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return number
    return None


def national(text: str) -> str:
    """« +33 2 99 71 00 00 » → « 02 99 71 00 00 »; a foreign number stays international."""
    number = _parse(text)
    if number is None:
        return text.strip()
    if number.country_code in FRANCE_AND_OVERSEAS:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def e164(text: str) -> str:
    """« 02 99 71 00 00 » → « +33299710000 »."""
    number = _parse(text)
    if number is None:
        return text.strip()
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)
