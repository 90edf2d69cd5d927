"""Turns article text into located events (place mentions, events, geometries)."""
