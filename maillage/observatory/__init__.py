"""The observatory: the territory's ESS figures, computed from rows, never typed in.

One sub-package a step of its pipeline, imports going one way only (import-linter contract
`observatory`): `sources` (SIRENE stock files, the directory's entries, reference tables, figures
others published) → `facts` (the `facts` table and its grouped counts) → `figures` (a snapshot's
rows, recorded once) → `presentation` (tables, sentences in French, SVG and PNG charts, the
comparison with published figures). Models, views, tasks and the staff's computation requests
stay at the root, as in every app.
"""
