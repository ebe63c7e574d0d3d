"""Reference data shipped with the tool: England's areas (with their parents and successors) and
ONS's similar areas, written by `build_reference.py` from open sources (see data/SOURCE.md)."""
