"""Stage 7, write: the one place that writes the MkDocs project (build/) to disk."""

from generators.write.project import mkdocs_config, replace_site, sync_tree, write_docs, write_project

__all__ = ["mkdocs_config", "replace_site", "sync_tree", "write_docs", "write_project"]
