"""`python -m generators.publish MKDOCS_YML STAGING [REASON]`: MkDocs into the staging folder (run in a subprocess)."""

import sys

from generators.publish.staging import main

raise SystemExit(main(sys.argv[1:]))
