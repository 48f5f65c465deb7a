"""Geocoding of addresses through the API of the Base Adresse Nationale, in the task worker."""
