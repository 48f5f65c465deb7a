class SnapshotRefused(Exception):
    """The input cannot give a trustworthy snapshot; the message says why, in French."""
