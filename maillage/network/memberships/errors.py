class MembershipError(Exception):
    """A membership action refused; the message, in French, is shown to the person."""
