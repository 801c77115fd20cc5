"""Circular Editor: write ITU circular letters in Arabic and export them as PDF."""
__version__ = "0.1.0"
