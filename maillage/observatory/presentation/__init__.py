"""What the pages show from recorded snapshots only: tables, sentences in French, charts (SVG and
PNG), the comparison with published figures (last step: sources → facts → figures →
presentation)."""
