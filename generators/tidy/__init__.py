"""Stage 3, tidy: every input row checked, classified and labelled into one indicator table."""

from generators.tidy.rows import Rejected, Tidy, local_file_names, tidy_rows

__all__ = ["Rejected", "Tidy", "local_file_names", "tidy_rows"]
