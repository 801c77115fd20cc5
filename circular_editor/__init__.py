"""Circular Editor: write ITU circular letters in Arabic and export them as PDF."""
from pathlib import Path

__version__ = "0.1.0"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
