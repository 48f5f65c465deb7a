"""Open data: what an organisation shows the world, as JSON, GeoJSON, CSV and data·inclusion.

Every export reads the same public record (`public.py`), so a private field can only leave if it
is added there, and the tests of each export check that it does not.
"""
