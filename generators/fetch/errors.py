"""The one error type for a refresh that cannot finish."""

from __future__ import annotations


class RefreshError(Exception):
    """A refresh from Fingertips failed: says what was asked and what to try.

    The command line prints the message and exits with status 1, never a traceback.
    On this error the previous ``data/`` folder is left exactly as it was.
    """
