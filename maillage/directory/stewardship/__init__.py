"""Keeping entries right: claims, edits, history, staleness reminders, duplicates."""
