"""The yearly activity report."""
