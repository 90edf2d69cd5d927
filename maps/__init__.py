"""Turns located events into maps and GIS files."""
