class FundingRefused(ValueError):
    """A change the funding records refuse; the message is French and shown to staff."""
