"""Stage 2, load: every file the build reads, read once, at the start.

Fingertips exports and tidy local CSVs (`exports`, with a content-hash cache in `cache`),
indicator metadata (`metadata`), the `make data` manifest, population (`population`),
boundaries and the officers' narrative and extra pages (`inputs`)."""

from generators.load.exports import Loaded, list_csv_files, load_inputs, read_fingertips_file, read_records, read_tidy_file
from generators.load.inputs import Inputs, load_all

__all__ = ["Inputs", "Loaded", "list_csv_files", "load_all", "load_inputs", "read_fingertips_file", "read_records", "read_tidy_file"]
