"""The `facts` table, a row per establishment of the territory filled from one source, and the
grouped counts read from it (second step: sources → facts → figures → presentation)."""
