"""Stage 1, config: `jsna.yml` (or a folder of exports) read and checked into one typed `Config`.

One schema (`SCHEMA`, in `settings`) both checks the file and generates the reference page
(`reference`)."""

from generators.config.settings import (
    DEFAULT_CHAPTERS,
    ENGLAND,
    SCHEMA,
    Chapter,
    Config,
    Setting,
    build_config,
    config_for_folder,
    load_config,
    slugify,
)

__all__ = ["DEFAULT_CHAPTERS", "ENGLAND", "SCHEMA", "Chapter", "Config", "Setting", "build_config", "config_for_folder", "load_config", "slugify"]
