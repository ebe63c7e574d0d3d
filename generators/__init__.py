"""Generators for a Joint Strategic Needs Assessment (JSNA) static website."""
