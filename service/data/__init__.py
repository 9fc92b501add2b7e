"""Curated data tables used by the event extractor (see ACTORS.md)."""
