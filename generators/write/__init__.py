"""Stage 7, write: the one place that writes the MkDocs project (build/) to disk.

`pages`: every page made by one executor, skipping those whose content hash is unchanged;
`project`: mkdocs.yml, the site's own pages and overrides, and the pruning of what is gone."""

from generators.write.pages import PagesOutput, make_pages, previous_state, state_bytes
from generators.write.project import mkdocs_config, sync_tree, write_docs, write_project

__all__ = ["PagesOutput", "make_pages", "mkdocs_config", "previous_state", "state_bytes", "sync_tree", "write_docs", "write_project"]
