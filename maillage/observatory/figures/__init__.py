"""From grouped counts to a recorded snapshot: its rows, their labels and denominators, and the
one transaction that writes them (third step: sources → facts → figures → presentation)."""
